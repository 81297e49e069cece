import type { MessageData, MessageValue, Severity } from '../diagnostics/diagnostic.js';
import { adequacyFor } from '../law/adequacy.js';
import { isInEea, nonEeaCountries, partyCountries, publicationRecipients } from '../law/eea.js';
import {
  automatedDecisionSpecialConditions,
  bsnGrounds,
  bsnLawBases,
  bsnWords,
  criminalDataGrounds,
  largeScaleCare,
  professionalSecrecyLaws,
  requirementBases,
  responseTimeLimitDays,
  safeguardsWithCopy,
  type CareSector,
} from '../law/legal-thresholds.js';
import { retentionMinimums, type RetentionMinimum } from '../law/retention-minimums.js';
import { careRules } from './care-rules.js';
import { controllerRules } from './controller-rules.js';
import { rightsRules } from './rights-rules.js';
import { specialCategoryRules } from './special-category-rules.js';
import { namedQuote } from './named-in.js';
import { minimumApplies, shorterThan } from '../policy/retention-minimum.js';
import { wordingRules } from './wording-rules.js';
import { legitimateInterestRules } from './legitimate-interest-rules.js';
import { locationTextRules } from './location-text-rule.js';
import { markdownRules } from './markdown-rules.js';
import { placeholderRules } from './placeholder-text.js';
import { nameList } from './name-list.js';
import { joinPointer } from '../load/json-pointer.js';
import type { Text, TransferSource } from '../policy/policy-types.js';
import type {
  DataCategory,
  DataSubject,
  PolicyModel,
  Processor,
  Purpose,
  Recipient,
  RetentionRule,
} from '../resolve/model.js';
import { durationInDays } from '../law/durations.js';
import {
  basesOf,
  citesProcessorRecord,
  collectsFromPerson,
  consentOthers,
  appointedDpo,
  dpoLikelyMandatory,
  dpoMandatoryForSector,
  hasContact,
  inMedicalFile,
  isCareProvider,
  isInUse,
  isPatientGroup,
  lawsCitedBy,
  objectsWith,
  retentionFor,
  specialCategories,
  statesSecrecy,
  unusedDataCategories,
  unusedDataSubjects,
  usesConsent,
  vagueConditions,
} from '../policy/policy-facts.js';
import { basesWithoutFindings, legitimateInterestFindings } from './basis-findings.js';

/** One problem a rule found: where, and the values its message needs (Text values are shown in the message language). */
export interface Finding {
  pointer: string;
  /** A variant of the message (key `<variant>` beside `message`), e.g. when there is no name to show. */
  variant?: string;
  vars?: MessageData;
  /** The provisions this finding is about, when narrower than the rule's own (rights/narrowed: one narrowing's). */
  article?: string;
  /** A lower severity than the rule's for this case (retention/medical-file-start with no start: info). */
  severity?: Severity;
  /** Where in the string at `pointer` the finding is (a link in a Markdown text): its column then points there. */
  offset?: number;
}

/**
 * A compliance rule. Its message and explanation live in
 * locales/<lang>/rules.json under the rule id; docs/rules.md is generated
 * from this catalogue.
 */
export interface Rule {
  /** Stable kebab-case id with a prefix naming the article or topic. */
  id: string;
  severity: Severity;
  /** The legal reference, as diagnostics and docs cite it. */
  article: string;
  check(model: PolicyModel): Finding[];
}

/** A retention rule as a message value: its terms as written (plain data, without the model's links to categories). */
function retentionValue(rule: RetentionRule): MessageValue {
  const { categories: _categories, pointer: _pointer, ...source } = rule;
  return { retention: source };
}

/** The names of data subjects, one list per language they are named in ('Naasten van patiënten, Contactpersonen'). */
function namesOf(subjects: readonly DataSubject[]): Text {
  const langs = [...new Set(subjects.flatMap((s) => Object.keys(s.name)))] as Array<keyof Text>;
  return Object.fromEntries(
    langs.map((lang) => [lang, subjects.map((s) => s.name[lang] ?? Object.values(s.name)[0]).join(', ')]),
  );
}

/** Processors and recipients, each with its name (a string for processors, a text for recipients). */
function parties(model: PolicyModel): Array<{ party: Processor | Recipient; name: string | Text }> {
  return [
    ...model.processors.map((p) => ({ party: p as Processor | Recipient, name: p.name as string | Text })),
    ...model.recipients.map((r) => ({ party: r as Processor | Recipient, name: r.name })),
  ];
}

/** Whether a transfer to `country` is covered: an adequacy decision (US: only with the DPF) or a safeguard. */
function transferCovered(country: string, transfer: TransferSource | undefined): boolean {
  const mechanism = transfer?.mechanism;
  if (mechanism === 'privacy-shield') return true; // reported by transfer/privacy-shield
  const adequacy = adequacyFor(country);
  if (mechanism === undefined || mechanism === 'adequacy')
    return adequacy !== undefined && adequacy.requiresMechanism === undefined;
  if (mechanism === 'eu-us-dpf') return adequacy?.requiresMechanism === 'eu-us-dpf';
  return true; // standard clauses, binding corporate rules, code of conduct, certification, derogation
}

/**
 * The `care` variant of a message that names the usual basis or exception of a care provider's medical file
 * (6(1)(b)/(c) with BW 7:446 and 7:454; 9(2)(h) with UAVG 30(3)(a): law/dutch-care-law.ts, law/legal-thresholds.ts)
 * as a hint, for a purpose that keeps the file (inMedicalFile); elsewhere the message gives no hint.
 */
const careHint = (model: PolicyModel, p: Purpose): Pick<Finding, 'variant'> =>
  inMedicalFile(model, p) ? { variant: 'care' } : {};

/** Recipients whose kind places them in the Netherlands' care system: Dutch authorities, health insurers, other care providers. */
const domesticRecipientTypes: ReadonlySet<string> = new Set(['authority', 'insurer', 'care-provider']);

/**
 * A recipient whose country matters: not of a domestic kind, not a group
 * company of a parent established in the EEA, and not the public (publishing
 * on a website is no transfer to a third country: CJEU C-101/01, Lindqvist).
 */
function recipientNeedsLocation(model: PolicyModel, recipient: Recipient): boolean {
  if (domesticRecipientTypes.has(recipient.type)) return false;
  const parent = model.source.controller.parentCompany?.country;
  if (recipient.type === 'group-company' && parent !== undefined && isInEea(parent)) return false;
  return !Object.values(recipient.name).some((n) => publicationRecipients.test(n));
}

/**
 * Processors and recipients whose location the policy never gives, so no
 * one can tell whether data leaves the EEA (the transfer rules cannot see
 * them). A processor is placed when the statement says all data is stored
 * in the EEA; a recipient of a domestic kind needs no country.
 */
function partiesWithoutLocation(model: PolicyModel): Array<{ party: Processor | Recipient; name: string | Text }> {
  const storage = model.source.transfers?.storageLocations ?? [];
  const storedInEea = storage.length > 0 && storage.every(isInEea);
  return parties(model).filter(({ party }) => {
    if (partyCountries(party).length > 0 || party.transfer !== undefined) return false;
    if ('serverLocationsText' in party && party.serverLocationsText !== undefined) return false;
    if ('type' in party) return recipientNeedsLocation(model, party);
    return !storedInEea;
  });
}

/**
 * Terms in one retention rule that cannot both hold: a longer maximum with
 * consent that is not longer, or a hold for legal claims (from the same
 * start) that ends before the ordinary term.
 */
function contradictoryTerms(model: PolicyModel): Finding[] {
  return model.retention.flatMap((rule) => {
    const days = rule.period === undefined ? undefined : durationInDays(rule.period);
    if (days === undefined) return [];
    const findings: Finding[] = [];
    const withConsent = rule.withConsent === undefined ? undefined : durationInDays(rule.withConsent);
    if (withConsent !== undefined && withConsent <= days) {
      findings.push({
        pointer: joinPointer(rule.pointer, 'withConsent'),
        variant: 'withConsent',
        vars: { rule: rule.name, period: { duration: rule.period! }, other: { duration: rule.withConsent! } },
      });
    }
    const hold = rule.legalClaimsHold;
    const holdDays = hold?.period === undefined ? undefined : durationInDays(hold.period);
    if (holdDays !== undefined && hold!.from === rule.from && holdDays < days) {
      findings.push({
        pointer: joinPointer(rule.pointer, 'legalClaimsHold', 'period'),
        vars: { rule: rule.name, period: { duration: rule.period! }, other: { duration: hold!.period! } },
      });
    }
    return findings;
  });
}

/**
 * A derogation of art. 49 among the statement's general mechanisms while processors outside the EEA have no mechanism
 * of their own, so that the general ones, the derogation among them, are all that covers their systematic transfers
 * (officer11 F10): one finding at the derogation, naming those processors.
 */
function generalDerogation(model: PolicyModel): Finding[] {
  const index = (model.source.transfers?.mechanisms ?? []).findIndex((m) => m.mechanism === 'derogation');
  if (index < 0) return [];
  const relying = model.processors.filter((p) => p.transfer === undefined && nonEeaCountries(p).length > 0);
  if (relying.length === 0) return [];
  const parties = nameList(
    relying.map((p) => ({ name: typeof p.name === 'string' ? { nl: p.name, en: p.name } : p.name })),
  );
  return [{ pointer: joinPointer('/transfers/mechanisms', index, 'mechanism'), variant: 'general', vars: { parties } }];
}

/** Safeguards the statement names for all its transfers, not tied to a party (transfers.mechanisms). */
function generalSafeguards(model: PolicyModel): TransferSource[] {
  return (model.source.transfers?.mechanisms ?? []).filter((m) => m.mechanism !== 'privacy-shield');
}

/**
 * Parties outside the EEA without a mechanism of their own. With `general`,
 * those a policy-wide safeguard may cover (the statement does not say which
 * party it covers: art. 13(1)(f) asks for the safeguard per transfer);
 * without, those nothing covers.
 */
function uncoveredTransfers(model: PolicyModel, general: boolean): Finding[] {
  const safeguards = generalSafeguards(model);
  const found: Finding[] = [];
  for (const { party, name } of parties(model)) {
    const uncovered = nonEeaCountries(party).filter((country) => !transferCovered(country, party.transfer));
    if (uncovered.length === 0) continue;
    const coveredInGeneral =
      party.transfer === undefined && uncovered.every((c) => safeguards.some((m) => transferCovered(c, m)));
    if (coveredInGeneral !== general) continue;
    const pointer = party.transfer
      ? joinPointer(party.pointer, 'transfer', 'mechanism')
      : joinPointer(party.pointer, 'transfer');
    found.push({ pointer, vars: { party: name, countries: uncovered.join(', ') } });
  }
  return found;
}

/**
 * The DPO prompt for the kind of care provider (officer review 2, finding 5): with no kind given, which kinds are
 * large-scale always and the AP's line for the others; for a practice or pharmacy, that line; for another kind of
 * care, no number the AP has not given for it.
 */
function dpoPrompt(sector: CareSector | undefined): Finding {
  if (sector === undefined) return { pointer: '/controller' };
  if (!largeScaleCare.patientCountSectors.has(sector)) return { pointer: '/controller', variant: 'otherCare' };
  const vars = { sector: { message: { messageId: `terms:careSector.${sector}` } } };
  return { pointer: '/controller', variant: 'patientCount', vars };
}

/** One rule per legal minimum in law/retention-minimums.ts. */
function retentionMinimumRule(min: RetentionMinimum, severity: Severity): Rule {
  return {
    id: min.ruleId,
    severity,
    article: min.article,
    check(model) {
      const minimumDays = durationInDays(min.period) ?? 0;
      return shorterThan(min, model).map(({ rule, days, covered }) => {
        const early = days !== undefined && days >= minimumDays;
        return {
          pointer: joinPointer(rule.pointer, early ? 'from' : days !== undefined ? 'period' : 'condition'),
          ...(early ? { variant: 'start' } : {}),
          vars: {
            rule: rule.name,
            period: retentionValue(rule),
            minimum: { duration: min.period },
            category: covered[0]!.name,
          },
        };
      });
    },
  };
}

const minimum = (id: string): RetentionMinimum => retentionMinimums.find((m) => m.ruleId === id)!;
const medicalFile = minimum('retention/medical-file-too-short');

/**
 * Long enough, but counted from an event other than the last change to the
 * file (BW 7:454(3)), or from no stated event: the file may be destroyed
 * before the law allows. Starts that are plainly too early are reported by
 * retention/medical-file-too-short.
 */
function medicalFileStart(model: PolicyModel): Finding[] {
  const minimumDays = durationInDays(medicalFile.period) ?? 0;
  return model.retention.flatMap((rule) => {
    const days = rule.period === undefined ? undefined : durationInDays(rule.period);
    if (days === undefined || days < minimumDays || rule.from === 'last-file-change' || rule.from === 'deletion')
      return [];
    if (rule.from !== undefined && (medicalFile.startsTooEarly ?? []).includes(rule.from)) return [];
    const covered = model.dataCategories.filter(
      (c) => retentionFor(model, c).includes(rule) && minimumApplies(medicalFile, model, c, rule.legalSource),
    );
    if (covered.length === 0) return [];
    const vars = { rule: rule.name, period: retentionValue(rule), category: covered[0]!.name };
    return [
      // No start at all: the reader takes the WGBO's 20 years as the legal term, so a prompt (officer review 2,
      // finding 8); a start that comes earlier than the law's stays a warning.
      rule.from === undefined
        ? { pointer: joinPointer(rule.pointer, 'period'), variant: 'unstated', vars, severity: 'info' }
        : { pointer: joinPointer(rule.pointer, 'from'), vars },
    ];
  });
}

/** What the care variants of security/measures-missing cite beside the GDPR: the decree that makes NEN 7510 binding. */
const careSecurityArticle = 'GDPR 30(1)(g), 32; Besluit elektronische gegevensverwerking door zorgaanbieders';

/**
 * A policy that lists no security measures or standards: for a care provider a warning that names the decree making
 * NEN 7510 binding, for others information. A general statement ("we take appropriate measures") is not "no
 * measures": the register shows it, and the message says so (officer8 N2).
 */
function securityMeasuresMissing(model: PolicyModel): Finding[] {
  const security = model.source.security;
  if (security?.measures?.length || security?.standards?.length) return [];
  const described = Object.values(security?.description ?? {}).some((t) => t.trim() !== '');
  if (isCareProvider(model))
    return [{ pointer: '/security', variant: described ? 'careDescribed' : 'care', article: careSecurityArticle }];
  return [{ pointer: '/security', severity: 'info', ...(described ? { variant: 'described' } : {}) }];
}

/**
 * Whether a purpose cites a law that allows the BSN (UAVG art. 46): the
 * Wabvpz, or, for data subjects who are not patients, any law it names for a
 * legal obligation or public task (law/legal-thresholds.ts bsnLawBases).
 */
function citesBsnGround(p: Purpose): boolean {
  const cited = lawsCitedBy(p);
  if (
    cited.some((ref) => bsnGrounds.some((g) => g.law === ref.law && (!g.article || g.article.test(ref.article ?? ''))))
  )
    return true;
  if (p.dataSubjects.some(isPatientGroup)) return false;
  return p.bases.some(
    (b) =>
      bsnLawBases.has(b.basis) &&
      [b.legalObligation, b.publicTask].some(
        (ref) => ref !== undefined && (ref.law !== undefined || ref.citation !== undefined),
      ),
  );
}

/** The BSN's name in a data category's name or description (Dijklander's "uw BSN"), or undefined. */
const bsnNamedIn = (c: DataCategory): Text | undefined =>
  namedQuote(c.name, bsnWords, false) ?? (c.description && namedQuote(c.description, bsnWords, false));

/** The index of the data category of `p` that holds the BSN: the first flagged nationalIdentifier, else one naming it. */
function bsnCategoryOf(p: Purpose): number {
  const flagged = p.dataCategories.findIndex((c) => c.nationalIdentifier);
  return flagged >= 0 ? flagged : p.dataCategories.findIndex((c) => bsnNamedIn(c) !== undefined);
}

/**
 * The purposes that use the BSN without citing its law, as one finding at the first one's BSN, naming them all. A
 * category that only names the BSN (officer11 F8) is quoted, for the number is then not a category of its own.
 */
function bsnWithoutGround(model: PolicyModel): Finding[] {
  const found = model.purposes.filter((p) => bsnCategoryOf(p) >= 0 && !citesBsnGround(p));
  const first = found[0];
  if (!first) return [];
  const index = bsnCategoryOf(first);
  const pointer = joinPointer(first.pointer, 'dataCategories', index);
  const category = first.dataCategories[index]!;
  const named = category.nationalIdentifier ? undefined : { category: category.name, quote: bsnNamedIn(category)! };
  if (found.length === 1) {
    const vars = { purpose: first.name };
    return [named ? { pointer, variant: 'named', vars: { ...vars, ...named } } : { pointer, vars }];
  }
  const vars = { purposes: nameList(found) };
  return [{ pointer, variant: named ? 'purposesNamed' : 'purposes', vars: { ...vars, ...named } }];
}

/** Whether a purpose cites what allows it criminal-offence data (law/legal-thresholds.ts criminalDataGrounds). */
function citesCriminalDataGround(p: Purpose): boolean {
  const g = criminalDataGrounds;
  return lawsCitedBy(p).some((ref) => {
    if (ref.law === 'uavg' && g.uavgArticles.test(ref.article ?? '')) return true;
    if (ref.law !== undefined && !g.generalLaws.has(ref.law)) return true;
    return Object.values(ref.citation ?? {}).some((t) => !g.generalCitation.test(t) || g.uavgArticles.test(t));
  });
}

// The rules' per-purpose and per-category work lives in module-level functions and loops, not in callbacks made on
// every call: a warm process keeps a module-level function's optimised code, and remakes a callback's at every GC.

/** A purpose's consents given by some of its data subjects for the others (art6/consent-of-others). */
function consentOfOthers(p: Purpose): Finding[] {
  return p.bases.flatMap((b) => {
    const others = consentOthers(b, p);
    if (!others.length) return [];
    return [
      {
        pointer: joinPointer(b.pointer, 'consentBy'),
        vars: { purpose: p.name, givers: namesOf(b.consentBy), others: namesOf(others) },
      },
    ];
  });
}

/** Purposes that collect from the person on a basis that needs the requirement stated (13(2)(e)) and do not state it. */
function requirementUnstated(model: PolicyModel): Purpose[] {
  const found: Purpose[] = [];
  for (const p of model.purposes)
    if (!p.requirement && basesOf(p).some((b) => requirementBases.has(b)) && collectsFromPerson(model, p))
      found.push(p);
  return found;
}

/** Data categories in use that no retention rule covers. */
function withoutRetention(model: PolicyModel): DataCategory[] {
  const found: DataCategory[] = [];
  for (const c of model.dataCategories) if (isInUse(model, c) && retentionFor(model, c).length === 0) found.push(c);
  return found;
}

/** A purpose's bases whose law is the processor's record (30(2)). */
function processorRecordCitations(p: Purpose): Finding[] {
  return p.bases
    .filter((b) => citesProcessorRecord(b.legalObligation) || citesProcessorRecord(b.publicTask))
    .map((b) => ({
      pointer: joinPointer(
        // A single basis's law sits on the purpose itself; each of legalBases has its own.
        p.legalBases ? b.pointer : p.pointer,
        citesProcessorRecord(b.legalObligation) ? 'legalObligation' : 'publicTask',
      ),
      vars: { purpose: p.name },
    }));
}

/**
 * A purpose that names no data subjects or no data categories: its register row leaves the categories of data
 * subjects or of personal data (30(1)(c)) "not stated", and its part of the notice lists no data (14(1)(d)).
 * At the first empty list.
 */
function withoutCategories(p: Purpose): Finding[] {
  const noSubjects = p.dataSubjects.length === 0;
  const noData = p.dataCategories.length === 0;
  if (!noSubjects && !noData) return [];
  const variant = noSubjects && noData ? undefined : noSubjects ? 'subjects' : 'data';
  return [
    {
      pointer: joinPointer(p.pointer, noSubjects ? 'dataSubjects' : 'dataCategories'),
      ...(variant ? { variant } : {}),
      vars: { purpose: p.name },
      article: noData ? 'GDPR 30(1)(c), 14(1)(d)' : 'GDPR 30(1)(c)',
    },
  ];
}

/**
 * One finding for the purposes (or processing activities) the register describes in the notice's words, at the
 * first of them, where its registerDescription goes, naming them all: the message `one` for one of them, `many` for more.
 */
function undescribed(
  items: ReadonlyArray<{ name: Text; pointer: string }>,
  messages: { one: string; many: string },
  article: string,
): Finding[] {
  if (!items.length) return [];
  const variant = items.length > 1 ? messages.many : messages.one;
  return [
    {
      pointer: joinPointer(items[0]!.pointer, 'registerDescription'),
      ...(variant !== 'message' ? { variant } : {}),
      vars: { names: nameList(items), count: items.length },
      article,
    },
  ];
}

/** The catalogue, in the order docs/rules.md lists it. */
export const rules: readonly Rule[] = [
  {
    id: 'controller/identity-missing',
    severity: 'error',
    article: 'GDPR 13(1)(a)',
    check: (model) => (model.source.controller.placeholder ? [{ pointer: '/controller/name' }] : []),
  },
  ...controllerRules,
  {
    id: 'dpo/contact-missing',
    severity: 'error',
    article: 'GDPR 13(1)(b), 37(7)',
    check: (model) => {
      const dpo = appointedDpo(model.source.dpo);
      return dpo && !hasContact(dpo.contact) ? [{ pointer: '/dpo/contact' }] : [];
    },
  },
  {
    // A hospital, GP out-of-hours post or care group: large-scale always (law/legal-thresholds.ts largeScaleCare).
    id: 'dpo/mandatory-for-sector',
    severity: 'error',
    article: 'GDPR 37(1)(c), 37(7)',
    check: (model) => {
      if (!dpoMandatoryForSector(model)) return [];
      const sector = model.source.controller.careSector!;
      return [
        {
          pointer: '/controller/careSector',
          vars: { sector: { message: { messageId: `terms:careSector.${sector}` } } },
        },
      ];
    },
  },
  {
    id: 'dpo/likely-mandatory',
    severity: 'info',
    article: 'GDPR 37(1)(c)',
    check: (model) =>
      // A sector that is large-scale always is reported by dpo/mandatory-for-sector: one problem, one finding.
      !dpoMandatoryForSector(model) && dpoLikelyMandatory(model) ? [dpoPrompt(model.source.controller.careSector)] : [],
  },
  {
    id: 'art6/basis-missing',
    severity: 'error',
    article: 'GDPR 6(1), 13(1)(c)',
    // A basis stated in words ('we must, under the Wet publieke gezondheid') is a basis given. The duty checked is
    // to state the basis (13(1)(c)), not to have one: the message says so, and for a care provider's medical file
    // names the usual bases as a hint, not as the answer (privacy officer's review 8, S1).
    check: (model) =>
      model.purposes
        .filter((p) => basesOf(p).length === 0 && !p.legalBasisStatement)
        .map((p) => ({
          pointer: joinPointer(p.pointer, 'legalBasis'),
          ...careHint(model, p),
          vars: { purpose: p.name },
        })),
  },
  {
    // Art. 6(1)(a) is consent of the person whose data it is: a user cannot consent for the contacts in a phone book.
    id: 'art6/consent-of-others',
    severity: 'warning',
    article: 'GDPR 4(11), 6(1)(a)',
    check: (model) => model.purposes.flatMap(consentOfOthers),
  },
  {
    id: 'art6/legitimate-interest-missing',
    severity: 'error',
    article: 'GDPR 13(1)(d), 14(2)(b)',
    check: legitimateInterestFindings,
  },
  {
    id: 'art6/legal-obligation-unnamed',
    severity: 'warning',
    article: 'GDPR 6(3)',
    check: (model) => basesWithoutFindings(model, '6(1)(c)', 'legalObligation'),
  },
  {
    // Direct marketing that rests on a legal obligation: a law that requires it is hard to think of, so the basis or
    // the marking is likely wrong. A warning: the checker cannot rule such a law out. The notice does not say "you
    // cannot object" for such a purpose: against direct marketing the person may always object (21(2)).
    id: 'art21/direct-marketing-legal-obligation',
    severity: 'warning',
    article: 'GDPR 6(1)(c), 6(3), 21(2)',
    check: (model) =>
      model.purposes
        .filter((p) => p.directMarketing)
        .flatMap((p) =>
          p.bases.filter((b) => b.basis === '6(1)(c)').map((b) => ({ pointer: b.pointer, vars: { purpose: p.name } })),
        ),
  },
  {
    id: 'art13/requirement-missing',
    severity: 'warning',
    article: 'GDPR 13(2)(e)',
    check: (model) =>
      requirementUnstated(model).map((p) => ({
        pointer: joinPointer(p.pointer, 'requirement'),
        vars: { purpose: p.name },
      })),
  },
  {
    id: 'art9/condition-missing',
    severity: 'error',
    article: 'GDPR 9(1), 9(2)',
    check: (model) =>
      model.purposes
        .filter((p) => p.usesSpecialData && !p.specialCategoryCondition)
        .map((p) => ({
          pointer: joinPointer(p.pointer, 'specialCategoryCondition'),
          ...careHint(model, p),
          vars: { purpose: p.name, category: specialCategories(p)[0]!.name },
        })),
  },
  {
    id: 'art9/professional-secrecy-missing',
    // A notice need not cite the provision; the register and the privacy officer should know it (legal review, item 4).
    severity: 'info',
    article: 'GDPR 9(3); UAVG 30(3)(a), 30(4)',
    check: (model) =>
      model.purposes
        .filter((p) => p.specialCategoryCondition?.condition === '9(2)(h)')
        .filter(
          (p) =>
            !lawsCitedBy(p).some((ref) => ref.law !== undefined && professionalSecrecyLaws.has(ref.law)) &&
            !statesSecrecy(p),
        )
        .map((p) => ({
          pointer: joinPointer(p.pointer, 'specialCategoryCondition', 'condition'),
          vars: { purpose: p.name },
        })),
  },
  ...specialCategoryRules,
  {
    id: 'art7/consent-retention-missing',
    // 13(2)(a) asks for a period or criteria, and erasure after withdrawal follows from 17(1)(b) by law: saying so is
    // good practice, not a notice duty (law review item 9; docs/seed-findings.md rates every occurrence debatable).
    severity: 'info',
    article: 'GDPR 7(3), 17(1)(b)',
    check: (model) =>
      model.purposes
        .filter(usesConsent)
        // The medical file is kept for the WGBO term whatever the basis, not until withdrawal (BW 7:454(3)); the patient
        // may ask for its destruction (7:455). wgbo/consent-for-medical-file reports the consent instead.
        .filter((p) => !inMedicalFile(model, p))
        .filter((p) => !p.retention.some((r) => r.condition === 'until-consent-withdrawn'))
        .map((p) => ({ pointer: joinPointer(p.pointer, 'retention'), vars: { purpose: p.name } })),
  },
  {
    id: 'art22/special-data-condition',
    severity: 'error',
    article: 'GDPR 22(4)',
    check: (model) =>
      model.purposes
        .filter(
          (p) =>
            p.automatedDecision &&
            p.usesSpecialData &&
            !automatedDecisionSpecialConditions.has(p.specialCategoryCondition?.condition ?? ''),
        )
        .map((p) => ({ pointer: joinPointer(p.pointer, 'automatedDecision'), vars: { purpose: p.name } })),
  },
  {
    id: 'bsn/legal-ground-missing',
    // A notice that does not cite the law is not unlawful on its face: a warning. Once per policy: the BSN's law is one
    // fix however many purposes use the number (officer8 D4).
    severity: 'warning',
    article: 'UAVG 46; Wabvpz',
    check: bsnWithoutGround,
  },
  {
    id: 'art10/ground-missing',
    // The notice may leave the ground unsaid and the processing still be lawful: a warning.
    severity: 'warning',
    article: 'GDPR 10; UAVG 31-33',
    check: (model) =>
      model.purposes.flatMap((p) => {
        const index = p.dataCategories.findIndex((c) => c.criminal);
        if (index < 0 || citesCriminalDataGround(p)) return [];
        const pointer = joinPointer(p.pointer, 'dataCategories', index);
        return [{ pointer, vars: { purpose: p.name, category: p.dataCategories[index]!.name } }];
      }),
  },
  {
    id: 'retention/missing',
    severity: 'error',
    article: 'GDPR 13(2)(a), 14(2)(a)',
    check: (model) =>
      withoutRetention(model).map((c) => ({ pointer: joinPointer(c.pointer, 'id'), vars: { category: c.name } })),
  },
  {
    id: 'retention/vague',
    severity: 'warning',
    article: 'GDPR 13(2)(a); EDPB WP260 rev.01',
    check: (model) => {
      // "As long as necessary" for the medical file is one problem with one finding: the error of
      // retention/medical-file-too-short (no term where BW 7:454(3) sets 20 years), not also this warning.
      const medicalFileTooShort = new Set(shorterThan(medicalFile, model).map((s) => s.rule));
      return model.retention
        .filter((r) => !r.period && r.condition !== undefined && vagueConditions.has(r.condition))
        .filter((r) => !medicalFileTooShort.has(r))
        .map((r) => ({ pointer: joinPointer(r.pointer, 'condition'), vars: { rule: r.name } }));
    },
  },
  retentionMinimumRule(medicalFile, 'error'),
  { id: 'retention/medical-file-start', severity: 'warning', article: 'BW 7:454(3)', check: medicalFileStart },
  retentionMinimumRule(minimum('retention/fiscal-records-too-short'), 'warning'),
  // Facts marked verify in law/retention-minimums.ts: warnings until confirmed.
  retentionMinimumRule(minimum('retention/youth-care-file-too-short'), 'warning'),
  retentionMinimumRule(minimum('retention/clinical-trial-file-too-short'), 'warning'),
  retentionMinimumRule(minimum('retention/traceability-too-short'), 'warning'),
  {
    id: 'transfer/privacy-shield',
    severity: 'error',
    article: 'GDPR 44, 45; CJEU C-311/18',
    check: (model) =>
      objectsWith(model, 'mechanism', 'privacy-shield').map(({ pointer, named }) =>
        named
          ? { pointer: joinPointer(pointer, 'mechanism'), vars: { party: named.name as string | Text } }
          : { pointer: joinPointer(pointer, 'mechanism'), variant: 'unnamed' },
      ),
  },
  {
    id: 'transfer/mechanism-missing',
    severity: 'error',
    article: 'GDPR 44-46, 13(1)(f)',
    check: (model) => uncoveredTransfers(model, false),
  },
  {
    id: 'transfer/safeguard-not-per-party',
    severity: 'warning',
    article: 'GDPR 13(1)(f), 46',
    check: (model) => uncoveredTransfers(model, true),
  },
  {
    // A processor's service is a systematic transfer; art. 49 is for occasional ones (recital 111; EDPB Guidelines 2/2018).
    id: 'transfer/derogation-for-processor',
    severity: 'warning',
    article: 'GDPR 44, 49(1); recital 111',
    check: (model) => [
      ...model.processors
        .filter((p) => p.transfer?.mechanism === 'derogation')
        .map((p) => ({ pointer: joinPointer(p.pointer, 'transfer', 'mechanism'), vars: { party: p.name } })),
      ...generalDerogation(model),
    ],
  },
  {
    id: 'transfer/copy-unstated',
    // The notice may name the safeguard in its prose and still not say where to get it: a warning, not an error.
    severity: 'warning',
    article: 'GDPR 13(1)(f), 14(1)(f)',
    check: (model) =>
      [...safeguardsWithCopy].flatMap((mechanism) =>
        objectsWith(model, 'mechanism', mechanism)
          .filter(({ value }) => value.copyAvailableAt === undefined)
          .map(({ pointer, named }): Finding => {
            // Named, so that two findings on one policy (SCCs and BCRs, say) tell which safeguard each is about.
            const safeguard = { message: { messageId: `terms:transferMechanism.${mechanism}` } };
            const at = joinPointer(pointer, 'mechanism');
            return named
              ? { pointer: at, vars: { party: named.name as string | Text, safeguard } }
              : { pointer: at, variant: 'unnamed', vars: { safeguard } };
          }),
      ),
  },
  {
    id: 'transfer/location-unstated',
    severity: 'warning',
    article: 'GDPR 13(1)(f), 30(1)(e)',
    check: (model) =>
      partiesWithoutLocation(model).map(({ party, name }) => ({
        pointer: joinPointer(party.pointer, 'id'),
        vars: { party: name },
      })),
  },
  {
    id: 'retention/contradictory-terms',
    severity: 'warning',
    article: 'GDPR 5(1)(e), 13(2)(a)',
    check: contradictoryTerms,
  },
  {
    id: 'rights/response-time-missing',
    // 12(3) is a duty on handling requests, not an item the notice must contain (legal review, item 9).
    severity: 'info',
    article: 'GDPR 12(3)',
    check: (model) => (model.source.rights?.responseTime ? [] : [{ pointer: '/rights/responseTime' }]),
  },
  {
    id: 'rights/response-time-too-long',
    severity: 'error',
    article: 'GDPR 12(3)',
    check: (model) => {
      const time = model.source.rights?.responseTime;
      const days = time && durationInDays(time);
      return days && days > responseTimeLimitDays
        ? [{ pointer: '/rights/responseTime', vars: { period: { duration: time } } }]
        : [];
    },
  },
  ...rightsRules,
  {
    id: 'art14/public-source-unstated',
    severity: 'info',
    article: 'GDPR 14(2)(f)',
    check: (model) =>
      model.dataCategories
        // Health data at a care provider comes from a referral or another provider, never a public source.
        .filter(
          (c) =>
            c.source && c.source.publiclyAccessible === undefined && c.specials.length === 0 && !isCareProvider(model),
        )
        .map((c) => ({ pointer: joinPointer(c.pointer, 'source'), vars: { category: c.name } })),
  },
  {
    id: 'recipients/none-named',
    severity: 'info',
    article: 'GDPR 13(1)(e)',
    check: (model) => (isCareProvider(model) && model.recipients.length === 0 ? [{ pointer: '/recipients' }] : []),
  },
  {
    // Purposes (30(1)(b)), and processing for others (30(2)(b)), whose rows show the notice's wording: the register
    // has their purposes, so no law asks for more (officer8 D3). Information, once per record, naming them.
    id: 'register/description-missing',
    severity: 'info',
    article: 'GDPR 30(1)(b), 30(2)(b)',
    check: (model) => [
      ...undescribed(
        model.purposes.filter((p) => !p.registerDescription),
        { one: 'one', many: 'message' },
        'GDPR 30(1)(b)',
      ),
      ...undescribed(
        model.processorActivities.filter((a) => !a.registerDescription && a.description),
        { one: 'processing', many: 'processingMany' },
        'GDPR 30(2)(b)',
      ),
    ],
  },
  {
    // Mandatory in every entry of the register (30(1)(c)), where description-missing is not (officer8 D2).
    id: 'register/categories-missing',
    severity: 'warning',
    article: 'GDPR 30(1)(c), 14(1)(d)',
    check: (model) => model.purposes.flatMap(withoutCategories),
  },
  {
    // A purpose cites the processor's record (30(2)) while the policy records no processing as a processor:
    // the register then has no 30(2) table (register review, item 12).
    id: 'register/processor-record-missing',
    severity: 'info',
    article: 'GDPR 30(2)',
    check: (model) => (model.processorActivities.length ? [] : model.purposes.flatMap(processorRecordCitations)),
  },
  {
    id: 'security/measures-missing',
    // A warning for a care provider, for whom NEN 7510 is binding (Besluit elektronische gegevensverwerking door
    // zorgaanbieders); information for others, where the notice need not list measures (officer11 F9).
    severity: 'warning',
    article: 'GDPR 30(1)(g), 32',
    check: securityMeasuresMissing,
  },
  {
    // The notice lists data no purpose explains: no stated purpose or basis, no register activity (officer8 S2).
    id: 'unused/data-category',
    severity: 'warning',
    article: 'GDPR 30(1)(b)-(c), 13(1)(c)',
    check: (model) =>
      unusedDataCategories(model).map((c) => ({ pointer: joinPointer(c.pointer, 'id'), vars: { category: c.name } })),
  },
  {
    id: 'unused/data-subject',
    severity: 'warning',
    article: 'GDPR 30(1)(b)-(c), 13(1)(c)',
    check: (model) =>
      unusedDataSubjects(model).map((s) => ({ pointer: joinPointer(s.pointer, 'id'), vars: { subject: s.name } })),
  },
  {
    // A practice's own list of ids in place of its base's: what the base has, or adds later, and it leaves out does not reach it.
    id: 'inherited/ids-left-out',
    severity: 'info',
    article: 'GDPR 13, 14, 30(1)',
    check: (model) =>
      (model.replacedLists ?? []).map(({ pointer, base, missing }) => ({
        pointer,
        vars: { base: `${base.file}:${base.line}:${base.column}`, ids: missing.map((id) => `"${id}"`).join(', ') },
      })),
  },
  ...careRules,
  ...wordingRules,
  ...markdownRules,
  ...placeholderRules,
  ...legitimateInterestRules,
  ...locationTextRules,
];
