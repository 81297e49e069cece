import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { diagnosticTexts, type DiagnosticTexts } from '../diagnostics/render-message.js';
import { systemErrorText } from '../diagnostics/system-error.js';
import type { LayoutOptions } from '../pipeline/layout-options.js';
import { readPolicyFile } from '../load/read-policy-file.js';
import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import { compilePolicy, type IdPosition } from '../pipeline/compile-policy.js';
import type { OutputFile } from '../output/output-file.js';
import { stageFiles, type StagedFiles } from '../output/stage-files.js';
import type { CsvDialect } from '../render/register/csv-dialect.js';

/** One policy to compile: what a worker (or the main thread) is given. */
export interface CompileJob extends LayoutOptions {
  index: number;
  /** Absolute path to read. */
  file: string;
  /** The path diagnostics show. */
  displayPath: string;
  languages?: Language[];
  groups?: readonly string[];
  csvBom?: boolean;
  csvDialect?: CsvDialect;
  idPrefix?: string;
  /** Acknowledged findings from the config file. */
  acknowledged?: readonly ExternalAcknowledgement[];
  /** --history: the notice's change history from git. */
  history?: boolean;
  /** The language of the report: the result carries each diagnostic's sentences in it (written here, in parallel). */
  messageLanguage?: Language;
  /**
   * A build's staging folder (OutputWriter.stagingFolder): the outputs are
   * written there by the thread that compiled them, and the result carries
   * `staged` instead of them.
   */
  stageInto?: string;
}

/** With `stageInto`: the organisations written, their files' hashes and how many files, or why writing failed (the error's message). */
export type StagedOutputs = (StagedFiles & { files: number }) | { error: string };

/** What comes back: plain data, cheap to pass between threads. */
export interface CompileJobResult {
  index: number;
  displayPath: string;
  id?: string;
  idPosition?: IdPosition;
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Compliance findings: reported, never a reason to withhold the outputs. */
  findings: Diagnostic[];
  /** With `messageLanguage`: the sentences of each of `diagnostics` and `findings`, in that language. */
  texts?: { diagnostics: DiagnosticTexts[]; findings: DiagnosticTexts[] };
  staged?: StagedOutputs;
}

/** Reads and compiles one policy; an unreadable file is a diagnostic, not an exception. */
export async function runCompileJob(job: CompileJob): Promise<CompileJobResult> {
  const { text, diagnostics } = readPolicyFile(job.file, job.displayPath);
  if (text === undefined)
    return withTexts(job, { index: job.index, displayPath: job.displayPath, outputs: [], findings: [], diagnostics });
  const compiled = await compilePolicy(text, job.displayPath, {
    ...(job.languages ? { languages: job.languages } : {}),
    ...(job.groups ? { groups: job.groups } : {}),
    csvBom: job.csvBom === true,
    ...(job.csvDialect ? { csvDialect: job.csvDialect } : {}),
    path: job.file,
    ...(job.idPrefix !== undefined ? { idPrefix: job.idPrefix } : {}),
    ...(job.headingLevel !== undefined ? { headingLevel: job.headingLevel } : {}),
    acknowledged: job.acknowledged ?? [],
    ...(job.history ? { historyFromGit: true } : {}),
  });
  return withTexts(job, {
    index: job.index,
    displayPath: job.displayPath,
    ...staged(job, compiled.outputs),
    diagnostics: compiled.diagnostics,
    findings: compiled.findings,
    ...(compiled.id !== undefined ? { id: compiled.id } : {}),
    ...(compiled.idPosition ? { idPosition: compiled.idPosition } : {}),
  });
}

/** The outputs, or with `stageInto` none: they are written into the staging folder. */
function staged(job: CompileJob, outputs: OutputFile[]): Pick<CompileJobResult, 'outputs' | 'staged'> {
  if (job.stageInto === undefined) return { outputs };
  try {
    return { outputs: [], staged: { ...stageFiles(job.stageInto, outputs), files: outputs.length } };
  } catch (error) {
    // Written here, in the build's message language: only the text crosses back from the thread.
    return { outputs: [], staged: { error: systemErrorText(error, messagesFor(job.messageLanguage ?? 'en')) } };
  }
}

function withTexts(job: CompileJob, result: CompileJobResult): CompileJobResult {
  if (!job.messageLanguage) return result;
  const messages = messagesFor(job.messageLanguage);
  const texts = (list: readonly Diagnostic[]) => list.map((d) => diagnosticTexts(d, messages));
  return { ...result, texts: { diagnostics: texts(result.diagnostics), findings: texts(result.findings) } };
}
