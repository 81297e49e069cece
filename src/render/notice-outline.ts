import type { Messages } from '../i18n/messages.js';
import { isCareProvider } from '../law/care-provider.js';
import { partyLeavesEea } from '../law/eea.js';
import { cookiePolicyPointer, privacyShieldNameOnly } from '../law/wording-patterns.js';
import type { DataCategory, PolicyModel, ProcessorActivity, RetentionRule } from '../resolve/model.js';
import {
  formatDuration,
  formatDurationInText,
  formatLawReference,
  retentionPhrase,
  withoutFalseLegalSource,
} from './retention-phrase.js';
import type { CookieCategorySource, Cookies, TransferSource } from '../policy/policy-types.js';
import { appointedDpo, dpoMandatoryForSector, noDpoReason } from '../policy/policy-facts.js';
import { endsBeforeLegalMinimum } from '../policy/retention-minimum.js';
import {
  contactFacts,
  controllerName,
  countryName,
  endSentence,
  formatAddress,
  formatDate,
  isMonth,
  joinClauses,
  joinList,
  labelled,
  nameOf,
  pick,
  sentence,
  upperFirst,
  withNotes,
} from './format.js';
import {
  categoryNotes,
  dataSourceWords,
  notStatedLine,
  transferGroundText,
  transferText,
  withTransferNote,
} from './legal-text.js';
import { contactBlocks, rich, richThenList, type NoticeContext } from './notice-context.js';
import { complaintsBlocks } from './notice-complaints.js';
import { formatEntity, isDerogation, processorTable, recipientTable } from './notice-parties.js';
import { rightsBlocks } from './notice-rights.js';
import { otherControllerBlocks } from './notice-statements.js';
import { purposesBlocks } from './notice-purposes.js';
import { summarySection } from './notice-summary.js';
import { askUsOrGap, contactSection, ownWordsGiveWebsite, reachUs } from './reach-us.js';
import { medicalFileLaw, retentionTable } from './notice-retention.js';
import { mentionsNoticePeriod, mentionsStorageIn } from './author-mentions.js';
import {
  identifier,
  inlineIn,
  joinFacts,
  link,
  linkedIn,
  text,
  type Block,
  type Fact,
  type Inline,
  type NoticeOutline,
  type Section,
} from './outline.js';
import { noticeVersionKeys, versionLine } from './version-line.js';

export { formatEntity } from './notice-parties.js';

/**
 * One section of the notice: its stable anchor, the locale key of its
 * heading and the builder of its blocks. A section whose builder returns no
 * blocks is left out rather than filled with boilerplate.
 */
export interface SectionSpec {
  id: string;
  headingKey: string;
  build: (ctx: NoticeContext) => Block[];
}

/**
 * The sections in the order of GDPR art. 13/14: controller, scope, data,
 * purposes and bases, processing done as a processor for others,
 * recipients, transfers, retention, rights, automated decisions, cookies,
 * security, complaints, changes, contact.
 */
const sectionSpecs: readonly SectionSpec[] = [
  { id: 'controller', headingKey: 'notice:heading.controller', build: controllerBlocks },
  { id: 'scope', headingKey: 'notice:heading.scope', build: scopeBlocks },
  { id: 'data', headingKey: 'notice:heading.data', build: dataBlocks },
  { id: 'purposes', headingKey: 'notice:heading.purposes', build: purposesBlocks },
  { id: 'processor-role', headingKey: 'details:processorRole.heading', build: processorRoleBlocks },
  { id: 'recipients', headingKey: 'notice:heading.recipients', build: recipientsBlocks },
  { id: 'transfers', headingKey: 'notice:heading.transfers', build: transfersBlocks },
  { id: 'retention', headingKey: 'notice:heading.retention', build: retentionBlocks },
  { id: 'rights', headingKey: 'notice:heading.rights', build: rightsBlocks },
  { id: 'automated', headingKey: 'notice:heading.automated', build: automatedBlocks },
  { id: 'cookies', headingKey: 'notice:heading.cookies', build: cookiesBlocks },
  { id: 'security', headingKey: 'notice:heading.security', build: securityBlocks },
  { id: 'complaints', headingKey: 'notice:heading.complaints', build: complaintsBlocks },
  { id: 'changes', headingKey: 'notice:heading.changes', build: changesBlocks },
  { id: 'contact', headingKey: 'notice:heading.contact', build: contactSectionBlocks },
];

/** The privacy notice for one language, as an outline: every sentence from locales/. */
export function noticeOutline(model: PolicyModel, m: Messages): NoticeOutline {
  const { source } = model;
  const ctx: NoticeContext = {
    model,
    source,
    m,
    careProvider: isCareProvider(source),
    reachUs: reachUs(source, m),
  };
  const sections: Section[] = [];
  for (const spec of sectionSpecs) {
    const blocks = spec.build(ctx);
    if (blocks.length > 0) sections.push({ id: spec.id, heading: m.t(spec.headingKey), blocks });
  }
  return {
    lang: m.lang,
    title: m.t('notice:title', { name: controllerName(source.controller, m) }),
    preamble: preamble(ctx),
    ...(pick(source.introduction, m)
      ? { introduction: { heading: m.t('notice:introduction'), text: pick(source.introduction, m) } }
      : {}),
    summary: summarySection(ctx, sections),
    contentsHeading: m.t('notice:contents'),
    toContents: m.t('notice:toContents'),
    sections,
  };
}

/** The version line says what the statement gives: version, date, both or neither; no date twice. */
function preamble({ source, m }: NoticeContext): Inline[][] {
  const { lastModified, effectiveDate } = source.metadata;
  const lines: Inline[][] = [];
  const version = versionLine(source.metadata, m, noticeVersionKeys);
  if (version) lines.push(sentence(version));
  // "Geldig vanaf 5 februari 2025. Laatst gewijzigd op 5 februari 2025." says one date twice.
  if (lastModified && lastModified !== effectiveDate)
    lines.push(
      sentence(
        m.t(isMonth(lastModified) ? 'notice:lastModifiedMonth' : 'notice:lastModified', {
          date: formatDate(lastModified, m),
        }),
      ),
    );
  if (source.controller.placeholder) lines.push([{ text: m.t('notice:placeholder'), strong: true }]);
  return lines;
}

/**
 * The DPO's section (13(1)(b)): the one appointed, with a gap where the statement gives no contact; or none
 * appointed, with the organisation's reason. A statement silent on a DPO that the law requires for its sector
 * (37(1)(c), dpo/mandatory-for-sector) says it names none: silence there hid a larger gap than a missing contact.
 */
function dpoBlocks(model: PolicyModel, m: Messages): Block[] {
  const t = m.t;
  const source = model.source;
  const noDpo = noDpoReason(source.dpo);
  if (noDpo) {
    const reason = pick(noDpo, m);
    return [
      { paragraph: sentence(t('details:controller.dpoNotAppointed')) },
      ...(reason ? [{ paragraph: sentence(reason) }] : []),
    ];
  }
  const dpo = appointedDpo(source.dpo);
  if (!dpo) return dpoMandatoryForSector(model) ? [{ paragraph: sentence(t('details:controller.dpoNotNamed')) }] : [];
  const contact = contactBlocks(dpo.contact, m);
  return joinFacts([
    ...(dpo.name ? [{ facts: [{ label: t('notice:label.name'), inlines: [text(dpo.name)] }] }] : []),
    ...(contact.length ? contact : dpoUnreachable(source, m)),
    ...(dpo.registeredWithAuthority ? [{ paragraph: sentence(t('details:controller.dpoRegistered')) }] : []),
  ]);
}

/**
 * A DPO the statement gives no contact details for (dpo/contact-missing tells the author): where the notice gives ours,
 * that the reader can ask us how to reach the DPO, with a link to them; only otherwise the row that says the statement
 * gives none. 'Contactgegevens: Niet vermeld in deze verklaring' above 'is aangemeld bij de toezichthoudende
 * autoriteit' left Doctolib's reader nowhere to go (patient10 review, F15).
 */
function dpoUnreachable(source: PolicyModel['source'], m: Messages): Block[] {
  const where = contactSection(source, m);
  if (!where) return [{ facts: [{ label: m.t('notice:label.contact'), inlines: [text(notStatedLine(m))] }] }];
  // The DPO's part is inside the controller's section: a link there would lead to the top of the section the reader
  // is in (secondread11, F7).
  if (where.href === '#controller') return [{ paragraph: [text(m.t('notice:controller.dpoAskAbove'))] }];
  return [
    { paragraph: linkedIn(m.t('notice:controller.dpoAsk', { section: where.heading }), where.heading, where.href) },
  ];
}

/** Controller, DPO, representative — 13(1)(a)(b). */
function controllerBlocks({ model, source, m }: NoticeContext): Block[] {
  const t = m.t;
  const { controller } = source;
  const facts: Fact[] = [];
  if (controller.address)
    facts.push({ label: t('notice:label.address'), inlines: [text(formatAddress(controller.address, m))] });
  if (controller.kvkNumber) facts.push({ label: t('notice:label.kvk'), inlines: [identifier(controller.kvkNumber)] });
  facts.push(...contactFacts(controller.contact, m));
  if (controller.website)
    facts.push({ label: t('notice:label.website'), inlines: [link(controller.website, controller.website)] });
  // The AVG written out where it is first named, unless the author's introduction above has done so.
  const spelledOut = (pick(source.introduction, m) ?? '')
    .toLowerCase()
    .includes(t('terms:law.gdpr.name').toLowerCase());
  const statement = spelledOut ? 'notice:controller.statement' : 'notice:controller.statementFirst';
  const blocks: Block[] = [{ paragraph: sentence(t(statement, { name: controllerName(controller, m) })) }];
  if (controller.parentCompany) {
    blocks.push({
      paragraph: sentence(
        t('details:controller.parentCompany', {
          name: controllerName(controller, m),
          company: formatEntity(controller.parentCompany, m),
        }),
      ),
    });
  }
  if (facts.length) blocks.push({ facts });
  if (controller.contact?.note) blocks.push({ paragraph: sentence(pick(controller.contact.note, m)) });
  const dpo = dpoBlocks(model, m);
  if (dpo.length) blocks.push({ subsection: { id: 'dpo', heading: t('notice:controller.dpo'), blocks: dpo } });
  if (source.representative) {
    const r = source.representative;
    const repBlocks: Block[] = [{ facts: [{ label: t('notice:label.name'), inlines: [text(r.name)] }] }];
    if (r.address)
      repBlocks.push({ facts: [{ label: t('notice:label.address'), inlines: [text(formatAddress(r.address, m))] }] });
    repBlocks.push(...contactBlocks(r.contact, m));
    blocks.push({
      subsection: {
        id: 'representative',
        heading: t('notice:controller.representative'),
        blocks: joinFacts(repBlocks),
      },
    });
  }
  blocks.push(...otherControllerBlocks(model, m));
  return blocks;
}

/** A list item: the name in bold, then what the author says about it (a capital after a colon is wrong in Dutch, so a full stop). */
function leadIn(name: string, rest: string[]): Inline[] {
  const tail = rest.filter(Boolean).join(' ');
  return [{ text: name, strong: true }, ...(tail ? [text(`. ${tail}`)] : [])];
}

/** Scope, the laws the statement refers to, and the data subjects. */
function scopeBlocks({ source, model, m }: NoticeContext): Block[] {
  const blocks: Block[] = [...rich(source.scope, m)];
  // Not a list that names only the AVG, which every card cites: three phone lines of nothing (notice8 review, finding 14).
  if (source.applicableLaws?.some((l) => l.law !== 'gdpr' || l.article || l.citation)) {
    // A statement of which laws the statement names, never a claim of compliance, never an article it did not give.
    blocks.push(
      { paragraph: sentence(m.t('details:scope.applicableLaws')) },
      { list: source.applicableLaws.map((l) => [text(formatLawReference(l, m))]) },
    );
  }
  const subjects = model.dataSubjects.map((s) => {
    const name = pick(s.name, m);
    const label =
      s.minimumAge === undefined ? name : m.t('details:scope.minimumAge', { group: name, age: s.minimumAge });
    return leadIn(label, [pick(s.description, m)]);
  });
  if (subjects.length) blocks.push({ paragraph: sentence(m.t('notice:scope.subjects')) }, { list: subjects });
  return blocks;
}

/** Categories of personal data — 14(1)(d), 14(2)(f). */
function dataBlocks({ source, model, m }: NoticeContext): Block[] {
  const forClient = source.metadata.careRecipient === 'client';
  // A loop, not a callback made on every call: a warm process keeps a module-level function's optimised code.
  const items: Inline[][] = [];
  for (const c of model.dataCategories) items.push(dataItem(c, m, forClient));
  const count = items.length;
  const blocks: Block[] = count ? [{ paragraph: sentence(m.t('notice:data.intro', { count })) }, { list: items }] : [];
  if (source.collectsSpecialCategories === false)
    blocks.push({ paragraph: sentence(m.t('details:data.noSpecialCategories')) });
  return blocks;
}

/** One data category: its name, notes, description and source. */
function dataItem(c: DataCategory, m: Messages, forClient: boolean): Inline[] {
  const name = pick(c.name, m);
  const label = withNotes(name, categoryNotes(c, name, m, forClient, 'notice:data.criminal'), m);
  // The sentence ends with the locale's full stop, not also with the author's ('… met toestemming..').
  const where = c.source ? lowerArticle(dataSourceWords(c.source, m), m) : '';
  return leadIn(label, [
    endDescription(pick(c.description, m)),
    where ? m.t('notice:data.source', { source: where }) : '',
  ]);
}

/** A lead-in's description as a sentence: nothing for none, and no full stop after a colon or semicolon either. */
const endDescription = (value: string): string => (value && !/[:;]$/.test(value) ? endSentence(value) : value);

/** Processing done as a processor for other controllers — 28, 30(2). */
function processorRoleBlocks({ model, m }: NoticeContext): Block[] {
  if (!model.processorActivities.length) return [];
  return [
    { paragraph: sentence(m.t('details:processorRole.intro')) },
    ...model.processorActivities.map((a): Block => ({
      subsection: { id: `processing-for-${a.id}`, heading: pick(a.name, m), blocks: processorActivityBlocks(a, m) },
    })),
  ];
}

function processorActivityBlocks(a: ProcessorActivity, m: Messages): Block[] {
  const t = m.t;
  const facts: Fact[] = [{ label: t('details:processorRole.controllers'), inlines: [text(pick(a.controllers, m))] }];
  if (a.dataCategories.length)
    facts.push({
      label: t('notice:label.data'),
      inlines: [
        text(
          joinList(
            a.dataCategories.map((c) => pick(c.name, m)),
            m,
          ),
        ),
      ],
    });
  if (a.dataSubjects.length)
    facts.push({
      label: t('notice:label.subjects'),
      inlines: [
        text(
          joinList(
            a.dataSubjects.map((s) => pick(s.name, m)),
            m,
          ),
        ),
      ],
    });
  if (a.subProcessors.length)
    facts.push({
      label: t('notice:label.processors', { count: a.subProcessors.length }),
      inlines: [
        text(
          joinList(
            a.subProcessors.map((x) => nameOf(x.name, m)),
            m,
          ),
        ),
      ],
    });
  if (a.retention.length)
    facts.push({
      label: t('notice:label.retention'),
      inlines: [
        text(
          joinClauses(
            a.retention.map((r) => labelled(pick(r.name, m), retentionPhrase(withoutFalseLegalSource(r), m), m)),
            m,
          ),
        ),
      ],
    });
  return richThenList(a.description, { facts }, 'details:processorRole.factsLead', m);
}

const holdsForClaims = (r: RetentionRule): boolean => r.legalClaimsHold !== undefined;

/** Recipients and processors — 13(1)(e). */
function recipientsBlocks({ source, model, m }: NoticeContext): Block[] {
  const t = m.t;
  const blocks: Block[] = rich(source.sharing, m);
  const general = source.transfers?.mechanisms ?? [];
  if (model.processors.length) {
    blocks.push({
      subsection: {
        id: 'processors',
        heading: t('notice:recipients.processors'),
        blocks: [
          { paragraph: sentence(t('notice:recipients.processorsIntro', { count: model.processors.length })) },
          { table: { ...processorTable(model.processors, general, m), captionHidden: true } },
        ],
      },
    });
  }
  if (model.recipients.length) {
    blocks.push({
      subsection: {
        id: 'other-recipients',
        heading: t('notice:recipients.others'),
        blocks: [{ table: { ...recipientTable(model.recipients, general, m), captionHidden: true } }],
      },
    });
  }
  return blocks;
}

/**
 * Transfers outside the EEA — 13(1)(f). Where the data is stored, unless the statement's own words right
 * below say every place is where the data is stored (iPractice's 'We slaan je gegevens op servers binnen de
 * Europese Unie op' after 'Wij slaan je gegevens op in de Europese Unie'; not 'nooit … buiten de Europese Unie').
 */
function transfersBlocks({ source, model, m }: NoticeContext): Block[] {
  const blocks: Block[] = [];
  const storage = source.transfers?.storageLocations ?? [];
  const statement = pick(source.transfers?.statement, m);
  if (storage.length && !storage.every((c) => mentionsStorageIn(statement, countryName(c, m))))
    blocks.push({
      paragraph: sentence(
        m.t('notice:transfers.storage', {
          locations: joinList(
            storage.map((c) => countryName(c, m)),
            m,
          ),
        }),
      ),
    });
  blocks.push(...rich(source.transfers?.statement, m));
  blocks.push(...generalGroundsBlocks(source.transfers?.mechanisms ?? [], m));
  const processors = model.processors.filter((party) => partyLeavesEea(party));
  const recipients = model.recipients.filter((party) => partyLeavesEea(party));
  const unstated = m.t('notice:transfers.countryNotStated');
  const parties = [...processors, ...recipients].map((party) => [text(transferText(party, m, unstated))]);
  if (parties.length) blocks.push({ paragraph: sentence(partiesIntro(processors, recipients, m)) }, { list: parties });
  return blocks;
}

/**
 * The statement's general transfer grounds. Several are alternatives, none tied to a party (IES: adequacy 'or'
 * clauses 'als er een situatie ontstaat'): 'een van deze waarborgen', not a list that reads as if all apply to
 * each transfer; each item capitalised, as other list items are. A ground the Court of Justice declared invalid
 * (the Privacy Shield, C-311/18) is not among those we rely on, which would contradict itself: the statement
 * names it, and a sentence of its own says so (English review 1, finding 14), in our voice, with the countries in it
 * and the statement's own words after it as ours: 'Deze verklaring noemt ook een waarborg …: EU-VS Privacy Shield
 * (…), voor de Verenigde Staten. EU-VS en Zwitsers-VS Privacy Shield Frameworks.' (Dutch review 3, finding 12).
 */
function generalGroundsBlocks(mechanisms: readonly TransferSource[], m: Messages): Block[] {
  const valid = mechanisms.filter((x) => x.mechanism !== 'privacy-shield' && !isDerogation(x));
  const invalid = mechanisms.filter((x) => x.mechanism === 'privacy-shield');
  return [
    ...(valid.length
      ? [
          { paragraph: sentence(m.t('details:transfers.mechanismsIntro', { count: valid.length })) },
          { list: valid.map((x) => [text(groundItem(transferGroundText(x, m), valid, m))]) },
        ]
      : []),
    ...mechanisms.filter(isDerogation).map((x) => ({ paragraph: sentence(derogationText(x, m)) })),
    ...invalid.map((x) => ({ paragraph: sentence(invalidGroundText(x, m)) })),
  ];
}

/**
 * One ground of the list, capitalised; with a full stop where any ground of the list has a note or a copy, which makes
 * it more than a name: '…(artikel 47 AVG), voor overdrachten aan verwerkers' and '…(artikel 46, lid 2, onder c,
 * AVG), indien nodig' read as fragments without one (patient10 review, F12).
 */
function groundItem(line: string, list: readonly TransferSource[], m: Messages): string {
  const sentences = list.some((x) => pick(x.note, m) || x.copyAvailableAt);
  return sentences ? endSentence(upperFirst(line)) : upperFirst(line);
}

/**
 * An art. 49 derogation, apart from the safeguards and worded as the derogation it is: art. 49(1) applies only where
 * there is neither an adequacy decision nor an appropriate safeguard (art. 46). Doctolib listed it as one of 'deze
 * waarborgen' (patient10 review, F4).
 */
function derogationText(x: TransferSource, m: Messages): string {
  const countries = joinList(
    (x.countries ?? []).map((c) => countryName(c, m)),
    m,
  );
  const line = m.t('details:transfers.derogation', { countries, context: countries ? 'for' : undefined });
  return endSentence(withTransferNote(line, x, m));
}

/**
 * The sentence on a ground no longer valid, then the statement's own words on it (its note, where a copy is); a note
 * that only names the Privacy Shield is left to the register ('Our explanation: EU-US and Swiss-US Privacy Shield
 * Frameworks.' explained nothing; English review 2, finding 12).
 */
function invalidGroundText(x: TransferSource, m: Messages): string {
  const countries = joinList(
    (x.countries ?? []).map((c) => countryName(c, m)),
    m,
  );
  const own = [
    pick(x.note, m),
    x.copyAvailableAt ? m.t('notice:transfers.copy', { where: pick(x.copyAvailableAt, m) }) : '',
  ].filter((words) => words && !privacyShieldNameOnly.test(words));
  const line = m.t('details:transfers.invalidGround', { countries, context: countries ? 'for' : undefined });
  if (!own.length) return line;
  const words = own.map(endSentence).join(' ');
  return `${line} ${m.t('details:transfers.invalidGroundOwn', { words })}`;
}

/**
 * 'Via deze verwerkers gaan gegevens naar buiten de Europese Economische Ruimte:', naming the kind of party
 * the list holds. Not 'zijn gevestigd of slaan gegevens op buiten': a party that names only a transfer
 * ground does not say where it is established or stores.
 */
function partiesIntro(processors: readonly unknown[], recipients: readonly unknown[], m: Messages): string {
  if (processors.length && recipients.length) return m.t('details:transfers.partiesIntro.mixed');
  return processors.length
    ? m.t('details:transfers.partiesIntro.processors', { count: processors.length })
    : m.t('details:transfers.partiesIntro.recipients', { count: recipients.length });
}

/**
 * Retention — 13(2)(a), which every notice must answer. Without rules: that the statement does not say, unless its
 * own text may ('In deze verklaring staat niet …' would contradict it), and at a care provider the law's term for the
 * file (law/retention-minimums.ts), as the law's. Dijklander's notice had no retention section at all, while its
 * erasure right spoke of 'de wettelijke bewaartermijn' (notice8 review, finding 4).
 */
function retentionBlocks({ source, model, m, careProvider }: NoticeContext): Block[] {
  const own = rich(source.retentionStatement, m);
  if (model.retention.length)
    return [
      ...own,
      { paragraph: sentence(m.t(`notice:retention.${retentionIntro(model)}`)) },
      { table: retentionTable(model, m) },
    ];
  return [
    ...(own.length ? own : [{ paragraph: sentence(m.t('notice:retention.notStatedHere')) }]),
    ...(careProvider ? [{ paragraph: sentence(medicalFileLaw(model, m)) }] : []),
  ];
}

/**
 * The retention table's lead. 'Not longer than needed, unless the law requires longer' is a promise no author
 * writes (5(1)(e)); above a rule that ends before a legal minimum (retention/*-too-short) it is false, so the
 * lead then only says what the table holds. Rules that keep some data for legal claims (legalClaimsHold) need
 * the promise to name them, or they contradict it.
 */
function retentionIntro(model: PolicyModel): 'intro' | 'introLegalClaims' | 'introByKind' {
  if (model.retention.some((rule) => endsBeforeLegalMinimum(model, rule))) return 'introByKind';
  return model.retention.some(holdsForClaims) ? 'introLegalClaims' : 'intro';
}

/**
 * Automated decision-making — 13(2)(f): every notice says whether it takes
 * place; when it does, the logic and consequences per purpose. A statement
 * that does not say gets what is true of it — it names no such decisions —
 * and the duty that makes that silence mean something (13(2)(f), 14(2)(g)):
 * not 'this notice does not say whether', which reads as a hidden answer.
 */
function automatedBlocks({ source, model, m }: NoticeContext): Block[] {
  const t = m.t;
  const position = source.automatedDecisionMaking;
  const blocks: Block[] = rich(position?.statement, m);
  const purposes = model.purposes.filter((p) => p.automatedDecision);
  for (const p of purposes) {
    const a = p.automatedDecision!;
    const own: Block[] = [
      {
        facts: [
          { label: t('notice:label.logic'), inlines: [text(pick(a.logic, m))] },
          { label: t('notice:label.significance'), inlines: [text(pick(a.significance, m))] },
        ],
      },
    ];
    if (a.profiling) own.push({ paragraph: sentence(t('notice:automated.profiling')) });
    blocks.push({ subsection: { id: `automated-${p.id}`, heading: pick(p.name, m), blocks: own } });
  }
  if (purposes.length === 0 && blocks.length === 0) {
    blocks.push({
      paragraph: sentence(t(`notice:automated.${automatedPosition(position?.takesPlace)}`)),
    });
  }
  return blocks;
}

const automatedPosition = (takesPlace: boolean | undefined): string =>
  takesPlace === undefined ? 'notStated' : takesPlace ? 'takesPlace' : 'none';

/** An own text in the notice's language that points to a cookie policy elsewhere, not to this notice or to none. */
function pointsToCookiePolicy(own: string, m: Messages): boolean {
  const { pointsElsewhere, notElsewhere } = cookiePolicyPointer[m.lang];
  return pointsElsewhere.test(own) && !notElsewhere.test(own);
}

/** Cookies: whether they are used, the kinds, and where to change consent. */
function cookiesBlocks({ source, m, reachUs: ways }: NoticeContext): Block[] {
  const cookies = source.cookies;
  if (!cookies) return [];
  const blocks: Block[] = rich(cookies.description, m);
  // A description that points to a cookie policy the notice gives no address for, nor the text itself: where to ask
  // for it, or where the notice gives no way to reach us that it does not say, as for an own text's 'onze website'
  // (notice-rights.ts websiteUnnamed; reach-us.ts askUsOrGap).
  const own = pick(cookies.description, m);
  if (!cookies.policyUrl && pointsToCookiePolicy(own, m) && !ownWordsGiveWebsite(ways, own))
    blocks.push({ paragraph: askUsOrGap('notice:cookies.policyAsk', 'notice:cookies.policyUnnamed', source, m) });
  if (!blocks.length)
    blocks.push({ paragraph: sentence(m.t(cookies.used ? 'notice:cookies.used' : 'notice:cookies.notUsed')) });
  const categories = (cookies.categories ?? []).map((c) => cookieCategoryLine(c, m));
  if (categories.length) blocks.push({ paragraph: sentence(m.t('notice:cookies.categories')) }, { list: categories });
  const where = cookieAddresses(cookies, m);
  if (where.length) blocks.push({ paragraph: where });
  return blocks;
}

/**
 * Where the cookie policy is and where consent is changed, as sentences: as label–value lines they were a list
 * right after the kinds of cookies (Dental Clinics), which Markdown joins to that list, and a site's renderer too.
 */
function cookieAddresses(cookies: Cookies, m: Messages): Inline[] {
  const lines: Inline[] = [];
  for (const [url, key] of [
    [cookies.policyUrl, 'notice:cookies.policyAt'],
    [cookies.consentUrl, 'notice:cookies.consentAt'],
  ] as const)
    if (url) {
      const space = lines.length ? ' ' : '';
      lines.push(...inlineIn((slot) => space + m.t(key, { link: slot }), link(url, url)));
    }
  return lines;
}

/** 'Functional cookies: … These cookies cannot be switched off.' */
function cookieCategoryLine(c: CookieCategorySource, m: Messages): Inline[] {
  const parts = [pick(c.description, m)];
  if (c.consentRequired !== undefined) parts.push(m.t(`notice:cookies.consent.${c.consentRequired}`));
  if (c.canBeDisabled !== undefined) parts.push(m.t(`notice:cookies.canBeDisabled.${c.canBeDisabled}`));
  if (c.names) parts.push(m.t('notice:cookies.names', { names: joinList(c.names, m) }));
  const rest = parts.filter(Boolean).join(' ');
  const name: Inline = { text: pick(c.name, m), strong: true };
  return rest ? inlineIn((slot) => labelled(slot, rest, m), name) : [name];
}

/** Security — 32. */
function securityBlocks({ source, m }: NoticeContext): Block[] {
  const description = source.security?.description;
  const measures = (source.security?.measures ?? []).map((x) => [text(pick(x, m))]);
  const blocks: Block[] = measures.length
    ? richThenList(description, { list: measures }, 'notice:security.measuresLead', m)
    : rich(description, m);
  if (source.security?.standards?.length)
    blocks.push({
      paragraph: sentence(m.t('notice:security.standards', { standards: joinList(source.security.standards, m) })),
    });
  return blocks;
}

/** Changes — 13(3). */
function changesBlocks({ source, m }: NoticeContext): Block[] {
  const blocks: Block[] = rich(source.changes?.statement, m);
  // Not where a sentence of the statement gives the period as advance notice (Doctolib: 'ten minste vijftien
  // (15) dagen vóór de ingangsdatum … op de hoogte'), not where it mentions 15 days for another reason.
  const period = source.changes?.noticePeriod;
  const statement = pick(source.changes?.statement, m);
  const said =
    period && [formatDuration, formatDurationInText].some((f) => mentionsNoticePeriod(statement, f(period, m)));
  if (period && !said)
    blocks.push({
      paragraph: sentence(m.t('notice:changes.noticePeriod', { period: formatDurationInText(period, m) })),
    });
  const history = (source.metadata.history ?? []).map((h) => [
    text(
      m.t('notice:changes.historyItem', {
        date: formatDate(h.date, m),
        version: h.version,
        summary: pick(h.summary, m),
      }),
    ),
  ]);
  if (history.length) blocks.push({ paragraph: sentence(m.t('notice:changes.history')) }, { list: history });
  return blocks;
}

/** General questions. */
function contactSectionBlocks({ source, m }: NoticeContext): Block[] {
  if (!source.contact) return [];
  const key = otherAddressAbove(source) ? 'notice:contact.introOther' : 'notice:contact.intro';
  return [{ paragraph: sentence(m.t(key)) }, ...contactBlocks(source.contact, m)];
}

/**
 * Whether the notice gives another address above (the controller's, the DPO's, for the rights): then this
 * one is 'for other questions', not 'for questions about this notice' — iPractice's team@ read as a second
 * address for questions about the notice beside privacy@ (English review, finding 13).
 */
function otherAddressAbove(source: NoticeContext['source']): boolean {
  const own = source.contact?.email?.toLowerCase();
  return [source.controller.contact, source.dpo?.contact, source.rights?.contact].some(
    (c) => c?.email !== undefined && c.email.toLowerCase() !== own,
  );
}

/**
 * After 'Bron:' the author's text in lower case where it opens with an article or pronoun before a plain word ('Het
 * telefoonboek van de Gebruiker'): 'Bron: Het telefoonboek' (notice8 review, finding 14). Not before a name ('De
 * Nederlandsche Bank'), nor any other first word, which may be a name itself. The notice only: the register keeps the
 * author's words as written.
 */
function lowerArticle(words: string, m: Messages): string {
  return words.replace(plainOpening[m.lang] ?? /$^/, (article) => article.toLowerCase());
}

const plainOpening: Partial<Record<string, RegExp>> = {
  nl: /^(?:Het|De|Een|Uw|Je|Jouw|Ons|Onze|Deze|Dit|Die)(?= \p{Ll})/u,
  en: /^(?:The|A|An|Your|Our|This|These)(?= \p{Ll})/u,
};
