import { cpSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.js';

/**
 * A copy of the package in `dir` (lib/ copied with its modification times, the
 * rest linked) whose compiled module `module` (a path under lib/) throws
 * `message` when it loads. The module keeps its modification time, so that the
 * bundles stay fresh: a run that loads the module anyway fails with `message`.
 */
export function sabotagedPackage(dir: string, module: string, message: string): string {
  packageCopy(dir);
  const sabotaged = path.join(dir, 'lib', module);
  const { atime, mtime } = statSync(sabotaged);
  writeFileSync(sabotaged, `export function runCompileJob() {}\nthrow new Error(${JSON.stringify(message)});\n`);
  utimesSync(sabotaged, atime, mtime);
  return dir;
}

/** A copy of the package in `dir` whose lib/ can be changed: lib/ copied with its modification times (its bundles stay fresh), the rest linked. */
export function packageCopy(dir: string): string {
  cpSync(path.join(repoRoot, 'lib'), path.join(dir, 'lib'), { recursive: true, preserveTimestamps: true });
  for (const name of ['package.json', 'node_modules', 'schema', 'templates', 'locales', 'presets'])
    symlinkSync(path.join(repoRoot, name), path.join(dir, name));
  return dir;
}
