import {
  complaintsRouteWords,
  explicitConsentNegations,
  explicitConsentWords,
  formerLaws,
  namesExchangeSystem,
  researchConditions,
  researchProvisions,
} from '../law/dutch-care-law.js';
import { consentBases } from '../law/legal-bases.js';
import { joinPointer } from '../load/json-pointer.js';
import type { CookieCategorySource, Text } from '../policy/policy-types.js';
import { cookieConsentWords, impliedCookieConsentWords } from '../law/wording-patterns.js';
import { sentences } from '../sentences.js';
import { compiledOnce } from '../regexp-ahead.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import {
  basesOf,
  committeeNotRoute,
  consentForMedicalFile,
  isCareProvider,
  lawsCitedBy,
  secondaryUseOf,
  servesCare,
  texts,
  usesConsent,
} from '../policy/policy-facts.js';
import { basesWithoutFindings } from './basis-findings.js';
import type { Finding, Rule } from './rules.js';

/** A website whose visits say something about health: a care provider's, or any that processes health data. */
const healthSite = (model: PolicyModel): boolean =>
  isCareProvider(model) || model.dataCategories.some((c) => c.specials.includes('health') && c.usedBy.length > 0);

/** Cookie categories that track visitors for advertising or profiling (by id or name: the schema has no marker). */
const trackingCookie = /track|marketing|advert|advertent|targeting|social|profil/i;

/** Tracking cookie categories that neither set consentRequired nor say in their own text that consent is asked. */
function trackingCategories(model: PolicyModel): Array<{ index: number; name: Text }> {
  return (model.source.cookies?.categories ?? [])
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => trackingCookie.test(c.id) || texts(c.name).some((t) => trackingCookie.test(t)))
    .filter(({ c }) => c.consentRequired !== true && !saysConsentAsked(c))
    .map(({ c, index }) => ({ index, name: c.name }));
}

/**
 * Whether a cookie category's name or description says its cookies are placed only with consent: in a sentence that
 * does not make browsing the consent (impliedCookieConsentWords).
 */
const saysConsentAsked = (c: CookieCategorySource): boolean =>
  [...texts(c.name), ...texts(c.description)].some((t) => sentences(t).some(asksCookieConsent));

const asksCookieConsent = (sentence: string): boolean =>
  affirms(sentence, compiledOnce(cookieConsentWords)) && !compiledOnce(impliedCookieConsentWords).test(sentence);

/** Whether a sentence has `words` and does not deny them: an even number of negations (explicitConsentNegations). */
const affirms = (sentence: string, words: RegExp): boolean =>
  words.test(sentence) && (sentence.match(explicitConsentNegations) ?? []).length % 2 === 0;

/**
 * The message of research/secondary-use-condition: for work that serves the treatment or the quality of care
 * (servesCare) it names 9(2)(h) with UAVG art. 30(3)(a) beside the research routes (officer11 F2); for a care
 * provider's research on data not marked as health data it says the purpose "may" re-use health data.
 */
function secondaryUseVariant(p: Purpose): Pick<Finding, 'variant' | 'article'> {
  const health = p.dataCategories.some((c) => c.specials.includes('health'));
  if (servesCare(p)) return { variant: health ? 'care' : 'careHealthUnstated', article: careRouteArticles };
  return health ? {} : { variant: 'healthUnstated' };
}

/** The provisions a secondaryUseVariant care message names: the care route beside the research routes. */
const careRouteArticles = 'GDPR 9(2)(h), 9(2)(j); UAVG 30(3)(a), 24; BW 7:458';

/** Whether a purpose cites a Dutch provision that gives 9(2)(j) effect. */
const citesResearchProvision = (p: Purpose): boolean =>
  lawsCitedBy(p).some((ref) => researchProvisions.some((r) => r.law === ref.law && r.article.test(ref.article ?? '')));

/** A purpose's processors and recipients that are electronic exchange systems (Wabvpz art. 1), by name. */
function exchangeParties(p: Purpose): Array<{ pointer: string; name: string | Text; about: Text | undefined }> {
  return [
    ...p.recipients.map((r) => ({ pointer: r.pointer, name: r.name as string | Text, about: r.description })),
    ...p.processors.map((r) => ({ pointer: r.pointer, name: r.name as string | Text, about: r.service })),
  ].filter((x) => namesExchangeSystem(x.name));
}

/**
 * Where a purpose names consent: its basis when that is 6(1)(a), else its
 * art. 9 exception (6(1)(b) with 9(2)(a) names consent only there).
 */
function consentPointer(p: Purpose): string {
  if (basesOf(p).some((b) => consentBases.has(b)))
    return joinPointer(p.pointer, p.legalBasis ? 'legalBasis' : 'legalBases');
  return joinPointer(p.pointer, 'specialCategoryCondition', 'condition');
}

/** Whether a text says explicit consent is asked: the words, in a sentence that does not deny them. */
function statesExplicitConsent(text: string): boolean {
  return sentences(text).some((sentence) => affirms(sentence, explicitConsentWords));
}

/**
 * A care provider whose policy names no complaints officer or no disputes body (Wkkgz art. 15, 18), in the fields
 * or in words in its complaints text: one finding, its variant naming the one missing when the other is there, or
 * saying that a complaints committee named instead is neither. A field that names a complaints committee
 * (committeeNotRoute) is reported at its name instead: it was taken for the route, and the notice called the
 * committee 'onze klachtenfunctionaris'.
 */
function complaintsRouteUnstated(model: PolicyModel): Finding[] {
  if (!isCareProvider(model)) return [];
  const complaints = model.source.complaints;
  const misnamed = [
    ...committeeField(complaints?.officer?.name, 'officer'),
    ...committeeField(complaints?.disputesBody?.name, 'disputesBody'),
  ];
  const said = texts(complaints?.internal);
  const officer = complaints?.officer !== undefined || said.some((t) => complaintsRouteWords.officer.test(t));
  const body = complaints?.disputesBody !== undefined || said.some((t) => complaintsRouteWords.disputesBody.test(t));
  if (officer && body) return misnamed;
  // Neither, but a complaints committee: the text does say where to complain, so the message must not say it does not.
  const committee = !officer && !body && said.some((t) => complaintsRouteWords.committee.test(t));
  const variant = officer ? 'disputesBody' : body ? 'officer' : committee ? 'committee' : undefined;
  return [...misnamed, { pointer: complaints ? '/complaints' : '/controller', ...(variant ? { variant } : {}) }];
}

/** A complaints committee given as the officer or the disputes body: at its name, saying what it is not. */
function committeeField(name: string | undefined, route: 'officer' | 'disputesBody'): Finding[] {
  if (!committeeNotRoute(name, route)) return [];
  const variant = route === 'officer' ? 'committeeAsOfficer' : 'committeeAsDisputesBody';
  const article = route === 'officer' ? 'Wkkgz 15' : 'Wkkgz 18';
  return [{ pointer: joinPointer('/complaints', route, 'name'), variant, vars: { name: name! }, article }];
}

export const careRules: readonly Rule[] = [
  {
    id: 'cookies/tracking-without-consent',
    severity: 'warning',
    article: 'Telecommunicatiewet 11.7a; GDPR 6(1)(a)',
    check: (model) =>
      healthSite(model)
        ? trackingCategories(model).map(({ index, name }) => ({
            pointer: joinPointer('/cookies/categories', index),
            vars: { cookies: name },
          }))
        : [],
  },
  {
    id: 'cookies/tracker-destination-unstated',
    severity: 'warning',
    article: 'GDPR 13(1)(e), 13(1)(f)',
    check: (model) => {
      const named = model.purposes.some((p) => usesConsent(p) && (p.recipients.length > 0 || p.processors.length > 0));
      const tracking = (model.source.cookies?.categories ?? []).findIndex(
        (c) => trackingCookie.test(c.id) || texts(c.name).some((t) => trackingCookie.test(t)),
      );
      return healthSite(model) && tracking >= 0 && !named
        ? [{ pointer: joinPointer('/cookies/categories', tracking) }]
        : [];
    },
  },
  {
    id: 'research/secondary-use-condition',
    severity: 'warning',
    article: 'GDPR 9(2)(j); UAVG 24; BW 7:458',
    check: (model) =>
      model.purposes
        .filter((p) => secondaryUseOf(model, p))
        .filter(
          (p) =>
            !(
              researchConditions.has(p.specialCategoryCondition?.condition ?? '') &&
              (citesResearchProvision(p) || p.specialCategoryCondition?.condition === '9(2)(a)')
            ),
        )
        .map((p) => ({
          pointer: joinPointer(p.pointer, p.specialCategoryCondition ? 'specialCategoryCondition' : 'name'),
          vars: { purpose: p.name },
          ...secondaryUseVariant(p),
        })),
  },
  {
    id: 'wgbo/consent-for-medical-file',
    severity: 'warning',
    article: 'BW 7:454; GDPR 9(2)(h)',
    // Consent to make the file available through an exchange system is what Wabvpz art. 15a asks: not reported.
    check: (model) =>
      model.purposes
        .filter((p) => consentForMedicalFile(model, p) && exchangeParties(p).length === 0)
        .map((p) => ({ pointer: consentPointer(p), vars: { purpose: p.name } })),
  },
  {
    id: 'wabvpz/exchange-consent-missing',
    severity: 'error',
    article: 'Wabvpz 15a',
    check: (model) =>
      model.purposes.flatMap((p) => {
        // Only explicit consent (9(2)(a)) satisfies art. 15a(1); consent under 6(1)(a) alone does not say it is explicit.
        if (
          !p.dataCategories.some((c) => c.specials.includes('health')) ||
          p.specialCategoryCondition?.condition === '9(2)(a)'
        )
          return [];
        return exchangeParties(p)
          .filter((x) => !texts(x.about).some(statesExplicitConsent))
          .map((x) => ({ pointer: joinPointer(x.pointer, 'name'), vars: { purpose: p.name, party: x.name } }));
      }),
  },
  {
    id: 'wkkgz/complaints-route-unstated',
    // The GDPR asks the notice only for the supervisory authority (13(2)(d)); the Wkkgz asks the provider to bring its
    // complaints arrangement and disputes body to its clients' attention in a suitable way (13(4), 18(5)), which a
    // complaints page may do: a prompt, not a defect.
    severity: 'info',
    article: 'Wkkgz 13(4), 15, 18',
    check: complaintsRouteUnstated,
  },
  {
    id: 'art6/public-task-law-missing',
    severity: 'warning',
    article: 'GDPR 6(1)(e), 6(3)',
    // The schema's field for 6(1)(e) is publicTask; a law given as legalObligation names it too.
    check: (model) => basesWithoutFindings(model, '6(1)(e)', 'publicTask', 'legalObligation'),
  },
  {
    id: 'law/former-name',
    severity: 'warning',
    article: 'UAVG; Wvggz; Wzd; Wabvpz; Wkkgz; Wlz; Jeugdwet; Wmo 2015',
    check: (model) => textsUnder(model, citingKeys).flatMap(formerLawCited),
  },
];

/** A text that cites a law by its former name (module-level and loops: docs/architecture.md, "No closures made per call"). */
function formerLawCited({ pointer, text }: { pointer: string; text: Text }): Finding[] {
  const written = texts(text);
  for (const law of formerLaws) {
    if (!someMatch(compiledOnce(law.pattern), written)) continue;
    const cited = written.map((t) => t.match(law.pattern)?.[0]).find(Boolean) ?? law.id;
    return [{ pointer, vars: { cited, now: law.now, until: law.until } }];
  }
  return [];
}

function someMatch(pattern: RegExp, strings: readonly string[]): boolean {
  for (const s of strings) if (pattern.test(s)) return true;
  return false;
}

/** Where a policy cites or explains a law in its own words. */
const citingKeys: ReadonlySet<string> = new Set(['citation', 'explanation', 'legalBasisExplanation']);

/** Every Text under one of `keys`, wherever the schema puts it, with its pointer, in one walk. */
function textsUnder(model: PolicyModel, keys: ReadonlySet<string>): Array<{ pointer: string; text: Text }> {
  const found: Array<{ pointer: string; text: Text }> = [];
  walkTexts(model.source, [], keys, found);
  return found;
}

/**
 * textsUnder's walk: `path` holds the tokens down to `node`, and a pointer is
 * written only for a Text found (joining one for every value walked past was
 * most of the walk's time).
 */
function walkTexts(
  node: unknown,
  path: Array<string | number>,
  keys: ReadonlySet<string>,
  found: Array<{ pointer: string; text: Text }>,
): void {
  if (node === null || typeof node !== 'object') return;
  const isArray = Array.isArray(node);
  for (const [k, v] of Object.entries(node)) {
    path.push(isArray ? Number(k) : k);
    if (keys.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v))
      found.push({ pointer: joinPointer('', ...path), text: v as Text });
    else walkTexts(v, path, keys, found);
    path.pop();
  }
}
