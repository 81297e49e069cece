import { createHash } from 'node:crypto';
import { asciiEscaped } from './unicode-escape.js';

/**
 * Generated code as src/code-cache.ts runs it: every character outside ASCII
 * written as a \u escape (equal in strings, templates, regular expressions,
 * identifiers and comments), so that the file reads as a one-byte string
 * (read as latin1: no UTF-8 decoding, half the memory), and the id line in
 * front, the SHA-256 of the code that its code cache is kept under.
 */
export function withIdLine(code: string): string {
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error('a backslash before a non-ASCII character: its escape would differ');
  const ascii = asciiEscaped(code);
  return `// policyc-code ${createHash('sha256').update(ascii).digest('hex')}\n${ascii}`;
}
