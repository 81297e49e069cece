import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compilePolicy, type CompileOptions, type OutputFile } from './compile-policy.js';

export interface LibraryCompileOptions extends CompileOptions {
  /** Name used in diagnostics; default 'policy.json'. */
  file?: string;
}

export interface CompileResult {
  /** The policy id, when the document got far enough to have one. */
  id?: string;
  /** Every output, by path relative to an output folder ('<org>/nl/privacy.html', '<org>/policy.jsonld', …); empty on error. */
  outputs: OutputFile[];
  /** Problems with the policy as a document (schema, references), with positions; an error means no outputs. */
  diagnostics: Diagnostic[];
  /** Compliance findings (src/check/), with positions and articles; they never withhold the outputs. */
  findings: Diagnostic[];
}

/**
 * The library entry point for build tools: one policy in — its JSON text, or
 * the parsed object — and every output out, in memory, with diagnostics.
 * Nothing is written and nothing is thrown for a bad policy: check
 * `diagnostics` (an error means `outputs` is empty). An object is serialised
 * with two-space indentation first, so positions refer to that text.
 * Asynchronous because some outputs are (the XLSX workbook).
 */
export async function compile(input: string | object, options: LibraryCompileOptions = {}): Promise<CompileResult> {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  const { file = 'policy.json', ...rest } = options;
  const compiled = await compilePolicy(text, file, rest);
  return { ...(compiled.id !== undefined ? { id: compiled.id } : {}), outputs: compiled.outputs, diagnostics: compiled.diagnostics, findings: compiled.findings };
}
