import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './cli.js';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * Java's class-data-sharing archive of the checker's classes, kept with the other caches in
 * node_modules/.cache, one per vnu.jar (its size and time): the JVM then maps the classes it
 * would otherwise load and verify from the jar at each start. The first check writes it; a JVM
 * of another version ignores it and loads the classes as before (its notes go to stdout, which
 * nobody reads: the report is on stderr).
 */
function sharedArchive(): { file: string; exists: boolean } {
  const jar = statSync(vnuJar);
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'policyc-vnu');
  const file = path.join(dir, `vnu-${jar.size}-${Math.trunc(jar.mtimeMs)}.jsa`);
  if (existsSync(file)) return { file, exists: true };
  mkdirSync(dir, { recursive: true });
  return { file, exists: false };
}

/**
 * The Nu Html Checker (vnu-jar, with the machine's Java) over `files`: errors only, as JSON on stderr.
 * The JVM compiles with its quick compiler only (C1): a check of a few dozen pages is over before the
 * optimising one pays off, and this halves the CPU time (the same messages). C1's frames are larger, and
 * the checker's schema needs a deeper stack than Java's default then. The serial collector and the
 * class archive (sharedArchive) took the CPU time of a check of 54 pages from 5.6 s to 4.7 s (medians).
 */
export function runNuChecker(files: readonly string[]): SpawnSyncReturns<string> {
  const archive = sharedArchive();
  // A new archive is written under a name of its own and then renamed: a JVM starting meanwhile never maps half of one.
  const writing = `${archive.file}.${process.pid}`;
  const sharing = archive.exists ? `-XX:SharedArchiveFile=${archive.file}` : `-XX:ArchiveClassesAtExit=${writing}`;
  const run = spawnSync(
    'java',
    [
      sharing,
      '-XX:+UseSerialGC',
      '-Xss8m',
      '-XX:TieredStopAtLevel=1',
      '-jar',
      vnuJar,
      '--format',
      'json',
      '--errors-only',
      ...files,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!archive.exists && existsSync(writing)) renameSync(writing, archive.file);
  return run;
}
