import type { OutputRefusal as Refusal } from '../../output/output-ownership.js';
import { isLanguage, listsJoined } from '../../i18n/messages.js';
import { posixPath, shownPath } from '../../paths.js';
import { cli, EXIT_BUSY, EXIT_CANTCREAT, EXIT_USAGE, parseLanguages } from '../cli-support.js';
import type { BuildModules, Writer, Build, WriterContext, PolicyInput } from './build-state.js';
import { finished } from './build-outcome.js';

/**
 * The organisation folders of the policies about to be compiled that policyc may not change (by the policy's
 * place): looked at before compiling, so that one run names every one of them. A full build only, which knows
 * each policy's id before compiling; commit() looks again, at every folder it would change.
 */
export function refusedFolders(
  build: WriterContext,
  writer: Writer,
  inputs: readonly PolicyInput[],
  compileNow: readonly number[],
): Map<number, Refusal> {
  const places = new Map<string, number>();
  for (const place of compileNow) {
    const id = inputs[place]!.id;
    if (id !== undefined && !places.has(id)) places.set(id, place);
  }
  if (build.groups || !places.size) return new Map();
  // With --lang, a file in another language's folder is one the build no longer makes.
  const languages = build.options.lang ? parseLanguages(build.options.lang) : undefined;
  const dropped = (file: string): boolean => {
    const [folder = '', ...rest] = file.split('/');
    return languages !== undefined && rest.length > 0 && isLanguage(folder) && !languages.includes(folder);
  };
  const refused = writer.refusedFolders([...places.keys()], dropped);
  return new Map([...refused].map(([id, refusal]) => [places.get(id)!, refusal] as const));
}

/**
 * --keep-going: a cache candidate the cache could not take after all (a file in its folder edited since the last
 * build, …) is compiled, so its folder is looked at as those of the policies compiled from the start were: when
 * policyc may not change it, the policy is only checked, and skipped as refused (else commit would refuse the
 * whole build). A later policy with an earlier one's id is only checked already.
 */
export function refusedLater(build: Build, writer: Writer, place: number): void {
  if (!build.keepGoing || build.checkOnly.places.has(place)) return;
  for (const [refusedPlace, refusal] of refusedFolders(build, writer, build.inputs, [place])) {
    build.refused.set(refusedPlace, refusal);
    build.checkOnly.places.add(refusedPlace);
  }
}

/** Refuses the build for `refusals` (each said on its own line), before anything was compiled or written. */
export function refuseAll(build: WriterContext, writer: Writer, refusals: readonly Refusal[]): number {
  writer.abort();
  const [first, ...rest] = refusals;
  return refused(build, new build.mods.OutputRefusal(first!.key, first!.params, rest));
}

/** Refusals about --out itself (where it is, not what is in it): the command must change, a usage error. */
const OUT_REFUSALS: readonly string[] = [
  'outEmpty',
  'outProjectRoot',
  'outToolFolder',
  'outInPolicies',
  'outIsPolicy',
  'outHoldsPolicies',
];

/**
 * The exit code of a refusal to write: a held lock is EXIT_BUSY (try again later), a refused --out a usage error,
 * and an output folder policyc may not change (foreign or edited files, permissions, …) EXIT_CANTCREAT.
 */
function refusalCode(key: string): number {
  if (key === 'locked') return EXIT_BUSY;
  return OUT_REFUSALS.includes(key) ? EXIT_USAGE : EXIT_CANTCREAT;
}

/** A refusal to write, and those found with it, each on a line of its own, with its exit code; anything else is rethrown. */
export function refused(build: Pick<Build, 'mods' | 'io' | 'options' | 'result'>, error: unknown): number {
  if (!(error instanceof build.mods.OutputRefusal)) throw error;
  for (const refusal of error.all) say(build, refusal, refusalMessage(build, refusal));
  const code = refusalCode(error.key);
  return finished(build, code === EXIT_BUSY ? 'busy' : 'refused', code);
}

/**
 * A refusal's sentence. An output folder that came from the config file's "out" is named as the file gives it, at
 * its place there, with advice about "out" (refused.<key>_config), not about an --out that was not given.
 */
function refusalMessage(build: Pick<Build, 'io' | 'options'>, refusal: Refusal): string {
  const { config, fromConfig } = build.options;
  const at = fromConfig?.includes('out') && OUT_REFUSALS.includes(refusal.key) ? config.outAt : undefined;
  if (!at || !config.file) return cli.t(`cli:refused.${refusal.key}`, refusalParams(refusal));
  const params = refusalParams({ params: { ...refusal.params, out: at.text } });
  const file = shownPath(build.io.cwd, config.file);
  return cli.t(`cli:refused.${refusal.key}`, { ...params, file, line: at.line, column: at.column, context: 'config' });
}

/**
 * --keep-going: the folders refused whose policies were skipped, in the report's order (as the skipped policies are
 * listed), each in the sentence's variant that says the other policies were written (refused.<key>_skipped).
 */
export function refusedSkipped(build: Pick<Build, 'io' | 'result' | 'refused'>): void {
  for (const [, refusal] of [...build.refused].sort(([a], [b]) => a - b))
    say(build, refusal, cli.t(`cli:refused.${refusal.key}`, { ...refusalParams(refusal), context: 'skipped' }));
}

/** A refusal's params as its sentence takes them: lists joined, and --out through a link shown with where it leads. */
function refusalParams(refusal: Pick<Refusal, 'params'>): Record<string, string> {
  const params = listsJoined(refusal.params, cli);
  const { out, leadsTo } = params;
  return out !== undefined && leadsTo !== undefined
    ? { ...params, out: cli.t('cli:outLeadsTo', { out, leadsTo }) }
    : params;
}

/** A refusal said on a line of its own, and listed in the build result with its key and the sentence said. */
function say(build: Pick<Build, 'io' | 'result'>, refusal: Refusal, message: string): void {
  build.io.stderr(cli.t('cli:refusal', { detail: message }) + '\n');
  const folder = refusal.params.path ?? refusal.params.out ?? '';
  build.result.refused.push({ folder: posixPath(folder), reason: refusal.key, message });
}

/** The writer for the output folder, or the exit code when policyc may not write there. */
export function openWriter(build: WriterContext, files: readonly string[], roots: readonly string[]): Writer | number {
  const { options, io, groups, outDir, mods } = build;
  try {
    mods.checkOutputFolder(options.out, io.cwd, files, roots);
    return new mods.OutputWriter(outDir, {
      shownAs: shownPath(io.cwd, outDir, options.out),
      overwriteEdited: options.values.force === true,
      ...(groups ? { merge: { owns: partialOwner(mods, groups) } } : {}),
    });
  } catch (error) {
    return refused(build, error);
  }
}

/** Whether a file (relative to an organisation's folder) belongs to the outputs of a partial build. */
function partialOwner(mods: BuildModules, groups: readonly string[]): (file: string) => boolean {
  const partial = mods.outputRenderers.filter((r) => groups.includes(r.group));
  return (file) => {
    const [folder = '', ...rest] = file.split('/');
    return partial.some((r) =>
      r.scope === 'language'
        ? isLanguage(folder) && rest.length === 1 && r.owns?.(rest[0]!) === true
        : r.owns?.(file) === true,
    );
  };
}
