import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from './decode-utf8.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** A policy file's text, or the 'file/unreadable' or positioned 'file/invalid-utf8' diagnostic that says why there is none. */
export function readPolicyFile(file: string, displayPath: string): { text?: string; diagnostics: Diagnostic[] } {
  try {
    const decoded = decodeUtf8(readFileSync(file));
    if ('text' in decoded) return { text: decoded.text, diagnostics: [] };
    return { diagnostics: [notUtf8(decoded, displayPath)] };
  } catch (error) {
    return {
      diagnostics: [
        {
          ruleId: 'file/unreadable' satisfies StageRuleId<'load'>,
          severity: 'error',
          pointer: '',
          file: displayPath,
          messageId: 'diagnostics:file.unreadable',
          data: { detail: (error as Error).message },
        },
      ],
    };
  }
}

/** The 'file/invalid-utf8' diagnostic for bytes decodeUtf8 refused: at the first byte that is not UTF-8, or a UTF-16 file. */
export function notUtf8(decoded: { line: number; column: number; utf16?: true }, displayPath: string): Diagnostic {
  return {
    ruleId: 'file/invalid-utf8' satisfies StageRuleId<'load'>,
    severity: 'error',
    pointer: '',
    file: displayPath,
    line: decoded.line,
    column: decoded.column,
    messageId: decoded.utf16 ? 'diagnostics:file.utf16' : 'diagnostics:file.invalidUtf8',
  };
}
