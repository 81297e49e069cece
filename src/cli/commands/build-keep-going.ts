import type { CompileJob } from '../compile-job.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { namedSome, resultEntry, type SkipReason } from '../build-result.js';
import type { Messages } from '../../i18n/messages.js';
import { cli, diagnosticPath } from '../cli-support.js';
import type { Build, PolicyInput } from './build-state.js';

import { folderOf } from './build-outcome.js';

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

/** --keep-going: the refusals found before compiling, then one line naming the policies skipped; all in the build result. */
export function reportSkipped(
  build: Build,
  skipped: ReadonlyMap<number, SkipReason>,
  report: Messages,
  out: string,
): void {
  const refusals = [...build.refused.values()];
  for (const refusal of refusals) {
    // The sentence's variant that says the other policies were written (refused.<key>_skipped).
    const detail = cli.t(`cli:refused.${refusal.key}`, { ...refusal.params, context: 'skipped' });
    build.io.stderr(cli.t('cli:refusal', { detail }) + '\n');
  }
  const shown: string[] = [];
  for (const [place, reason] of skipped) {
    const id = build.inputs[place]?.id;
    const source = diagnosticPath(build.io, build.found.files[place]!);
    shown.push(source);
    build.result.skipped.push({ ...resultEntry({ id, folder: id && folderOf(build, id), source }), reason });
  }
  const files = namedSome(shown, SKIPPED_SHOWN, (list, count) => report.t('report:namedMore', { list, count }));
  build.io.stderr(report.t('report:skipped', { count: skipped.size, files, out }) + '\n');
}
