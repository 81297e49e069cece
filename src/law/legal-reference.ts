/**
 * The legal references the checker's rules, the site audit and the diff cite ('GDPR 13(1)(a), 14(1)(a)',
 * 'GDPR 9(2)(j); UAVG 24; BW 7:458'), as structured data: which law, which articles with their paragraph and point,
 * ranges ('30(1)(b)-(c)', '44-46'), recitals, cases and guidance. The data keeps each reference in one
 * language-neutral notation (what `article` holds in a Diagnostic, JSON and SARIF, for tools); parseReference reads
 * it into parts, and diagnostics/format-reference.ts writes those parts in the message language.
 */

/** A law as the references name it: its notation there and the id of its name in locales (diagnostics:citation.law). */
export interface CitedLaw {
  notation: string;
  id: string;
  /** The law's name ends in a number ('Reg. (EU) 536/2014'): its articles follow 'art.' even in the notation. */
  numbered?: boolean;
}

/** Every law a reference may name, longest notation first where one is the start of another. */
export const citedLaws: readonly CitedLaw[] = [
  { notation: 'GDPR', id: 'gdpr' },
  { notation: 'UAVG', id: 'uavg' },
  { notation: 'BW', id: 'bw' },
  { notation: 'AWR', id: 'awr' },
  { notation: 'Wabvpz', id: 'wabvpz' },
  { notation: 'Wkkgz', id: 'wkkgz' },
  { notation: 'Wvggz', id: 'wvggz' },
  { notation: 'Wzd', id: 'wzd' },
  { notation: 'Wlz', id: 'wlz' },
  { notation: 'Wmo 2015', id: 'wmo2015' },
  { notation: 'Jeugdwet', id: 'jeugdwet' },
  { notation: 'Telecommunicatiewet', id: 'telecommunicatiewet' },
  { notation: 'Tw', id: 'tw' },
  // Makes NEN 7510 (with 7512 and 7513) binding for care providers (shared reference gdpr-avg.md, section 4); cited
  // by its full name, without an article: the reference gives none.
  { notation: 'Besluit elektronische gegevensverwerking door zorgaanbieders', id: 'begz' },
  { notation: 'Reg. (EU) 536/2014', id: 'reg536-2014', numbered: true },
  { notation: 'Dir. 2002/98/EC', id: 'dir2002-98', numbered: true },
  { notation: 'Dir. 2004/23/EC', id: 'dir2004-23', numbered: true },
];

/** The level a provision is cited to: an article, its paragraph ('lid') or a point of that ('onder', letter). */
export interface Subdivision {
  article: string;
  paragraph?: string;
  point?: string;
}

/** One provision: '13(1)(a)'; a range '30(1)(b)-(c)' or '44-46' ends at `through` (the deepest level only). */
export interface Provision extends Subdivision {
  through?: string;
}

/** One part of a reference, between its semicolons. */
export type ReferencePart =
  | { kind: 'law'; law: CitedLaw; provisions: readonly Provision[] }
  | { kind: 'recital'; number: string }
  | { kind: 'case'; court: 'CJEU'; number: string }
  /** Guidance or a standard cited by its own name, the same in every language ('WP260 rev.01', 'WCAG 2.2 2.4.4'). */
  | { kind: 'document'; name: string };

const provisionPattern =
  /^([0-9][0-9a-z.:]*)(?:\(([0-9]+)\)(?:\(([a-z])\))?)?(?:-(?:([0-9][0-9a-z.:]*)|\(([0-9a-z]+)\)))?$/;
const documentPatterns = [/^(?:EDPB )?WP[0-9]+ rev\.[0-9]+$/, /^WCAG [0-9.]+ [0-9.]+$/];

/** '30(1)(b)-(c)' as a provision: a range ends at the level it starts at ('(c)' after a point, '46' after an article). */
function parseProvision(text: string): Provision | undefined {
  const match = provisionPattern.exec(text);
  if (!match) return undefined;
  const [, article, paragraph, point, throughArticle, throughSub] = match as unknown as (string | undefined)[];
  const provision: Provision = { article: article!, ...(paragraph ? { paragraph } : {}), ...(point ? { point } : {}) };
  if (throughArticle !== undefined) return paragraph || point ? undefined : { ...provision, through: throughArticle };
  if (throughSub === undefined) return provision;
  // '(c)' after a point, '(3)' after a paragraph: a range of the deepest level given.
  const deepest = point ?? paragraph;
  if (!deepest || /^[0-9]+$/.test(deepest) !== /^[0-9]+$/.test(throughSub)) return undefined;
  return { ...provision, through: throughSub };
}

/** A law and its provisions ('GDPR 13(1)(a), 14(1)(a)', 'UAVG'), or undefined for text that is not one. */
function parseLawPart(text: string): ReferencePart | undefined {
  const law = citedLaws.find((l) => text === l.notation || text.startsWith(`${l.notation} `));
  if (!law) return undefined;
  let rest = text.slice(law.notation.length).trimStart();
  if (law.numbered) {
    if (!rest.startsWith('art. ')) return undefined;
    rest = rest.slice('art. '.length);
  }
  if (rest === '') return law.numbered ? undefined : { kind: 'law', law, provisions: [] };
  const provisions = rest.split(', ').map(parseProvision);
  return provisions.every((p) => p !== undefined)
    ? { kind: 'law', law, provisions: provisions as Provision[] }
    : undefined;
}

function parsePart(text: string): ReferencePart | undefined {
  const recital = /^recital ([0-9]+)$/.exec(text);
  if (recital) return { kind: 'recital', number: recital[1]! };
  const cjeu = /^CJEU (C-[0-9]+\/[0-9]+)$/.exec(text);
  if (cjeu) return { kind: 'case', court: 'CJEU', number: cjeu[1]! };
  if (documentPatterns.some((p) => p.test(text))) return { kind: 'document', name: text };
  return parseLawPart(text);
}

const parsed = new Map<string, readonly ReferencePart[] | undefined>();

/**
 * A reference in the notation ('GDPR 30(1)(b)-(c), 13(1)(c)', 'UAVG 46; Wabvpz') as its parts, or undefined
 * when it is not in the notation (then it is shown as written). Every reference of the catalogue parses
 * (test/diagnostics/legal-reference.test.ts).
 */
export function parseReference(notation: string): readonly ReferencePart[] | undefined {
  if (parsed.has(notation)) return parsed.get(notation);
  const parts = notation.split('; ').map(parsePart);
  const result = parts.every((p) => p !== undefined) ? (parts as ReferencePart[]) : undefined;
  parsed.set(notation, result);
  return result;
}
