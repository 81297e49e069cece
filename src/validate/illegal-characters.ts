import { eachString, type PathToken } from '../load/each-string.js';
import { joinPointer } from '../load/json-pointer.js';

/**
 * Characters no output may carry: the C0 controls other than tab, line feed
 * and carriage return, U+FFFE and U+FFFF, and unpaired surrogates. XML 1.0
 * (the XLSX workbook, XHTML) forbids them, and no text needs them.
 */
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface IllegalCharacter {
  pointer: string;
  /** Offset in the decoded string. */
  offset: number;
  /** The character as U+XXXX. */
  codePoint: string;
}

/** Every string value (and key) in the document holding an illegal character: the first one of each. */
function illegalCharacterIn(text: string, path: readonly PathToken[], isKey: boolean, found: IllegalCharacter[]): void {
  const match = ILLEGAL.exec(text);
  if (match)
    found.push({
      pointer: joinPointer('', ...path),
      // A property name has no offset in a string value: it is reported at the key.
      offset: isKey ? -1 : match.index,
      codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    });
}

export function findIllegalCharacters(value: unknown): IllegalCharacter[] {
  const found: IllegalCharacter[] = [];
  eachString(value, illegalCharacterIn, found);
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
