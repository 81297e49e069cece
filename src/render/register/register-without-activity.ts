import type { Messages } from '../../i18n/messages.js';
import {
  retentionNaming,
  retentionNamingAny,
  unusedDataCategories,
  unusedDataSubjects,
} from '../../policy/policy-facts.js';
import type { DataCategory, DataSubject, PolicyModel } from '../../resolve/model.js';
import { labelled, pick } from '../format.js';
import { categoryLine, linesOf, retentionLinesOf } from './register-lines.js';

/**
 * The groups of data subjects and the data categories the privacy notice names but no purpose (nor processing done
 * as a processor) processes — the check's unused/data-subject and unused/data-category, read from the same lists.
 * The register has no activity for them: no purposes, no legal basis. It shows them as a part of its own, said to be
 * a gap, rather than only as retention periods among the organisation's details, where iPractice's applicants,
 * staff and website visitors read as covered (officer8 R2). Absent when the notice names none.
 */
export interface RegisterWithoutActivity {
  caption: string;
  sheetName: string;
  /** The file stem of its CSV (register-without-activity.csv): its rows are no activities, so not in register.csv. */
  fileStem: string;
  /** That the register has no processing activity for them, so no purposes and no basis. */
  intro: string;
  /** For the pages (HTML, Markdown): the groups, the data categories and the retention rules that name them, each labelled. */
  facts: ReadonlyArray<{ label: string; values: readonly string[] }>;
  /** For the data formats (CSV, workbook): one row a group or data category. */
  columns: ReadonlyArray<{ key: WithoutActivityColumn; header: string; width: number }>;
  /** Each row: its kind, the group or category as the notice names it, its retention periods, that it has no activity. */
  rows: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

type WithoutActivityColumn = 'kind' | 'named' | 'retention' | 'activity';

/** Each column's header (the records' own where it is theirs) and width in characters, for spreadsheets. */
const COLUMNS: ReadonlyArray<{ key: WithoutActivityColumn; header: string; width: number }> = [
  { key: 'kind', header: 'register:withoutActivity.kind.column', width: 28 },
  { key: 'named', header: 'register:withoutActivity.named', width: 56 },
  { key: 'retention', header: 'register:column.retention', width: 48 },
  { key: 'activity', header: 'register:column.activity', width: 40 },
];

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").

/** A group of data subjects with what the notice says of it ('Anderen die contact met ons opnemen: Alle andere …'). */
function subjectLine(s: DataSubject, m: Messages): string {
  const name = pick(s.name, m);
  const description = pick(s.description, m);
  return description ? labelled(name, description, m) : name;
}

/** 'subjects', 'categories' or 'both': which the intro names. */
function introKey(subjects: readonly DataSubject[], categories: readonly DataCategory[]): string {
  if (!categories.length) return 'subjects';
  return subjects.length ? 'both' : 'categories';
}

/** The pages' facts: the groups, the categories, and the retention periods the notice gives for those categories. */
function pageFacts(
  model: PolicyModel,
  subjects: readonly DataSubject[],
  categories: readonly DataCategory[],
  m: Messages,
): RegisterWithoutActivity['facts'] {
  const facts: Array<{ label: string; values: readonly string[] }> = [];
  if (subjects.length)
    facts.push({ label: m.t('register:column.dataSubjects'), values: linesOf(subjects, m, subjectLine) });
  if (categories.length) {
    facts.push({ label: m.t('register:column.dataCategories'), values: linesOf(categories, m, categoryLine) });
    const rules = retentionLinesOf(retentionNamingAny(model, categories), model, m);
    facts.push({
      label: m.t('register:column.retention'),
      values: rules.length ? rules : [m.t('register:cell.notStated')],
    });
  }
  return facts;
}

/** The rows of the data formats: the groups first, then the categories with the rules that name each. */
function tableRows(
  model: PolicyModel,
  subjects: readonly DataSubject[],
  categories: readonly DataCategory[],
  m: Messages,
): Array<Array<readonly string[]>> {
  const none = [m.t('register:withoutActivity.none')];
  const rows: Array<Array<readonly string[]>> = [];
  for (const s of subjects)
    rows.push([
      [m.t('register:withoutActivity.kind.subject')],
      [subjectLine(s, m)],
      [m.t('register:withoutActivity.notApplicable')],
      none,
    ]);
  for (const c of categories) {
    const rules = retentionLinesOf(retentionNaming(model, c), model, m);
    rows.push([
      [m.t('register:withoutActivity.kind.category')],
      [categoryLine(c, m)],
      rules.length ? rules : [m.t('register:cell.notStated')],
      none,
    ]);
  }
  return rows;
}

/** The register's part for what the notice names but no activity processes; undefined when there is none. */
export function registerWithoutActivity(model: PolicyModel, m: Messages): RegisterWithoutActivity | undefined {
  const subjects = unusedDataSubjects(model);
  const categories = unusedDataCategories(model);
  if (!subjects.length && !categories.length) return undefined;
  return {
    caption: m.t('register:withoutActivity.caption'),
    sheetName: m.t('register:withoutActivity.sheet'),
    fileStem: 'register-without-activity',
    intro: m.t(`register:withoutActivity.intro.${introKey(subjects, categories)}`),
    facts: pageFacts(model, subjects, categories, m),
    columns: COLUMNS.map(({ key, header, width }) => ({ key, width, header: m.t(header) })),
    rows: tableRows(model, subjects, categories, m),
  };
}
