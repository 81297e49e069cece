import type { Diagnostic, LocalisedDiagnostic } from '../diagnostics/diagnostic.js';
import { localiseDiagnostics } from '../diagnostics/render-message.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import type { Language } from '../i18n/messages.js';
import { checkLayoutOptions, compilePolicy, type CompileOptions } from './compile-policy.js';
import type { OutputFile } from '../output/output-file.js';

export interface LibraryCompileOptions extends CompileOptions {
  /** Name used in diagnostics; default 'policy.json'. */
  file?: string;
  /** Language of diagnostic messages; default English. */
  messageLanguage?: Language;
}

export interface CompileResult {
  /** The policy id, when the document got far enough to have one. */
  id?: string;
  /** Every output, by path relative to an output folder ('<org>/nl/privacy.html', '<org>/policy.jsonld', …); empty on error. */
  outputs: OutputFile[];
  /** Problems with the policy as a document (schema, references), with positions; an error means no outputs. */
  diagnostics: LocalisedDiagnostic[];
  /** Compliance findings (src/check/), with positions and articles; they never withhold the outputs. */
  findings: LocalisedDiagnostic[];
}

/**
 * The library entry point for build tools: one policy in — its JSON text, or
 * the parsed object — and every output out, in memory, with diagnostics.
 * Nothing is written and nothing is thrown for a bad policy: check
 * `diagnostics` (an error means `outputs` is empty). Bad options (an idPrefix
 * or headingLevel no page can hold) are the caller's error, not the policy's:
 * the promise rejects with a TypeError. An object is serialised
 * with two-space indentation first, so positions refer to that text.
 * Asynchronous because some outputs are (the XLSX workbook).
 */
export async function compile(input: string | object, options: LibraryCompileOptions = {}): Promise<CompileResult> {
  const { file = 'policy.json', messageLanguage = 'en', ...rest } = options;
  checkLayoutOptions(rest);
  const localise = (diagnostics: readonly Diagnostic[]): LocalisedDiagnostic[] =>
    localiseDiagnostics(diagnostics, messageLanguage);
  const fail = (ruleId: StageRuleId<'load'>, messageId: string, detail: string): CompileResult => ({
    outputs: [],
    findings: [],
    diagnostics: localise([
      { ruleId, severity: 'error', file, pointer: '', line: 1, column: 1, messageId, data: { detail } },
    ]),
  });
  let text: string;
  try {
    text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
    if (typeof text !== 'string') return fail('input/not-json', 'diagnostics:input.notJson', typeof input);
  } catch (error) {
    return fail('input/not-json', 'diagnostics:input.notJson', (error as Error).message.split('\n')[0]!);
  }
  try {
    const compiled = await compilePolicy(text, file, rest);
    return {
      ...(compiled.id !== undefined ? { id: compiled.id } : {}),
      outputs: compiled.outputs,
      diagnostics: localise(compiled.diagnostics),
      findings: localise(compiled.findings),
    };
  } catch (error) {
    // A bug in policyc, not in the policy: still a diagnostic, as promised, never an exception.
    return fail(
      'internal/error',
      'diagnostics:input.internalError',
      String((error as Error)?.message ?? error).split('\n')[0]!,
    );
  }
}
