import { messagesFor, type Language } from '../i18n/messages.js';

/**
 * Names in a notice's text that are words of another language — in an English notice the Dutch 'Autoriteit
 * Persoonsgegevens', 'Jeugdwet' — marked `<span lang="nl">` in HTML, so that a screen reader says them in that
 * language's voice (WCAG 3.1.2; the accessibility review of 2026-12-07, finding 5). The names and their language
 * are the locale's (terms:inOtherLanguage, names separated by '|'): the locale strings themselves stay plain text.
 */
type Marker = (html: string) => string;

const markers = new Map<Language, Marker>();

/** Marks the other language's names in escaped HTML text of a notice in `lang`; the text as it is when there are none. */
export function markOtherLanguage(html: string, lang: Language): string {
  let marker = markers.get(lang);
  if (!marker) markers.set(lang, (marker = markerFor(lang)));
  return marker(html);
}

function markerFor(lang: Language): Marker {
  const m = messagesFor(lang);
  const names = m.t('terms:inOtherLanguage.names').split('|').filter(Boolean).map(escapeRegExp);
  if (!names.length) return (html) => html;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const span = `<span lang="${m.t('terms:inOtherLanguage.lang')}">$&</span>`;
  return (html) => html.replace(pattern, span);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
