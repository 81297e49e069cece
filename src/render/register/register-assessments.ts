import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderMessage } from '../../diagnostics/render-message.js';
import { positionWords } from '../../diff/change-position.js';
import type { Messages } from '../../i18n/messages.js';
import { textIn } from '../../i18n/text-in.js';
import type { PolicyModel } from '../../resolve/model.js';

/**
 * The findings of `policyc check` that the organisation weighed and accepted (metadata.acknowledged, or
 * the config file's list), each with the reason it wrote down: its documented judgements, which the
 * Autoriteit Persoonsgegevens asks about with the register. Rows of labelled cells, as the records are.
 */
export interface RegisterAssessments {
  caption: string;
  sheetName: string;
  /** One sentence that says what the rows are. */
  intro: string;
  columns: ReadonlyArray<{ key: AssessmentColumn; header: string; width: number }>;
  /** One row per accepted finding, in the order the check reports them (the policy's order); a cell per column. */
  rows: ReadonlyArray<readonly string[]>;
}

type AssessmentColumn = 'finding' | 'where' | 'reason';

/** The columns, in order, with their widths (characters, for spreadsheets) and how a finding fills each. */
const COLUMNS: ReadonlyArray<{
  key: AssessmentColumn;
  width: number;
  cell(finding: Diagnostic, model: PolicyModel, m: Messages): string;
}> = [
  // The check's message in the register's language; never the rule id or pointer, which are for tools.
  { key: 'finding', width: 64, cell: (f, _, m) => renderMessage(f, m) },
  // Where in the policy, in words ('Bewaartermijn “Telefoonopnames”'), read from the policy itself.
  // A finding at an item's id is about the item: 'Gegevenscategorie “Contact”', not '…, kenmerk'.
  { key: 'where', width: 32, cell: (f, model, m) => positionWords(itemOf(f), model.source, m) },
  { key: 'reason', width: 56, cell: (f, _, m) => reasonText(f, m) },
];

const itemOf = (finding: Diagnostic): { pointer: string } => ({ pointer: finding.pointer.replace(/\/id$/, '') });

/** The reason as the organisation wrote it: in the register's language, or its one text. */
function reasonText(finding: Diagnostic, m: Messages): string {
  const reason = finding.acknowledged?.reason;
  return typeof reason === 'string' ? reason : textIn(reason, m.lang);
}

/** The accepted findings among `findings` as the register's section; undefined when there are none (no empty heading). */
export function registerAssessments(
  findings: readonly Diagnostic[],
  model: PolicyModel,
  m: Messages,
): RegisterAssessments | undefined {
  const accepted = findings.filter((f) => f.acknowledged !== undefined);
  if (!accepted.length) return undefined;
  return {
    caption: m.t('register:assessments.caption'),
    sheetName: m.t('register:assessments.sheet'),
    intro: m.t('register:assessments.intro'),
    columns: COLUMNS.map(({ key, width }) => ({ key, width, header: m.t(`register:assessments.column.${key}`) })),
    rows: accepted.map((f) => COLUMNS.map((c) => c.cell(f, model, m))),
  };
}
