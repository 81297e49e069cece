import { messagesOf, type Language, type Messages } from '../../i18n/messages.js';
import { isInEea, partyCountries, partyLeavesEea } from '../../law/eea.js';
import type {
  PolicyModel,
  Processor,
  ProcessorActivity,
  Purpose,
  Recipient,
  RetentionRule,
} from '../../resolve/model.js';
import type { Dpo } from '../../policy/policy-types.js';
import { registerVersionKeys, versionLine } from '../version-line.js';
import { isCareProvider } from '../../law/care-provider.js';
import { dpoLikelyMandatory, dpoMandatoryForSector, retentionNaming } from '../../policy/policy-facts.js';
import {
  appendSentence,
  controllerName,
  countryName,
  endSentence,
  formatAddress,
  formatDate,
  isMonth,
  joinClauses,
  joinList,
  joinParts,
  labelled,
  pick,
  upperFirst,
} from '../format.js';
import {
  basisPartText,
  legalBasisText,
  notStatedText,
  purposeLawfulness,
  specialConditionText,
  transferGroundText,
} from '../legal-text.js';
import { markdownToPlainText } from './plain-text.js';
import { registerAssessments, type RegisterAssessments } from './register-assessments.js';
import { registerWithoutActivity, type RegisterWithoutActivity } from './register-without-activity.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  categoryLine,
  jointControllerLines,
  linesOf,
  nameLine,
  otherControllerLines,
  statedDpoLines,
  partyLines,
  processorLine,
  recipientLine,
  retentionLineOf,
  retentionLinesOf,
  transfersCell,
} from './register-lines.js';

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
  /** The date stamped into the workbook (ISO): the policy's effective date, else its last change, else none. Never the clock. */
  date?: string;
  /**
   * What a cell the policy leaves blank says: 'Niet vermeld' (a required one in the model; any other where it is
   * shown). A cell is a value of its own in every format, so each phrase the register writes starts it with a
   * capital (secondread9 N6); 'niet vermeld' inside a line is register:cell.notStatedInline.
   */
  notStated: string;
  /** Leads the columns that no row of a record fills, which the HTML and Markdown pages name once instead of a blank per row. */
  noneStated: string;
  organisation: RegisterFacts;
  /** The controller's record (30(1)) first, then the processor's (30(2)) when it has one. */
  tables: RegisterTable[];
  /** What the notice names that no activity processes, shown as a gap; absent when it names none (officer8 R2). */
  withoutActivity?: RegisterWithoutActivity;
  /** The check's findings the organisation accepted, with its reasons; absent when it accepted none. */
  assessments?: RegisterAssessments;
}

export interface RegisterFacts {
  caption: string;
  sheetName: string;
  /** Column headers where the facts are laid out as a table: label, value. */
  head: [string, string];
  /**
   * The label of the register's version line where it is a row among the facts (the workbook): 'Herkomst van dit
   * register' — the line names the privacy statement and its version and dates, not the register's own: 'Stand van
   * dit register' read as the register's date (officer8 R3). The register stamps no date of its own (no clock).
   */
  versionLabel: string;
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
  /**
   * What the organisation's details state for an organisationWide column (its own controller, DPO, representative,
   * security): a row that holds just this need not repeat it; one that holds another (a purpose under another
   * controller) does (statedOnce).
   */
  stated?: RegisterCell;
  /**
   * The key of the column whose party this one's belongs to (the DPO and the representative, the controller's):
   * stated once only where that column is — 'niet vermeld' for a head office's DPO is not the organisation's
   * 'niet vermeld'.
   */
  of?: string;
  /**
   * A blank cell is no gap to list: an element the policy states only where it applies (joint controllers) or one
   * art. 30 does not ask for (a processor's retention, 30(2)). Pages leave the line out rather than show "—" or name
   * the column among those 'not stated for any activity' (officer3 finding 7).
   */
  omitWhenEmpty?: true;
  /** Art. 30 asks for it: a row that states nothing says 'niet vermeld' (a blank or '—' would read as 'none'). */
  required?: true;
  /**
   * An identifier the author chose (a purpose's id: 'treatment', in whatever language the author wrote it):
   * a key for tools in the data formats (CSV, the workbook's cells), left off what a person reads (the HTML
   * and Markdown pages, the printed workbook) — it is no register term and has no Dutch or English.
   */
  identifier?: true;
  /**
   * What the organisation states for this column beyond its activities (stated for the whole
   * organisation, or for no activity), one line each: a file of its own carries them in every row
   * (standaloneTable). Absent when it states nothing.
   */
  organisationEntries?: readonly string[];
  /** A row that states nothing in this column says 'Voor deze activiteit niet vermeld' before pointing to organisationEntries. */
  notStatedFirst?: true;
  /**
   * What a row that states nothing in this column shows, with organisationEntries: 'zie Organisatie:
   * Overige verwerkers' — this very cell in each such row, which standaloneTable tells from a row's own values.
   */
  pointer?: RegisterCell;
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
  /** Each row's cells; a blank cell for which the organisation states something points to it (its column's `pointer`). */
  rows: RegisterCell[][];
}

/**
 * A register table as a file of its own reads it (the CSV, which a privacy-management tool imports
 * without the organisation's details): its header row, then each row with the entries stated for
 * the whole organisation that belong in its columns, each marked so, instead of a pointer; the
 * policy's version and dates as the last columns.
 */
export interface StandaloneTable {
  headers: string[];
  rows: RegisterCell[][];
}

/** A column: its key (header from `register:column.<key>`), width, and how a row fills it. */
interface ColumnSpec<Row> {
  key: string;
  width: number;
  /** The column that names the row. */
  names?: true;
  /** The same in every row and among the organisation's facts: what those facts state for it. */
  organisationWide?: (ctx: CellContext) => RegisterCell;
  /** The column whose party this one's belongs to (RegisterColumn.of). */
  of?: string;
  /** A blank is no gap to list (RegisterColumn.omitWhenEmpty). */
  omitWhenEmpty?: true;
  /** An author's identifier: in the data formats only (RegisterColumn.identifier). */
  identifier?: true;
  /**
   * Art. 30 asks for it (30(1)(c)–(g); (f) and (g) 'where possible', which a policy that states nothing has not
   * shown to be impossible): a blank cell says 'niet vermeld' ('—' would read as 'none').
   */
  required?: true;
  /** What the organisation states for this column beyond the activities (facts by key): a blank row points to it. */
  organisation?: readonly OrganisationEntryKey[];
  /**
   * The organisation's entries for this column hold for every activity (its statement on transfers, where data
   * is stored): a required cell's pointer alone answers. Otherwise (a general statement on sharing, recipients no
   * activity names) the pointer follows 'niet vermeld': the entries need not be this activity's (register5 finding 3).
   */
  entriesAnswer?: true;
  cell(row: Row, ctx: CellContext): RegisterCell;
}

/** The organisation's entries that belong in an activity column: stated for the whole organisation, or for no activity. */
type OrganisationEntryKey =
  | 'storage'
  | 'sharing'
  | 'transferStatement'
  | 'otherRetention'
  | 'otherProcessors'
  | 'otherRecipients'
  | 'otherTransfers'
  | 'transferSafeguards';

interface CellContext {
  model: PolicyModel;
  m: Messages;
  /** The security measures, the same in every row: worked out once. */
  security: RegisterCell;
  /** The policy-wide transfer grounds (transfers.mechanisms), in the notice's words: worked out once. */
  safeguards: readonly string[];
  /** The organisation's entries by key, one line each (not yet sentences): worked out once. */
  entries: ReadonlyMap<OrganisationEntryKey, readonly string[]>;
}

const one = (value: string | undefined): RegisterCell => (value ? [value] : []);

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").

const controllerCell = ({ model, m }: CellContext): RegisterCell => {
  const c = model.source.controller;
  return partyLines(controllerName(c, m), c.address, c.contact, m);
};
const representativeCell = ({ model, m }: CellContext): RegisterCell => {
  const r = model.source.representative;
  return r ? partyLines(r.name, r.address, r.contact, m) : [];
};
/**
 * The organisation's DPO. None named where one is likely mandatory (a care provider with health data, 37(1)(c)):
 * not stated, not '—'.
 */
const dpoCell = ({ model, m }: CellContext): RegisterCell =>
  dpoLines(model.source.dpo, dpoLikelyMandatory(model) || dpoMandatoryForSector(model), m);

/**
 * The DPO of a purpose's controller: the organisation's for its own purposes; for a purpose under another
 * controller, that controller's as the policy states it, else 'niet vermeld' — the organisation's DPO is its
 * own controller's, not the other's (the policy has no way to say it is shared), and a blank read as 'this
 * controller has no DPO' (officer3 finding 1: Bernhoven's head office '—', Dental's Utrecht B.V. the parent's DPO).
 */
const purposeDpoCell = (p: Purpose, ctx: CellContext): RegisterCell =>
  p.controller ? dpoLines(p.controller.dpo, true, ctx.m) : dpoCell(ctx);

/** A DPO as the policy states it (statedDpoLines); none stated says 'niet vermeld' where `missing` (else a blank). */
const dpoLines = (dpo: Dpo | undefined, missing: boolean, m: Messages): RegisterCell =>
  dpo ? statedDpoLines(dpo, m) : missing ? [m.t('register:cell.notStated')] : [];

/**
 * The representative in the Union (art. 27) of a purpose's controller: the organisation's for its own purposes. For a
 * purpose under another controller, not the organisation's, which is its own controller's (the policy has no way to
 * state the other's): 'niet vermeld' where the organisation names one, as a blank beside its representative in the
 * other rows would read as 'none'; blank, as in every row, where it names none. As for the DPO (purposeDpoCell).
 */
function purposeRepresentativeCell(p: Purpose, ctx: CellContext): RegisterCell {
  const own = representativeCell(ctx);
  return p.controller && own.length ? [ctx.m.t('register:cell.notStated')] : own;
}

const statedSecurity = ({ security }: CellContext): RegisterCell => security;

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

/**
 * A purpose's transfers (activityTransfersCell); with none, 'Geen doorgifte buiten de EER (alle ontvangers en
 * verwerkers van deze activiteit: Nederland)' when the data shows it: it has parties, each names where it is and
 * every place is in the EEA, each processor names its servers' countries (where a processor is established does not
 * say where it processes; servers given only in words cannot be read), the data is stored in the EEA (where
 * stated), and the organisation states no transfer statement, ground or party outside the EEA elsewhere. Else
 * blank, which says 'niet vermeld' (register5 finding 11).
 */
function purposeTransfersCell(
  processors: readonly Processor[],
  recipients: readonly Recipient[],
  ctx: CellContext,
): RegisterCell {
  const parties = [...processors, ...recipients];
  const lines = activityTransfersCell(parties, ctx);
  if (!processors.every(serversKnown)) return lines;
  if (lines.length || !parties.length || !statesNoTransferElsewhere(ctx)) return lines;
  const countries: string[] = [];
  for (const party of parties) {
    const places = partyCountries(party);
    if (!places.length) return lines;
    for (const c of places) if (!countries.includes(c)) countries.push(c);
  }
  const names = countries.map((c) => countryName(c, ctx.m, true));
  return [ctx.m.t('register:cell.noTransfer', { countries: joinList(names, ctx.m) })];
}

/** A processor's servers given as countries: where it is established does not say where it processes. */
const serversKnown = (p: Processor): boolean => !!p.serverLocations?.length && !p.serverLocationsText;

/** No transfer statement, policy-wide ground or unassigned party outside the EEA, and storage (where stated) in the EEA. */
function statesNoTransferElsewhere({ model, entries }: CellContext): boolean {
  const transfers = model.source.transfers;
  return (
    !transfers?.statement &&
    !transfers?.mechanisms?.length &&
    !entries.get('otherTransfers')?.length &&
    (transfers?.storageLocations ?? []).every(isInEea)
  );
}

const leavesWithoutOwnGround = (party: Processor | Recipient): boolean => !party.transfer && partyLeavesEea(party);

/** The policy-wide transfer grounds, each as the notice lists it (countries, note, where to get a copy). */
function safeguardLines(model: PolicyModel, m: Messages): string[] {
  return linesOf(model.source.transfers?.mechanisms ?? [], m, transferGroundText);
}

/** The notice's wording of a purpose or processing, as plain text, marked as the notice's ('Uit de privacyverklaring: …'). */
const fromNotice = (description: string, m: Messages): string =>
  m.t('register:cell.fromNotice', { text: markdownToPlainText(description) });

/**
 * The purposes (30(1)(b)): the register's own description; without one, the
 * purpose as the privacy notice describes it, marked as the notice's wording (`check` says so, as information);
 * with neither, the purpose's name, which is the purpose ('Het maken van het zorgplan'),
 * with a note that the notice describes it no further — 'niet omschreven' in its place read as a register with no
 * purpose (officer8 R1), the name alone as a description (register5 finding 6).
 */
function purposeCell(p: Purpose, m: Messages): RegisterCell {
  const own = pick(p.registerDescription, m);
  if (own) return [own];
  // The description alone: the activity's name is its own column (it read 'Uit de privacyverklaring: <naam>: <tekst>').
  const description = pick(p.description, m);
  if (!description) return [m.t('register:cell.purposeNameOnly', { name: pick(p.name, m) })];
  return [fromNotice(description, m)];
}

/**
 * The categories of processing (30(2)(b)): the activity's name, then the register's own description; without one,
 * what the notice says of it, marked as the notice's wording as the purposes are (purposeCell) — IES's record read
 * '… als u een cliënt bent van …' unmarked (register5 finding 7). The name alone is a category of processing.
 */
function processingCell(a: ProcessorActivity, m: Messages): RegisterCell {
  const own = pick(a.registerDescription, m);
  const description = pick(a.description, m);
  return [pick(a.name, m), ...(own ? [own] : description ? [fromNotice(description, m)] : [])];
}

/**
 * The art. 9(2) exception; for special data with none named, 'niet vermeld' as the basis column says it — a blank
 * would read as 'not applicable'. An activity that names data categories, none of them special: 'Geen bijzondere
 * persoonsgegevens genoemd bij deze activiteit' — an observation of what the notice names, neither a gap ('niet
 * vermeld: …' read as a missing exception in 45 rows, officer8 R1) nor a conclusion from a flag the author did not
 * set ('Niet van toepassing' for Dental Clinics' billing of treatments, secondread9 S3). One that names no data
 * categories at all leaves open whether it needs one: a gap, said so.
 */
function specialConditionCell(p: Purpose, m: Messages): RegisterCell {
  if (p.specialCategoryCondition) return [specialConditionText(p.specialCategoryCondition, m)];
  if (p.usesSpecialData) return [m.t('register:cell.notStated')];
  return [m.t(p.dataCategories.length ? 'register:cell.noSpecialData' : 'register:cell.noDataCategories')];
}

/**
 * The retention periods (30(1)(f)): the rules the purpose names; when it names none, the rules that list one of
 * its data categories, marked as read from the category ('Via de gegevenscategorie: …') — BIB's purposes named
 * no rule while its 20-year rule covers their data, and the register showed '—' (register5 finding 2).
 */
function retentionCell(p: Purpose, { model, m }: CellContext): RegisterCell {
  if (p.retention.length) return retentionLinesOf(p.retention, model, m);
  const derived: string[] = [];
  for (const rule of coveringRules(p, model))
    derived.push(m.t('register:cell.retentionViaCategory', { rule: retentionLineOf(rule, model, m) }));
  return derived;
}

/** The rules that list one of the purpose's data categories (retentionNaming), each once, in the categories' order. */
function coveringRules(p: Purpose, model: PolicyModel): RetentionRule[] {
  const rules = new Set<RetentionRule>();
  for (const category of p.dataCategories) for (const rule of retentionNaming(model, category)) rules.add(rule);
  return [...rules];
}

/** The general description of technical and organisational measures, art. 30(1)(g) and 32(1). */
function securityCell(model: PolicyModel, m: Messages): RegisterCell {
  const s = model.source.security;
  if (!s) return [m.t('register:cell.notStated')];
  const measures = linesOf(s.measures ?? [], m, pick);
  const description = pick(s.description, m);
  const lines = measures.length ? measures : description ? [markdownToPlainText(description)] : [];
  if (s.standards?.length) lines.push(m.t('register:cell.standards', { standards: joinList(s.standards, m) }));
  return lines.length ? lines : [m.t('register:cell.notStated')];
}

/** Art. 30(1): one row per processing activity, i.e. per purpose. Column order is stable: (a) to (g), then the Dutch practice additions. */
const controllerColumns: ReadonlyArray<ColumnSpec<Purpose>> = [
  { key: 'id', width: 16, identifier: true, cell: (p) => [p.id] },
  { key: 'activity', width: 28, names: true, cell: (p, { m }) => [pick(p.name, m)] },
  // The organisation's own controller and DPO are stated once on a page; a purpose with a controller of its own (schema: purposes[].controller) shows it in its block.
  {
    key: 'controller',
    width: 28,
    organisationWide: controllerCell,
    cell: (p, ctx) => (p.controller ? otherControllerLines(p.controller, ctx.m) : controllerCell(ctx)),
  },
  {
    key: 'jointControllers',
    width: 28,
    omitWhenEmpty: true,
    cell: (p, { m }) => linesOf(p.jointControllers, m, jointControllerLines).flat(),
  },
  {
    key: 'representative',
    width: 22,
    organisationWide: representativeCell,
    of: 'controller',
    cell: purposeRepresentativeCell,
  },
  {
    key: 'dpo',
    width: 24,
    organisationWide: dpoCell,
    of: 'controller',
    cell: purposeDpoCell,
  },
  // Widths by how much text a row's cell holds: the data categories (each with what it holds and its source)
  // set most rows' height, so they take what the purposes and the 9(2) exception can spare (modelled for the
  // seeds' printed records at one scale: 191 pages were 177, Doctolib's 25 were 20).
  { key: 'purpose', width: 40, cell: (p, { m }) => purposeCell(p, m) },
  { key: 'legalBasis', width: 40, cell: (p, { m }) => legalBasisCell(p, m) },
  { key: 'specialCondition', width: 32, cell: (p, { m }) => specialConditionCell(p, m) },
  { key: 'dataSubjects', width: 28, required: true, cell: (p, { m }) => linesOf(p.dataSubjects, m, nameLine) },
  {
    key: 'dataCategories',
    width: 56,
    required: true,
    cell: (p, { m }) => linesOf(p.dataCategories, m, categoryLine),
  },
  {
    key: 'recipients',
    width: 32,
    required: true,
    // The policy's statement on sharing: 30(1)(d)'s recipients include processors, and it may name those the lists do not (Dental's hosting provider).
    organisation: ['otherRecipients', 'sharing'],
    cell: (p, { m }) => linesOf(p.recipients, m, recipientLine),
  },
  {
    key: 'processors',
    width: 36,
    required: true,
    organisation: ['otherProcessors'],
    cell: (p, { m }) => linesOf(p.processors, m, processorLine),
  },
  {
    key: 'transfers',
    width: 40,
    required: true,
    entriesAnswer: true,
    organisation: ['transferStatement', 'storage', 'otherTransfers', 'transferSafeguards'],
    cell: (p, ctx) => purposeTransfersCell(p.processors, p.recipients, ctx),
  },
  {
    key: 'retention',
    width: 48,
    required: true,
    organisation: ['otherRetention'],
    cell: (p, ctx) => retentionCell(p, ctx),
  },
  { key: 'security', width: 40, organisationWide: statedSecurity, cell: (_, ctx) => ctx.security },
  { key: 'systems', width: 24, cell: (p) => p.systems ?? [] },
];

/** The art. 6 basis (each of them, for a purpose with several), with the law behind a legal obligation and the interest behind legitimate interests. */
function legalBasisCell(p: Purpose, m: Messages): RegisterCell {
  const l = purposeLawfulness(p, m);
  const lines = p.legalBases ? linesOf(p.bases, m, registerBasisPart) : [...l.bases];
  if (l.inWords !== undefined) lines.push(m.t('statements:register.legalBasisStatement', { text: l.inWords }));
  // No basis given (a public task's law alone names none): said in the row, with what the author explained, as the notice does.
  if (!lines.length) lines.push(notStatedText(m.t('register:cell.notStated'), l.explanation));
  if (l.publicTask) lines.push(m.t('statements:register.publicTask', { law: l.publicTask }));
  // The law behind a legal obligation and the interest behind legitimate interests: on the basis's own line when
  // that line is the basis alone ('Wettelijke verplichting (artikel 6, lid 1, onder c, AVG): <law>'), not repeated
  // after it ('…; Wettelijke verplichting: <law>', register review improvement D).
  // With an explanation too, after the law ('…: WGBO (artikel 7:454 BW). De WGBO verplicht …'): it read 'Wettelijke
  // verplichting (…). De WGBO verplicht … Wettelijke verplichting: WGBO …' (register5 finding 10).
  const alone = p.legalBasis !== undefined && l.bases.length === 1;
  if (l.legalObligation)
    if (alone && p.legalBasis === '6(1)(c)') lines[0] = basisWithDetail(p, l.legalObligation, l.explanation, m);
    else lines.push(m.t('register:cell.legalObligation', { law: l.legalObligation }));
  if (l.legitimateInterest)
    if (alone && p.legalBasis === '6(1)(f)') lines[0] = basisWithDetail(p, l.legitimateInterest, l.explanation, m);
    else lines.push(m.t('register:cell.legitimateInterest', { interest: l.legitimateInterest }));
  return lines;
}

/** One of several bases, the law behind a legal obligation on its own line, before the explanation (finding 10). */
const registerBasisPart = (part: Purpose['bases'][number], m: Messages): string => basisPartText(part, m, true);

/** 'Wettelijke verplichting (artikel 6, lid 1, onder c, AVG): <law>', then the author's explanation as a sentence. */
function basisWithDetail(p: Purpose, detail: string, explanation: string, m: Messages): string {
  const basis = m.t('register:cell.basisWith', { basis: legalBasisText({ legalBasis: p.legalBasis }, m), detail });
  return explanation ? appendSentence(basis, explanation) : basis;
}

/**
 * The controllers a processor acts for (30(2)(a)), as the policy describes them (a group:
 * 'accredited practitioners and employers'), and that the name and contact details of each,
 * which 30(2)(a) asks for, are not in this register — the description alone would read as the list.
 */
function controllersCell(a: ProcessorActivity, m: Messages): RegisterCell {
  return [...one(pick(a.controllers, m)), m.t('register:cell.controllersListElsewhere')];
}

/** Art. 30(2): one row per kind of processing done for other controllers. */
const processorColumns: ReadonlyArray<ColumnSpec<ProcessorActivity>> = [
  { key: 'id', width: 16, identifier: true, cell: (a) => [a.id] },
  {
    key: 'processing',
    width: 36,
    names: true,
    cell: (a, { m }) => processingCell(a, m),
  },
  { key: 'processor', width: 28, organisationWide: controllerCell, cell: (_, ctx) => controllerCell(ctx) },
  { key: 'representative', width: 22, organisationWide: representativeCell, cell: (_, ctx) => representativeCell(ctx) },
  { key: 'dpo', width: 24, organisationWide: dpoCell, cell: (_, ctx) => dpoCell(ctx) },
  { key: 'controllers', width: 36, cell: (a, { m }) => controllersCell(a, m) },
  { key: 'dataSubjects', width: 28, cell: (a, { m }) => linesOf(a.dataSubjects, m, nameLine) },
  { key: 'dataCategories', width: 40, cell: (a, { m }) => linesOf(a.dataCategories, m, categoryLine) },
  { key: 'subProcessors', width: 36, cell: (a, { m }) => linesOf(a.subProcessors, m, processorLine) },
  {
    key: 'transfers',
    width: 40,
    organisation: ['transferStatement', 'storage', 'transferSafeguards'],
    cell: (a, ctx) => activityTransfersCell(a.subProcessors, ctx),
  },
  {
    key: 'retention',
    width: 48,
    // 30(2) does not ask for it: a processor's record that states none does not list it as missing.
    omitWhenEmpty: true,
    organisation: ['otherRetention'],
    cell: (a, { model, m }) => retentionLinesOf(a.retention, model, m),
  },
  { key: 'security', width: 40, organisationWide: statedSecurity, cell: (_, ctx) => ctx.security },
];

function table<Row>(
  kind: RegisterKind,
  specs: ReadonlyArray<ColumnSpec<Row>>,
  rows: readonly Row[],
  ctx: CellContext,
): RegisterTable {
  const t = ctx.m.t;
  const cols = columns(specs, ctx);
  return {
    kind,
    caption: t(`register:table.${kind}.caption`),
    sheetName: t(`register:table.${kind}.sheet`),
    fileStem: kind === 'controller' ? 'register' : 'register-processor',
    columns: cols,
    rowHeader: Math.max(0, specs.findIndex(namesRow)),
    rows: withPointers(cols, cells(specs, rows, ctx), [ctx.m.t('register:cell.notStated')]),
  };
}

/** The entries for a column's organisation keys, each line once. */
function entriesFor(keys: readonly OrganisationEntryKey[] | undefined, ctx: CellContext): string[] {
  const lines: string[] = [];
  for (const key of keys ?? []) for (const line of ctx.entries.get(key) ?? []) lines.push(line);
  return lines;
}

/**
 * The pointer for a column the organisation states something for: 'zie Organisatie: Overige verwerkers'; for a
 * required element the entries need not answer for the activity, 'Voor deze activiteit niet vermeld (zie ook
 * Organisatie: …)' — 'for this activity': the organisation states something for the column (officer8 R5).
 */
function pointerCell(spec: Omit<ColumnSpec<never>, 'cell'>, ctx: CellContext): RegisterCell {
  const { m } = ctx;
  const stated: string[] = [];
  for (const key of spec.organisation!)
    if (ctx.entries.get(key)?.length) stated.push(m.t(`register:organisation.${key}`));
  const facts = joinClauses(stated, m);
  const key = spec.required && !spec.entriesAnswer ? 'notStatedSeeAlso' : 'seeOrganisation';
  return [m.t(`register:cell.${key}`, { caption: m.t('register:organisation.caption'), facts })];
}

/** A blank cell in a column the organisation states something for: its pointer; else, in a required column, `notStated`. */
function withPointers(
  columns: readonly RegisterColumn[],
  rows: RegisterCell[][],
  notStated: RegisterCell,
): RegisterCell[][] {
  for (const row of rows)
    for (let i = 0; i < row.length; i++) {
      if (row[i]!.length) continue;
      const { pointer, required } = columns[i]!;
      if (pointer) row[i] = pointer;
      else if (required) row[i] = notStated;
    }
  return rows;
}

/**
 * The table for a file of its own, worked out when that file is written: each cell with its
 * column's organisation entries marked '(organisatiebreed)' after its own values (those the row
 * states already left out; a pointer is no value of the row's), then the document columns.
 */
export function standaloneTable(table: RegisterTable, model: PolicyModel, lang: Language | Messages): StandaloneTable {
  const m = messagesOf(lang, model.source.metadata.formality);
  const marked = table.columns.map((column) => markedEntries(column, m));
  const notStated = { here: m.t('register:cell.notStatedForActivity'), at: m.t('register:cell.notStated') };
  const rows: RegisterCell[][] = [];
  for (const row of table.rows) {
    const cells: RegisterCell[] = [];
    for (let i = 0; i < row.length; i++) cells.push(standaloneCell(row[i]!, table.columns[i]!, marked[i]!, notStated));
    rows.push(cells);
  }
  return withDocumentColumns(table.columns.map(headerOf), rows, model, m);
}

/**
 * The register's part for what no activity processes as a file of its own (register-without-activity.csv): its
 * rows, then the document columns, as register.csv's. Its rows are no activities: a tool that imports register.csv
 * does not read them as such.
 */
export function standaloneWithoutActivity(
  part: RegisterWithoutActivity,
  model: PolicyModel,
  lang: Language | Messages,
): StandaloneTable {
  const m = messagesOf(lang, model.source.metadata.formality);
  return withDocumentColumns(part.columns.map(headerOf), part.rows, model, m);
}

/** Rows of a file of its own with the document columns (DOCUMENT_COLUMNS) after their own. */
function withDocumentColumns(
  headers: string[],
  rows: ReadonlyArray<readonly RegisterCell[]>,
  model: PolicyModel,
  m: Messages,
): StandaloneTable {
  const documentCells: RegisterCell[] = [];
  for (const column of DOCUMENT_COLUMNS) {
    headers.push(m.t(column.header));
    documentCells.push(column.cell(model, m.t('register:cell.notStated')));
  }
  const withDocument: RegisterCell[][] = [];
  for (const row of rows) withDocument.push([...row, ...documentCells]);
  return { headers, rows: withDocument };
}

export const headerOf = (column: { header: string }): string => column.header;

/**
 * The columns a page for people shows, by index: the HTML and Markdown pages and the printed workbook leave out
 * the author's identifiers (RegisterColumn.identifier), which the data formats (the CSV, the workbook's cells)
 * keep. The one rule the three renderers share. The identifiers lead the table (the model's column specs), so a
 * page's columns are one run to the last: the printed workbook's print area starts at the first.
 */
export function pageColumns(table: Pick<RegisterTable, 'columns'>): number[] {
  const shown: number[] = [];
  for (let i = 0; i < table.columns.length; i++) if (!table.columns[i]!.identifier) shown.push(i);
  return shown;
}

/** A column's organisation entries, each with its line in a file of its own ('… (organisatiebreed)'): once per table. */
type MarkedEntries = ReadonlyArray<readonly [entry: string, line: string]>;

function markedEntries(column: RegisterColumn, m: Messages): MarkedEntries {
  const marked: Array<readonly [string, string]> = [];
  for (const entry of column.organisationEntries ?? [])
    marked.push([entry, m.t('register:cell.organisationWide', { entry })]);
  return marked;
}

/**
 * The organisation-wide columns (controller, representative, DPO, security) in which every row holds just what the
 * organisation's details state (RegisterColumn.stated): those state them once, so the pages for people leave them
 * out of every activity (the HTML and Markdown pages' blocks, register-records) and off the printed workbook — the
 * Markdown table repeated the security text in every row, and the printed workbook spent the first page of every
 * record on them (register5 findings 8 and 9). A column in which a row holds another value (a purpose with a
 * controller of its own) stays, in every row, even where every row holds that same value: one purpose under a head
 * office lost its controller from register.md and the printed workbook (second-read review 3, finding 7).
 */
export function statedOnce(table: Pick<RegisterTable, 'columns' | 'rows'>): Set<number> {
  const once = new Set<number>();
  for (let i = 0; i < table.columns.length; i++) {
    const { stated } = table.columns[i]!;
    if (stated && table.rows.length && holdsInEveryRow(table.rows, i, stated)) once.add(i);
  }
  // A party's column (the DPO) with the column it belongs to (the controller): a row under another controller
  // holds that controller's DPO, which the organisation's details do not state, even where the words are the same.
  for (const i of [...once]) {
    const { of } = table.columns[i]!;
    if (of !== undefined && !once.has(columnIndex(table.columns, of))) once.delete(i);
  }
  return once;
}

function columnIndex(columns: readonly RegisterColumn[], key: string): number {
  for (let i = 0; i < columns.length; i++) if (columns[i]!.key === key) return i;
  return -1;
}

function holdsInEveryRow(rows: RegisterTable['rows'], column: number, stated: RegisterCell): boolean {
  for (const row of rows) if (!sameCell(row[column]!, stated)) return false;
  return true;
}

/** Whether two cells hold the same values in the same order. */
function sameCell(a: RegisterCell, b: RegisterCell): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function standaloneCell(
  cell: RegisterCell,
  column: RegisterColumn,
  marked: MarkedEntries,
  notStated: { here: string; at: string },
): RegisterCell {
  // A required element's pointer says 'Voor deze activiteit niet vermeld (zie ook …)': the file of its own keeps
  // 'Voor deze activiteit niet vermeld' before the entries, each marked '(organisatiebreed)'. A bare 'niet vermeld'
  // there, the entries on the next lines, read as 'none' and then as a contradiction in Excel (officer8 R5).
  const pointer = cell === column.pointer;
  const own = pointer && column.notStatedFirst ? [notStated.here] : pointer ? [] : cell;
  const lines = [...own];
  for (const [entry, line] of marked) if (!own.includes(entry)) lines.push(line);
  // Nothing at all (no joint controller, representative or systems named): 'niet vermeld', never a blank, which
  // read as 'none' beside the pages' 'niet vermeld' (officer8 R7). The policy cannot state 'none' for these.
  return lines.length ? lines : [notStated.at];
}

/**
 * The columns of a file of its own that say which document a row is from, last: the policy's id, then its
 * version and dates (ISO, as an import reads them). The id tells apart the rows of practices whose registers a
 * chain merges — practices that extend one base share their activities' ids, and may share a controller —
 * while a page for people names the organisation in its title and on every printed page instead.
 */
const DOCUMENT_COLUMNS: ReadonlyArray<{ header: string; cell(model: PolicyModel, notStated: string): RegisterCell }> = [
  { header: 'register:column.policyId', cell: (model) => [model.id] },
  // No version and no date: 'niet vermeld', as the pages' 'Versie of datum van de privacyverklaring' (officer3 finding 7).
  { header: 'register:organisation.version', cell: versionCell },
  { header: 'register:organisation.effectiveDate', cell: (model) => one(model.source.metadata.effectiveDate) },
  { header: 'register:organisation.lastModified', cell: (model) => one(model.source.metadata.lastModified) },
];

function versionCell(model: PolicyModel, notStated: string): RegisterCell {
  const { version, effectiveDate, lastModified } = model.source.metadata;
  return version ? [version] : effectiveDate || lastModified ? [] : [notStated];
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

function columns(specs: ReadonlyArray<Omit<ColumnSpec<never>, 'cell'>>, ctx: CellContext): RegisterColumn[] {
  const columns: RegisterColumn[] = [];
  for (const s of specs) {
    const header = ctx.m.t(`register:column.${s.key}`);
    const entries = entriesFor(s.organisation, ctx);
    columns.push({
      key: s.key,
      header,
      width: columnWidth(s.width, header),
      ...(s.organisationWide ? { organisationWide: true as const, stated: s.organisationWide(ctx) } : {}),
      ...(s.of ? { of: s.of } : {}),
      ...(s.omitWhenEmpty ? { omitWhenEmpty: true as const } : {}),
      ...(s.required ? { required: true as const } : {}),
      ...(s.identifier ? { identifier: true as const } : {}),
      ...(entries.length ? { organisationEntries: entries, pointer: pointerCell(s, ctx) } : {}),
      ...(entries.length && s.required && !s.entriesAnswer ? { notStatedFirst: true as const } : {}),
    });
  }
  return columns;
}

const namesRow = (s: { names?: true }): boolean => s.names === true;

/** Each row's cells, column by column (a required cell left blank is filled by withPointers). */
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
  addFact(facts, t, 'name', controllerName(source.controller, m));
  addFact(facts, t, 'shortName', source.controller.shortName);
  addFact(facts, t, 'kvk', source.controller.kvkNumber);
  // 30(1)(a): the controller's name and contact details, under those words — whether they are given, or said to be
  // missing, no longer depends on which of address, e-mail and phone the policy has (officer3 finding 4).
  const contact = contactLines(source.controller, m);
  addFact(facts, t, 'contact', contact.length ? contact.join('\n') : t('register:cell.notStated'));
  const { website } = source.controller;
  addFact(facts, t, 'website', website !== source.controller.contact?.url ? website : undefined);
  addFact(facts, t, 'careProvider', isCareProvider(source) ? t('register:organisation.yes') : undefined);
  const sector = source.controller.careSector;
  addFact(facts, t, 'careSector', sector && t(`terms:careSector.${sector}`));
  if (source.controller.publicAuthority)
    facts.push({ label: t('statements:register.publicAuthority'), value: t('register:organisation.yes') });
  const arrangement = pick(source.jointArrangement, m);
  if (arrangement) facts.push({ label: t('statements:register.arrangement'), value: markdownToPlainText(arrangement) });
  // 30(1)(a): the DPO 'where applicable'; none named where none is likely mandatory: 'niet vermeld' all the same, as
  // the CSV says it, not left out (officer8 R7). 'Geen' only where the policy says none is appointed (statedDpoLines).
  addFact(facts, t, 'dpo', joinParts(dpoCell(ctx), m) || t('register:cell.notStated'));
  addFact(facts, t, 'representative', joinParts(representativeCell(ctx), m));
  addFact(facts, t, 'storage', storageText(model, m));
  addFact(facts, t, 'sharing', sharingText(model, m));
  addFact(facts, t, 'transferStatement', transferStatementText(model, m));
  addFact(facts, t, 'security', ctx.security.join('\n'));
  // Rules, processors, recipients and transfers no activity names still belong in the record (30(1)(d)–(f)).
  addFact(
    facts,
    t,
    'otherRetention',
    unnamedRules(model)
      .map((r) => endSentence(retentionLineOf(r, model, m)))
      .join('\n'),
  );
  for (const key of ['otherProcessors', 'otherRecipients', 'otherTransfers'] as const)
    addFact(facts, t, key, (ctx.entries.get(key) ?? []).map(endSentence).join('\n'));
  // The policy-wide transfer grounds (30(1)(e)), beside the transfers they cover.
  addFact(facts, t, 'transferSafeguards', ctx.safeguards.map(factSentence).join('\n'));
  // Which policy the register is made from: its id, as the CSV's last columns name it — not a path, which differs
  // between machines (register5 finding 5).
  addFact(facts, t, 'policyId', model.id);
  addFact(facts, t, 'version', source.metadata.version);
  addFact(facts, t, 'effectiveDate', source.metadata.effectiveDate && formatDate(source.metadata.effectiveDate, m));
  const { lastModified } = source.metadata;
  // The last change when it is not the effective date itself (as the notice says it).
  addFact(
    facts,
    t,
    'lastModified',
    lastModified && lastModified !== source.metadata.effectiveDate ? formatDate(lastModified, m) : undefined,
  );
  // Art. 30 asks that the record be kept up to date: a policy with no version or date says so, not nothing.
  const { version, effectiveDate } = source.metadata;
  if (!version && !effectiveDate && !lastModified) addFact(facts, t, 'asOf', t('register:cell.notStated'));
  const published = source.metadata.source;
  const sourceParts = [published?.title, published?.url].filter((part): part is string => Boolean(part));
  addFact(facts, t, 'source', joinParts(sourceParts, m));
  return {
    caption: t('register:organisation.caption'),
    sheetName: t('register:organisation.sheet'),
    head: [t('register:organisation.label'), t('register:organisation.value')],
    versionLabel: t('register:organisation.registerOrigin'),
    facts,
  };
}

/** The controller's contact details (30(1)(a)), a line each: address, e-mail, phone and contact page (Dental Clinics' '…/tandarts/'). */
function contactLines(controller: PolicyModel['source']['controller'], m: Messages): string[] {
  const { address, contact } = controller;
  const where = address ?? contact?.address;
  const lines = [where && formatAddress(where, m), contact?.email, contact?.phone, contact?.url];
  return lines.filter((line): line is string => !!line);
}

function addFact(facts: RegisterFacts['facts'], t: Messages['t'], key: string, value: string | undefined): void {
  if (value) facts.push({ label: t(`register:organisation.${key}`), value });
}

const storageText = (model: PolicyModel, m: Messages): string =>
  joinList(
    (model.source.transfers?.storageLocations ?? []).map((c) => countryName(c, m)),
    m,
  );

/** The policy's general statement about sharing personal data, as plain text: a paragraph a line. */
function sharingText(model: PolicyModel, m: Messages): string {
  const sharing = pick(model.source.sharing, m);
  return sharing ? markdownToPlainText(sharing) : '';
}

/** The organisation's statement about transfers outside the EEA (30(1)(e)), as plain text. */
function transferStatementText(model: PolicyModel, m: Messages): string {
  const statement = pick(model.source.transfers?.statement, m);
  return statement ? markdownToPlainText(statement) : '';
}

/** The retention rules no activity (purpose or processing as a processor) names, in the policy's order. */
function unnamedRules(model: PolicyModel): RetentionRule[] {
  const named = new Set([...model.purposes, ...model.processorActivities].flatMap((x) => x.retention));
  return model.retention.filter((r) => !named.has(r));
}

/**
 * What the organisation states beyond its activities, as lines an activity's cell would hold:
 * where data is stored and the transfer statement (labelled), the policy-wide transfer grounds,
 * and the retention rules, processors and recipients that no activity names (a statement may list
 * them for the whole organisation) with their transfers outside the EEA.
 */
function organisationEntries(
  model: PolicyModel,
  m: Messages,
  safeguards: readonly string[],
): Map<OrganisationEntryKey, string[]> {
  const entry = (key: OrganisationEntryKey, value: string): string[] =>
    value ? [labelled(m.t(`register:organisation.${key}`), value, m)] : [];
  const usedParties = new Set<Processor | Recipient>([
    ...model.purposes.flatMap((p) => [...p.processors, ...p.recipients]),
    ...model.processorActivities.flatMap((a) => a.subProcessors),
  ]);
  const processors = model.processors.filter((p) => !usedParties.has(p));
  const recipients = model.recipients.filter((r) => !usedParties.has(r));
  return new Map<OrganisationEntryKey, string[]>([
    ['storage', entry('storage', storageText(model, m))],
    // One line in a cell: its paragraphs run on (the organisation's details list them a line each).
    ['sharing', entry('sharing', sharingText(model, m).replaceAll('\n', ' '))],
    ['transferStatement', entry('transferStatement', transferStatementText(model, m))],
    // In an activity's cell, only the rules no activity names that list no data category: a rule that lists one is
    // in the cell of each activity using that category already, and no other's (officer11 R5: 'zie ook Overige
    // bewaartermijnen' pointed from 'Contact houden' at terms for staff and applicants only).
    [
      'otherRetention',
      retentionLinesOf(
        unnamedRules(model).filter((r) => !r.categories.length),
        model,
        m,
      ),
    ],
    ['otherProcessors', linesOf(processors, m, processorLine)],
    ['otherRecipients', linesOf(recipients, m, recipientLine)],
    ['otherTransfers', transfersCell([...processors, ...recipients], m)],
    ['transferSafeguards', safeguards.map((safeguard) => m.t('register:cell.policySafeguard', { safeguard }))],
  ]);
}

/** A line of its own among the facts: a capital and a full stop ('standaardbepalingen …' as a list item in the notice). */
const factSentence = (line: string): string => endSentence(upperFirst(line));

/**
 * The register in one language ('nl' or 'en', in the policy's formality; or the messages given); with the
 * check's findings, those the organisation acknowledged are its documented assessments.
 */
export function buildRegister(
  model: PolicyModel,
  lang: Language | Messages,
  findings: readonly Diagnostic[] = [],
): Register {
  const m = messagesOf(lang, model.source.metadata.formality);
  const safeguards = safeguardLines(model, m);
  const ctx: CellContext = {
    model,
    m,
    security: securityCell(model, m),
    safeguards,
    entries: organisationEntries(model, m, safeguards),
  };
  const tables = [table('controller', controllerColumns, model.purposes, ctx)];
  if (model.processorActivities.length)
    tables.push(table('processor', processorColumns, model.processorActivities, ctx));
  const { metadata, controller } = model.source;
  const assessments = registerAssessments(findings, model, m);
  const withoutActivity = registerWithoutActivity(model, m);
  return {
    lang: m.lang,
    title: m.t('register:title', { name: controllerName(controller, m) }),
    // Where the register comes from: the policy's version and date, whichever it states.
    versionLine: versionLine(metadata, m, registerVersionKeys),
    // A day for the workbook's properties: a last change known only to the month ('2020-05') gives none.
    date:
      metadata.effectiveDate ??
      (metadata.lastModified && !isMonth(metadata.lastModified) ? metadata.lastModified : undefined),
    notStated: m.t('register:cell.notStated'),
    noneStated: m.t('register:noneStated'),
    organisation: organisationFacts(ctx),
    tables,
    ...(withoutActivity ? { withoutActivity } : {}),
    ...(assessments ? { assessments } : {}),
  };
}
