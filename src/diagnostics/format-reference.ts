import { parseReference, type Provision, type ReferencePart } from '../law/legal-reference.js';
import type { Messages } from '../i18n/messages.js';

/** Whether a range ends at the item right after its start ('30(1)(b)-(c)', '44-45'): 'onder b en c', not 'b tot en met c'. */
function isPair(from: string, through: string): boolean {
  if (/^[0-9]+$/.test(from) && /^[0-9]+$/.test(through)) return Number(through) === Number(from) + 1;
  return /^[a-z]$/.test(from) && /^[a-z]$/.test(through) && through.charCodeAt(0) === from.charCodeAt(0) + 1;
}

/** The key of a provision's form: to the article, its paragraph or its point, and whether it is a range or a pair. */
function provisionKey(p: Provision): string {
  const level = p.point !== undefined ? 'point' : p.paragraph !== undefined ? 'paragraph' : 'article';
  if (p.through === undefined) return `diagnostics:citation.${level}`;
  const from = p.point ?? p.paragraph ?? p.article;
  return `diagnostics:citation.${level}${isPair(from, p.through) ? 'Pair' : 'Range'}`;
}

/**
 * Items joined by `separator`, the last by `last` ('a, b en c' in Dutch, 'a, b, c' in English). An item that
 * closes with a comma ('art. 13, lid 1, onder a,') takes no second one from the separator.
 */
function joinProvisions(items: readonly string[], separator: string, last: string): string {
  return items.reduce((joined, item, i) => {
    if (i === 0) return item;
    const between = i === items.length - 1 ? last : separator;
    return joined + (joined.endsWith(',') && between.startsWith(',') ? between.slice(1) : between) + item;
  }, '');
}

function formatPart(part: ReferencePart, m: Messages): string {
  const t = m.t;
  switch (part.kind) {
    case 'recital':
      return t('diagnostics:citation.recital', { number: part.number });
    case 'case':
      return t('diagnostics:citation.case', {
        court: t(`diagnostics:citation.courts.${part.court}`),
        number: part.number,
      });
    case 'document':
      return part.name;
    case 'law': {
      const law = t(`diagnostics:citation.laws.${part.law.id}`);
      if (part.provisions.length === 0) return law;
      const provisions = joinProvisions(
        part.provisions.map((p) => t(provisionKey(p), { ...p })),
        t('diagnostics:citation.separator'),
        t('diagnostics:citation.lastSeparator'),
      );
      return t(`diagnostics:citation.${part.law.numbered ? 'numberedLaw' : 'law'}`, { law, provisions });
    }
  }
}

/** The references written so far, per language (its Messages). */
const formatted = new WeakMap<Messages, Map<string, string>>();

/**
 * A legal reference in the notation of the data ('GDPR 13(1)(a), 14(1)(a)') as the message language cites it:
 * 'art. 13, lid 1, onder a, en art. 14, lid 1, onder a, AVG' in Dutch, as the check messages and the notice
 * write an article; the notation itself in English. Text that is not in the notation is given as written.
 */
export function formatReference(notation: string, m: Messages): string {
  // Written once per language: a build gives each of thousands of findings the same few references.
  let written = formatted.get(m);
  if (!written) formatted.set(m, (written = new Map()));
  let citation = written.get(notation);
  if (citation === undefined) {
    const parts = parseReference(notation);
    citation = parts ? parts.map((p) => formatPart(p, m)).join(m.t('diagnostics:citation.parts')) : notation;
    written.set(notation, citation);
  }
  return citation;
}
