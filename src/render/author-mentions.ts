/**
 * Whether the author's own words already say what a generated sentence would: the notice then leaves the
 * sentence out rather than say it twice. Plain text matching, case-insensitive, on word boundaries; a miss
 * only costs a repetition.
 */

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 'de Europese Unie' is named by 'binnen de Europese Unie' and by 'in Europese Unie': the article is left out. */
export function mentionsName(text: string, name: string): boolean {
  const bare = name.replace(/^(de|het|the) /i, '');
  return bare !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(bare)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * '15 dagen' is said by '15 dagen' and by 'vijftien (15) dagen': the number, a closing bracket or not, and
 * the unit. A phrase that does not start with a number is looked for as it stands.
 */
export function mentionsDuration(text: string, phrase: string): boolean {
  const [, count, unit] = /^(\d+) (.+)$/.exec(phrase) ?? [];
  const pattern = count ? `(^|\\D)${count}\\)?\\s+${escapeRegExp(unit!)}` : escapeRegExp(phrase);
  return phrase !== '' && new RegExp(`${pattern}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}
