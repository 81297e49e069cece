import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createRequire } from 'node:module';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * The Nu Html Checker (vnu-jar, with the machine's Java) over `files`: errors only, as JSON on stderr.
 * The JVM compiles with its quick compiler only (C1): a check of a few dozen pages is over before the
 * optimising one pays off, and this halves the CPU time (the same messages). C1's frames are larger, and
 * the checker's schema needs a deeper stack than Java's default then.
 */
export function runNuChecker(files: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(
    'java',
    ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', vnuJar, '--format', 'json', '--errors-only', ...files],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}
