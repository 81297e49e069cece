import type { Messages } from '../i18n/messages.js';
import { partyLeavesEea } from '../law/eea.js';
import type { PolicyModel, Processor, ProcessorActivity, Purpose, Recipient } from '../resolve/model.js';
import { formatDuration, formatLawReference } from '../resolve/retention-phrase.js';
import type { CookieCategorySource, Entity } from '../policy/policy-types.js';
import { contactFacts, countryName, formatAddress, formatDate, joinList, nameOf, pick, sentence } from './format.js';
import { purposeBasisTexts, specialConditionText, transferGroundText, transferText } from './legal-text.js';
import { link, text, type Block, type Fact, type Inline, type NoticeOutline, type Section, type Table } from './outline.js';

/**
 * The privacy notice for one language, as an outline. Sections follow the
 * order of GDPR art. 13/14: controller, scope, data, purposes and bases,
 * processing done as a processor for others, recipients, transfers,
 * retention, rights, automated decisions, cookies, security, complaints,
 * changes, contact. A section with nothing to say is
 * left out rather than filled with boilerplate.
 */
export function noticeOutline(model: PolicyModel, m: Messages): NoticeOutline {
  const { source } = model;
  const t = m.t;
  const name = source.controller.name;
  const rich = (value: { [k: string]: string | undefined } | undefined): Block[] => {
    const md = value?.[m.lang];
    return md ? [{ rich: md }] : [];
  };

  // The version line says what the statement gives: version, date, both or neither.
  const { version, effectiveDate } = source.metadata;
  const preamble: Inline[][] = [];
  if (version && effectiveDate) preamble.push(sentence(t('notice:versionLine', { version, date: formatDate(effectiveDate, m) })));
  else if (version) preamble.push(sentence(t('notice:versionOnly', { version })));
  else if (effectiveDate) preamble.push(sentence(t('details:version.dateOnly', { date: formatDate(effectiveDate, m) })));
  if (source.metadata.lastModified) preamble.push(sentence(t('notice:lastModified', { date: formatDate(source.metadata.lastModified, m) })));
  if (source.controller.placeholder) preamble.push([{ text: t('notice:placeholder'), strong: true }]);

  const sections: Section[] = [];
  const add = (id: string, blocks: Block[], headingKey = `notice:heading.${id}`): void => {
    if (blocks.length > 0) sections.push({ id, heading: t(headingKey), blocks });
  };

  // Controller, DPO, representative — 13(1)(a)(b).
  const controllerFacts: Fact[] = [];
  if (source.controller.address) controllerFacts.push({ label: t('notice:label.address'), inlines: [text(formatAddress(source.controller.address, m))] });
  if (source.controller.kvkNumber) controllerFacts.push({ label: t('notice:label.kvk'), inlines: [text(source.controller.kvkNumber)] });
  controllerFacts.push(...contactFacts(source.controller.contact, m));
  if (source.controller.website) controllerFacts.push({ label: t('notice:label.website'), inlines: [link(source.controller.website, source.controller.website)] });
  const controllerBlocks: Block[] = [{ paragraph: sentence(t('notice:controller.statement', { name })) }];
  if (source.controller.parentCompany) {
    controllerBlocks.push({ paragraph: sentence(t('details:controller.parentCompany', { name, company: formatEntity(source.controller.parentCompany, m) })) });
  }
  if (controllerFacts.length) controllerBlocks.push({ facts: controllerFacts });
  if (source.dpo) {
    const contact = contactFacts(source.dpo.contact, m);
    const facts = [
      ...(source.dpo.name ? [{ label: t('notice:label.name'), inlines: [text(source.dpo.name)] }] : []),
      ...(contact.length ? contact : [{ label: t('notice:label.contact'), inlines: [text(t('notice:notStated'))] }]),
    ];
    const dpoBlocks: Block[] = [{ facts }];
    if (source.dpo.registeredWithAuthority) dpoBlocks.push({ paragraph: sentence(t('details:controller.dpoRegistered')) });
    controllerBlocks.push({ subsection: { id: 'dpo', heading: t('notice:controller.dpo'), blocks: dpoBlocks } });
  }
  if (source.representative) {
    const r = source.representative;
    const facts: Fact[] = [{ label: t('notice:label.name'), inlines: [text(r.name)] }];
    if (r.address) facts.push({ label: t('notice:label.address'), inlines: [text(formatAddress(r.address, m))] });
    facts.push(...contactFacts(r.contact, m));
    controllerBlocks.push({ subsection: { id: 'representative', heading: t('notice:controller.representative'), blocks: [{ facts }] } });
  }
  add('controller', controllerBlocks);

  // Scope and data subjects.
  const subjects = model.dataSubjects.map((s) => {
    const name = pick(s.name, m);
    const label = s.minimumAge === undefined ? name : t('details:scope.minimumAge', { group: name, age: s.minimumAge });
    const description = pick(s.description, m);
    return [text(description ? `${label}: ${description}` : label)];
  });
  const laws: Block[] = source.applicableLaws?.length
    ? [{ paragraph: sentence(t('details:scope.applicableLaws', { laws: joinList(source.applicableLaws.map((l) => formatLawReference(l, m)), m) })) }]
    : [];
  add('scope', [...rich(source.scope), ...laws, ...(subjects.length ? [{ paragraph: sentence(t('notice:scope.subjects')) }, { list: subjects }] : [])]);

  // Categories of personal data — 14(1)(d), 14(2)(f).
  const categoryItems = model.dataCategories.map((c) => {
    const notes: string[] = [];
    if (c.special) notes.push(t('notice:data.special', { category: t(`terms:specialCategory.${c.special}`) }));
    if (c.criminal) notes.push(t('notice:data.criminal'));
    if (c.nationalIdentifier) notes.push(t('notice:data.nationalIdentifier'));
    let line = pick(c.name, m);
    if (notes.length) line += ` (${notes.join('; ')})`;
    const description = pick(c.description, m);
    if (description) line += `: ${description}`;
    if (c.source) {
      const where = pick(c.source.description, m) + (c.source.publiclyAccessible ? ` (${t('notice:data.publicSource')})` : '');
      line += ` ${t('notice:label.source')}: ${where}`;
    }
    return [text(line)];
  });
  const noSpecial: Block[] = source.collectsSpecialCategories === false ? [{ paragraph: sentence(t('details:data.noSpecialCategories')) }] : [];
  add('data', [...(categoryItems.length ? [{ paragraph: sentence(t('notice:data.intro')) }, { list: categoryItems }] : []), ...noSpecial]);

  // Purposes and legal bases — 13(1)(c)(d), 13(2)(e)(f).
  add('purposes', model.purposes.length ? [
    { paragraph: sentence(t('notice:purposes.intro')) },
    ...model.purposes.map((p): Block => ({ subsection: { id: `purpose-${p.id}`, heading: pick(p.name, m), blocks: purposeBlocks(p, m) } })),
  ] : []);

  // Processing done as a processor for other controllers — 28, 30(2).
  add('processor-role', model.processorActivities.length ? [
    { paragraph: sentence(t('details:processorRole.intro')) },
    ...model.processorActivities.map((a): Block => ({ subsection: { id: `processing-for-${a.id}`, heading: pick(a.name, m), blocks: processorActivityBlocks(a, m) } })),
  ] : [], 'details:processorRole.heading');

  // Recipients and processors — 13(1)(e).
  const recipientBlocks: Block[] = [...rich(source.sharing)];
  if (model.processors.length) {
    recipientBlocks.push({
      subsection: {
        id: 'processors', heading: t('notice:recipients.processors'),
        blocks: [{ paragraph: sentence(t('notice:recipients.processorsIntro')) }, { table: processorTable(model.processors, m) }],
      },
    });
  }
  if (model.recipients.length) {
    recipientBlocks.push({
      subsection: { id: 'other-recipients', heading: t('notice:recipients.others'), blocks: [{ table: recipientTable(model.recipients, m) }] },
    });
  }
  add('recipients', recipientBlocks);

  // Transfers outside the EEA — 13(1)(f).
  const transferBlocks: Block[] = [];
  const storage = source.transfers?.storageLocations ?? [];
  if (storage.length) transferBlocks.push({ paragraph: sentence(t('notice:transfers.storage', { locations: joinList(storage.map((c) => countryName(c, m)), m) })) });
  transferBlocks.push(...rich(source.transfers?.statement));
  const mechanisms = source.transfers?.mechanisms ?? [];
  if (mechanisms.length) {
    transferBlocks.push({ paragraph: sentence(t('details:transfers.mechanismsIntro')) }, { list: mechanisms.map((x) => [text(transferGroundText(x, m))]) });
  }
  const transferItems = [...model.processors, ...model.recipients]
    .filter((party) => partyLeavesEea(party))
    .map((party) => [text(transferText(party, m))]);
  if (transferItems.length) transferBlocks.push({ paragraph: sentence(t('details:transfers.partiesIntro')) }, { list: transferItems });
  add('transfers', transferBlocks);

  // Retention — 13(2)(a).
  add('retention', [
    ...rich(source.retentionStatement),
    ...(model.retention.length ? [
      { paragraph: sentence(t('notice:retention.intro')) },
      { facts: model.retention.map((r) => ({ label: pick(r.name, m), inlines: [text(r.phrase[m.lang] + (r.note ? `. ${pick(r.note, m)}` : ''))] })) },
    ] : []),
  ]);

  // Rights — 13(2)(b)(c)(d), derived from the bases used.
  const rightBlocks: Block[] = [{ paragraph: sentence(t('notice:rights.intro')) }];
  for (const right of model.rights) {
    const blocks: Block[] = [{ paragraph: sentence(t(`terms:right.${right.id}.description`)) }];
    if (right.purposes.length) {
      blocks.push({ paragraph: sentence(t('terms:right.appliesTo', { purposes: joinList(right.purposes.map((p) => pick(p.name, m)), m) })) });
    }
    blocks.push(...rich(source.rights?.notes?.[right.id]));
    rightBlocks.push({ subsection: { id: `right-${right.id}`, heading: t(`terms:right.${right.id}.name`), blocks } });
  }
  for (const right of source.rights?.additional ?? []) {
    const blocks: Block[] = [...rich(right.description)];
    const facts: Fact[] = [];
    if (right.legalSource) facts.push({ label: t('details:rights.legalSource'), inlines: [text(formatLawReference(right.legalSource, m))] });
    if (right.moreInfo) facts.push({ label: t('details:rights.moreInfo'), inlines: [link(right.moreInfo, right.moreInfo)] });
    if (facts.length) blocks.push({ facts });
    rightBlocks.push({ subsection: { id: `right-${right.id}`, heading: pick(right.name, m), blocks } });
  }
  const howTo: Block[] = [...rich(source.rights?.howToExercise)];
  const requestContact = contactFacts(source.rights?.contact ?? source.controller.contact, m);
  if (requestContact.length) howTo.push({ paragraph: sentence(t('notice:rights.sendTo')) }, { facts: requestContact });
  if (source.rights?.responseTime) howTo.push({ paragraph: sentence(t('notice:rights.responseTime', { period: formatDuration(source.rights.responseTime, m) })) });
  rightBlocks.push({ subsection: { id: 'exercising-rights', heading: t('notice:rights.howTo'), blocks: howTo } });
  add('rights', rightBlocks);

  // Automated decision-making — 13(2)(f).
  const automated = model.purposes.filter((p) => p.automatedDecision);
  add('automated', automated.map((p): Block => {
    const a = p.automatedDecision!;
    const blocks: Block[] = [{ facts: [
      { label: t('notice:label.logic'), inlines: [text(pick(a.logic, m))] },
      { label: t('notice:label.significance'), inlines: [text(pick(a.significance, m))] },
    ] }];
    if (a.profiling) blocks.push({ paragraph: sentence(t('notice:automated.profiling')) });
    return { subsection: { id: `automated-${p.id}`, heading: pick(p.name, m), blocks } };
  }));

  // Cookies.
  if (source.cookies) {
    const blocks: Block[] = [...rich(source.cookies.description)];
    const categories = (source.cookies.categories ?? []).map((c) => cookieCategoryLine(c, m));
    if (categories.length) blocks.push({ paragraph: sentence(t('notice:cookies.categories')) }, { list: categories });
    const cookieFacts: Fact[] = [];
    if (source.cookies.policyUrl) cookieFacts.push({ label: t('notice:label.cookiePolicy'), inlines: [link(source.cookies.policyUrl, source.cookies.policyUrl)] });
    if (source.cookies.consentUrl) cookieFacts.push({ label: t('notice:label.cookieConsent'), inlines: [link(source.cookies.consentUrl, source.cookies.consentUrl)] });
    if (cookieFacts.length) blocks.push({ facts: cookieFacts });
    add('cookies', blocks);
  }

  // Security — 32.
  const securityBlocks: Block[] = [...rich(source.security?.description)];
  const measures = (source.security?.measures ?? []).map((x) => [text(pick(x, m))]);
  if (measures.length) securityBlocks.push({ list: measures });
  if (source.security?.standards?.length) securityBlocks.push({ paragraph: sentence(t('notice:security.standards', { standards: joinList(source.security.standards, m) })) });
  add('security', securityBlocks);

  // Complaints — 13(2)(d), 77.
  add('complaints', [
    ...rich(source.complaints?.internal),
    { paragraph: sentence(t('notice:complaints.authority', { authority: t(`terms:authority.${model.authority.id}.name`) })) },
    { facts: authorityFacts(model, m) },
  ]);

  // Changes — 13(3).
  const changeBlocks: Block[] = [...rich(source.changes?.statement)];
  if (source.changes?.noticePeriod) changeBlocks.push({ paragraph: sentence(t('notice:changes.noticePeriod', { period: formatDuration(source.changes.noticePeriod, m) })) });
  const history = (source.metadata.history ?? []).map((h) =>
    [text(t('notice:changes.historyItem', { date: formatDate(h.date, m), version: h.version, summary: pick(h.summary, m) }))]);
  if (history.length) changeBlocks.push({ paragraph: sentence(t('notice:changes.history')) }, { list: history });
  add('changes', changeBlocks);

  // General questions.
  if (source.contact) {
    const blocks: Block[] = [{ paragraph: sentence(t('notice:contact.intro')) }, { facts: contactFacts(source.contact, m) }];
    if (source.contact.note) blocks.push({ paragraph: sentence(pick(source.contact.note, m)) });
    add('contact', blocks);
  }

  return {
    lang: m.lang,
    title: t('notice:title', { name }),
    preamble,
    ...(source.introduction?.[m.lang] ? { introduction: source.introduction[m.lang] } : {}),
    contentsHeading: t('notice:contents'),
    sections,
  };
}

function purposeBlocks(p: Purpose, m: Messages): Block[] {
  const t = m.t;
  const blocks: Block[] = [];
  if (p.description?.[m.lang]) blocks.push({ rich: p.description[m.lang]! });
  const facts: Fact[] = [];
  for (const basis of purposeBasisTexts(p, m)) facts.push({ label: t('notice:label.legalBasis'), inlines: [text(basis)] });
  if (p.legalObligation) facts.push({ label: t('notice:label.legalObligation'), inlines: [text(formatLawReference(p.legalObligation, m))] });
  if (p.legitimateInterest) facts.push({ label: t('notice:label.legitimateInterest'), inlines: [text(pick(p.legitimateInterest, m))] });
  if (p.specialCategoryCondition) facts.push({ label: t('notice:label.specialCondition'), inlines: [text(specialConditionText(p.specialCategoryCondition, m))] });
  if (p.dataCategories.length) facts.push({ label: t('notice:label.data'), inlines: [text(joinList(p.dataCategories.map((c) => pick(c.name, m)), m))] });
  if (p.dataSubjects.length) facts.push({ label: t('notice:label.subjects'), inlines: [text(joinList(p.dataSubjects.map((s) => pick(s.name, m)), m))] });
  if (p.processors.length) facts.push({ label: t('notice:label.processors'), inlines: [text(joinList(p.processors.map((x) => nameOf(x.name, m)), m))] });
  if (p.recipients.length) facts.push({ label: t('notice:label.recipients'), inlines: [text(joinList(p.recipients.map((x) => pick(x.name, m)), m))] });
  if (p.retention.length) {
    const rules = p.retention.map((r) => `${pick(r.name, m)}: ${r.phrase[m.lang]}`);
    facts.push({ label: t('notice:label.retention'), inlines: [text(rules.join('; '))] });
  }
  if (p.requirement) {
    const consequence = pick(p.requirement.consequence, m);
    facts.push({ label: t('notice:label.requirement'), inlines: [text(t(`terms:requirement.${p.requirement.type}`) + (consequence ? ` ${consequence}` : ''))] });
  }
  if (facts.length) blocks.push({ facts });
  return blocks;
}

function processorActivityBlocks(a: ProcessorActivity, m: Messages): Block[] {
  const t = m.t;
  const blocks: Block[] = a.description?.[m.lang] ? [{ rich: a.description[m.lang]! }] : [];
  const facts: Fact[] = [{ label: t('details:processorRole.controllers'), inlines: [text(pick(a.controllers, m))] }];
  if (a.dataCategories.length) facts.push({ label: t('notice:label.data'), inlines: [text(joinList(a.dataCategories.map((c) => pick(c.name, m)), m))] });
  if (a.dataSubjects.length) facts.push({ label: t('notice:label.subjects'), inlines: [text(joinList(a.dataSubjects.map((s) => pick(s.name, m)), m))] });
  if (a.subProcessors.length) facts.push({ label: t('notice:label.processors'), inlines: [text(joinList(a.subProcessors.map((x) => nameOf(x.name, m)), m))] });
  if (a.retention.length) facts.push({ label: t('notice:label.retention'), inlines: [text(a.retention.map((r) => `${pick(r.name, m)}: ${r.phrase[m.lang]}`).join('; '))] });
  blocks.push({ facts });
  return blocks;
}

/** 'Doctolib SAS (France)', 'the United States', 'AWS'. */
export function formatEntity(entity: Entity, m: Messages): string {
  const country = entity.country && countryName(entity.country, m);
  if (entity.name && country) return m.t('details:entity.withCountry', { name: entity.name, country });
  return entity.name ?? country ?? '';
}

/** Where a processor comes from: its country of origin, parent company and contracting entity. */
function processorOrigin(p: Processor, m: Messages): string | undefined {
  const parts: string[] = [];
  if (p.country) parts.push(countryName(p.country, m));
  if (p.parentCompany) parts.push(m.t('details:entity.parentCompany', { entity: formatEntity(p.parentCompany, m) }));
  if (p.contractingEntity) parts.push(m.t('details:entity.contractingEntity', { entity: formatEntity(p.contractingEntity, m) }));
  return parts.length ? parts.join('; ') : undefined;
}

/** 'Functional cookies: … These cookies cannot be switched off.' */
function cookieCategoryLine(c: CookieCategorySource, m: Messages): Inline[] {
  const parts = [pick(c.description, m)];
  if (c.consentRequired !== undefined) parts.push(m.t(`notice:cookies.consent.${c.consentRequired}`));
  if (c.canBeDisabled !== undefined) parts.push(m.t(`notice:cookies.canBeDisabled.${c.canBeDisabled}`));
  if (c.names) parts.push(m.t('notice:cookies.names', { names: joinList(c.names, m) }));
  const rest = parts.filter(Boolean).join(' ');
  return [{ text: pick(c.name, m), strong: true }, ...(rest ? [text(`: ${rest}`)] : [])];
}

/** ' (on the website: google-analytics.com)' after a party's name, when the policy gives its domains. */
function domainsOf(party: { domains?: string[] }, m: Messages): Inline[] {
  return party.domains ? [text(m.t('notice:recipients.domains', { domains: joinList(party.domains, m) }))] : [];
}

function processorTable(processors: readonly Processor[], m: Messages): Table {
  const t = m.t;
  const optional = (value: string | undefined): Inline[] => [text(value || t('notice:notStated'))];
  const withCategory = processors.some((p) => p.serviceCategory);
  const locations = (p: Processor): string | undefined =>
    pick(p.serverLocationsText, m) || (p.serverLocations?.length ? joinList(p.serverLocations.map((c) => countryName(c, m)), m) : undefined);
  return {
    caption: t('notice:recipients.processors'),
    head: [
      t('notice:label.name'), ...(withCategory ? [t('details:processorAnnex.category')] : []), t('notice:label.service'),
      t('notice:label.establishedIn'), t('notice:label.serverLocation'), t('notice:label.transfer'),
    ],
    rows: processors.map((p) => [
      [{ text: nameOf(p.name, m), strong: true }, ...domainsOf(p, m)],
      ...(withCategory ? [optional(pick(p.serviceCategory, m) || undefined)] : []),
      [text(pick(p.service, m))],
      optional(processorOrigin(p, m)),
      optional(locations(p)),
      optional(p.transfer && t(`terms:transferMechanism.${p.transfer.mechanism}`)),
    ]),
  };
}

function recipientTable(recipients: readonly Recipient[], m: Messages): Table {
  const t = m.t;
  const optional = (value: string | undefined): Inline[] => [text(value || t('notice:notStated'))];
  return {
    caption: t('notice:recipients.others'),
    head: [t('notice:label.name'), t('notice:recipients.type'), t('notice:label.service'), t('notice:label.establishedIn'), t('notice:label.transfer')],
    rows: recipients.map((r) => [
      [{ text: pick(r.name, m), strong: true }, ...domainsOf(r, m)],
      [text(t(`terms:recipientType.${r.type}`))],
      optional(pick(r.description, m) || undefined),
      optional(r.country && countryName(r.country, m)),
      optional(r.transfer && t(`terms:transferMechanism.${r.transfer.mechanism}`)),
    ]),
  };
}

function authorityFacts(model: PolicyModel, m: Messages): Fact[] {
  const a = model.authority;
  return [
    { label: m.t('notice:label.website'), inlines: [link(a.website, a.website)] },
    { label: m.t('notice:label.address'), inlines: [text(formatAddress(a.postal, m))] },
  ];
}
