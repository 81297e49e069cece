import path from 'node:path';
import { writeBuildResult, type BuildResult } from '../build-result.js';
import type { BuildModules, Build } from './build-state.js';

/** Writes the build result (--report) with its outcome and exit code; returns the exit code. */
export function finished(
  build: Pick<Build, 'options' | 'io' | 'result'>,
  outcome: BuildResult['result'],
  code: number,
): number {
  const file = build.options.values.report;
  build.result.result = outcome;
  build.result.exitCode = code;
  if (typeof file === 'string') writeBuildResult(file, build.io.cwd, build.result);
  return code;
}

/**
 * Stopped by a signal before the output was committed (Ctrl+C, SIGTERM): the build result says so, with the exit
 * code the process ends with; nothing was written.
 */
export function stopped(build: Pick<Build, 'options' | 'io' | 'result'>, code: number): void {
  build.result.built.length = 0;
  finished(build, 'stopped', code);
}

/** An organisation's folder in the output folder, as the report shows it. */
export function folderOf(build: Pick<Build, 'io' | 'outDir' | 'mods'>, id: string): string {
  return resultPath(build.mods, build.io.cwd, path.join(build.outDir, id));
}

/** A path in the build result: relative to the working folder when inside it (whatever --out or the config says), else absolute. */
export function resultPath(mods: BuildModules, cwd: string, target: string): string {
  return mods.isWithin(target, cwd) ? path.relative(cwd, target) || '.' : target;
}
