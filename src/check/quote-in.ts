import type { Language, Text } from '../policy/policy-types.js';

/**
 * What `find` returns for a text in each of its languages, so a message quotes the text in its own language, and
 * another language's words where one has none; undefined when it finds nothing in any.
 */
export function quoteIn(t: Text, find: (s: string, lang: Language) => string | undefined): Text | undefined {
  const found = Object.entries(t).map(([lang, s]) => [lang, find(s, lang as Language)] as const);
  const any = found.find(([, q]) => q !== undefined)?.[1];
  return any === undefined ? undefined : (Object.fromEntries(found.map(([lang, q]) => [lang, q ?? any])) as Text);
}
