import { parseReference, type Provision, type ReferencePart } from '../law/legal-reference.js';
import type { Messages } from '../i18n/messages.js';
import { laws } from '../law/laws.js';

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

/** Items joined as the language lists them ('a, b en c' in Dutch, 'a, b, c' in English). */
function joinItems(items: readonly string[], m: Messages): string {
  return joinProvisions(items, m.t('diagnostics:citation.separator'), m.t('diagnostics:citation.lastSeparator'));
}

/** Whether a provision is a whole article ('44'), a paragraph or point of one ('9(1)', '6(1)(c)'), or a range. */
function runKind(p: Provision): string | undefined {
  if (p.through !== undefined) return undefined;
  return p.paragraph === undefined ? 'article' : `in ${p.article}`;
}

/** Consecutive provisions grouped while `same` holds for each and the first of its group. */
function groupsOf(provisions: readonly Provision[], same: (a: Provision, b: Provision) => boolean): Provision[][] {
  const groups: Provision[][] = [];
  for (const p of provisions) {
    const last = groups.at(-1);
    if (last && same(last[0]!, p)) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** One paragraph's points, the paragraph written once: 'lid 1, onder e en f,' in Dutch. */
function pointsOfParagraph(group: readonly Provision[], m: Messages): string {
  if (group.length === 1) return m.t('diagnostics:citation.within.point', { ...group[0]! });
  const letters = group.map((p) => m.t('diagnostics:citation.within.pointLetter', { ...p }));
  return m.t('diagnostics:citation.within.points', {
    paragraph: group[0]!.paragraph,
    provisions: joinItems(letters, m),
  });
}

/**
 * One article's paragraphs or points, the article written once: 'art. 9, leden 1 en 2,', 'art. 37, lid 1, onder c,
 * en lid 7,', 'art. 13, lid 1, onder e en f,' in Dutch.
 */
function withinArticle(run: readonly Provision[], m: Messages): string {
  const t = m.t;
  const article = run[0]!.article;
  if (run.every((p) => p.point === undefined)) {
    const numbers = joinItems(
      run.map((p) => t('diagnostics:citation.within.paragraphNumber', { ...p })),
      m,
    );
    return t('diagnostics:citation.within.paragraphs', { article, provisions: numbers });
  }
  const items = groupsOf(
    run,
    (a, b) => a.point !== undefined && b.point !== undefined && a.paragraph === b.paragraph,
  ).map((group) =>
    group[0]!.point === undefined
      ? t('diagnostics:citation.within.paragraph', { ...group[0]! })
      : pointsOfParagraph(group, m),
  );
  return t('diagnostics:citation.within.article', { article, provisions: joinItems(items, m) });
}

/**
 * A law's provisions as the language cites them (citation.sameArticle: 'once' or 'each'). Dutch writes an article once for its consecutive paragraphs
 * and points ('art. 9, leden 1 en 2'), and once for whole articles when the reference cites nothing else
 * ('art. 44 en 45'); a run of whole articles among other provisions keeps each its own ('art. 13, art. 14 en art.
 * 30, lid 1': 'art. 13 en 14 en art. 30' would say 'en' twice).
 */
function citedProvisions(provisions: readonly Provision[], m: Messages): string[] {
  // English cites in the notation of the data, as written: each provision its own ('9(1), 9(2)').
  if (m.t('diagnostics:citation.sameArticle') !== 'once') return provisions.map((p) => m.t(provisionKey(p), { ...p }));
  // Runs: consecutive paragraphs or points of one article, or consecutive whole articles.
  const runs = groupsOf(provisions, (a, b) => runKind(a) !== undefined && runKind(a) === runKind(b));
  return runs.flatMap((run) => {
    if (run.length === 1) return [m.t(provisionKey(run[0]!), { ...run[0]! })];
    if (run[0]!.paragraph !== undefined) return [withinArticle(run, m)];
    if (runs.length > 1) return run.map((p) => m.t(provisionKey(p), { ...p }));
    const numbers = joinItems(
      run.map((p) => m.t('diagnostics:citation.within.articleNumber', { ...p })),
      m,
    );
    return [m.t('diagnostics:citation.articles', { provisions: numbers })];
  });
}

/**
 * A cited law's short name in the language: a law a policy can cite (law/laws.ts) as the notice names it
 * (terms:law.<id>.abbreviation: AVG, Wkkgz), one only references cite (BW, Reg. (EU) 536/2014) from
 * diagnostics:citation.laws. One table per law, so the notice and the citations cannot name it differently.
 */
function lawName(id: string, m: Messages): string {
  return Object.hasOwn(laws, id) ? m.t(`terms:law.${id}.abbreviation`) : m.t(`diagnostics:citation.laws.${id}`);
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
      const law = lawName(part.law.id, m);
      if (part.provisions.length === 0) return law;
      const provisions = joinItems(citedProvisions(part.provisions, m), m);
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
