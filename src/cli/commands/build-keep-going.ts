import type { CompileJob } from '../compile-job.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { namedSome, resultEntry, type SkipReason } from '../build-result.js';
import type { Messages } from '../../i18n/messages.js';
import { diagnosticPath } from '../cli-support.js';
import type { Build, PolicyInput } from './build-state.js';
import { folderOf } from './build-outcome.js';
import { refusedSkipped } from './build-refusals.js';

/** A job that loads, validates and checks its policy but renders and writes nothing. */
export function onlyChecked(job: CompileJob): CompileJob {
  const { stageInto: _stageInto, ...rest } = job;
  return { ...rest, groups: [] };
}

/** --keep-going: the places of the policies whose id an earlier policy (on the command line) has: they are only checked. */
export function laterWithSameId(inputs: readonly PolicyInput[]): number[] {
  const seen = new Set<string>();
  const later: number[] = [];
  inputs.forEach((input, place) => {
    if (input.id === undefined) return;
    if (seen.has(input.id)) later.push(place);
    seen.add(input.id);
  });
  return later;
}

/** Whether --strict (flag or config) is on and `findings` hold an error or warning not acknowledged: what --strict fails on. */
export function failsStrict(build: Build, findings: readonly Diagnostic[]): boolean {
  return (
    build.options.values.strict === true &&
    findings.some((d) => !d.acknowledged && (d.severity === 'error' || d.severity === 'warning'))
  );
}

/** --keep-going: the policies not written, by place, each with why; none otherwise. */
export function skippedPolicies(build: Build): Map<number, SkipReason> {
  const skipped = new Map<number, SkipReason>();
  if (!build.keepGoing) return skipped;
  for (const place of build.strictFailed) skipped.set(place, 'strict');
  for (const place of build.report.failedPolicies) skipped.set(place, 'errors');
  for (const place of build.refused.keys()) skipped.set(place, 'refused');
  return new Map([...skipped].sort(([a], [b]) => a - b));
}

/** How many skipped policies the line names before it counts the rest. */
const SKIPPED_SHOWN = 5;

/**
 * --keep-going: the refused folders (refusedSkipped), then a line naming the policies skipped whose output was left
 * as it was, and one naming those whose folder an earlier policy with their id was written into; all in the build
 * result.
 */
export function reportSkipped(
  build: Build,
  skipped: ReadonlyMap<number, SkipReason>,
  report: Messages,
  out: string,
): void {
  refusedSkipped(build);
  const left: string[] = [];
  const taken: string[] = [];
  for (const [place, reason] of skipped) {
    const id = build.inputs[place]?.id;
    const source = diagnosticPath(build.io, build.found.files[place]!);
    // A skipped policy is never staged: its id staged is another policy's, written into its folder.
    (id !== undefined && build.stagedIds.has(id) ? taken : left).push(source);
    build.result.skipped.push({ ...resultEntry({ id, folder: id && folderOf(build, id), source }), reason });
  }
  const named = (shown: string[]) =>
    namedSome(shown, SKIPPED_SHOWN, (list, count) => report.t('report:namedMore', { list, count }));
  if (left.length) build.io.stderr(report.t('report:skipped', { count: left.length, files: named(left), out }) + '\n');
  if (taken.length)
    build.io.stderr(report.t('report:skippedTaken', { count: taken.length, files: named(taken), out }) + '\n');
}
