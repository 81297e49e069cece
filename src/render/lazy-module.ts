import { createRequire } from 'node:module';

const requireModule = createRequire(import.meta.url);

/**
 * A module loaded on first use, synchronously (Node ≥ 20.19 can `require` an
 * ES module). The Markdown stack (unified, micromark, rehype) costs about a
 * hundred milliseconds to load, and most policies have no text that needs it:
 * a `check` or `build` of such a policy never loads it.
 */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      loaded = requireModule(specifier) as T;
      loadedSpecifiers.push(specifier);
    }
    return loaded;
  };
}

const loadedSpecifiers: string[] = [];

/** The lazily loaded modules this process has loaded so far, in order (for tests and diagnostics). */
export function loadedLazyModules(): readonly string[] {
  return [...loadedSpecifiers];
}
