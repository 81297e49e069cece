/** One UTF-16 code unit as a \u escape, which JSON and JavaScript read as the same character. */
export const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every code unit outside ASCII written as a \u escape (a character beyond U+FFFF becomes two). */
export const asciiEscaped = (text: string): string => text.replace(/[^\x00-\x7f]/g, unicodeEscape);
