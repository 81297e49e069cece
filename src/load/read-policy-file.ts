import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from './decode-utf8.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** A policy file's text, or the 'file/unreadable' or positioned 'file/invalid-utf8' diagnostic that says why there is none. */
export function readPolicyFile(file: string, displayPath: string): { text?: string; diagnostics: Diagnostic[] } {
  try {
    const decoded = decodeUtf8(readFileSync(file));
    if ('text' in decoded) return { text: decoded.text, diagnostics: [] };
    return {
      diagnostics: [
        {
          ruleId: 'file/invalid-utf8' satisfies StageRuleId<'load'>,
          severity: 'error',
          pointer: '',
          file: displayPath,
          line: decoded.line,
          column: decoded.column,
          messageId: 'diagnostics:file.invalidUtf8',
        },
      ],
    };
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
