import { rightsStatementBlocks } from './notice-statements.js';
import { accessTermsBlock } from './notice-access.js';
import { namesExchangeSystem } from '../law/dutch-care-law.js';
import { parentsActForChildUnder, patientRights, type PatientRightFacts } from '../law/patient-rights.js';
import { restrictionGrounds, rights as rightFacts } from '../law/rights.js';
import { citesLawOf, retentionMinimums } from '../law/retention-minimums.js';
import { ownWebsiteWords } from '../law/wording-patterns.js';
import { consentForMedicalFile, consentGivenForOthers, retentionFor } from '../policy/policy-facts.js';
import { refusesForGoodCare } from '../policy/erasure-refusals.js';
import { keepsFileShorterThanLaw } from '../policy/retention-minimum.js';
import type { RightId } from '../policy/policy-types.js';
import type { DerivedRight, PolicyModel, Purpose } from '../resolve/model.js';
import type { Messages } from '../i18n/messages.js';
import { formatDurationInText, formatLawReference, formatMinimumArticle } from './retention-phrase.js';
import { joinList, lowerFirst, namesInText, pick, sentence } from './format.js';
import { termKey } from './legal-text.js';
import { careRecipientKey, rich, richThenList, type NoticeContext } from './notice-context.js';
import { link, linkedIn, text, type Block, type Fact, type Inline } from './outline.js';
import {
  askUsOrGap,
  givesOurWebsite,
  ownWordsGiveWebsite,
  ownWordsReachUs,
  reachableFor,
  type ReachUs,
} from './reach-us.js';

/**
 * The rights section — 13(2)(b)(c)(d). Each derived right gets the general
 * text, which names only the bases this policy uses and is the legal minimum,
 * and after it the organisation's own explanation where it gives one
 * (rights.notes), under a lead-in that marks it as theirs. The own text used
 * to replace the general one, and then narrowed the right: Doctolib's
 * restriction 'only when (i)–(iii)', Cosmetic Clinic's erasure of incorrect
 * data only, IES's and Dental Clinics' objection (English review, finding 2).
 * A care provider's notice adds the patient's rights under the WGBO, and its
 * erasure right always points to them.
 */
export function rightsBlocks(ctx: NoticeContext): Block[] {
  const { model, source, m } = ctx;
  // Once, above the rights: the general text comes first, and it stands whatever the explanation after it says.
  const owned = model.rights.some((right) => ownText(right, ctx).length > 0);
  const blocks: Block[] = [
    howToLink(ctx),
    ...(owned ? [{ paragraph: sentence(m.t('notice:rights.introOwn')) }] : []),
    ...unbasedBlocks(ctx),
    { paragraph: sentence(m.t('notice:rights.intro')) },
  ];
  for (const right of model.rights) {
    blocks.push({
      subsection: {
        id: `right-${right.id}`,
        heading: m.t(`terms:right.${right.id}.name`),
        blocks: rightBlocks(right, ctx),
      },
    });
  }
  for (const right of source.rights?.additional ?? []) {
    const facts: Fact[] = [];
    if (right.legalSource)
      facts.push({
        label: m.t('details:rights.legalSource'),
        inlines: [text(formatLawReference(right.legalSource, m))],
      });
    if (right.moreInfo)
      facts.push({ label: m.t('details:rights.moreInfo'), inlines: [link(right.moreInfo, right.moreInfo)] });
    const own = facts.length
      ? richThenList(right.description, { facts }, 'details:rights.factsLead', m)
      : rich(right.description, m);
    blocks.push({ subsection: { id: `right-${right.id}`, heading: pick(right.name, m), blocks: own } });
  }
  if (ctx.careProvider) {
    blocks.push({
      subsection: {
        id: 'patient-rights',
        heading: m.t(careRecipientKey('notice:label.patientRights', source)),
        blocks: patientRightBlocks(ctx),
      },
    });
  }
  blocks.push(...rightsStatementBlocks(source, m));
  blocks.push({
    subsection: { id: 'exercising-rights', heading: m.t('notice:rights.howTo'), blocks: howToBlocks(ctx) },
  });
  return blocks;
}

/**
 * First under the heading, a link to how to exercise the rights: that part came after every right and the WGBO's
 * list, 6 to 14 phone screens below the heading, and only the access and erasure rights of notices that name a
 * way to reach us linked to it (notice8 review, finding 9). True in every notice: the part always says how to ask,
 * if only that a request may be made in any way.
 */
function howToLink(ctx: NoticeContext): Block {
  const { m } = ctx;
  const section = m.t('notice:rights.howTo');
  // Where that part can only say that the statement names no address, the line says so first, as the summary does:
  // not 'how to make a request' above a part with no address (second-read review 2, finding 2).
  const key = givesWayToAsk(ctx) ? 'notice:rights.howToLink' : 'notice:rights.howToLinkNoContact';
  return { paragraph: linkedIn(m.t(key, { section }), section, '#exercising-rights') };
}

/** The rights that only a purpose's basis brings into play (law/rights.ts: objection, portability, withdrawal). */
const basisRights = ['objection', 'portability', 'withdraw-consent'] as const;
const isBasisRight = (id: RightId): boolean => (basisRights as readonly RightId[]).includes(id);

/**
 * Purposes that state no basis, not even in words, bring none of the basis-dependent rights into play, so the
 * list below read as complete without them (13(2)(b)(c)). Above it the notice names them, as a right's list
 * does, and says what it leaves open for them; rights the policy sets aside (art. 11(2)) are not named.
 */
function unbasedBlocks({ model, source, m }: NoticeContext): Block[] {
  // A purpose a right's list names anyway (direct marketing's objection, 21(2)) is no silent gap.
  const named = new Set(model.rights.filter((r) => isBasisRight(r.id)).flatMap((r) => r.purposes));
  const unbased = model.purposes.filter((p) => p.bases.length === 0 && !p.legalBasisStatement && !named.has(p));
  const setAside = new Set((source.rights?.notApplicable ?? []).map((entry) => entry.right));
  const open = basisRights.filter((id) => !setAside.has(id));
  if (!unbased.length || !open.length) return [];
  const count = unbased.length;
  const rights = joinList(
    open.map((id) => m.t(`notice:rights.unbased.${id}`)),
    m,
    'or',
  );
  return [
    { paragraph: sentence(m.t('notice:rights.unbased.lead', { count })) },
    { list: unbased.map((p) => [text(pick(p.name, m))]) },
    { paragraph: sentence(m.t('notice:rights.unbased.open', { count, rights })) },
  ];
}

function rightBlocks(right: DerivedRight, ctx: NoticeContext): Block[] {
  return [
    ...generatedBlocks(right, ctx),
    ...ownBlocks(ownText(right, ctx), ctx),
    ...goodCareNotAReason(right, ctx),
    ...websiteUnnamed(right, ctx),
  ];
}

/**
 * After a care provider's own note that refuses to destroy the file for good care (what wgbo/erasure-refused-for-
 * good-care reports, policy/erasure-refusals.ts): that good care is no reason in law when the patient asks, and a
 * link to the law's rule (BW 7:455(2)), which the notice states. iPractice's 'wanneer goed hulpverlenerschap zich
 * daartegen verzet' stood ten lines under that rule, and the patient had to work out which applied (patient10
 * review, F10). Said of the patient's own request only: towards a child's representative good care is a ground
 * (7:465(4)), and the rule passes over a sentence about one.
 */
function goodCareNotAReason(right: DerivedRight, { source, m, careProvider, model }: NoticeContext): Block[] {
  const note = source.rights?.notes?.[right.id];
  if (!careProvider || !note || !refusesForGoodCare(`/rights/notes/${right.id}`, note)) return [];
  const section = m.t('terms:patientRight.destruction.name');
  // Under erasure the law's rule is a few lines above, a label with no anchor: a link would only jump to the top of
  // the section the reader is in (secondread11, F2).
  if (right.id === 'erasure') return [{ paragraph: [text(m.t('notice:rights.goodCareNotAReasonAbove', { section }))] }];
  const erasure = model.rights.some((r) => r.id === 'erasure');
  const said = m.t('notice:rights.goodCareNotAReason', { section });
  return [{ paragraph: linkedIn(said, section, erasure ? '#right-erasure' : '#patient-rights') }];
}

/**
 * After an own text that sends the reader to 'onze website' where the notice gives no web page of ours, nor the text
 * a web address of ours (ownWordsGiveWebsite; an e-mail address beside it does not name the website): to ask us for
 * it, with a link to our contact details, or where the notice gives none that it does not name it (askUsOrGap). Cosmetic Clinic's 'via de gegevens op onze website' under withdrawing
 * consent led nowhere, without a word (patient4 review, F5).
 */
function websiteUnnamed(right: DerivedRight, { source, m, reachUs }: NoticeContext): Block[] {
  const own = pick(source.rights?.notes?.[right.id], m);
  if (!ownWebsiteWords.test(own) || ownWordsGiveWebsite(reachUs, own) || givesOurWebsite(source)) return [];
  return [{ paragraph: askUsOrGap('notice:rights.websiteAsk', 'notice:rights.websiteUnnamed', source, m) }];
}

/** The organisation's own text about a right (rights.notes), as blocks; none where it gives none. */
const ownText = (right: DerivedRight, { source, m }: NoticeContext): Block[] =>
  rich(source.rights?.notes?.[right.id], m);

/** The own text under its lead-in ('Onze toelichting:'), after the general text. */
function ownBlocks(own: Block[], { m }: NoticeContext): Block[] {
  if (!own.length) return [];
  return [{ paragraph: [{ text: m.t('notice:rights.ownLead'), strong: true }] }, ...own];
}

/** What the notice says of a right whatever the organisation adds: the general text, true for this policy. */
function generatedBlocks(right: DerivedRight, ctx: NoticeContext): Block[] {
  if (right.id === 'objection' && right.bases.includes('direct-marketing')) return objectionBlocks(right, ctx);
  if (right.id === 'erasure') return erasureBlocks(right, ctx);
  if (right.id === 'restriction') return restrictionBlocks(ctx);
  if (right.id === 'withdraw-consent')
    return [
      { paragraph: generalInlines(right, ctx) },
      ...appliesTo(right.purposes, ctx, withdrawItem),
      ...fileStaysBlocks(right, ctx),
    ];
  const general = [{ paragraph: generalInlines(right, ctx) }, ...appliesTo(right.purposes, ctx)];
  if (right.id !== 'access') return general;
  return [...general, accessTermsBlock(ctx), ...accessChildBlocks(ctx), ...howToAskBlock('access', ctx)];
}

/**
 * Under withdrawing consent, where a purpose it covers keeps data of the medical file (consentForMedicalFile): that
 * what is in the file stays, and the way to have it destroyed. Cosmetic Clinic's treatment photos, added to the file
 * with consent, read as ending with the consent (notice8 review, finding 10).
 */
function fileStaysBlocks(right: DerivedRight, { model, m }: NoticeContext): Block[] {
  if (!right.purposes.some((p) => consentForMedicalFile(model, p))) return [];
  return [{ paragraph: fileStaysInlines('notice:rights.consentMedicalFile', model, m) }];
}

/**
 * A sentence on the file's data, which withdrawing consent does not end: the law has us keep them (BW 7:454), a duty
 * and not a promise of what we do. With its pointer to the right to have them destroyed (7:455): the erasure right,
 * which states it at a care provider, or else the patient rights, which list it. Where the policy keeps the file for
 * less than the law asks, a note points to the retention table, which says so: 'blijft bewaard' promised the law's 20
 * years where Cosmetic Clinic deletes after 6 months (patient10 review, F1).
 */
export function fileStaysInlines(key: string, model: PolicyModel, m: Messages): Inline[] {
  const erasure = model.rights.some((r) => r.id === 'erasure');
  const section = erasure
    ? m.t('terms:right.erasure.name')
    : m.t(careRecipientKey('notice:label.patientRights', model.source));
  const href = erasure ? '#right-erasure' : '#patient-rights';
  const stays = linkedIn(m.t(careRecipientKey(key, model.source), { section }), section, href);
  if (!keepsFileShorterThanLaw(model)) return stays;
  const retention = m.t('notice:heading.retention');
  const note = m.t('notice:rights.fileKeptShorter', { section: retention });
  return [...stays, ...linkedIn(` ${note}`, retention, '#retention')];
}

/**
 * At a care provider, under access: who asks to see a child's file or for a copy (BW 7:457(3), 7:465; the list's
 * 'Kinderen', law/patient-rights.ts), and a link to that item. A parent looking for a 13-year-old's file met
 * nothing about children here, and the answer four phone screens further on, unlinked (patient4 review, F1).
 */
function accessChildBlocks({ m, careProvider, source }: NoticeContext): Block[] {
  if (!careProvider) return [];
  const section = m.t(careRecipientKey('notice:label.patientRights', source));
  const minors = m.t('terms:patientRight.minors.shortName');
  return [{ paragraph: linkedIn(m.t('terms:right.access.child', { section, minors }), section, '#patient-rights') }];
}

/**
 * Under the rights of access and erasure, a link to how to ask (English review, finding 15): the part came
 * after the whole list of rights and the WGBO's, 6 to 68 phone screens further down, and the access text of
 * five notices named no way to ask; erasure had no link at all (patient3 review, F3). Only where that part
 * gives a way to reach us (givesWayToAsk): Cosmetic Clinic's said 'Hoe u ons vraagt …, staat onder' above a
 * part that says it names no address (second-read review 2, finding 2). The part's name in quotes, as other
 * pointers have it (Dutch review 3, finding 14).
 */
function howToAskBlock(right: 'access' | 'erasure' | 'erasureCare', ctx: NoticeContext): Block[] {
  if (!givesWayToAsk(ctx)) return [];
  const { m } = ctx;
  const section = m.t('notice:rights.howTo');
  return [
    { paragraph: linkedIn(m.t(`notice:rights.howToAskFor.${right}`, { section }), section, '#exercising-rights') },
  ];
}

/**
 * Erasure: the general sentence with the data a law makes us keep, and the purposes it applies to; at a care
 * provider then the WGBO's destruction right (BW 7:455) itself, under a lead that names the law, and who asks for a
 * child; then how to ask; at a care provider last the pointer to the other patient rights — all before the
 * organisation's own note: a note ('… tenzij een wettelijke plicht …', 'goed hulpverlenerschap') read as the
 * opposite of 7:455, which stood 4 to 8 phone screens further down (patient3 review, F2 and F3). The pointer stood
 * between the right and how to ask for it (Dutch review 3, finding 3); the law was named only in it, after the
 * right (English review 2, finding 4).
 */
function erasureBlocks(right: DerivedRight, ctx: NoticeContext): Block[] {
  const { m, careProvider, source } = ctx;
  const general = m.t(
    careProvider
      ? careRecipientKey('terms:right.erasure.descriptionCareProvider', source)
      : 'terms:right.erasure.description',
  );
  return [
    { paragraph: sentence([general, ...keptByLaw(ctx)].join(' ')) },
    ...appliesTo(right.purposes, ctx),
    ...(careProvider ? careErasureBlocks(ctx) : []),
    ...howToAskBlock(careProvider ? 'erasureCare' : 'erasure', ctx),
    ...(careProvider ? [patientRightsPointer(ctx)] : []),
  ];
}

/**
 * The data a law makes us keep, which the erasure right gives way to (17(3)(b); law/retention-minimums.ts
 * limitsErasure), by the policy's own names for them: a care provider's notice said only 'U mag ons vragen uw
 * gegevens te wissen', and below it that the retention period is no reason to refuse, which a patient took to
 * cover the invoices too (Dutch review 3, finding 4). Only the data the policy keeps under a retention rule that
 * cites the law (citesLawOf), not data whose id reads like it ('financial-situation': second-read review 3,
 * finding 6): the sentence states the duty in our voice. None where the policy names no such data.
 */
function keptByLaw({ model, m }: NoticeContext): string[] {
  return retentionMinimums
    .filter((min) => min.limitsErasure)
    .flatMap((min) => {
      const categories = model.dataCategories
        .filter((c) => retentionFor(model, c).some((rule) => citesLawOf(min, rule.legalSource)))
        .map((c) => lowerFirst(pick(c.name, m)));
      if (!categories.length) return [];
      return [
        m.t('terms:right.erasure.keptByLaw', {
          categories: joinList(categories, m),
          period: formatDurationInText(min.period, m),
          article: formatMinimumArticle(min, m),
        }),
      ];
    });
}

/**
 * At a care provider: the destruction of the file (7:455), worded as in the list of patient rights; who
 * asks for a child (7:465(1) and (2), the age from the law data).
 */
function careErasureBlocks({ m, source }: NoticeContext): Block[] {
  // The law written out: in a notice without a summary line on the file, this is where a patient meets it first.
  const law = formatLawReference({ law: 'wgbo' }, m);
  return [
    { paragraph: [text(m.t(careRecipientKey('terms:right.erasure.fileRight', source), { law }))] },
    { facts: [patientRightFact(destruction, m, source)] },
    { paragraph: sentence(m.t('terms:right.erasure.child', { age: parentsActForChildUnder })) },
  ];
}

/** The pointer, linked, to the other patient rights. */
function patientRightsPointer({ m, source }: NoticeContext): Block {
  const section = m.t(careRecipientKey('notice:label.patientRights', source));
  const medicalFile = m.t(careRecipientKey('terms:right.erasure.medicalFile', source), { section });
  return { paragraph: linkedIn(medicalFile, section, '#patient-rights') };
}

/** The bases that bring in the objection of art. 21(1), for one's particular situation (law/rights.ts). */
const situationalObjection = new Set<string>(
  [rightFacts.find((r) => r.id === 'objection')!.appliesWhen].flat().filter((b) => b !== 'direct-marketing'),
);

/**
 * Objection when a purpose is direct marketing: the objection of art. 21(1)
 * with the purposes it applies to, then the absolute one of 21(2)–(3) with
 * the marketing purposes — each list under its own sentence, so that the
 * absolute objection is not read as covering every purpose. A marketing
 * purpose is listed under the absolute objection only, as its purpose card
 * says: 21(1) applies to it too, but listed under both it read as the same
 * conditional right (Dental Clinics, Doctolib), where 21(3) needs no reason.
 */
function objectionBlocks(right: DerivedRight, ctx: NoticeContext): Block[] {
  const { m } = ctx;
  const situational = right.purposes.filter(
    (p) => !p.directMarketing && p.bases.some((b) => situationalObjection.has(b.basis)),
  );
  const marketing = right.purposes.filter((p) => p.directMarketing);
  const blocks: Block[] = situational.length ? [{ paragraph: sentence(generalText(right, ctx)) }] : [];
  return [
    ...blocks,
    ...appliesTo(situational, ctx),
    { paragraph: sentence(m.t('terms:right.objection.directMarketing')) },
    ...appliesTo(marketing, ctx),
  ];
}

/**
 * Restriction: the cases of art. 18(1) in which it applies (law/rights.ts), the one pending an objection
 * only where the objection of 21(1) applies. It said 'for example while we check whether it is accurate':
 * one case of four, and a statement's own 'only when (i)–(iii)' had nothing to stand against; then the own
 * text replaced the cases, and the notice said 'only when (i)–(iii)' alone.
 */
function restrictionBlocks({ model, m }: NoticeContext): Block[] {
  const objection = model.rights
    .find((r) => r.id === 'objection')
    ?.purposes.some((p) => p.bases.some((b) => situationalObjection.has(b.basis)));
  // A loop, not a closure made per call (docs/architecture.md, "No closures made per call").
  const grounds: Inline[][] = [];
  for (const g of restrictionGrounds)
    if (!g.whenObjection || objection) grounds.push([text(m.t(`terms:right.restriction.ground.${g.id}`))]);
  return [{ paragraph: sentence(m.t('terms:right.restriction.description')) }, { list: grounds }];
}

/** 'Dit geldt voor:' and the purposes, when there are any. */
function appliesTo(
  purposes: readonly Purpose[],
  { m }: NoticeContext,
  item: (p: Purpose, m: Messages) => string = (p) => pick(p.name, m),
): Block[] {
  if (!purposes.length) return [];
  return [{ paragraph: sentence(m.t('terms:right.appliesTo')) }, { list: purposes.map((p) => [text(item(p, m))]) }];
}

/**
 * A purpose in withdrawing consent's 'Dit geldt voor:' list, with who can withdraw it where others gave the consent
 * for some of its people (consentGivenForOthers): Doctolib's phone-book contacts read the purpose listed under a
 * right that is not theirs (patient10 review, F6).
 */
function withdrawItem(p: Purpose, m: Messages): string {
  const purpose = pick(p.name, m);
  const split = consentGivenForOthers(p);
  if (!split) return purpose;
  return m.t('terms:right.withdraw-consent.givenForOthers', {
    purpose,
    givers: namesInText(split.givers, m),
    others: namesInText(split.others, m),
  });
}

/** The general text of a right; the complaint's names the section it points to, linked. */
function generalInlines(right: DerivedRight, ctx: NoticeContext): Inline[] {
  const value = generalText(right, ctx);
  return right.id === 'complaint'
    ? linkedIn(value, ctx.m.t('notice:heading.complaints'), '#complaints')
    : sentence(value);
}

/** The general text of a right, true for this policy: the bases it names are the ones the policy uses. */
function generalText(right: DerivedRight, ctx: NoticeContext): string {
  const { m, model } = ctx;
  const bases = right.bases.filter((b) => b !== 'direct-marketing').map((b) => m.t(`terms:rightBasis.${termKey(b)}`));
  switch (right.id) {
    case 'portability':
      return m.t('terms:right.portability.descriptionBases', {
        bases: joinList(
          bases.length ? bases : ['6(1)(a)', '6(1)(b)'].map((b) => m.t(`terms:rightBasis.${termKey(b)}`)),
          m,
          'or', // art. 20(1)(a): consent or a contract, either one
        ),
      });
    case 'objection':
      return bases.length
        ? m.t('terms:right.objection.descriptionBases', { bases: joinList(bases, m, 'or') })
        : m.t('terms:right.objection.descriptionGeneral');
    case 'complaint':
      return m.t('terms:right.complaint.description', {
        authority: m.t(`terms:authority.${model.authority.id}.name`),
        section: m.t('notice:heading.complaints'),
      });
    default:
      return m.t(`terms:right.${right.id}.description`);
  }
}

/**
 * The patient's rights over the medical file (law/patient-rights.ts), each with its article; the
 * sentences that name the person or the file in the policy's word for them (careRecipientKey).
 */
function patientRightBlocks({ model, source, m }: NoticeContext): Block[] {
  const cited = model.purposes.flatMap(wgboArticlesCited);
  const exchange = [...model.processors, ...model.recipients].some((party) => namesExchangeSystem(party.name));
  // The destruction right is stated under erasure (erasureBlocks); here its name points up to it.
  const erasureShown = model.rights.some((r) => r.id === 'erasure');
  return [
    // With the Wabvpz right, the intro names that law too: the list is then not the WGBO's alone.
    {
      paragraph: sentence(
        worded(exchange ? 'terms:patientRight.introExchange' : 'terms:patientRight.intro', m, source),
      ),
    },
    {
      facts: patientRights
        .filter((r) => !r.whenCited || cited.some((a) => r.whenCited!.test(a)))
        .filter((r) => !r.whenExchangeSystem || exchange)
        .map((r) => (r === destruction && erasureShown ? destructionAbove(m) : patientRightFact(r, m, source))),
    },
  ];
}

const destruction = patientRights.find((r) => r.id === 'destruction')!;

/** A patient right as a fact: its name with the article, and its text in the policy's word for the person. */
function patientRightFact(right: PatientRightFacts, m: NoticeContext['m'], source: NoticeContext['source']): Fact {
  const label = m.t(`terms:patientRight.${right.id}.name`);
  const parts = listedParts[right.id];
  if (!parts) return { label, inlines: [text(worded(`terms:patientRight.${right.id}.description`, m, source))] };
  const [first, ...continued] = parts.map(([lead, items]) => ({
    inlines: [text(worded(`terms:patientRight.${right.id}.${lead}`, m, source))],
    ...(items.length
      ? { items: items.map((item) => [text(worded(`terms:patientRight.${right.id}.${item}`, m, source))]) }
      : {}),
  }));
  return { label, ...first!, ...(continued.length ? { continued } : {}) };
}

/**
 * A right worded as lead sentences, each with the list under it (the keys under terms:patientRight.<id>): after
 * death, who may see the file, then when we refuse. On a phone it was one paragraph of 190 words, ten sentences
 * (notice8 review, finding 9).
 */
const listedParts: Partial<Record<PatientRightFacts['id'], readonly (readonly [string, readonly string[]])[]>> = {
  deceased: [
    ['lead', ['who.consent', 'who.incident', 'who.interest', 'who.parents']],
    ['refuseLead', ['refuse.recorded', 'refuse.privacy']],
    // 7:458b: what one of the third route can do when refused (notice8 review, finding 7).
    ['independentDoctor', []],
  ],
};

/** A sentence in the policy's word for the person cared for, where the locale has that variant (careRecipientKey). */
function worded(key: string, m: NoticeContext['m'], source: NoticeContext['source']): string {
  return m.t(m.has(`${key}Client`) ? careRecipientKey(key, source) : key);
}

/** The destruction right in the list, where the erasure right above states it: its name and a link up. */
function destructionAbove(m: NoticeContext['m']): Fact {
  const section = m.t('terms:right.erasure.name');
  return {
    label: m.t('terms:patientRight.destruction.name'),
    inlines: linkedIn(m.t('terms:patientRight.destruction.above', { section }), section, '#right-erasure'),
  };
}

/** The WGBO articles a purpose cites: for its bases' legal obligation or public task, or behind its art. 9 exception. */
function wgboArticlesCited(p: Purpose): string[] {
  return [...p.bases.flatMap((b) => [b.legalObligation, b.publicTask]), p.specialCategoryCondition?.lawReference]
    .filter((r) => r?.law === 'wgbo')
    .map((r) => r!.article ?? '');
}

/**
 * Whether the section on exercising the rights gives a way to reach us (reach-us.ts): where to send a request,
 * the DPO's contact details or our address, or the organisation's own words on asking where they give an e-mail
 * address or phone number. Not where it can only say that the statement gives none (notice:rights.noContact),
 * even after the organisation's own words: Cosmetic Clinic's 'neem dan contact op met onze functionaris' names no
 * address either, and the summary's link to this section (then 'Zo vraagt u het aan') led to that (Dutch review 2, finding 13). Nor after a
 * rights contact that is only a note without one.
 */
export function givesWayToAsk({ source, m, reachUs }: NoticeContext): boolean {
  return reachableFor(reachUs, ownWordsOnAsking(source, reachUs, m));
}

/** The organisation's own words on where and how to ask: its text on exercising the rights and the rights contact's note. */
const ownWordsOnAsking = (source: NoticeContext['source'], ways: ReachUs, m: NoticeContext['m']): string =>
  `${pick(source.rights?.howToExercise, m)}\n${ways.note}`;

/**
 * How to exercise the rights (12(2), 13(2)(b)): the organisation's own words, then how soon it answers
 * (an author's 'binnen de termijn hieronder', Dental Clinics, is followed by the term, not by the contact
 * page), then where to send a request (reach-us.ts) and the rights contact's note. A statement that names
 * nowhere to send gets what is true without it (askUsBlocks), rather than no section: the reader is told the
 * rights and where they can still turn.
 */
function howToBlocks(ctx: NoticeContext): Block[] {
  const { source, m, reachUs: ways } = ctx;
  const own = rich(source.rights?.howToExercise, m);
  const blocks: Block[] = [...own];
  if (source.rights?.responseTime)
    blocks.push({
      paragraph: sentence(
        m.t('notice:rights.responseTime', { period: formatDurationInText(source.rights.responseTime, m) }),
      ),
    });
  blocks.push(...sendToBlocks(ways, m, pick(source.rights?.howToExercise, m)));
  if (ways.sendTo.length) return blocks;
  // Own words or a note but nowhere to send (Cosmetic Clinic: 'neem dan contact op met onze functionaris', whose
  // contact details the notice does not give): after them, that every right goes to us, and where.
  // Where those words give a way to reach us (an e-mail, phone, web or postal address), not that the statement names none.
  const toldInOwnWords = ownWordsReachUs(ways, ownWordsOnAsking(source, ways, m));
  const ask = { ways, m, formPrescribed: formPrescribed(ctx) };
  if (own.length || ways.note) blocks.push(...askUsBlocks(ask, m.t('notice:rights.howToAskAlso'), toldInOwnWords));
  else blocks.unshift(...askUsBlocks(ask, askLead(source, m), false));
  return blocks;
}

/** 'Neem dan contact op met Bernhoven' by the name the organisation uses for itself; 'Vraag het ons' where the statement names none. */
function askLead(source: NoticeContext['source'], m: NoticeContext['m']): string {
  const { controller } = source;
  return controller.placeholder
    ? m.t('notice:rights.howToAsk')
    : // The sentence's full stop ends 'Mini B.V.' too: not 'Neem dan contact op met Mini B.V..'.
      m.t('notice:rights.howToAskNamed', { name: (controller.shortName ?? controller.name).replace(/\.$/, '') });
}

/**
 * Whether the notice lists a patient right whose request the law gives a form (law/patient-rights.ts requestForm):
 * at a care provider, whose notice lists the destruction of the file (7:455) always.
 */
const formPrescribed = ({ careProvider }: NoticeContext): boolean =>
  careProvider && patientRights.some((r) => r.requestForm && !r.whenCited && !r.whenExchangeSystem);

/**
 * A statement that says neither how nor where: what is true all the same — a request goes to the
 * organisation, which must help (12(2)) — then the DPO, whom a person may contact about their rights
 * (38(4)), where the notice gives the DPO's contact details; else the organisation's address, as an
 * address and not as 'send your request by post' (Dijklander's statement gives no such instruction);
 * and only otherwise that the statement names no address, e-mail or telephone number for a request, and
 * that a request may be made in any way, without a special form (English review 1, finding 15; the law in
 * law/rights-limits.ts, beside the 'channel' narrowing). Not those sentences where the organisation's own
 * words give an e-mail address or phone number (toldInOwnWords): the first would be false. Not 'this notice
 * does not say how', which reads as a report on the document rather than help. After the statement's own
 * words the lead says that every right may be asked of us (howToAskAlso): their words may cover one right only.
 * Where the notice lists a right whose request the law gives a form (a care provider's destruction of the file,
 * BW 7:455(1): written or electronic), 'in any way, for example in person' names it as the exception (anyWayExcept):
 * a patient who asked at the desk was not owed the destruction (verify2 review, item 1).
 */
function askUsBlocks(
  { ways, m, formPrescribed }: { ways: ReachUs; m: NoticeContext['m']; formPrescribed: boolean },
  lead: string,
  toldInOwnWords: boolean,
): Block[] {
  // The DPO's section by its heading, as a link: its contact details are there.
  const toDpo = [
    text(m.t('notice:rights.howToAskDpoBefore')),
    link(m.t('notice:controller.dpo'), '#dpo'),
    text(m.t('notice:rights.howToAskDpoAfter')),
  ];
  const where = ways.dpo.length
    ? toDpo
    : ways.address
      ? sentence(m.t('notice:rights.address', { address: ways.address }))
      : toldInOwnWords
        ? []
        : sentence(
            `${m.t('notice:rights.noContact')} ${m.t(`notice:rights.${formPrescribed ? 'anyWayExcept' : 'anyWay'}`)}`,
          );
  return [{ paragraph: sentence(lead) }, ...(where.length ? [{ paragraph: where }] : [])];
}

/**
 * Where to send a request, and the rights contact's note. A way the statement's own words give already is not
 * listed again (Dental Clinics links its contact page in its text: it was listed twice). The controller's own
 * contact note is shown with the controller already; here only its details.
 */
function sendToBlocks(ways: ReachUs, m: NoticeContext['m'], own: string): Block[] {
  const fresh = ways.sendTo.filter((fact) => !saidIn(own, fact));
  const lead = fresh.length ? [{ paragraph: sentence(m.t('notice:rights.sendTo')) }] : [];
  const note = ways.note ? [{ paragraph: sentence(ways.note) }] : [];
  return [...lead, ...factsOnly(fresh), ...note];
}

/** Without scheme, 'www.' and a closing slash, lower case: how an address is compared with the author's text. */
const bareAddress = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\b(https?:\/\/|mailto:)/g, '')
    .replace(/\bwww\./g, '');

/** Whether the author's text gives the fact's web address or e-mail address itself, as a whole address. */
function saidIn(own: string, fact: Fact): boolean {
  const href = fact.inlines.find((i) => i.href && !i.href.startsWith('tel:'))?.href;
  if (!own || !href) return false;
  const target = bareAddress(href).replace(/\/$/, '');
  return new RegExp(`(^|[^\\w.@/-])${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?(?![\\w/-])`).test(
    bareAddress(own),
  );
}

const factsOnly = (facts: Fact[]): Block[] => (facts.length ? [{ facts }] : []);
