import type { Contact, Dpo, LawReference, RetentionConditionId, Text } from './policy-types.js';
import { isCareProvider as careProviderSource } from '../law/care-provider.js';
import {
  complaintsRouteWords,
  medicalFileConditions,
  patientSubjects,
  secondaryUse,
  treatmentBases,
} from '../law/dutch-care-law.js';
import { consentBases } from '../law/legal-bases.js';
import { largeScaleCare, professionalSecrecyWords } from '../law/legal-thresholds.js';
import { joinPointer } from '../load/json-pointer.js';
import type { DataCategory, DataSubject, PolicyModel, Purpose, PurposeBasis, RetentionRule } from '../resolve/model.js';

/**
 * Small questions of a resolved policy, which the compliance rules (src/check/) and the renderers
 * (src/render/) both ask: one reading of each fact, outside either stage.
 */

/** Contact details someone can use: an e-mail address, telephone number, web page or postal address. */
export const hasContact = (c: Contact | undefined): boolean =>
  c !== undefined && (c.email !== undefined || c.phone !== undefined || c.url !== undefined || c.address !== undefined);

/**
 * Whether the name given for a complaints route (complaints.officer or complaints.disputesBody) is a complaints
 * committee's and not that route's ('Klachtencommissie De Linde' as the officer): the Wkkgz's complaints officer
 * advises a complainant free of charge (art. 15) and its disputes body is outside the provider, recognised by the
 * minister (art. 18); a complaints committee is neither (law/dutch-care-law.ts, complaintsRouteWords).
 */
export const committeeNotRoute = (name: string | undefined, route: 'officer' | 'disputesBody'): boolean =>
  name !== undefined && complaintsRouteWords.committee.test(name) && !complaintsRouteWords[route].test(name);

/** Every art. 6(1) basis a purpose names (from legalBasis or legalBases, as the resolver normalised them). */
export function basesOf(purpose: Purpose): string[] {
  return [...new Set(purpose.bases.map((b) => b.basis))];
}

/** The bases of `basis` that lack what they need (any of `fields`), e.g. 6(1)(f) without its interest: each with its own pointer. */
export function basesWithout(
  purpose: Purpose,
  basis: string,
  ...fields: Array<'legitimateInterest' | 'legalObligation' | 'publicTask'>
): PurposeBasis[] {
  return purpose.bases.filter((b) => b.basis === basis && fields.every((field) => b[field] === undefined));
}

/** Every law a purpose cites: the legal obligation or public task of each basis and the law behind its art. 9 condition. */
export function lawsCitedBy(purpose: Purpose): LawReference[] {
  return [
    ...purpose.bases.flatMap((b) => [b.legalObligation, b.publicTask]),
    purpose.specialCategoryCondition?.lawReference,
  ].filter((r): r is LawReference => r !== undefined);
}

/** GDPR art. 30(2) as a law reference gives it: 'art. 30(2)', '30 lid 2', 'artikel 30, lid 2'. */
const article30Paragraph2 = /^(?:art(?:\.|ikel|icle)?\s*)?30\s*(?:\(2\)|,?\s*lid\s*2\b)/i;
const citation30Paragraph2 = /\b30\s*(?:\(2\)|,?\s*lid\s*2\b).*\b(?:AVG|GDPR)\b/i;

/** Whether a law reference cites art. 30(2) GDPR, the record a processor keeps. */
export function citesProcessorRecord(ref: LawReference | undefined): boolean {
  if (!ref) return false;
  if (ref.law === 'gdpr' && article30Paragraph2.test(ref.article ?? '')) return true;
  return Object.values(ref.citation ?? {}).some((text) => citation30Paragraph2.test(text));
}

/**
 * The retention rules that cover a data category: rules that list it, and
 * rules without a category list attached to a purpose (or processing done as
 * a processor) that uses it.
 */
export function retentionFor(model: PolicyModel, category: DataCategory): RetentionRule[] {
  let cache = retentionCache.get(model);
  if (!cache) retentionCache.set(model, (cache = new Map()));
  let found = cache.get(category);
  if (!found) cache.set(category, (found = coveringRules(model, category)));
  return found;
}

/** retentionFor, computed once per model and category: the rules ask it for every rule and category. */
const retentionCache = new WeakMap<PolicyModel, Map<DataCategory, RetentionRule[]>>();

function coveringRules(model: PolicyModel, category: DataCategory): RetentionRule[] {
  const rules = new Set(model.retention.filter((r) => r.categories.includes(category)));
  const users = [...category.usedBy, ...model.processorActivities.filter((a) => a.dataCategories.includes(category))];
  for (const user of users) {
    for (const rule of user.retention) if (!rule.dataCategories?.length) rules.add(rule);
  }
  // A period counted from deletion (backups) is how long deleted data lingers, not how long the data is kept.
  return [...rules].filter((r) => r.from !== 'deletion');
}

/** The retention rules that list a data category in their own dataCategories (of retentionFor's), in the policy's order. */
export const retentionNaming = (model: PolicyModel, category: DataCategory): RetentionRule[] =>
  retentionFor(model, category).filter((rule) => rule.categories.includes(category));

/** The retention rules that list any of the categories (retentionNaming), each once, in the policy's order. */
export function retentionNamingAny(model: PolicyModel, categories: readonly DataCategory[]): RetentionRule[] {
  const named = new Set<RetentionRule>();
  for (const category of categories) for (const rule of retentionNaming(model, category)) named.add(rule);
  return model.retention.filter((rule) => named.has(rule));
}

/**
 * Whether a purpose collects data from the person (GDPR 13(2)(e)), rather
 * than re-using data collected for an earlier purpose: it has data from the
 * person (no other source), and either rests on the contract or uses a
 * category no earlier purpose uses.
 */
export function collectsFromPerson(model: PolicyModel, purpose: Purpose): boolean {
  const own = purpose.dataCategories.filter((c) => c.source === undefined);
  if (own.length === 0) return purpose.dataCategories.length === 0;
  if (basesOf(purpose).includes('6(1)(b)')) return true;
  const earlier = model.purposes.slice(0, model.purposes.indexOf(purpose));
  return own.some((c) => !earlier.some((p) => p.dataCategories.includes(c)));
}

/** Whether a purpose's art. 9 exception or its cited laws say the data is under professional secrecy ("beroepsgeheim"). */
export function statesSecrecy(purpose: Purpose): boolean {
  const texts = [purpose.specialCategoryCondition?.explanation, ...lawsCitedBy(purpose).map((r) => r.citation)];
  return texts.some((t) => t !== undefined && Object.values(t).some((v) => professionalSecrecyWords.test(v)));
}

const careProviders = new WeakMap<PolicyModel, boolean>();

/** The DPO a policy (or another controller) names, unless it states that none is appointed ({appointed: false}). */
export const appointedDpo = (dpo: Dpo | undefined): Dpo | undefined => (dpo?.appointed === false ? undefined : dpo);

/** Why no DPO is appointed, when the policy (or another controller) states that none is ({appointed: false, reason}). */
export const noDpoReason = (dpo: Dpo | undefined): Text | undefined =>
  dpo?.appointed === false ? dpo.reason : undefined;

/**
 * Whether a DPO is likely mandatory though the policy names none (GDPR 37(1)(c)): a care provider
 * whose core activity is processing health data on a large scale. The check reports it
 * (dpo/likely-mandatory); the register says 'niet vermeld' rather than a blank. A policy that states
 * that it appointed none, and why (dpo.appointed false), has answered the question.
 */
export function dpoLikelyMandatory(model: PolicyModel): boolean {
  return (
    !model.source.dpo &&
    isCareProvider(model) &&
    model.dataCategories.some((c) => c.specials.includes('health') && c.usedBy.length > 0)
  );
}

/** No DPO named by a controller whose care sector processes on a large scale by its kind (law/legal-thresholds.ts largeScaleCare). */
export function dpoMandatoryForSector(model: PolicyModel): boolean {
  const sector = model.source.controller.careSector;
  // Stating that none is appointed does not answer it: the AP counts these sectors as large-scale always.
  return !appointedDpo(model.source.dpo) && sector !== undefined && largeScaleCare.sectors.has(sector);
}

/**
 * Whether the controller is a care provider (law/care-provider.ts: stated,
 * or recognised from health data under 9(2)(h) or a WGBO citation), worked
 * out once per model: the rules ask it per rule and category.
 */
export function isCareProvider(model: PolicyModel): boolean {
  let found = careProviders.get(model);
  if (found === undefined) careProviders.set(model, (found = careProviderSource(model.source)));
  return found;
}

/** Whether a purpose rests on consent: its art. 6 basis or its art. 9 exception (GDPR 7(3)). */
export const usesConsent = (p: Purpose): boolean =>
  basesOf(p).some((b) => consentBases.has(b)) || consentBases.has(p.specialCategoryCondition?.condition ?? '');

/**
 * The purpose's data subjects whose data a consent covers that others give (consentBy: an app's users allowing
 * access to a phone book that holds their contacts' numbers): art. 4(11) consent is the person's own, so these
 * people gave none. Empty where the basis names no one (the consent is everyone's own) or names them all.
 */
export const consentOthers = (part: PurposeBasis, p: Purpose): DataSubject[] =>
  part.basis === '6(1)(a)' && part.consentBy.length ? p.dataSubjects.filter((s) => !part.consentBy.includes(s)) : [];

/**
 * Who may withdraw a purpose's consent, where every consent of it is given by named people for others as well
 * (consentOthers): the givers and those others. Undefined where any consent is the data subject's own: a consent
 * basis without consentBy, or explicit consent for special data (9(2)(a)), which the person gives.
 */
export function consentGivenForOthers(p: Purpose): { givers: DataSubject[]; others: DataSubject[] } | undefined {
  if (p.specialCategoryCondition?.condition === '9(2)(a)') return undefined;
  const consents = p.bases.filter((b) => b.basis === '6(1)(a)');
  if (!consents.length || consents.some((b) => !b.consentBy.length)) return undefined;
  const givers = [...new Set(consents.flatMap((b) => b.consentBy))];
  const others = p.dataSubjects.filter((s) => !givers.includes(s));
  return others.length ? { givers, others } : undefined;
}

/** Every text of a Text value, or none. */
export const texts = (t: Text | undefined): string[] => (t ? Object.values(t) : []);

/** Whether a purpose's id or name matches `pattern`. */
export const isNamed = (p: Purpose, pattern: RegExp): boolean =>
  pattern.test(p.id.replace(/-/g, ' ')) || texts(p.name).some((t) => pattern.test(t));

/**
 * Secondary use: research or AI at a care provider or on health data; statistics on health data;
 * quality work on health data outside the care exception.
 */
export function secondaryUseOf(model: PolicyModel, p: Purpose): boolean {
  const health = p.dataCategories.some((c) => c.specials.includes('health'));
  const condition = p.specialCategoryCondition?.condition;
  if (isNamed(p, secondaryUse.research) && !notResearch(p, health, condition)) return health || isCareProvider(model);
  if (isNamed(p, secondaryUse.statistics)) return health;
  // Quality work is secondary use only under a condition other than 9(2)(h); with no condition at all,
  // art9/condition-missing reports the purpose and 9(2)(h) (UAVG 30(3)) may well cover it.
  return isNamed(p, secondaryUse.quality) && health && condition !== undefined && condition !== '9(2)(h)';
}

/**
 * A name that says research ("onderzoek") or AI but means the treatment or the quality of care under 9(2)(h)
 * ("medisch onderzoek en behandeling", "behandelkwaliteit met kunstmatige intelligentie"), or a satisfaction survey on
 * data that is no health data ("tevredenheidsonderzoek").
 */
const notResearch = (p: Purpose, health: boolean, condition: string | undefined): boolean =>
  (condition === '9(2)(h)' && servesCare(p)) || (!health && isNamed(p, secondaryUse.survey));

/**
 * Whether a purpose's id or name says it serves the treatment or the quality of care, and not scientific research or
 * statistics: for such work 9(2)(h) with UAVG art. 30(3)(a) (good treatment or care, the management of the practice)
 * may be the exception, and research/secondary-use-condition names it beside the research routes (officer11 F2).
 */
export const servesCare = (p: Purpose): boolean =>
  (isNamed(p, secondaryUse.treatment) || isNamed(p, secondaryUse.quality)) && !isNamed(p, secondaryUse.scientific);

/**
 * A care provider's purpose that keeps health data in the medical file, which
 * the WGBO governs (BW 7:454) whatever the purpose's art. 6 basis: it uses
 * health data under 9(2)(h), under explicit consent or under no stated
 * exception (then only for patients or clients, or naming no one), and is
 * not research or quality work on consent. Its other data
 * (contact details, invoices) does not change that, nor does health data the
 * author says is kept outside the file (partOfMedicalFile: false, call recordings).
 */
export function inMedicalFile(model: PolicyModel, purpose: Purpose): boolean {
  let found = medicalFilePurposes.get(purpose);
  if (found === undefined) medicalFilePurposes.set(purpose, (found = keepsMedicalFile(model, purpose)));
  return found;
}

/**
 * Whether a purpose keeps data of the medical file on consent (inMedicalFile, usesConsent): withdrawing the consent
 * does not end what is in the file, which BW 7:454 has the provider keep, only the patient's request to destroy it
 * (7:455). The check's wgbo/consent-for-medical-file and the notice's words on withdrawing (notice8 review, finding 10).
 */
export const consentForMedicalFile = (model: PolicyModel, purpose: Purpose): boolean =>
  usesConsent(purpose) && inMedicalFile(model, purpose);

/** inMedicalFile, worked out once per purpose: the retention rules ask it per rule, category and purpose. */
const medicalFilePurposes = new WeakMap<Purpose, boolean>();

function keepsMedicalFile(model: PolicyModel, purpose: Purpose): boolean {
  const condition = purpose.specialCategoryCondition?.condition;
  return (
    isCareProvider(model) &&
    purpose.dataCategories.some((c) => c.specials.includes('health') && c.partOfMedicalFile !== false) &&
    (condition === undefined ? forPatients(purpose) : medicalFileConditions.has(condition)) &&
    (condition !== '9(2)(a)' || consentInTreatment(purpose)) &&
    // Consent is also a ground for research: a purpose on consent named for research or quality work is that, not
    // the file. Without consent the name does not count ("onderzoek" is also a medical examination).
    !(usesConsent(purpose) && secondaryUseOf(model, purpose))
  );
}

/**
 * Whether a purpose on explicit consent (9(2)(a)) is part of the treatment: its data subjects are patients or
 * clients (or it names none), or it also rests on the contract or a legal obligation (law/dutch-care-law.ts).
 */
function consentInTreatment(purpose: Purpose): boolean {
  return basesOf(purpose).some((b) => treatmentBases.has(b)) || forPatients(purpose);
}

/**
 * Whether a purpose's data subjects are patients or clients, or it names none. The medical file is the file on the
 * patient (BW 7:454): health data of staff (sick-leave reports) is not, whatever exception the purpose omits
 * (privacy officer's review 8, D5).
 */
const forPatients = (purpose: Purpose): boolean =>
  purpose.dataSubjects.length === 0 || purpose.dataSubjects.some(isPatientGroup);

/** Whether a group of data subjects is the care provider's patients or clients, by its id or name. */
export const isPatientGroup = (s: DataSubject): boolean =>
  patientSubjects.test(s.id) || texts(s.name).some((t) => patientSubjects.test(t));

/** Data categories used by a purpose or by processing done as a processor. */
export function isInUse(model: PolicyModel, category: DataCategory): boolean {
  return category.usedBy.length > 0 || model.processorActivities.some((a) => a.dataCategories.includes(category));
}

/** Whether a purpose or processing done as a processor includes a group of data subjects. */
function includesSubject(model: PolicyModel, subject: DataSubject): boolean {
  return (
    model.purposes.some((p) => p.dataSubjects.includes(subject)) ||
    model.processorActivities.some((a) => a.dataSubjects.includes(subject))
  );
}

/**
 * The data categories the notice names that no purpose (and no processing done as a processor) uses: no stated
 * purpose or basis, no activity in the register. The check's unused/data-category and the register's part for them
 * (officer8 R2) read this one list.
 */
export const unusedDataCategories = (model: PolicyModel): DataCategory[] =>
  model.dataCategories.filter((c) => !isInUse(model, c));

/** The groups of data subjects the notice names that no purpose (and no processing done as a processor) includes: as unusedDataCategories. */
export const unusedDataSubjects = (model: PolicyModel): DataSubject[] =>
  model.dataSubjects.filter((s) => !includesSubject(model, s));

/** Conditions that give no concrete end: "as long as necessary" (EDPB WP260 rev.01 asks for a period or concrete criteria). */
export const vagueConditions: ReadonlySet<RetentionConditionId> = new Set(['as-long-as-necessary']);

/** A purpose's data categories that are special (art. 9). */
export function specialCategories(purpose: Purpose): DataCategory[] {
  return purpose.dataCategories.filter((c) => c.specials.length > 0);
}

/** An object somewhere in the policy, with its pointer and the nearest enclosing object that has a name. */
export interface FoundObject {
  pointer: string;
  value: Record<string, unknown>;
  named?: { name: unknown };
}

/**
 * Every object in the authored policy where `key` has `value`, wherever the
 * schema puts it (processors, recipients, or a policy-wide transfer), so a
 * rule keeps working as the schema grows.
 */
export function objectsWith(model: PolicyModel, key: string, value: unknown): FoundObject[] {
  return objectsHaving(model, key).filter((found) => found.value[key] === value);
}

/** The policy walked once per model and key (several rules ask about 'mechanism'). */
const walked = new WeakMap<PolicyModel, Map<string, FoundObject[]>>();

function objectsHaving(model: PolicyModel, key: string): FoundObject[] {
  let byKey = walked.get(model);
  if (!byKey) walked.set(model, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = walkFor(model, key)));
  return found;
}

/** The objects that hold `key`, by a walk that keeps the path as tokens and makes a pointer only of what it finds. */
function walkFor(model: PolicyModel, key: string): FoundObject[] {
  const found: FoundObject[] = [];
  walkObjects(model.source, undefined, key, [], found);
  return found;
}

/** walkFor's walk: a module-level function, not a closure made per call (docs/architecture.md). */
function walkObjects(
  node: unknown,
  named: { name: unknown } | undefined,
  key: string,
  path: Array<string | number>,
  found: FoundObject[],
): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walkObjects(node[i], named, key, path, found);
      path.pop();
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const here = 'name' in object && path.length ? { name: object.name } : named;
  if (key in object) found.push({ pointer: joinPointer('', ...path), value: object, ...(here ? { named: here } : {}) });
  for (const k in object) {
    path.push(k);
    walkObjects(object[k], here, key, path, found);
    path.pop();
  }
}
