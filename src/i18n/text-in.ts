import type { Language } from './messages.js';

/** An authored text: one string per language (the schema's `text` and `markdownText`). */
export type LocalisedText = Readonly<Partial<Record<Language, string>>>;

/**
 * The one reading of an authored text in a language, used by render, check and diff:
 * the language asked for; else the policy's source language (when the caller knows it);
 * else the first language the text has, in the order the author wrote them; else ''.
 *
 * Validation guarantees every declared language is present, so for a valid policy
 * read in one of its languages the fallback never shows; it serves messages and
 * reports in a language the policy does not declare, and texts that are absent ('').
 */
export function textIn(text: LocalisedText | undefined, lang: Language, sourceLanguage?: Language): string {
  if (!text) return '';
  return text[lang] ?? (sourceLanguage && text[sourceLanguage]) ?? Object.values(text)[0] ?? '';
}
