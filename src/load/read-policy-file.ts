import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { shownFrom } from '../paths.js';
import type { Diagnostic, MessageValue } from '../diagnostics/diagnostic.js';
import { systemErrorValue } from '../diagnostics/system-error.js';
import { decodeUtf8, type NotUtf8 } from './decode-utf8.js';
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
          // Nothing of the file could be read: the position is its start, as for any other load error.
          line: 1,
          column: 1,
          ...unreadable(error as NodeJS.ErrnoException, file, displayPath),
        },
      ],
    };
  }
}

/**
 * Why the file cannot be read, with paths as the user gave them (relative to
 * the working folder, like displayPath), never the absolute ones Node names.
 */
function unreadable(
  error: NodeJS.ErrnoException,
  file: string,
  displayPath: string,
): Pick<Diagnostic, 'messageId' | 'data'> {
  const target = error.code === 'ENOENT' ? danglingTarget(file) : undefined;
  if (target !== undefined) {
    // The target as the link resolves it, shown from the same place as the link itself.
    const shown = shownFrom(path.dirname(displayPath), path.dirname(file), target);
    return { messageId: 'diagnostics:file.danglingLink', data: { target: shown } };
  }
  return { messageId: 'diagnostics:file.unreadable', data: { detail: unreadableDetail(error, file, displayPath) } };
}

/**
 * Why a file cannot be read, in the message language with Node's code kept (systemErrorValue), naming it as
 * `shown` rather than by the absolute path Node gives.
 */
export function unreadableDetail(error: NodeJS.ErrnoException, file: string, shown: string): MessageValue {
  return systemErrorValue(error, (named) => named.split(file).join(shown));
}

/** Where `file` points, resolved, when it is a symbolic link (to something that cannot be read); else undefined. */
function danglingTarget(file: string): string | undefined {
  try {
    if (!lstatSync(file).isSymbolicLink()) return undefined;
    return path.resolve(path.dirname(file), readlinkSync(file));
  } catch {
    return undefined;
  }
}

/** The 'file/invalid-utf8' diagnostic for bytes decodeUtf8 refused: at the first byte that is not UTF-8, or a UTF-16 file. */
export function notUtf8(decoded: NotUtf8, displayPath: string): Diagnostic {
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
