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
  /** Every problem found, errors and warnings, with positions. */
  diagnostics: Diagnostic[];
}

/**
 * The library entry point for build tools: one policy in — its JSON text, or
 * the parsed object — and every output out, in memory, with diagnostics.
 * Nothing is written and nothing is thrown for a bad policy: check
 * `diagnostics` (an error means `outputs` is empty). An object is serialised
 * with two-space indentation first, so positions refer to that text.
 * Returns a Promise so that outputs which need asynchronous work can join
 * without changing the contract.
 */
export async function compile(input: string | object, options: LibraryCompileOptions = {}): Promise<CompileResult> {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  const { file = 'policy.json', ...rest } = options;
  const compiled = await compilePolicy(text, file, rest); // await: the core may become asynchronous
  return { ...(compiled.id !== undefined ? { id: compiled.id } : {}), outputs: compiled.outputs, diagnostics: compiled.diagnostics };
}
