import type { CompileJob } from '../compile-job.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { namedSome, resultEntry, type SkipReason } from '../build-result.js';
import type { Messages } from '../../i18n/messages.js';
import { diagnosticPath } from '../cli-support.js';
import type { Build, PolicyInput } from './build-state.js';
import { folderOf } from './build-outcome.js';
import { refusedSkipped } from './build-refusals.js';
import { idOwners } from '../../pipeline/duplicate-ids.js';

/** A job that loads, validates and checks its policy but renders and writes nothing. */
export function onlyChecked(job: CompileJob): CompileJob {
  const { stageInto: _stageInto, ...rest } = job;
  return { ...rest, groups: [] };
}

/** For each id that several policies have, the place and display path of the one that keeps it (idOwners). */
export type IdKeepers = ReadonlyMap<string, { place: number; file: string }>;

/** The build's IdKeepers, read once from its inputs. */
export function idKeepers(inputs: readonly PolicyInput[]): IdKeepers {
  const owners = idOwners(inputs.map((input) => ({ id: input.id, file: input.sources[0]! })));
  return new Map([...owners].map(([id, place]) => [id, { place, file: inputs[place]!.sources[0]! }]));
}

/** --keep-going: the places of the policies whose id another policy keeps (`keepers`): they are only checked. */
export function othersWithSameId(inputs: readonly PolicyInput[], keepers: IdKeepers): number[] {
  return inputs.flatMap((input, place) =>
    input.id !== undefined && keepers.get(input.id)!.place !== place ? [place] : [],
  );
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

/** Why the skipped line names a policy: its folder left as it was, or holding an earlier policy's output with its id, written or unchanged. */
type SkippedLine = 'skipped' | 'skippedTaken' | 'skippedKept';

/**
 * The line naming a skipped policy with the id `id`. A skipped policy is never staged, nor unchanged: its id staged or
 * unchanged (`unchanged`: the ids of the policies the cache left as they were) is an earlier policy's, in its folder.
 */
function skippedLine(build: Build, id: string | undefined, unchanged: ReadonlySet<string | undefined>): SkippedLine {
  if (id !== undefined && build.stagedIds.has(id)) return 'skippedTaken';
  return id !== undefined && unchanged.has(id) ? 'skippedKept' : 'skipped';
}

/**
 * --keep-going: the refused folders (refusedSkipped), then a line naming the policies skipped whose output was left
 * as it was, one naming those whose folder an earlier policy with their id was written into, and one naming those
 * whose folder holds such an earlier policy's output, unchanged since the last build; all in the build result.
 */
export function reportSkipped(
  build: Build,
  skipped: ReadonlyMap<number, SkipReason>,
  report: Messages,
  out: string,
): void {
  refusedSkipped(build);
  const lines = new Map<SkippedLine, string[]>([
    ['skipped', []],
    ['skippedTaken', []],
    ['skippedKept', []],
  ]);
  const unchanged = new Set(build.result.unchanged.map((entry) => entry.id));
  for (const [place, reason] of skipped) {
    const id = build.inputs[place]?.id;
    const source = diagnosticPath(build.io, build.found.files[place]!);
    lines.get(skippedLine(build, id, unchanged))!.push(source);
    build.result.skipped.push({ ...resultEntry({ id, folder: id && folderOf(build, id), source }), reason });
  }
  for (const [key, files] of lines)
    if (files.length)
      build.io.stderr(
        report.t(`report:${key}`, { count: files.length, files: namedSome(files, SKIPPED_SHOWN, report), out }) + '\n',
      );
}
