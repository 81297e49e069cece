import { isInEea } from '../law/eea.js';
import {
  billingWords,
  clientWords,
  continuedUseConsent,
  examplesWords,
  insurerWords,
  noOneElseWords,
  notInsurerBillingWords,
  othersMayWords,
  patientWords,
  privacyShieldPastWords,
  privacyShieldWords,
  promotionWords,
  referralWords,
  transferHedgeWords,
  vagueWords,
} from '../law/wording-patterns.js';
import { isAtOrBelow, joinPointer } from '../load/json-pointer.js';
import type { PurposeSource, Text } from '../policy/policy-types.js';
import type { PolicyModel } from '../resolve/model.js';
import { isCareProvider } from '../policy/policy-facts.js';
import {
  fileTermDuty,
  firstReason,
  goodCare,
  readAsErasureText,
  type RefusalReason,
} from '../policy/erasure-refusals.js';
import { sentences } from '../sentences.js';
import { quoteIn } from './quote-in.js';
import type { Finding, Rule } from './rules.js';
import { compiledOnce } from '../regexp-ahead.js';

/** A Text (plain or Markdown) somewhere in the policy, with its pointer. */
export interface FoundText {
  pointer: string;
  text: Text;
}

/** An object whose keys are all 'nl' or 'en' and whose values are all strings (at least one). */
function isText(v: unknown): v is Text {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if ((k !== 'nl' && k !== 'en') || typeof (v as Record<string, unknown>)[k] !== 'string') return false;
  }
  return keys.length > 0;
}

/** Every Text under `node` (a part of the authored policy at `pointer`), in document order. */
export function textsIn(node: unknown, pointer: string): FoundText[] {
  const found: FoundText[] = [];
  collectTexts(node, pointer, found);
  return found;
}

/** textsIn's walk, into one array: an array per value walked past, flattened level by level, was most of its time. */
function collectTexts(node: unknown, pointer: string, found: FoundText[]): void {
  if (isText(node)) found.push({ pointer, text: node });
  else if (Array.isArray(node))
    for (let i = 0; i < node.length; i++) collectTexts(node[i], joinPointer(pointer, i), found);
  else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length; i++) collectTexts(object[keys[i]!], joinPointer(pointer, keys[i]!), found);
  }
}

/** Every Text of the authored policy, walked once per model (the wording and Markdown rules read them all). */
const policyTexts = new WeakMap<PolicyModel, FoundText[]>();
export function allTexts(model: PolicyModel): readonly FoundText[] {
  let found = policyTexts.get(model);
  if (!found) policyTexts.set(model, (found = textsIn(model.source, '')));
  return found;
}

/**
 * A text about the document, not the processing (metadata: authoring notes, the history's summaries,
 * acknowledgements), which the wording rules that read every text pass over. Wider than placeholder-text's
 * `unpublished`, which reads the history the notice shows.
 */
const aboutTheDocument = (pointer: string): boolean => isAtOrBelow(pointer, '/metadata');

function matches(t: Text, pattern: RegExp): boolean {
  for (const s of Object.values(t)) if (pattern.test(s)) return true;
  return false;
}

/** What `pattern` matched in each language of `t` (quoteIn), for a text that `matches` found it in. */
const firstMatch = (t: Text, pattern: RegExp): Text => quoteIn(t, (s) => s.match(pattern)?.[0])!;

/**
 * A care provider's rights texts that give a `reason` for refusing erasure of the medical file, read sentence by
 * sentence: any text under rights.notes.erasure, and others that speak of erasure (policy/erasure-refusals.ts).
 */
function erasureRefusals(reason: RefusalReason): (model: PolicyModel) => Finding[] {
  return (model) => {
    if (!isCareProvider(model)) return [];
    const found: Finding[] = [];
    for (const { pointer, text } of textsIn(model.source.rights, '/rights')) {
      if (!readAsErasureText(pointer, text)) continue;
      const quote = quoteIn(text, (s, lang) => firstReason(s, lang, reason));
      if (quote) found.push({ pointer, vars: { quote } });
    }
    return found;
  };
}

/**
 * Purposes on legitimate interests that read as promotion but do not set directMarketing: the notice
 * then gives the objection of 21(1), which can be overridden, where 21(2)–(3) makes it absolute.
 * Name first, else description: one finding per purpose.
 */
function marketingUnmarked(model: PolicyModel): Finding[] {
  return (model.source.purposes ?? []).flatMap(promotionUnmarked);
}

// Module-level callbacks here and below, not arrows made on every call: a warm process keeps their optimised code.
function promotionUnmarked(p: PurposeSource, i: number): Finding[] {
  const bases = [p.legalBasis, ...(p.legalBases ?? []).map((b) => b.basis)];
  if (p.directMarketing || !bases.includes('6(1)(f)')) return [];
  const field = [p.name, p.description].find((t) => t && matches(t, compiledOnce(promotionWords)));
  if (!field) return [];
  const pointer = joinPointer(joinPointer('/purposes', i), field === p.name ? 'name' : 'description');
  return [{ pointer, vars: { purpose: p.name, quote: firstMatch(field, compiledOnce(promotionWords)) } }];
}

/** The continued-use patterns as one, so each language's text is quoted by whichever pattern fits it. */
const continuedUsePattern = new RegExp(continuedUseConsent.map((p) => p.source).join('|'), 'i');

/** Texts anywhere in the policy that treat continued use as consent. */
function continuedUse(model: PolicyModel): Finding[] {
  return allTexts(model)
    .filter(speaksOfContinuedUse)
    .map(({ pointer, text }) => ({ pointer, vars: { quote: firstMatch(text, compiledOnce(continuedUsePattern)) } }));
}

const speaksOfContinuedUse = ({ text }: FoundText): boolean => matches(text, compiledOnce(continuedUsePattern));

/**
 * Published texts that still rely on the Privacy Shield. A mechanism's own note is left to transfer/privacy-shield,
 * which reports the mechanism, and so is the transfers statement while one of the mechanisms it goes with is the
 * Privacy Shield (one cause, one finding: officer8 D4); authoring notes (metadata) are not published.
 */
function privacyShieldTexts(model: PolicyModel): Finding[] {
  const mechanismNotes = new Set(
    (model.source.transfers?.mechanisms ?? []).flatMap((m, i) =>
      m.mechanism === 'privacy-shield' ? [joinPointer('/transfers/mechanisms', i, 'note')] : [],
    ),
  );
  if (mechanismNotes.size > 0) mechanismNotes.add('/transfers/statement');
  return allTexts(model)
    .filter(({ pointer }) => !aboutTheDocument(pointer) && !mechanismNotes.has(pointer))
    .filter(reliesOnPrivacyShield)
    .map(({ pointer }) => ({ pointer }));
}

const reliesOnPrivacyShield = ({ text }: FoundText): boolean =>
  matches(text, privacyShieldWords) && !matches(text, privacyShieldPastWords);

/** Hedging words in the texts of purposes and retention rules (not their names), and in the transfer texts. */
function vagueWording(model: PolicyModel): Finding[] {
  const places = [
    ...(model.source.purposes ?? []).map((p, i) => ({ node: p, pointer: joinPointer('/purposes', i) })),
    ...(model.source.retention ?? []).map((r, i) => ({ node: r, pointer: joinPointer('/retention', i) })),
  ];
  return [...places.flatMap(vagueWordsIn), ...transferTexts(model).flatMap(vagueTransferText)];
}

/** The vague words in the texts of one purpose or retention rule, names left out. */
function vagueWordsIn({ node, pointer }: { node: unknown; pointer: string }): Finding[] {
  return textsIn(node, pointer)
    .filter(({ pointer: at }) => !at.endsWith('/name'))
    .filter(({ text }) => matches(text, compiledOnce(vagueWords)))
    .map(({ pointer: at, text }) => ({ pointer: at, vars: { word: firstMatch(text, compiledOnce(vagueWords)) } }));
}

/**
 * The texts about transfers outside the EEA (13(1)(f) asks for precision there; officer11, item 6): the general
 * statement and grounds, and each processor's and recipient's transfer and server locations.
 */
function transferTexts(model: PolicyModel): FoundText[] {
  const { transfers, processors = [], recipients = [] } = model.source;
  return [
    ...textsIn(transfers, '/transfers').filter(({ pointer }) => !pointer.endsWith('/copyAvailableAt')),
    ...processors.flatMap((p, i) => [
      ...textsIn(p.transfer?.note, joinPointer('/processors', i, 'transfer', 'note')),
      ...textsIn(p.serverLocationsText, joinPointer('/processors', i, 'serverLocationsText')),
    ]),
    ...recipients.flatMap((r, i) => textsIn(r.transfer?.note, joinPointer('/recipients', i, 'transfer', 'note'))),
  ];
}

/** The first hedge in a transfer text, a general one or one that takes back where the data goes. */
function vagueTransferText({ pointer, text }: FoundText): Finding[] {
  const pattern = [compiledOnce(vagueWords), transferHedgeWords].find((p) => matches(text, p));
  return pattern ? [{ pointer, variant: 'transfer', vars: { word: firstMatch(text, pattern) } }] : [];
}

/**
 * A statement that speaks of referrals while no data category gives a
 * source: the first text that does, once per policy (the finding is about
 * the policy's sources, not about each mention).
 */
function referralWithoutSource(model: PolicyModel): Finding[] {
  if (model.dataCategories.some((c) => c.source !== undefined)) return [];
  const found = allTexts(model).find(speaksOfReferral);
  return found ? [{ pointer: found.pointer, vars: { quote: firstMatch(found.text, referralWords) } }] : [];
}

const speaksOfReferral = ({ pointer, text }: FoundText): boolean =>
  !aboutTheDocument(pointer) && matches(text, referralWords);

/** The whole word the client pattern starts in ('Cliëntdossier'), for the message. */
const wordAt = /(?<![\p{L}\p{N}])cli[eë]nt[\p{L}\p{N}-]*/iu;

/**
 * A care provider whose Dutch texts call the people it cares for 'cliënt' and never 'patiënt', while the
 * notice's own sentences about them (the WGBO rights) say 'patiënt' and 'medisch dossier': the first text
 * that says cliënt, once, until metadata.careRecipient says which word the notice uses.
 */
function careRecipientUnset(model: PolicyModel): Finding[] {
  if (!isCareProvider(model) || model.source.metadata.careRecipient) return [];
  const dutch = allTexts(model).filter(({ pointer, text }) => !aboutTheDocument(pointer) && text.nl);
  if (dutch.some(({ text }) => patientWords.test(text.nl!))) return [];
  const found = dutch.find(({ text }) => clientWords.test(text.nl!));
  // The Dutch word in both languages' messages: it is the word the notice's Dutch sentences would use.
  const word = found && found.text.nl!.match(wordAt)![0];
  return found ? [{ pointer: found.pointer, vars: { quote: { nl: word!, en: word! } } }] : [];
}

/** The first sentence of `s` that says no one else receives the data, without a condition that lets others in. */
function noOneElse(s: string): string | undefined {
  if (compiledOnce(examplesWords).test(s)) return undefined;
  const sentence = sentences(s).find((x) => compiledOnce(noOneElseWords).test(x) && !othersMayWords.test(x));
  return sentence?.match(compiledOnce(noOneElseWords))![0];
}

/**
 * A sharing text that says no one else receives the data while recipientsComplete is not set: the
 * summary then presents the parties named as some among others. Only where it names parties, for
 * the field changes nothing else; where the author set the field either way, the author has said.
 */
function recipientsCompleteUnset(model: PolicyModel): Finding[] {
  const { sharing, recipientsComplete } = model.source;
  if (!sharing || recipientsComplete !== undefined || !(model.recipients.length + model.processors.length)) return [];
  const quote = quoteIn(sharing, noOneElse);
  return quote ? [{ pointer: '/sharing', vars: { quote } }] : [];
}

/** The first sentence of `s` that says the provider bills a health insurer (law/wording-patterns.ts). */
function insurerBilling(s: string): string | undefined {
  return sentences(s).find(
    (x) => compiledOnce(insurerWords).test(x) && billingWords.test(x) && !notInsurerBillingWords.test(x),
  );
}

/** The sentence `find` returns in each language of `t`, trimmed (quoteIn). */
export const sentenceIn = (t: Text, find: (s: string) => string | undefined): Text | undefined =>
  quoteIn(t, (s) => find(s)?.trim());

/**
 * A purpose that bills health insurers while no recipient is one (patients' review F6: BIB's "Declareren bij de
 * zorgverzekeraars" beside "Wij geven geen gegevens door aan andere partijen"). The insurer receives data (GDPR
 * 4(9)), so the notice names it (13(1)(e)). Name first, else description: one finding per purpose; a variant
 * quotes a sharing text that says no one else receives the data, even with a condition ("tenzij …").
 */
function insurerUnnamed(model: PolicyModel): Finding[] {
  if (model.recipients.some((r) => r.type === 'insurer' || matches(r.name, compiledOnce(insurerWords)))) return [];
  const sharing =
    model.source.sharing && sentenceIn(model.source.sharing, (s) => s.match(compiledOnce(noOneElseWords))?.[0]);
  const found: Finding[] = [];
  const purposes = model.source.purposes ?? [];
  for (let i = 0; i < purposes.length; i++) {
    const p = purposes[i]!;
    const field = [p.name, p.description].find(billsInsurer);
    if (!field) continue;
    const pointer = joinPointer(joinPointer('/purposes', i), field === p.name ? 'name' : 'description');
    const vars = { quote: sentenceIn(field, insurerBilling)! };
    found.push(sharing ? { pointer, variant: 'sharingDenies', vars: { ...vars, sharing } } : { pointer, vars });
  }
  return found;
}

function billsInsurer(t: Text | undefined): boolean {
  return t !== undefined && sentenceIn(t, insurerBilling) !== undefined;
}

export const wordingRules: readonly Rule[] = [
  {
    id: 'controller/representative-missing',
    severity: 'warning',
    article: 'GDPR 27(1), 13(1)(a)',
    // A Dutch-language health statement offers its services to people in the Netherlands (art. 3(2)(a)); 27(2) exempts public authorities and occasional processing without large-scale special data.
    check: (model) => {
      const c = model.source.controller;
      const country = c.address?.country;
      return country !== undefined && !isInEea(country) && !c.publicAuthority && !model.source.representative
        ? [{ pointer: '/controller/address/country', vars: { country } }]
        : [];
    },
  },
  {
    id: 'wgbo/erasure-refused-for-good-care',
    severity: 'warning',
    article: 'BW 7:455',
    check: erasureRefusals(goodCare),
  },
  {
    id: 'wgbo/erasure-refused-for-retention',
    severity: 'warning',
    article: 'BW 7:454(3), 7:455',
    check: erasureRefusals(fileTermDuty),
  },
  {
    id: 'art21/direct-marketing-unmarked',
    severity: 'warning',
    article: 'GDPR 21(2), 21(3)',
    check: marketingUnmarked,
  },
  { id: 'consent/continued-use', severity: 'error', article: 'GDPR 4(11), 7(1); recital 32', check: continuedUse },
  {
    id: 'art14/referral-source-unstated',
    // Info: the patient usually knows who referred them, and may then already have the information.
    severity: 'info',
    article: 'GDPR 14(2)(f)',
    check: referralWithoutSource,
  },
  {
    id: 'transfer/privacy-shield-text',
    severity: 'warning',
    article: 'GDPR 12(1), 13(1)(f); CJEU C-311/18',
    check: privacyShieldTexts,
  },
  { id: 'wording/vague', severity: 'info', article: 'GDPR 12(1); WP260 rev.01', check: vagueWording },
  { id: 'wording/care-recipient-unset', severity: 'info', article: 'GDPR 12(1)', check: careRecipientUnset },
  {
    id: 'recipients/complete-unset',
    // Info: only the author knows whether the parties named are all.
    severity: 'info',
    article: 'GDPR 13(1)(e), 12(1)',
    check: recipientsCompleteUnset,
  },
  {
    id: 'recipients/insurer-unnamed',
    // A warning: the policy's own purpose says the insurer receives data, and the notice does not name it.
    severity: 'warning',
    article: 'GDPR 13(1)(e), 12(1)',
    check: insurerUnnamed,
  },
];
