import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The folder the running code lives in: lib/ (where this file compiles to
 * lib/paths.js, and where the bundled CLI sits: scripts/bundle-cli.mjs), or
 * src/ under vitest.
 */
export const codeDir = path.dirname(fileURLToPath(import.meta.url));

/** The package root: where schema/, templates/ and locales/ live, one level above the code. */
export const packageRoot = path.resolve(codeDir, '..');

export const schemaPath = path.join(packageRoot, 'schema', 'policy.schema.json');
/** The JSON Schema of policyc.config.json. */
export const configSchemaPath = path.join(packageRoot, 'schema', 'policyc.config.schema.json');
/** Sector presets: policy skeletons for `policyc init` and bases for `extends`. */
export const presetsDir = path.join(packageRoot, 'presets');
export const templatesDir = path.join(packageRoot, 'templates');
export const localesDir = path.join(packageRoot, 'locales');
/** The ahead-of-time schema validator that `npm run compile` writes. */
export const generatedValidatorPath = path.join(packageRoot, 'lib', 'validate', 'policy-schema.validator.cjs');
/** The precompiled Handlebars templates that `npm run compile` writes. */
export const generatedTemplatesPath = path.join(packageRoot, 'lib', 'render', 'templates.precompiled.cjs');

/** A relative path with '/' between its parts, as JSON, URIs, git and the manifest write it, on Windows too. */
export const posixPath = (p: string): string => p.split(path.sep).join('/');

/** The path from `from` to `to` with '/' between its parts (posixPath): a $schema, an extends, a manifest's entry. */
export const posixRelative = (from: string, to: string): string => posixPath(path.relative(from, to));

/**
 * How a path is shown in messages: as the user gave it (`given`, when it names `target`: --out ../site
 * stays ../site, --out /srv/x stays /srv/x); else relative to `cwd` when it lies inside it ('.' for
 * `cwd` itself), and absolute outside it — /sys/x, not ../../sys/x.
 */
export function shownPath(cwd: string, target: string, given?: string): string {
  if (given !== undefined && given.trim() !== '' && path.resolve(cwd, given) === target) {
    const normal = path.normalize(given);
    return normal.length > 1 && normal.endsWith(path.sep) ? normal.slice(0, -1) : normal;
  }
  const relative = path.relative(cwd, target);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
    ? path.resolve(cwd, target)
    : relative;
}

/**
 * `p`, a path at, below or beside the folder `dir`, shown from where `dir` is shown (`shownDir`, as shownPath or the
 * author gave it): the folder that cannot be written below --out ../site is ../site/org/nl, a base's link target is
 * shown from the base's file as the author named it.
 */
export const shownFrom = (shownDir: string, dir: string, p: string): string =>
  path.join(shownDir, path.relative(dir, p));

/** True when `inner` is `outer` or lies inside it (a name that merely starts with '..', such as '..notes', is inside). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * `p` with every symbolic link followed: the real path of its nearest existing folder, and the rest as it is.
 * The system's realpath, not Node's walk in JavaScript (an lstat and a Stats object per part of the path): a
 * build looks up every policy file's real place (checkOutputFolder), and for 1,000 policies in a cold process
 * that took 52–67 ms of CPU against 13–28 ms.
 */
export function realPlace(p: string): string {
  const rest: string[] = [];
  for (let at = p; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return p;
      rest.push(path.basename(at));
    }
  }
}
