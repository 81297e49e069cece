import { lineAndColumn } from './text-position.js';

/** A file's text, or where it stops being UTF-8 (`utf16`: it is UTF-16, at 1:1). */
export type DecodedText = { text: string } | NotUtf8;
export type NotUtf8 = { line: number; column: number; utf16?: true };

/**
 * Strict UTF-8 decoding: the text, or the 1-based line and column of the
 * first byte that is not UTF-8 (instead of silently turning it into U+FFFD);
 * a file saved as UTF-16 is told apart at 1:1 (`utf16`).
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (isUtf16(bytes)) return { line: 1, column: 1, utf16: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    return lineAndColumn(before, before.length);
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * A UTF-16 file (Windows PowerShell's `>` and Out-File write one): it starts with a UTF-16 byte-order mark, or
 * (a JSON text starts with an ASCII character) with a NUL byte next to its first character.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const [first, second] = [bytes[0]!, bytes[1]!];
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return true;
  return (first === 0) !== (second === 0);
}
