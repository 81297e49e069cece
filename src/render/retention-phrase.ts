import { joinClauses, joinItems, joinList, type Messages } from '../i18n/messages.js';
import { laws } from '../law/laws.js';
import { parseDuration } from '../law/durations.js';
import { longerThanCitedLaw, shorterThanCitedLaw, type RetentionMinimum } from '../law/retention-minimums.js';
import type {
  LawReference,
  RetentionRuleSource,
  RetentionStartId,
  RetentionTermSource,
} from '../policy/policy-types.js';
import { rememberedPerLanguage } from '../i18n/per-language.js';

/** 'P1Y6M' → '1 jaar en 6 maanden' / '1 year and 6 months'. */
export function formatDuration(iso: string, messages: Messages): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const parts: string[] = [];
  if (d.years) parts.push(messages.t('terms:duration.year', { count: d.years }));
  if (d.months) parts.push(messages.t('terms:duration.month', { count: d.months }));
  if (d.weeks) parts.push(messages.t('terms:duration.week', { count: d.weeks }));
  if (d.days) parts.push(messages.t('terms:duration.day', { count: d.days }));
  return parts.length ? joinList(parts, messages) : iso;
}

/**
 * A period in running text: 'binnen een maand', not 'binnen 1 maand' beside the law's 'binnen een maand'
 * (P1M, P1Y, P1W, P1D); any other period as formatDuration gives it.
 */
export function formatDurationInText(iso: string, messages: Messages): string {
  const d = parseDuration(iso);
  const units = d ? (['years', 'months', 'weeks', 'days'] as const).filter((u) => d[u] > 0) : [];
  return units.length === 1 && d![units[0]!] === 1
    ? messages.t(`terms:durationOne.${units[0]!}`)
    : formatDuration(iso, messages);
}
import { textIn } from '../i18n/text-in.js';

/** 'Wet op de geneeskundige behandelingsovereenkomst (artikel 7:455 BW)', 'Algemene wet inzake rijksbelastingen (AWR)': a law as the notice cites it. */
export function formatLawReference(ref: LawReference, messages: Messages): string {
  if (!ref.law) return textIn(ref.citation, messages.lang);
  const abbreviation = messages.t(`terms:law.${ref.law}.abbreviation`);
  const name = messages.t(`terms:law.${ref.law}.name`);
  // Dutch citation style: 'artikel 52 AWR', 'artikel 7:454 BW' — the author's 'art. 52' without its prefix.
  const article = ref.article && citedArticle(ref.article.replace(/^(art\.|artikel|article)\s*/i, ''), messages);
  const cited = article
    ? messages.t('terms:lawCitation.withArticle', { name, article, code: laws[ref.law].code ?? abbreviation })
    : name === abbreviation
      ? name // 'Jeugdwet', not 'Jeugdwet (Jeugdwet)'
      : messages.t('terms:lawCitation.withoutArticle', { name, abbreviation });
  // A citation given beside a known law is the author's own wording of it: shown, never dropped.
  const citation = textIn(ref.citation, messages.lang);
  return citation ? `${cited}, ${citation}` : cited;
}

/**
 * The article that sets a legal minimum, as the language cites it: 'BW 7:454(3)' in the law data reads
 * 'artikel 7:454, lid 3, BW' in Dutch, 'Article 7:454(3) BW' in English; a minimum of no known law as the data gives it.
 * `glossed`, for the notice, where this line names the code before the rights section does: the code's name
 * with it where the language needs one ('Article 7:454(3) of the Dutch Civil Code, BW'; English review 1,
 * finding 13); Dutch readers know the BW (terms:lawCitation.articleGlossed).
 */
export function formatMinimumArticle(minimum: RetentionMinimum, messages: Messages, glossed = false): string {
  if (!minimum.law) return minimum.article;
  const lawCode = laws[minimum.law].code;
  const code = lawCode ?? messages.t(`terms:law.${minimum.law}.abbreviation`);
  if (!minimum.article.startsWith(`${code} `)) return minimum.article;
  const article = citedArticle(
    minimum.article.slice(code.length + 1).replace(/^(art\.|artikel|article)\s*/i, ''),
    messages,
  );
  return glossed && lawCode
    ? messages.t('terms:lawCitation.articleGlossed', {
        article,
        code,
        codeName: messages.t(`terms:lawCode.${lawCode}`),
      })
    : messages.t('terms:lawCitation.article', { article, code });
}

/**
 * A legal minimum's period, from the event the law counts it from where the data gives one ('20 jaar na de
 * laatste wijziging in het dossier'; 20 years from collection is shorter); the period alone where it does not.
 */
export function formatMinimumTerm(minimum: RetentionMinimum, messages: Messages): string {
  const duration = formatDuration(minimum.period, messages);
  return minimum.from ? messages.t(`layout:retention.legalMinimumFrom.${minimum.from}`, { duration }) : duration;
}

/** '30(2)' or '30 lid 2', '6(1)(c)': an article with its paragraph and point, and what the author wrote otherwise. */
const subdivided = /^([^\s()]+?)(?:\((\w+)\)|\s+lid\s+(\w+))(?:\((\w+)\)|,?\s+(?:onder|sub)\s+(\w+))?$/i;

/** An article as the language cites it: 'artikel 30, lid 2, AVG' in Dutch, 'Article 30(2) GDPR' in English. */
function citedArticle(article: string, messages: Messages): string {
  const match = subdivided.exec(article);
  if (!match) return article;
  const paragraph = match[2] ?? match[3];
  const point = match[4] ?? match[5];
  return point
    ? messages.t('terms:lawCitation.paragraphPoint', { article: match[1], paragraph, point })
    : messages.t('terms:lawCitation.paragraph', { article: match[1], paragraph });
}

/** One term written out: '3 jaar na het laatste contact', 'zolang de overeenkomst duurt'. */
function retentionTermPhrase(term: RetentionTermSource, messages: Messages): string {
  const t = messages.t;
  if (!term.period) return t(`terms:retention.condition.${term.condition ?? 'as-long-as-necessary'}`);
  const duration = formatDuration(term.period, messages);
  const base = term.from ? t(`terms:retention.from.${term.from}`, { duration }) : duration;
  const limited = term.maximum
    ? t('terms:retention.maximum', { period: base })
    : term.minimum
      ? t('terms:retention.minimum', { period: base })
      : base;
  const phrase = term.longerForCare ? t('terms:retention.longerForCare', { period: limited }) : limited;
  return term.condition
    ? t('terms:retention.or', { first: phrase, second: t(`terms:retention.condition.${term.condition}`) })
    : phrase;
}

/** Conditions that are events a person brings about: they end a period early. */
const EVENTS = new Set(['until-consent-withdrawn', 'until-objection', 'until-deletion-request', 'until-opt-out']);

/**
 * 'Whichever comes first' as people say it: one period and events that end
 * it early read '3 jaar na het laatste contact, of eerder als u bezwaar maakt
 * of u om verwijdering vraagt'; other combinations list the terms.
 */
function earliestOfPhrase(terms: readonly RetentionTermSource[], messages: Messages): string {
  const t = messages.t;
  // Loops, not closures made per call (docs/architecture.md, "No closures made per call").
  const periods: RetentionTermSource[] = [];
  const events: RetentionTermSource[] = [];
  const names: string[] = [];
  for (const term of terms)
    if (term.period || !EVENTS.has(term.condition ?? '')) periods.push(term);
    else {
      events.push(term);
      names.push(t(`terms:retention.event.${term.condition}`));
    }
  const joined =
    names.length === 1
      ? names[0]!
      : t('terms:retention.eventOr', { head: joinItems(names.slice(0, -1), messages), last: names.at(-1) });
  const form = earliestForm(periods, events);
  if (form === 'earlierIf')
    return t('terms:retention.earlierIf', { first: retentionTermPhrase(periods[0]!, messages), events: joined });
  if (form === 'untilEvents') return t('terms:retention.untilEvents', { events: joined });
  return t('terms:retention.earliestOf', {
    terms: joinClauses(
      terms.map((term) => retentionTermPhrase(term, messages)),
      messages,
    ),
  });
}

/** How earliestOfPhrase says the terms: one period that events end early, events alone, or a list of them all. */
function earliestForm(
  periods: readonly RetentionTermSource[],
  events: readonly RetentionTermSource[],
): 'earlierIf' | 'untilEvents' | 'list' {
  if (periods.length === 1 && events.length > 0 && !periods[0]!.condition) return 'earlierIf';
  return periods.length === 0 && events.length > 1 ? 'untilEvents' : 'list';
}

/**
 * Whether the rule's phrase is a list of terms, 'wat het eerst komt: …' / 'whichever comes first: …', which
 * neither a period's nor a condition's sentence takes (layout:summary.keep_earliest).
 */
export function listsEarliestOf(rule: RetentionRuleSource): boolean {
  if (!rule.earliestOf) return false;
  const periods = rule.earliestOf.filter((term) => term.period || !EVENTS.has(term.condition ?? ''));
  return (
    earliestForm(
      periods,
      rule.earliestOf.filter((term) => !periods.includes(term)),
    ) === 'list'
  );
}

/**
 * Where the rule's term starts, and the rule without it, when one start holds for the whole term: a single period
 * from an event ('20 jaar na het einde van de behandelovereenkomst'), or one such period that events end early
 * ('3 jaar na het laatste contact, of eerder als u bezwaar maakt': the events need no start). Undefined for
 * anything else (several periods, a period with a condition), whose starts differ or are not the term's.
 */
export function termStart<R extends RetentionRuleSource>(rule: R): { from: RetentionStartId; rest: R } | undefined {
  const { from, ...rest } = rule;
  if (from !== undefined)
    return !rule.earliestOf && !rule.condition && rule.period ? { from, rest: rest as R } : undefined;
  const terms = rule.earliestOf ?? [];
  const periods = terms.filter((term) => term.period || !EVENTS.has(term.condition ?? ''));
  const only = periods.length === 1 && terms.length > 1 ? periods[0]! : undefined;
  if (only?.from === undefined || only.condition) return undefined;
  const { from: start, ...period } = only;
  return { from: start, rest: { ...rule, earliestOf: terms.map((term) => (term === only ? period : term)) } };
}

/**
 * A retention rule written out in one language, e.g.
 * '20 jaar na het einde van de behandelovereenkomst (Wet op de geneeskundige
 * behandelingsovereenkomst, WGBO, BW 7:454)'. Clauses are added in a fixed
 * order: the term (or the earliest of several), consent, objection, legal
 * source, what happens afterwards, a legal-claims hold, deletion handling.
 */
export const retentionPhrase = rememberedPerLanguage(writeRetentionPhrase);

/**
 * The rule as a notice may phrase it: without 'under <law>' where that law requires longer than the
 * rule keeps (shorterThanCitedLaw), which a patient would read as the law's term. The same object
 * when nothing is left out, so that retentionPhrase's memory still serves it.
 */
export function withoutFalseLegalSource<R extends RetentionRuleSource>(rule: R): R {
  if (!shorterThanCitedLaw(rule)) return rule;
  const { legalSource: _cited, ...rest } = rule;
  return rest as R;
}

/**
 * The rule with its law named only where that law sets its period: for the notice's summary, which has
 * no room to say that the law asks less (longerThanCitedLaw) or more (withoutFalseLegalSource).
 */
export function withLegalSourceOnlyAsItsTerm<R extends RetentionRuleSource>(rule: R): R {
  if (!longerThanCitedLaw(rule)) return withoutFalseLegalSource(rule);
  const { legalSource: _cited, ...rest } = rule;
  return rest as R;
}

/**
 * '<phrase>, under the <law>', or, where the period is longer than the law asks (longerThanCitedLaw),
 * '<phrase>; the <law> requires at least <minimum>': the law is not why the data is kept that long.
 */
function legalSourceClause(phrase: string, rule: RetentionRuleSource, messages: Messages): string {
  const source = formatLawReference(rule.legalSource!, messages);
  const minimum = longerThanCitedLaw(rule);
  return minimum
    ? messages.t('terms:retention.legalSourceLonger', {
        phrase,
        source,
        minimum: formatDuration(minimum.period, messages),
      })
    : messages.t('terms:retention.legalSource', { phrase, source });
}

function writeRetentionPhrase(rule: RetentionRuleSource, messages: Messages): string {
  const t = messages.t;
  let phrase = rule.earliestOf ? earliestOfPhrase(rule.earliestOf, messages) : retentionTermPhrase(rule, messages);
  if (rule.withConsent)
    phrase = t('terms:retention.withConsent', { phrase, period: formatDuration(rule.withConsent, messages) });
  if (rule.endsOnObjection) phrase = t('terms:retention.endsOnObjection', { phrase });
  if (rule.legalSource) phrase = legalSourceClause(phrase, rule, messages);
  if (rule.afterwards) phrase = t(`terms:retention.afterwards.${rule.afterwards}`, { phrase });
  if (rule.legalClaimsHold)
    phrase = t('terms:retention.legalClaimsHold', {
      phrase,
      term: retentionTermPhrase(rule.legalClaimsHold, messages),
    });
  if (rule.deletionHandling) {
    const { period, extendedPeriod } = rule.deletionHandling;
    phrase = extendedPeriod
      ? t('terms:retention.deletionHandlingExtended', {
          phrase,
          period: formatDuration(period, messages),
          extended: formatDuration(extendedPeriod, messages),
        })
      : t('terms:retention.deletionHandling', { phrase, period: formatDuration(period, messages) });
  }
  return phrase;
}
