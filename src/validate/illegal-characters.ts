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
export function findIllegalCharacters(value: unknown): IllegalCharacter[] {
  const found: IllegalCharacter[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [node, pointer] = stack.pop()!;
    if (typeof node === 'string') {
      const match = ILLEGAL.exec(node);
      if (match)
        found.push({
          pointer,
          offset: match.index,
          codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, joinPointer(pointer, i)]));
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const match = ILLEGAL.exec(key);
        if (match)
          found.push({
            pointer: joinPointer(pointer, key),
            offset: -1,
            codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
          });
        stack.push([child, joinPointer(pointer, key)]);
      }
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
