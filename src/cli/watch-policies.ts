import { readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { loadExtended } from '../load/extends.js';

export interface PolicyWatcher {
  /** Every file watched: the policies and the bases they extend. */
  files(): string[];
  close(): void;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // mid-replace, or deleted: the next event brings the new content
  }
}

/** The files a policy is built from: itself and every base it extends (presets included). */
export function policySources(policy: string): string[] {
  const text = readText(policy);
  if (text === undefined) return [policy];
  return loadExtended(text, policy, policy).sources;
}

/**
 * Watches policies and every base they extend. When a file's content
 * changes, calls `rebuild` with the policies built from it (the policy
 * itself, or every policy that extends a changed base), one change at a
 * time; then reads their `extends` again, so a new base is watched too.
 * Folders are watched rather than files (editors save by replacing the
 * file, which ends a watch on the file itself); events are debounced per
 * file and dropped when the content is what it was (fs.watch reports one
 * save as several events).
 */
export function watchPolicies(
  policies: readonly string[],
  rebuild: (changed: string, affected: string[]) => Promise<void>,
  debounceMs = 80,
): PolicyWatcher {
  const sources = new Map(policies.map((p) => [p, policySources(p)]));
  const contents = new Map<string, string | undefined>();
  const folders = new Map<string, { names: Set<string>; watcher: FSWatcher }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let queue = Promise.resolve();

  const handle = async (file: string): Promise<void> => {
    const now = readText(file);
    if (now === undefined || now === contents.get(file)) return;
    contents.set(file, now);
    const affected = policies.filter((p) => sources.get(p)!.includes(file));
    await rebuild(file, affected);
    for (const p of affected) sources.set(p, policySources(p));
    watchAll();
  };
  const settle = (file: string): void => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        queue = queue.then(() => handle(file));
      }, debounceMs),
    );
  };
  const watchFile = (file: string): void => {
    if (!contents.has(file)) contents.set(file, readText(file));
    const folder = path.dirname(file);
    let entry = folders.get(folder);
    if (!entry) {
      const names = new Set<string>();
      // Without a name (some platforms), any watched file in the folder may have changed.
      const watcher = watch(folder, (_event, name) => {
        for (const n of name ? [name.toString()] : names) if (names.has(n)) settle(path.join(folder, n));
      });
      folders.set(folder, (entry = { names, watcher }));
    }
    entry.names.add(path.basename(file));
  };
  const watchAll = (): void => {
    for (const list of sources.values()) list.forEach(watchFile);
  };
  watchAll();
  return {
    files: () => [...new Set([...sources.values()].flat())].sort(),
    close() {
      for (const { watcher } of folders.values()) watcher.close();
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}
