import type { BuildReport } from '../build-report.js';
import type { OutputRefusal as Refusal } from '../../output/output-ownership.js';
import type { BuildResult } from '../build-result.js';
import type { Language } from '../../i18n/messages.js';
import type { CliIo, CommonOptions, FoundPolicies } from '../cli-support.js';

/** The modules a build needs, loaded when it starts (the other commands never pay for them). */
export async function loadBuildModules(groups: readonly string[] | undefined) {
  const [
    { compilePool, chooseJobs },
    { OutputWriter },
    { outputRenderers },
    cache,
    { checkOutputFolder, OutputRefusal },
    { BuildReport },
    { localiseDiagnostic, withTexts, giveTexts },
  ] = await Promise.all([
    import('../compile-many.js'),
    import('../../output/output-writer.js'),
    // The renderers (and with them the compiler) only for a partial build, which must know which files are its own.
    groups ? import('../../output/output-renderers.js') : { outputRenderers: [] },
    import('../../output/build-cache.js'),
    import('../../output/output-ownership.js'),
    import('../build-report.js'),
    import('../../diagnostics/render-message.js'),
  ]);
  return {
    compilePool,
    chooseJobs,
    OutputWriter,
    outputRenderers,
    cache,
    checkOutputFolder,
    OutputRefusal,
    BuildReport,
    localiseDiagnostic,
    withTexts,
    giveTexts,
  };
}

export type BuildModules = Awaited<ReturnType<typeof loadBuildModules>>;

export type Writer = InstanceType<BuildModules['OutputWriter']>;

/** One build invocation: its options, the modules it runs on, and what it has gathered so far. */
export interface Build {
  readonly options: CommonOptions;
  readonly io: CliIo;
  readonly groups: readonly string[] | undefined;
  readonly lang: Language;
  /** --max-warnings. */
  readonly limit: number | undefined;
  readonly outDir: string;
  readonly mods: BuildModules;
  /** What each policy (by its place on the command line) is made from, read before anything compiles. */
  inputs: readonly PolicyInput[];
  /** The report, written as the policies come in; the build keeps its counts. */
  report: BuildReport;
  fileCount: number;
  writeError?: Error;
  /** The policy files (by place), the build's inputs and the folders it skipped: what a whole build may prune by. */
  found: FoundPolicies;
  /** --keep-going: write every policy without an error that stops a build, and skip the others. */
  readonly keepGoing: boolean;
  /** The policies this build checks but does not compile into outputs (see CheckOnly). */
  readonly checkOnly: CheckOnly;
  /**
   * --keep-going: the organisation folders policyc may not change, found before compiling (and, for a policy the
   * cache could not take after all, before it is compiled); their policies are skipped.
   */
  readonly refused: Map<number, Refusal>;
  /** --keep-going and --strict: the places of the policies whose findings fail under --strict. */
  readonly strictFailed: Set<number>;
  /** The place of the policy each staged organisation was made from. */
  readonly stagedIds: Map<string, number>;
  /** --keep-going: two policies with one id were both compiled (an id the build could not read first): nothing is written. */
  unsafe: boolean;
  /** What the build did, for --report. */
  readonly result: BuildResult;
}

/**
 * The policies a build only checks: every one it starts after an error that stops it (`all`, without
 * --keep-going: it will write nothing, so it renders nothing more, and still reports every policy's findings),
 * and (--keep-going) those it skips whatever they hold (`places`: a folder it may not change, an id an earlier
 * policy has).
 */
export interface CheckOnly {
  all: boolean;
  readonly places: Set<number>;
}

/** What opening the output folder needs. */
export type WriterContext = Pick<Build, 'options' | 'io' | 'groups' | 'outDir' | 'mods' | 'result'>;

/** What the build knows of a policy before compiling it. */
export interface PolicyInput {
  /** The display paths of the files it may report on: its own and those of the bases it extends. */
  sources: string[];
  /** Its id, when its text is a JSON object with a valid one. */
  id?: string;
  /** The cache key of a full build (text, bases, tool, options); none for partial builds and --history. */
  key?: string;
  /** Its text is not JSON (or cannot be read): compiled first, so that the error that stops the build comes soon. */
  suspect?: boolean;
}

/** What startBuild needs: the invocation and what it has read. */
export type BuildStart = WriterContext & Pick<Build, 'lang' | 'limit' | 'found'>;
