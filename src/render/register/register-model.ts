import type { Messages } from '../../i18n/messages.js';
import { partyLeavesEea } from '../../law/eea.js';
import type { Contact } from '../../policy/policy-types.js';
import type { LocalisedText } from '../../i18n/text-in.js';
import type {
  DataCategory,
  OtherController,
  PolicyModel,
  Processor,
  ProcessorActivity,
  Purpose,
  Recipient,
  RetentionRule,
} from '../../resolve/model.js';
import { retentionPhrase } from '../retention-phrase.js';
import { registerVersionKeys, versionLine } from '../version-line.js';
import { isCareProvider } from '../../law/care-provider.js';
import {
  controllerName,
  countryName,
  formatAddress,
  formatDate,
  joinList,
  nameOf,
  pick,
  upperFirst,
} from '../format.js';
import {
  notStatedText,
  purposeLawfulness,
  specialCategoryNote,
  specialConditionText,
  transferGroundText,
  transferText,
} from '../legal-text.js';
import { markdownToPlainText } from './plain-text.js';

/**
 * The record of processing activities (GDPR art. 30) for one language, free
 * of any file format: tables of labelled cells that the CSV, XLSX, HTML and
 * Markdown renderers all draw from, so that the four can never disagree.
 */
export interface Register {
  lang: Messages['lang'];
  title: string;
  /** 'Versie 2025-02-05, geldig vanaf 5 februari 2025'. */
  versionLine: string;
  /** The date stamped into the workbook (ISO): the policy's effective date, else its last change, else the zip epoch. Never the clock. */
  date: string;
  /** What a blank cell shows where a blank is hard to read (HTML, Markdown). */
  empty: string;
  /** Leads the columns that no row of a record fills, which the HTML page names once instead of a blank per row. */
  noneStated: string;
  organisation: RegisterFacts;
  /** The controller's record (30(1)) first, then the processor's (30(2)) when it has one. */
  tables: RegisterTable[];
}

export interface RegisterFacts {
  caption: string;
  sheetName: string;
  /** Column headers where the facts are laid out as a table: label, value. */
  head: [string, string];
  facts: Array<{ label: string; value: string }>;
}

export type RegisterKind = 'controller' | 'processor';

export interface RegisterColumn {
  key: string;
  header: string;
  /** Suggested width in characters, for spreadsheets. */
  width: number;
  /** The same in every row (controller, representative, DPO, security): a page states it once, for the organisation. */
  organisationWide?: true;
  /** A blank cell is a gap (reported by `check`), not "none": pages leave it out rather than show "—". */
  omitWhenEmpty?: true;
}

/** One cell: its values in order; an empty list is a blank cell. Renderers join multiple values in their own way. */
export type RegisterCell = readonly string[];

export interface RegisterTable {
  kind: RegisterKind;
  caption: string;
  /** Worksheet name: at most 31 characters, none of []:*?/\ (Excel's limits). */
  sheetName: string;
  /** File name stem for formats that hold one table per file (CSV). */
  fileStem: string;
  columns: RegisterColumn[];
  /** The column whose cell names its row (the activity), for row headers. */
  rowHeader: number;
  rows: RegisterCell[][];
}

/** A column: its key (header from `register:column.<key>`), width, and how a row fills it. */
interface ColumnSpec<Row> {
  key: string;
  width: number;
  /** The column that names the row. */
  names?: true;
  /** The same in every row and among the organisation's facts. */
  organisationWide?: true;
  /** A blank is a gap `check` reports, not "none": a page leaves the line out rather than show "—". */
  omitWhenEmpty?: true;
  cell(row: Row, ctx: CellContext): RegisterCell;
}

interface CellContext {
  model: PolicyModel;
  m: Messages;
  /** The security measures, the same in every row: worked out once. */
  security: RegisterCell;
  /** The policy-wide transfer grounds (transfers.mechanisms), in the notice's words: worked out once. */
  safeguards: readonly string[];
}

const one = (value: string | undefined): RegisterCell => (value ? [value] : []);

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").

/** Each item's line in the message language. */
function linesOf<T, Line>(items: readonly T[], m: Messages, line: (item: T, m: Messages) => Line): Line[] {
  const lines: Line[] = [];
  for (const item of items) lines.push(line(item, m));
  return lines;
}
const nameLine = (item: { name: LocalisedText }, m: Messages): string => pick(item.name, m);

/** 'Naam, adres, e-mail …' of the controller, representative or DPO — art. 30(1)(a) and 30(2)(a). */
function partyLines(
  name: string | undefined,
  address: Contact['address'],
  contact: Contact | undefined,
  m: Messages,
): string[] {
  const lines: string[] = [];
  if (name) lines.push(name);
  const where = address ?? contact?.address;
  if (where) lines.push(formatAddress(where, m));
  if (contact?.email) lines.push(contact.email);
  if (contact?.phone) lines.push(contact.phone);
  if (contact?.url) lines.push(contact.url);
  return lines;
}

const controllerCell = ({ model, m }: CellContext): RegisterCell => {
  const c = model.source.controller;
  return partyLines(controllerName(c, m), c.address, c.contact, m);
};
const representativeCell = ({ model, m }: CellContext): RegisterCell => {
  const r = model.source.representative;
  return r ? partyLines(r.name, r.address, r.contact, m) : [];
};
const dpoCell = ({ model, m }: CellContext): RegisterCell => {
  const d = model.source.dpo;
  if (!d) return [];
  const lines = partyLines(d.name, undefined, d.contact, m);
  // A DPO the policy mentions without any details is still a DPO.
  return lines.length ? lines : [m.t('register:cell.dpoWithoutDetails')];
};

/** Another controller's name and contact details (art. 30(1)(a): 'and, where applicable, the joint controller'). */
function otherControllerLines(c: OtherController, m: Messages): string[] {
  return partyLines(c.name, c.address, c.contact, m);
}

function categoryLine(c: DataCategory, m: Messages): string {
  const notes: string[] = [];
  const name = pick(c.name, m);
  if (c.special) notes.push(specialCategoryNote(c.special, name, m, 'register:cell'));
  if (c.criminal) notes.push(m.t('register:cell.criminal'));
  if (c.nationalIdentifier) notes.push(m.t('register:cell.nationalIdentifier'));
  return notes.length ? `${name} (${notes.join('; ')})` : name;
}

function recipientLine(r: Recipient, m: Messages): string {
  const details = [m.t(`terms:recipientType.${r.type}`), ...(r.country ? [countryName(r.country, m)] : [])];
  return `${pick(r.name, m)} (${details.join(', ')})`;
}

function processorLine(p: Processor, m: Messages): string {
  const service = pick(p.service, m);
  const where = p.country ? ` (${countryName(p.country, m)})` : '';
  const name = nameOf(p.name, m);
  return service ? `${name}${where}: ${service}` : `${name}${where}`;
}

/** 'Rule (categories it covers): period. Note' — the categories are named unless the rule is named after its one category. */
function retentionLine(r: RetentionRule, m: Messages): string {
  const name = pick(r.name, m);
  const categories = linesOf(r.categories, m, nameLine);
  const covers =
    categories.length && !(categories.length === 1 && categories[0] === name) ? ` (${categories.join(', ')})` : '';
  return `${name}${covers}: ${retentionPhrase(r, m)}${r.note ? `. ${pick(r.note, m)}` : ''}`;
}

function transfersCell(parties: ReadonlyArray<Processor | Recipient>, m: Messages): string[] {
  return linesOf(parties.filter(partyLeavesEea), m, transferText);
}

/**
 * An activity's transfers outside the EEA, each with its own ground (30(1)(e),
 * 30(2)(c)); when one names no ground of its own, the policy-wide grounds
 * follow, one line each, labelled as the policy's (a CSV row stands alone).
 */
function activityTransfersCell(
  parties: ReadonlyArray<Processor | Recipient>,
  { m, safeguards }: CellContext,
): RegisterCell {
  const lines = transfersCell(parties, m);
  if (safeguards.length && parties.some(leavesWithoutOwnGround))
    for (const safeguard of safeguards) lines.push(m.t('register:cell.policySafeguard', { safeguard }));
  return lines;
}

const leavesWithoutOwnGround = (party: Processor | Recipient): boolean => !party.transfer && partyLeavesEea(party);

/** The policy-wide transfer grounds, each as the notice lists it (countries, note, where to get a copy). */
function safeguardLines(model: PolicyModel, m: Messages): string[] {
  return linesOf(model.source.transfers?.mechanisms ?? [], m, transferGroundText);
}

/**
 * The purposes (30(1)(b)): the register's own description; without one, the
 * purpose as the privacy notice states it — its name and description — marked
 * as the notice's wording (`check` warns that the register description is missing).
 */
function purposeCell(p: Purpose, m: Messages): RegisterCell {
  const own = pick(p.registerDescription, m);
  if (own) return [own];
  const name = pick(p.name, m);
  const description = pick(p.description, m);
  const purpose = description ? `${name}: ${markdownToPlainText(description)}` : name;
  return [m.t('register:cell.purposeFromNotice', { purpose })];
}

/**
 * The art. 9(2) exception; for special data with none named, 'niet vermeld' as
 * the basis column says it — a blank would read as 'not applicable'.
 */
function specialConditionCell(p: Purpose, m: Messages): RegisterCell {
  if (p.specialCategoryCondition) return [specialConditionText(p.specialCategoryCondition, m)];
  return p.usesSpecialData ? [m.t('register:cell.notStated')] : [];
}

/** The general description of technical and organisational measures, art. 30(1)(g) and 32(1). */
function securityCell(model: PolicyModel, m: Messages): RegisterCell {
  const s = model.source.security;
  if (!s) return [];
  const measures = linesOf(s.measures ?? [], m, pick);
  const description = pick(s.description, m);
  const lines = measures.length ? measures : description ? [markdownToPlainText(description)] : [];
  if (s.standards?.length) lines.push(m.t('register:cell.standards', { standards: joinList(s.standards, m) }));
  return lines;
}

/** Art. 30(1): one row per processing activity, i.e. per purpose. Column order is stable: (a) to (g), then the Dutch practice additions. */
const controllerColumns: ReadonlyArray<ColumnSpec<Purpose>> = [
  { key: 'id', width: 16, cell: (p) => [p.id] },
  { key: 'activity', width: 28, names: true, cell: (p, { m }) => [pick(p.name, m)] },
  // The organisation's own controller and DPO are stated once on a page; a purpose with a controller of its own (schema: purposes[].controller) shows it in its block.
  {
    key: 'controller',
    width: 28,
    organisationWide: true,
    cell: (p, ctx) => (p.controller ? otherControllerLines(p.controller, ctx.m) : controllerCell(ctx)),
  },
  {
    key: 'jointControllers',
    width: 28,
    omitWhenEmpty: true,
    cell: (p, { m }) => linesOf(p.jointControllers, m, otherControllerLines).flat(),
  },
  { key: 'representative', width: 22, organisationWide: true, cell: (_, ctx) => representativeCell(ctx) },
  {
    key: 'dpo',
    width: 24,
    organisationWide: true,
    cell: (p, ctx) =>
      p.controller?.dpo ? partyLines(p.controller.dpo.name, undefined, p.controller.dpo.contact, ctx.m) : dpoCell(ctx),
  },
  { key: 'purpose', width: 48, cell: (p, { m }) => purposeCell(p, m) },
  { key: 'legalBasis', width: 40, cell: (p, { m }) => legalBasisCell(p, m) },
  { key: 'specialCondition', width: 40, cell: (p, { m }) => specialConditionCell(p, m) },
  { key: 'dataSubjects', width: 28, cell: (p, { m }) => linesOf(p.dataSubjects, m, nameLine) },
  { key: 'dataCategories', width: 40, cell: (p, { m }) => linesOf(p.dataCategories, m, categoryLine) },
  { key: 'recipients', width: 32, cell: (p, { m }) => linesOf(p.recipients, m, recipientLine) },
  { key: 'processors', width: 36, cell: (p, { m }) => linesOf(p.processors, m, processorLine) },
  { key: 'transfers', width: 40, cell: (p, ctx) => activityTransfersCell([...p.processors, ...p.recipients], ctx) },
  { key: 'retention', width: 48, cell: (p, { m }) => linesOf(p.retention, m, retentionLine) },
  { key: 'security', width: 40, organisationWide: true, cell: (_, ctx) => ctx.security },
  { key: 'systems', width: 24, cell: (p) => p.systems ?? [] },
];

/** The art. 6 basis (each of them, for a purpose with several), with the law behind a legal obligation and the interest behind legitimate interests. */
function legalBasisCell(p: Purpose, m: Messages): RegisterCell {
  const l = purposeLawfulness(p, m);
  const lines = [...l.bases];
  if (l.inWords !== undefined) lines.push(m.t('statements:register.legalBasisStatement', { text: l.inWords }));
  // No basis given (a public task's law alone names none): said in the row, with what the author explained, as the notice does.
  if (!lines.length) lines.push(notStatedText('register:cell.notStated', l.explanation, m));
  if (l.publicTask) lines.push(m.t('statements:register.publicTask', { law: l.publicTask }));
  if (l.legalObligation) lines.push(m.t('register:cell.legalObligation', { law: l.legalObligation }));
  if (l.legitimateInterest) lines.push(m.t('register:cell.legitimateInterest', { interest: l.legitimateInterest }));
  return lines;
}

/** Art. 30(2): one row per kind of processing done for other controllers. */
const processorColumns: ReadonlyArray<ColumnSpec<ProcessorActivity>> = [
  { key: 'id', width: 16, cell: (a) => [a.id] },
  {
    key: 'processing',
    width: 36,
    names: true,
    cell: (a, { m }) => [
      pick(a.name, m),
      ...one(pick(a.description, m) && markdownToPlainText(pick(a.description, m))),
    ],
  },
  { key: 'processor', width: 28, organisationWide: true, cell: (_, ctx) => controllerCell(ctx) },
  { key: 'representative', width: 22, organisationWide: true, cell: (_, ctx) => representativeCell(ctx) },
  { key: 'dpo', width: 24, organisationWide: true, cell: (_, ctx) => dpoCell(ctx) },
  { key: 'controllers', width: 36, cell: (a, { m }) => one(pick(a.controllers, m)) },
  { key: 'dataSubjects', width: 28, cell: (a, { m }) => linesOf(a.dataSubjects, m, nameLine) },
  { key: 'dataCategories', width: 40, cell: (a, { m }) => linesOf(a.dataCategories, m, categoryLine) },
  { key: 'subProcessors', width: 36, cell: (a, { m }) => linesOf(a.subProcessors, m, processorLine) },
  { key: 'transfers', width: 40, cell: (a, ctx) => activityTransfersCell(a.subProcessors, ctx) },
  { key: 'retention', width: 48, cell: (a, { m }) => linesOf(a.retention, m, retentionLine) },
  { key: 'security', width: 40, organisationWide: true, cell: (_, ctx) => ctx.security },
];

function table<Row>(
  kind: RegisterKind,
  specs: ReadonlyArray<ColumnSpec<Row>>,
  rows: readonly Row[],
  ctx: CellContext,
): RegisterTable {
  const t = ctx.m.t;
  return {
    kind,
    caption: t(`register:table.${kind}.caption`),
    sheetName: t(`register:table.${kind}.sheet`),
    fileStem: kind === 'controller' ? 'register' : 'register-processor',
    columns: columns(specs, ctx.m),
    rowHeader: Math.max(0, specs.findIndex(namesRow)),
    rows: cells(specs, rows, ctx),
  };
}

/**
 * A column at least as wide as its header's longest word and a cell's margin: 'Gezamenlijke
 * verwerkingsverantwoordelijken' in 28 characters printed 'verwerkingsverantwoordelijke' and a lone 'n'
 * below it (LibreOffice; register review, 2026-12-06).
 */
function columnWidth(width: number, header: string): number {
  let longest = 0;
  for (const word of header.split(' ')) longest = Math.max(longest, word.length);
  return Math.max(width, longest + CELL_MARGIN);
}

/** Characters of a column's width that a cell's padding takes (register-xlsx counts a line as width - 2). */
const CELL_MARGIN = 2;

function columns(specs: ReadonlyArray<Omit<ColumnSpec<never>, 'cell'>>, m: Messages): RegisterColumn[] {
  const columns: RegisterColumn[] = [];
  for (const s of specs) {
    const header = m.t(`register:column.${s.key}`);
    columns.push({
      key: s.key,
      header,
      width: columnWidth(s.width, header),
      ...(s.organisationWide ? { organisationWide: true as const } : {}),
      ...(s.omitWhenEmpty ? { omitWhenEmpty: true as const } : {}),
    });
  }
  return columns;
}

const namesRow = (s: { names?: true }): boolean => s.names === true;

/** Each row's cells, column by column. */
function cells<Row>(specs: ReadonlyArray<ColumnSpec<Row>>, rows: readonly Row[], ctx: CellContext): RegisterCell[][] {
  const table: RegisterCell[][] = [];
  for (const row of rows) {
    const cells: RegisterCell[] = [];
    for (const spec of specs) cells.push(spec.cell(row, ctx));
    table.push(cells);
  }
  return table;
}

function organisationFacts(ctx: CellContext): RegisterFacts {
  const { model, m } = ctx;
  const { source } = model;
  const t = m.t;
  const facts: RegisterFacts['facts'] = [];
  const add = (key: string, value: string | undefined): void => {
    if (value) facts.push({ label: t(`register:organisation.${key}`), value });
  };
  add('name', controllerName(source.controller, m));
  add('shortName', source.controller.shortName);
  add('kvk', source.controller.kvkNumber);
  add('address', source.controller.address && formatAddress(source.controller.address, m));
  add('email', source.controller.contact?.email);
  add('phone', source.controller.contact?.phone);
  add('website', source.controller.website ?? source.controller.contact?.url);
  add('careProvider', isCareProvider(source) ? t('register:organisation.yes') : undefined);
  if (source.controller.publicAuthority)
    facts.push({ label: t('statements:register.publicAuthority'), value: t('register:organisation.yes') });
  const arrangement = pick(source.jointArrangement, m);
  if (arrangement) facts.push({ label: t('statements:register.arrangement'), value: markdownToPlainText(arrangement) });
  add('dpo', dpoCell(ctx).join(', '));
  add('representative', representativeCell(ctx).join(', '));
  add(
    'storage',
    joinList(
      (source.transfers?.storageLocations ?? []).map((c) => countryName(c, m)),
      m,
    ),
  );
  add('security', ctx.security.join('\n'));
  // Rules no processing activity refers to still belong in the record (30(1)(f)).
  const used = new Set([...model.purposes, ...model.processorActivities].flatMap((x) => x.retention));
  add(
    'otherRetention',
    model.retention
      .filter((r) => !used.has(r))
      .map((r) => endSentence(retentionLine(r, m)))
      .join('\n'),
  );
  addUnlinkedParties(ctx, add);
  // The policy-wide transfer grounds (30(1)(e)), beside the transfers they cover.
  add('transferSafeguards', ctx.safeguards.map(factSentence).join('\n'));
  add('version', source.metadata.version);
  add('effectiveDate', source.metadata.effectiveDate && formatDate(source.metadata.effectiveDate, m));
  const published = source.metadata.source;
  add('source', published && [published.title, published.url].filter(Boolean).join(', '));
  return {
    caption: t('register:organisation.caption'),
    sheetName: t('register:organisation.sheet'),
    head: [t('register:organisation.label'), t('register:organisation.value')],
    facts,
  };
}

/**
 * Processors and recipients that no activity names (a statement may list them
 * for the whole organisation) still belong in the record (30(1)(d) and (e)):
 * among the organisation's facts, with their transfers outside the EEA.
 */
function addUnlinkedParties(ctx: CellContext, add: (key: string, value: string | undefined) => void): void {
  const { model, m } = ctx;
  const used = new Set<Processor | Recipient>([
    ...model.purposes.flatMap((p) => [...p.processors, ...p.recipients]),
    ...model.processorActivities.flatMap((a) => a.subProcessors),
  ]);
  const processors = model.processors.filter((p) => !used.has(p));
  const recipients = model.recipients.filter((r) => !used.has(r));
  const lines = (values: readonly string[]): string => values.map(endSentence).join('\n');
  add('otherProcessors', lines(linesOf(processors, m, processorLine)));
  add('otherRecipients', lines(linesOf(recipients, m, recipientLine)));
  add('otherTransfers', lines(transfersCell([...processors, ...recipients], m)));
}

/**
 * The date stamped into the workbook when the policy has none: the zip
 * format's own epoch, as reproducible builds use — never the clock.
 */
const UNDATED = '1980-01-01';

const endSentence = (line: string): string => (/[.!?]$/.test(line) ? line : `${line}.`);
/** A line of its own among the facts: a capital and a full stop ('standaardbepalingen …' as a list item in the notice). */
const factSentence = (line: string): string => endSentence(upperFirst(line));

/** The register in one language. */
export function buildRegister(model: PolicyModel, m: Messages): Register {
  const ctx: CellContext = { model, m, security: securityCell(model, m), safeguards: safeguardLines(model, m) };
  const tables = [table('controller', controllerColumns, model.purposes, ctx)];
  if (model.processorActivities.length)
    tables.push(table('processor', processorColumns, model.processorActivities, ctx));
  const { metadata, controller } = model.source;
  return {
    lang: m.lang,
    title: m.t('register:title', { name: controllerName(controller, m) }),
    // Where the register comes from: the policy's version and date, whichever it states.
    versionLine: versionLine(metadata, m, registerVersionKeys),
    date: metadata.effectiveDate ?? metadata.lastModified ?? UNDATED,
    empty: m.t('register:empty'),
    noneStated: m.t('register:noneStated'),
    organisation: organisationFacts(ctx),
    tables,
  };
}
