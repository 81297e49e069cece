import type { BuildReport } from '../build-report.js';
import type { CompilePool } from '../compile-many.js';
import { cli, type CliIo } from '../cli-support.js';
import { cleanUpOnStop } from '../until-stopped.js';
import type { Writer } from './build-state.js';

/** What a signal's clean-up stops: the output folder's writer, the pool, the report (each set once it exists). */
export type Running = { writer?: Writer; pool?: CompilePool; report?: BuildReport };

/**
 * From here on, Ctrl+C or SIGTERM leaves nothing of this build's in the output folder `out` (no staging folder, no
 * lock) and says so: the workers stopped, the staging folder removed, the report ended (until-stopped.ts).
 */
export function cleanUpOnInterrupt(running: Running, io: CliIo, out: string): ReturnType<typeof cleanUpOnStop> {
  return cleanUpOnStop(async () => {
    await running.pool?.stop?.();
    running.writer?.abort();
    running.report?.finish();
    io.stderr(cli.t('cli:interrupted', { out }) + '\n');
  });
}
