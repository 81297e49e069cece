import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatCompact } from '../../diagnostics/format-diagnostics.js';
import { localiseDiagnostics } from '../../diagnostics/render-message.js';
import { messagesFor, type Language } from '../../i18n/messages.js';
import type { PolicySideSource } from '../../diff/policy-revision.js';
import type { SourceReader } from '../../load/extends.js';
import type { DiffResult } from '../../diff/render-diff.js';
import type { ChainEntry } from '../../diff/render-diff-many.js';
import { compareStrings } from '../../compare-strings.js';
import { isWithin } from '../../paths.js';
import { findPolicies } from '../../pipeline/find-policies.js';
import { namedBases } from '../named-bases.js';
import {
  cli,
  EXIT_INVALID,
  EXIT_OK,
  joinMessages,
  messageLanguage,
  readPolicy,
  relativeTo,
  reportDiagnostics,
  UsageError,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';

/** Exit code when --fail-on finds a change of the class asked for (for CI gating). */
const EXIT_CHANGES = 3;

/** --fail-on values: which changes fail the run. */
const failOn: Record<string, (c: { class: string }) => boolean> = {
  material: (c) => c.class === 'material',
  any: () => true,
};

const modules = () =>
  Promise.all([
    import('../../diff/policy-revision.js'),
    import('../../diff/compare-policies.js'),
    import('../../diff/render-diff.js'),
    import('../../diff/dates.js'),
    import('../../diff/render-diff-many.js'),
    import('../../pipeline/analyse-policy.js'),
    import('../../render/format.js'),
  ]);
type Modules = Awaited<ReturnType<typeof modules>>;

interface DiffRun {
  options: CommonOptions;
  io: CliIo;
  lang: Language;
  notifyDate?: string;
  mods: Modules;
}

/** One side's text and label; a git problem is a usage error, an unreadable file a diagnostic. */
function readSide(
  run: DiffRun,
  side: PolicySideSource,
  arg: string,
  which: 'old' | 'new',
): ReturnType<typeof readPolicy> & { label: string; reader?: SourceReader } {
  const { io } = run;
  const relative = relativeTo(io, side.file);
  if (side.kind === 'file') return { ...readPolicy(side.file, io), label: relative };
  const shown = run.mods[0].readRevision(side.revision, side.file);
  if ('text' in shown)
    return { text: shown.text, reader: shown.reader, label: `${side.revision}:${relative}`, diagnostics: [] };
  const vars = {
    which: cli.t(`diff:error.which.${which}`),
    side: arg,
    path: relativeTo(io, 'path' in shown ? shown.path : side.file),
    revision: side.revision,
  };
  // 'polcy.json' or 'policies/x/polcy.json' not found was taken for a git revision: say what it looks like.
  // Outside a repository, a bare old side that names a path ('nope.json', an empty folder) is a file
  // that does not exist, not a git problem; 'HEAD~1' there still is one.
  const namesPath = /\.json$|[\\/]/i.test(arg) || existsSync(path.resolve(io.cwd, arg));
  const looksLikeFile =
    !arg.includes(':') && namesPath && (shown.problem === 'unknownRevision' || shown.problem === 'notInRepository');
  throw new UsageError(cli.t(`diff:error.${looksLikeFile ? 'noSuchFile' : shown.problem}`, vars));
}

/** Both sides read and compared; undefined (with the diagnostics reported) when either is not a valid policy. */
function compareSides(
  run: DiffRun,
  oldSide: PolicySideSource,
  newSide: PolicySideSource,
  args: [string, string],
  onInvalid: (diagnostics: Diagnostic[], baseLike: string[]) => void = (d) =>
    reportDiagnostics(d, run.options, run.io, run.lang),
  base = false,
): DiffResult | undefined {
  const before = readSide(run, oldSide, args[0], 'old');
  const after = readSide(run, newSide, args[1], 'new');
  if (before.text === undefined || after.text === undefined) {
    onInvalid([...before.diagnostics, ...after.diagnostics], []);
    return undefined;
  }
  const compared = run.mods[1].comparePolicies(
    { text: before.text, label: before.label, path: oldSide.file, ...(before.reader ? { reader: before.reader } : {}) },
    { text: after.text, label: after.label, path: newSide.file, ...(after.reader ? { reader: after.reader } : {}) },
    { base, ...(run.notifyDate ? { notifyDate: run.notifyDate } : {}) },
  );
  if (!compared.value) {
    onInvalid(compared.diagnostics, compared.baseLike ?? []);
    return undefined;
  }
  if (compared.diagnostics.length) run.io.stderr(formatCompact(compared.diagnostics, run.io.cwd, run.lang) + '\n');
  return compared.value;
}

/**
 * A side that is not a valid policy (review improvement 11): in JSON the report's own shape, with
 * no changes and the diagnostics; otherwise the diagnostics and a closing line that nothing was compared.
 */
function reportInvalid(run: DiffRun, diagnostics: Diagnostic[], args: [string, string], baseLike: string[]): void {
  const { options, io, lang } = run;
  if (options.format === 'json') {
    const localised = localiseDiagnostics([...diagnostics].sort(compareDiagnostics), lang);
    const side = (label: string): { label: string } => ({ label });
    const report = { old: side(args[0]), new: side(args[1]), counts: null, changes: null, notice: null };
    io.stdout(`${JSON.stringify({ ...report, diagnostics: localised }, null, 2)}\n`);
    return;
  }
  reportDiagnostics(diagnostics, options, io, lang);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  io.stderr(`${messagesFor(lang).t('diff:error.notCompared', { count: errors })}\n`);
  // A base with a problem a base may not have: how to see its change all the same.
  const m = messagesFor(lang);
  const sides = run.mods[6].joinList(baseLike, m);
  if (baseLike.length) io.stderr(`${m.t('diff:error.notComparedBase', { sides, count: baseLike.length })}\n`);
}

/** A folder of policies (not itself a policy): the new side of a chain diff. */
function isPolicyFolder(arg: string, cwd: string): boolean {
  const folder = path.resolve(cwd, arg);
  return existsSync(folder) && statSync(folder).isDirectory() && !existsSync(path.join(folder, 'policy.json'));
}

/**
 * The folders of a chain diff, after its revision: each folder named (`diff HEAD~1 policies/dental policies/gp`), a
 * folder that holds no policy standing for the config's policies folders inside it (`diff HEAD~1 policies`), and
 * with none named, the config's policies folders, or policies/ without a config file (`diff HEAD~1`); undefined
 * when the sides are not folders.
 */
function chainFolders(options: CommonOptions, io: CliIo): string[] | undefined {
  const [revision, ...named] = options.paths;
  // Without a config file, the folder every command reads by default.
  const policies = options.config.policies ?? [path.resolve(io.cwd, 'policies')];
  const configured = policies.filter((folder) => isPolicyFolder(folder, io.cwd));
  if (revision === undefined) return undefined;
  if (!named.length)
    return configured.length && !existsSync(path.resolve(io.cwd, revision)) && !revision.includes(':')
      ? configured.map((folder) => shownFolder(io, folder))
      : undefined;
  if (!named.every((arg) => isPolicyFolder(arg, io.cwd))) return undefined;
  return named.flatMap((arg) => {
    const folder = path.resolve(io.cwd, arg);
    // Both resolved: the configured folders strictly inside the named one.
    const inside = configured.filter((p) => p !== folder && isWithin(p, folder));
    return inside.length && !findPolicies([folder]).files.length ? inside.map((p) => shownFolder(io, p)) : [arg];
  });
}

/** A folder as a chain diff names it: from the working folder. */
const shownFolder = (io: CliIo, folder: string): string => path.relative(io.cwd, folder) || '.';

/** Why the sides given are not two sides, nor a revision and folders of policies. */
function sidesMessage(paths: readonly string[], io: CliIo): string {
  if (paths.length < 2) return cli.t('diff:error.arguments');
  const notFolder = paths.slice(1).find((arg) => !isPolicyFolder(arg, io.cwd))!;
  return cli.t('diff:error.tooManySides', { count: paths.length, paths: paths.join(' '), path: notFolder });
}

/** `policyc diff HEAD~1 policies/`: every policy in the folder against its version in the revision. */
function diffChain(run: DiffRun, revision: string, folder: string): { entries: ChainEntry[]; invalid: boolean } {
  const { files } = findPolicies([path.resolve(run.io.cwd, folder)]);
  const then = policiesThen(run, revision, folder, files.length > 0);
  const entries: ChainEntry[] = [];
  let invalid = false;
  for (const file of files) {
    const label = relativeTo(run.io, file);
    const old = run.mods[0].readRevision(revision, file);
    if ('problem' in old && old.problem === 'notInRevision') {
      const added = addedPolicy(run, file, label);
      if (added) entries.push(added);
      else invalid = true;
      continue;
    }
    const result = compareSides(run, { kind: 'revision', revision, file }, { kind: 'file', file }, [revision, label]);
    if (result) entries.push({ label, result });
    else invalid = true;
  }
  const gone = then.filter((file) => !files.includes(file));
  entries.push(...gone.map((file) => removedPolicy(run, revision, file)));
  entries.sort((a, b) => compareStrings(a.label, b.label));
  return { entries, invalid };
}

/**
 * The policy files the folder held in the revision; a usage error when git cannot tell, or when there is
 * nothing to compare (no policy in the folder now, nor then), saying whether the folder existed then.
 */
function policiesThen(run: DiffRun, revision: string, folder: string, anyNow: boolean): string[] {
  const then = run.mods[0].folderInRevision(revision, path.resolve(run.io.cwd, folder));
  const vars = { which: cli.t('diff:error.which.old'), side: revision, revision, folder };
  if ('problem' in then)
    throw new UsageError(
      cli.t(`diff:error.${then.problem}`, { ...vars, path: relativeTo(run.io, 'path' in then ? then.path : folder) }),
    );
  if (!anyNow && then.policies.length === 0) {
    // A folder of a chain's bases (shared/): each base is compared as a file.
    const bases = namedBases({ ...run.options, paths: [folder] }, run.io).bases.map((b) =>
      cli.t('diff:error.chainBaseThere', { file: relativeTo(run.io, b.file), revision }),
    );
    const key = `diff:error.${then.existed ? 'chainNoPolicies' : 'chainFolderNotInRevision'}`;
    throw new UsageError(joinMessages([cli.t(key, vars), ...bases]));
  }
  return then.policies;
}

/** A policy the revision has and the folder no longer does: named in the summary by what it said then. */
function removedPolicy(run: DiffRun, revision: string, file: string): ChainEntry {
  const label = relativeTo(run.io, file);
  const shown = run.mods[0].readRevision(revision, file);
  const model =
    'text' in shown
      ? run.mods[5].analyse(shown.text, label, { check: false, path: file, reader: shown.reader }).model
      : undefined;
  const name = model ? run.mods[6].controllerName(model.source.controller, messagesFor(run.lang)) : label;
  return { label, removed: true, id: model?.id ?? '', name };
}

/** A policy that the revision does not have: named in the summary, checked like any other. */
function addedPolicy(run: DiffRun, file: string, label: string): ChainEntry | undefined {
  const read = readPolicy(file, run.io);
  const analysed =
    read.text === undefined ? undefined : run.mods[5].analyse(read.text, label, { check: false, path: file });
  if (!analysed?.model) {
    reportDiagnostics([...read.diagnostics, ...(analysed?.diagnostics ?? [])], run.options, run.io, run.lang);
    return undefined;
  }
  const { controllerName } = run.mods[6];
  return {
    label,
    added: true,
    id: analysed.model.id,
    name: controllerName(analysed.model.source.controller, messagesFor(run.lang)),
  };
}

function checkedOptions(options: CommonOptions, mods: Modules): { failOnValue?: string; notifyDate?: string } {
  const failOnValue = options.values['fail-on'];
  if (typeof failOnValue === 'string' && !failOn[failOnValue])
    throw new UsageError(cli.t('diff:error.badFailOn', { value: failOnValue }));
  const notifyDate = options.values['notify-date'];
  if (typeof notifyDate === 'string' && !mods[3].isIsoDate(notifyDate))
    throw new UsageError(cli.t('diff:error.badDate', { value: notifyDate }));
  return {
    ...(typeof failOnValue === 'string' ? { failOnValue } : {}),
    ...(typeof notifyDate === 'string' ? { notifyDate } : {}),
  };
}

/**
 * `policyc diff <old> <new>`: what changed between two versions of a
 * policy, whether it is material, and a notice for the people concerned.
 * A side is a file, `rev:path`, or (old side) a bare git revision of the new file;
 * `policyc diff <rev> <folder>` compares every policy in the folder (a chain).
 */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  const mods = await modules();
  const { failOnValue, notifyDate } = checkedOptions(options, mods);
  const run: DiffRun = { options, io, lang: messageLanguage(options), mods, ...(notifyDate ? { notifyDate } : {}) };
  const [oldArg, newArg] = options.paths as [string, string];
  const m = messagesFor(run.lang);
  const failing = (changes: readonly { class: string }[]): boolean =>
    failOnValue !== undefined && changes.some(failOn[failOnValue]!);
  const folders = chainFolders(options, io);
  if (folders) {
    if (oldArg.includes(':') || existsSync(path.resolve(io.cwd, oldArg)))
      throw new UsageError(cli.t('diff:error.chainRevision', { side: oldArg }));
    const chains = folders.map((folder) => diffChain(run, oldArg, folder));
    const entries = chains.flatMap((chain) => chain.entries).sort((a, b) => compareStrings(a.label, b.label));
    io.stdout(mods[4].chainRenderers[options.format]!({ revision: oldArg, entries }, m));
    if (chains.some((chain) => chain.invalid)) return EXIT_INVALID;
    return entries.some((e) => 'result' in e && failing(e.result.changes)) ? EXIT_CHANGES : EXIT_OK;
  }
  if (options.paths.length !== 2) throw new UsageError(sidesMessage(options.paths, io));
  const newSide = mods[0].parseSide(newArg, io.cwd);
  if (!newSide) {
    // nothere/ or x/policy.json: a path that is not there (HEAD alone may be a revision put on the wrong side).
    const absent = /[\\/]|\.json$/i.test(newArg) && !newArg.includes(':') && !existsSync(path.resolve(io.cwd, newArg));
    throw new UsageError(cli.t(absent ? 'diff:error.newSideMissing' : 'diff:error.newSideRevision', { side: newArg }));
  }
  const oldSide = mods[0].parseSide(oldArg, io.cwd, newSide.file)!;
  // Two versions of one file may be a chain's base (the policies of a folder are each complete).
  const invalid = (d: Diagnostic[], baseLike: string[]): void => reportInvalid(run, d, [oldArg, newArg], baseLike);
  const result = compareSides(run, oldSide, newSide, [oldArg, newArg], invalid, true);
  if (!result) return EXIT_INVALID;
  io.stdout(mods[2].diffRenderers[options.format]!(result, m));
  return failing(result.changes) ? EXIT_CHANGES : EXIT_OK;
}
