import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { compilePolicy, type OutputFile } from './compile-policy.js';

/** One policy to compile: what a worker (or the main thread) is given. */
export interface CompileJob {
  index: number;
  /** Absolute path to read. */
  file: string;
  /** The path diagnostics show. */
  displayPath: string;
  languages?: Language[];
  groups?: readonly string[];
  csvBom?: boolean;
}

/** What comes back: plain data, cheap to pass between threads. */
export interface CompileJobResult {
  index: number;
  displayPath: string;
  id?: string;
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/** Reads and compiles one policy; an unreadable file is a diagnostic, not an exception. */
export async function runCompileJob(job: CompileJob): Promise<CompileJobResult> {
  let text: string;
  try {
    text = readFileSync(job.file, 'utf8');
  } catch (error) {
    return {
      index: job.index, displayPath: job.displayPath, outputs: [],
      diagnostics: [{
        ruleId: 'file/unreadable', severity: 'error', pointer: '', file: job.displayPath,
        message: messagesFor('en').t('diagnostics:file.unreadable', { detail: (error as Error).message }),
      }],
    };
  }
  const compiled = await compilePolicy(text, job.displayPath, {
    ...(job.languages ? { languages: job.languages } : {}),
    ...(job.groups ? { groups: job.groups } : {}),
    csvBom: job.csvBom === true,
  });
  return {
    index: job.index, displayPath: job.displayPath, outputs: compiled.outputs, diagnostics: compiled.diagnostics,
    ...(compiled.id !== undefined ? { id: compiled.id } : {}),
  };
}
