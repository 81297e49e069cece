import {
  criminalDataConcept,
  dpvNamespaces,
  recipientClasses,
  specialCategoryConcepts,
  transferMechanismBases,
} from '../law/dpv.js';
import { legalBases, specialConditions } from '../law/legal-bases.js';
import { unicodeEscape } from '../unicode-escape.js';
import type { Address, Dpo, LawReference, Text } from '../policy/policy-types.js';
import { appointedDpo } from '../policy/policy-facts.js';
import type {
  DataCategory,
  DataSubject,
  OtherController,
  PolicyModel,
  Processor,
  Purpose,
  Recipient,
  RetentionRule,
} from '../resolve/model.js';
import { messagesFor } from '../i18n/messages.js';
import { retentionPhrase } from './retention-phrase.js';
import { nonEeaCountries } from '../law/eea.js';
import { compareStrings } from '../compare-strings.js';

type Node = Record<string, unknown>;

/**
 * The JSON-LD context, inline so that no consumer has to fetch anything.
 * `label` and `description` are language maps ({"nl": …, "en": …}), which
 * is exactly the shape of the policy's own texts.
 */
const policyContext = {
  ...dpvNamespaces,
  label: { '@id': 'rdfs:label', '@container': '@language' },
  description: { '@id': 'dct:description', '@container': '@language' },
  name: 'schema:name',
} as const;

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const ref = (id: string): Node => ({ '@id': id });
const local = (kind: string, id: string): string => `#${kind}-${id}`;
const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => compareStrings(a, b);
const languageMap = (text: Text | undefined): Text | undefined =>
  text && Object.keys(text).length ? Object.fromEntries(Object.entries(text).sort(byKey)) : undefined;
/** Refs to the local nodes of one kind ('#subject-patients', …). */
const localRefs = (kind: string, items: ReadonlyArray<{ id: string }>): Node[] => {
  const refs: Node[] = [];
  for (const item of items) refs.push(ref(local(kind, item.id)));
  return refs;
};
/** A retention rule written out in each of the policy's languages. */
function retentionTexts(rule: RetentionRule, model: PolicyModel): Text {
  const texts: Text = {};
  for (const lang of model.languages)
    texts[lang] = retentionPhrase(rule, messagesFor(lang, model.source.metadata.formality));
  return texts;
}
const countryRef = (code: string): Node => ref(`loc:${code}`);

/** Drops undefined fields and empty lists, so that the output only states what the policy states. */
function node(fields: Node): Node {
  return Object.fromEntries(Object.entries(fields).filter(isStated));
}
const isStated = ([, v]: [string, unknown]): boolean => v !== undefined && !(Array.isArray(v) && v.length === 0);

function addressNode(address: Address | undefined): Node | undefined {
  if (!address) return undefined;
  return node({
    '@type': 'schema:PostalAddress',
    'schema:streetAddress': address.street,
    'schema:postalCode': address.postalCode,
    'schema:addressLocality': address.city,
    'schema:addressCountry': address.country,
  });
}

function dataCategoryNode(category: DataCategory): Node {
  const types = ['dpv:PersonalData'];
  if (category.specials.length > 0) types.push('dpv:SpecialCategoryPersonalData');
  for (const special of category.specials) types.push(...specialCategoryConcepts[special]);
  if (category.criminal) types.push(criminalDataConcept);
  return node({
    '@id': local('data', category.id),
    '@type': types,
    label: languageMap(category.name),
    description: languageMap(category.description),
  });
}

function purposeNode(purpose: Purpose, jointArrangement: Text | undefined): Node {
  const bases = [
    // Every basis: a purpose may rest on several (legalBases), each for part of its data.
    ...basisRefs(purpose),
    ...conditionRefs(purpose),
    // A basis stated in words, and the law granting a public task (6(3)), as described legal bases.
    ...(purpose.legalBasisStatement
      ? [
          node({
            '@type': 'dpv:LegalBasis',
            description: languageMap(purpose.legalBasisStatement.text),
            'dct:source': lawNode(purpose.legalBasisStatement.law),
          }),
        ]
      : []),
    ...(purpose.publicTask ? [lawNode(purpose.publicTask)!] : []),
  ];
  return node({
    '@id': local('purpose', purpose.id),
    '@type': 'dpv:PersonalDataProcess',
    'dpv:hasPurpose': node({ '@type': 'dpv:Purpose', label: languageMap(purpose.name) }),
    'dpv:hasLegalBasis': bases,
    'dpv:hasDataController': ref(purpose.controller ? local('controller', purpose.controller.id) : '#controller'),
    'dpv:hasJointDataControllers': purpose.jointControllers.length
      ? // The group of joint controllers, described by the essence of their arrangement (26(2)).
        node({
          '@type': 'dpv:JointDataControllers',
          'dpv:hasEntity': [ref('#controller'), ...localRefs('controller', purpose.jointControllers)],
          description: languageMap(jointArrangement),
        })
      : undefined,
    'dpv:hasDataSubject': localRefs('subject', purpose.dataSubjects),
    'dpv:hasPersonalData': localRefs('data', purpose.dataCategories),
    'dpv:hasDataProcessor': localRefs('processor', purpose.processors),
    'dpv:hasRecipient': localRefs('recipient', purpose.recipients),
    'dpv:hasStorageCondition': localRefs('retention', purpose.retention),
  });
}

/** Refs to the legal bases (legalBases) a purpose rests on, in legalBases' order. */
function basisRefs(purpose: Purpose): Node[] {
  const refs: Node[] = [];
  for (const basis of legalBases)
    for (const stated of purpose.bases)
      if (stated.basis === basis.id) {
        refs.push(ref(basis.dpv));
        break;
      }
  return refs;
}

/** A ref to the special-category condition of a purpose (specialConditions), if it has one. */
function conditionRefs(purpose: Purpose): Node[] {
  const refs: Node[] = [];
  const condition = purpose.specialCategoryCondition?.condition;
  for (const c of specialConditions) if (c.id === condition) refs.push(ref(c.dpv));
  return refs;
}

function purposeNodes(purposes: readonly Purpose[], jointArrangement: Text | undefined): Node[] {
  const nodes: Node[] = [];
  for (const purpose of purposes) nodes.push(purposeNode(purpose, jointArrangement));
  return nodes;
}

/** A law as cited: its id and article, or the citation per language. */
function lawNode(law: LawReference | undefined): Node | undefined {
  if (!law) return undefined;
  return node({
    '@type': 'dpv:Law',
    'dct:identifier': law.law && [law.law, law.article].filter(Boolean).join(' '),
    label: languageMap(law.citation),
  });
}

/** Another controller (policy.controllers), with its own DPO when it has one. */
function otherControllerNode(c: OtherController): Node {
  return node({
    '@id': local('controller', c.id),
    '@type': 'dpv:DataController',
    name: c.name,
    description: languageMap(c.role),
    'schema:address': addressNode(c.address),
    'schema:email': c.contact?.email,
    'schema:telephone': c.contact?.phone,
    'dpv:hasDataProtectionOfficer': dpoNode(c.dpo),
  });
}

/** A DPO the policy names (one it states it appointed none of is no DPO). */
function dpoNode(stated: Dpo | undefined): Node | undefined {
  const dpo = appointedDpo(stated);
  return dpo
    ? node({
        '@type': 'dpv:DataProtectionOfficer',
        name: dpo.name,
        'schema:email': dpo.contact?.email,
        'schema:telephone': dpo.contact?.phone,
      })
    : undefined;
}

function dataSubjectNode(subject: DataSubject): Node {
  return node({
    '@id': local('subject', subject.id),
    '@type': 'dpv:DataSubject',
    label: languageMap(subject.name),
    description: languageMap(subject.description),
  });
}

function retentionNodes(model: PolicyModel): Node[] {
  const nodes: Node[] = [];
  for (const rule of model.retention)
    nodes.push(
      node({
        '@id': local('retention', rule.id),
        '@type': 'dpv:StorageDuration',
        label: languageMap(rule.name),
        description: languageMap(retentionTexts(rule, model)),
      }),
    );
  return nodes;
}

function processorNode(processor: Processor): Node {
  return node({
    '@id': local('processor', processor.id),
    '@type': 'dpv:DataProcessor',
    // A named company, or (when the statement gives no name) a description per language.
    ...(typeof processor.name === 'string' ? { name: processor.name } : { label: languageMap(processor.name) }),
    description: languageMap(processor.service),
    'dpv:hasCountry': processor.country ? countryRef(processor.country) : undefined,
    'dpv:hasLocation': (processor.serverLocations ?? []).map(countryRef),
  });
}

function recipientNode(recipient: Recipient): Node {
  return node({
    '@id': local('recipient', recipient.id),
    '@type': recipientClasses[recipient.type],
    label: languageMap(recipient.name),
    description: languageMap(recipient.description),
    'dpv:hasCountry': recipient.country ? countryRef(recipient.country) : undefined,
  });
}

/** A transfer outside the EEA, as its own process: to whom, which third countries, on which chapter V basis. */
function transferNode(kind: 'processor' | 'recipient', party: Processor | Recipient): Node | undefined {
  const countries = nonEeaCountries(party);
  if (!party.transfer && countries.length === 0) return undefined;
  const basis = party.transfer ? transferMechanismBases[party.transfer.mechanism] : undefined;
  return node({
    '@id': local('transfer', `${kind}-${party.id}`),
    '@type': 'dpv:PersonalDataProcess',
    'dpv:hasProcessing': ref('dpv:Transfer'),
    'dpv:hasDataController': ref('#controller'),
    [kind === 'processor' ? 'dpv:hasDataProcessor' : 'dpv:hasRecipient']: ref(local(kind, party.id)),
    'dpv:hasThirdCountry': countries.map(countryRef),
    'dpv:hasLegalBasis': basis ? [ref(basis)] : [],
  });
}

const processorTransfer = (processor: Processor): Node | undefined => transferNode('processor', processor);
const recipientTransfer = (recipient: Recipient): Node | undefined => transferNode('recipient', recipient);
const isNode = (n: Node | undefined): n is Node => n !== undefined;

/**
 * The policy as JSON-LD in the W3C Data Privacy Vocabulary: the notice, the
 * controller (and DPO), one dpv:PersonalDataProcess per purpose with its
 * purpose, legal bases (GDPR extension IRIs), data subjects, personal data
 * (special categories typed with PD concepts), processors, recipients and
 * storage conditions, and one process per transfer outside the EEA. Node ids
 * are fragment identifiers ('#purpose-care'), resolved against the document
 * that carries them; on the HTML page they match the notice's anchors.
 */
export function policyJsonLd(model: PolicyModel): Node {
  let graph = graphs.get(model);
  if (!graph) graphs.set(model, (graph = buildGraph(model)));
  return graph;
}

/** One graph per model: every language's page embeds it and policy.jsonld writes it. */
const graphs = new WeakMap<PolicyModel, Node>();

function buildGraph(model: PolicyModel): Node {
  const { source } = model;
  const controller = node({
    '@id': '#controller',
    '@type': 'dpv:DataController',
    name: source.controller.name,
    'schema:address': addressNode(source.controller.address),
    'schema:email': source.controller.contact?.email,
    'schema:telephone': source.controller.contact?.phone,
    'schema:url': source.controller.website,
    'dpv:hasDataProtectionOfficer': dpoNode(source.dpo),
  });
  const transfers = [...model.processors.map(processorTransfer), ...model.recipients.map(recipientTransfer)].filter(
    isNode,
  );
  return {
    '@context': policyContext,
    '@id': '#policy',
    '@type': 'dpv:PrivacyNotice',
    'dct:identifier': source.id,
    'dct:hasVersion': source.metadata.version,
    // No date, no property: a typed literal without a value is not valid JSON-LD (legal-review.md item 12).
    ...(source.metadata.effectiveDate
      ? { 'dct:valid': { '@value': source.metadata.effectiveDate, '@type': 'http://www.w3.org/2001/XMLSchema#date' } }
      : {}),
    'dct:language': [...model.languages],
    'dpv:hasDataController': controller,
    'dpv:hasProcess': [...purposeNodes(model.purposes, source.jointArrangement), ...transfers],
    '@included': [
      ...model.dataSubjects.map(dataSubjectNode),
      ...model.dataCategories.map(dataCategoryNode),
      ...model.controllers.map(otherControllerNode),
      ...model.processors.map(processorNode),
      ...model.recipients.map(recipientNode),
      ...retentionNodes(model),
    ],
  };
}

/** policy.jsonld: the JSON-LD document, pretty-printed, ending with a newline. */
const jsonLdTexts = new WeakMap<PolicyModel, string>();

/** The JSON-LD as written (policy.jsonld and every page of the policy): made once per model. */
export function policyJsonLdText(model: PolicyModel): string {
  let text = jsonLdTexts.get(model);
  if (text === undefined) jsonLdTexts.set(model, (text = `${JSON.stringify(policyJsonLd(model), null, 2)}\n`));
  return text;
}

/**
 * JSON that can sit inside <script type="application/ld+json"> without
 * ending it or opening a comment: '<', '>' and '&' become \u escapes
 * (still the same JSON value), as do U+2028/U+2029.
 */
export function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, unicodeEscape);
}
