import path from 'node:path';
import { writeBuildResult, type BuildResult } from '../build-result.js';
import { isWithin } from '../../paths.js';
import { systemReason } from '../../diagnostics/system-error.js';
import { cli, EXIT_CANTCREAT, EXIT_OK, relativeTo } from '../cli-support.js';
import type { Build } from './build-state.js';

/**
 * Writes the build result (--report) with its outcome and exit code; returns the exit code. An outcome that wrote
 * nothing (failed, refused, busy, stopped) lists no policy as built or unchanged: none is to deploy, and a build
 * stopped by a signal or a crash had looked at only as many policies as it got to (the result must not depend on when).
 */
export function finished(
  build: Pick<Build, 'options' | 'io' | 'result'>,
  outcome: BuildResult['result'],
  code: number,
): number {
  const file = build.options.values.report;
  build.result.result = outcome;
  build.result.exitCode = code;
  if (outcome !== 'built' && outcome !== 'partial') {
    build.result.built.length = 0;
    build.result.unchanged.length = 0;
  }
  return typeof file === 'string' ? writeResult(build, file, code) : code;
}

/**
 * Writes the build result to `file`; one that cannot be written (no permission, a read-only disk, …) is said on a
 * line of its own, in the message language, and the run ends with the build's exit code, or, when the build
 * succeeded, with EXIT_CANTCREAT: what was asked for was not all written.
 */
function writeResult(build: Pick<Build, 'io' | 'result'>, file: string, code: number): number {
  try {
    writeBuildResult(file, build.io.cwd, build.result);
    return code;
  } catch (error) {
    const shown = relativeTo(build.io, path.resolve(build.io.cwd, file), file);
    build.io.stderr(cli.t('cli:report.notWritten', { file: shown, reason: systemReason(error, cli) }) + '\n');
    return code === EXIT_OK ? EXIT_CANTCREAT : code;
  }
}

/** An organisation's folder in the output folder, as the report shows it. */
export function folderOf(build: Pick<Build, 'io' | 'outDir'>, id: string): string {
  return resultPath(build.io.cwd, path.join(build.outDir, id));
}

/** A path in the build result: relative to the working folder when inside it (whatever --out or the config says), else absolute. */
export function resultPath(cwd: string, target: string): string {
  return isWithin(target, cwd) ? path.relative(cwd, target) || '.' : target;
}
