import type { BuildReport } from '../build-report.js';
import type { CompilePool } from '../compile-many.js';
import { cli, type CliIo } from '../cli-support.js';
import { cleanUpOnStop } from '../until-stopped.js';
import type { Writer } from './build-state.js';

/** What a signal's clean-up stops: the output folder's writer, the pool, the report (each set once it exists). */
export type Running = { writer?: Writer; pool?: CompilePool; report?: BuildReport };

/**
 * From here on, Ctrl+C or SIGTERM leaves nothing of this build's in the output folder `out` (no staging folder, no
 * lock) and says so: the workers stopped, the staging folder removed, the report ended (until-stopped.ts), and
 * `stopped` given the exit code the process ends with (for --report).
 */
export function cleanUpOnInterrupt(
  running: Running,
  io: CliIo,
  out: string,
  stopped: (code: number) => void,
): ReturnType<typeof cleanUpOnStop> {
  return cleanUpOnStop(async (code) => {
    await running.pool?.stop?.();
    running.writer?.abort();
    running.report?.finish();
    io.stderr(cli.t('cli:interrupted', { out }) + '\n');
    stopped(code);
  });
}
