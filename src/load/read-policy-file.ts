import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';

/** A policy file's text, or the positioned 'file/unreadable' diagnostic that says why there is none. */
export function readPolicyFile(file: string, displayPath: string, messageLanguage: Language): { text?: string; diagnostics: Diagnostic[] } {
  try {
    return { text: readFileSync(file, 'utf8'), diagnostics: [] };
  } catch (error) {
    return {
      diagnostics: [{
        ruleId: 'file/unreadable', severity: 'error', pointer: '', file: displayPath,
        message: messagesFor(messageLanguage).t('diagnostics:file.unreadable', { detail: (error as Error).message }),
      }],
    };
  }
}
