import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import type { PolicyModel } from '../resolve/model.js';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from './layout-options.js';
import { analyse, type AnalyseOptions } from './analyse-policy.js';
import { outputRenderers, type RenderOptions } from '../output/output-renderers.js';
import type { OutputFile } from '../output/output-file.js';
import type { CsvDialect } from '../render/register/csv-dialect.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

export interface CompileOptions extends Pick<AnalyseOptions, 'path' | 'acknowledged'>, LayoutOptions {
  /** Output languages; default: every language the policy declares. */
  languages?: readonly Language[];
  /** Output groups to produce (see output-renderers.ts); default: all. */
  groups?: readonly string[];
  /** Start CSV outputs with a UTF-8 byte-order mark (for Excel); default false. The Excel dialect always has one. */
  csvBom?: boolean;
  /** register.csv for Excel in the register's language (default: ';' for nl, ',' for en, with a BOM) or RFC 4180. */
  csvDialect?: CsvDialect;
  /** Fill the notice's change history from the policy file's git log (needs `path`), unless metadata.history is written. */
  historyFromGit?: boolean;
}

/** Options come from code (or the CLI, which checks them first): a bad one is a programming error. */
export function checkLayoutOptions(options: CompileOptions): void {
  if (options.idPrefix !== undefined && !isIdPrefix(options.idPrefix)) {
    throw new TypeError(
      `idPrefix must be empty or start with a letter followed by letters, digits, '-' or '_' ('{lang}' anywhere): ${JSON.stringify(options.idPrefix)}`,
    );
  }
  const level = options.headingLevel;
  if (level !== undefined && !isHeadingLevel(level)) {
    throw new TypeError(`headingLevel must be an integer from 1 to 4: ${String(level)}`);
  }
}

/** Where a policy writes its id (1-based line and column): a later policy with the same id is reported there. */
export type IdPosition = { line: number; column: number };

export interface CompiledPolicy {
  /** The policy id, when the document got far enough to have one. */
  id?: string;
  /** Where the id is written. */
  idPosition?: IdPosition;
  model?: PolicyModel;
  outputs: OutputFile[];
  /** Problems that stop the outputs (load, schema, references, build). */
  diagnostics: Diagnostic[];
  /** Compliance findings: reported, never a reason to withhold the outputs. */
  findings: Diagnostic[];
}

/**
 * Compiles one policy's text into every output, in memory. Nothing is
 * produced when any stage reports an error; compliance findings (even errors)
 * are returned alongside the outputs for the caller to judge. Asynchronous
 * so that an output renderer may be (the registry allows it; none is today).
 */
export async function compilePolicy(text: string, file: string, options: CompileOptions = {}): Promise<CompiledPolicy> {
  checkLayoutOptions(options);
  const analysed = analyse(text, file, {
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.acknowledged ? { acknowledged: options.acknowledged } : {}),
  });
  const { model } = analysed;
  const diagnostics = [...analysed.diagnostics];
  if (!model) return { outputs: [], diagnostics, findings: [] };
  if (options.historyFromGit && options.path !== undefined)
    diagnostics.push(...(await addGitHistory(model, options.path, file)));

  const declared = model.languages;
  const requested = options.languages ?? declared;
  for (const lang of requested) {
    if (!declared.includes(lang)) {
      diagnostics.push({
        ruleId: 'build/language-not-declared' satisfies StageRuleId<'build'>,
        severity: 'warning',
        messageId: 'diagnostics:build.languageNotDeclared',
        data: { lang, declared: declared.join(', ') },
        file,
        pointer: '/metadata/languages',
        ...languagesPosition(analysed.document),
      });
    }
  }

  const renderers = outputRenderers.filter((r) => !options.groups || options.groups.includes(r.group));
  const written = declared.filter((l) => requested.includes(l));
  const renderOptions: RenderOptions = {
    csvBom: options.csvBom ?? false,
    ...(options.csvDialect ? { csvDialect: options.csvDialect } : {}),
    languages: written,
    ...(options.idPrefix !== undefined ? { idPrefix: options.idPrefix } : {}),
    ...(options.headingLevel !== undefined ? { headingLevel: options.headingLevel } : {}),
    findings: analysed.findings,
  };
  const outputs: OutputFile[] = [];
  for (const renderer of renderers) {
    if (renderer.scope !== 'policy') continue;
    for (const file of await renderer.render(model, renderOptions))
      outputs.push({ path: `${model.id}/${file.path}`, contents: file.contents });
  }
  for (const lang of written) {
    const messages = messagesFor(lang, model.source.metadata.formality);
    for (const renderer of renderers) {
      if (renderer.scope !== 'language') continue;
      for (const file of await renderer.render(model, messages, renderOptions))
        outputs.push({ path: `${model.id}/${lang}/${file.path}`, contents: file.contents });
    }
  }
  const { line, column } = locate(analysed.document!, '/id');
  return { id: model.id, idPosition: { line, column }, model, outputs, diagnostics, findings: analysed.findings };
}

/** build --history: the change history from git, unless the policy writes its own (metadata.history wins). */
async function addGitHistory(model: PolicyModel, path: string, file: string): Promise<Diagnostic[]> {
  if (model.source.metadata.history) return [];
  const { gitHistory } = await import('../diff/git-history.js');
  const history = gitHistory(path, model, file);
  if (history.entries.length) model.source.metadata.history = history.entries;
  return history.diagnostics;
}

function languagesPosition(doc: SourceDocument | undefined): { file?: string; line?: number; column?: number } {
  return doc ? locate(doc, '/metadata/languages') : {};
}
