import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatReference } from '../diagnostics/format-reference.js';
import { diagnosticTexts } from '../diagnostics/render-message.js';
import type { Messages } from '../i18n/messages.js';
import { controllerName, formatDate } from '../render/format.js';
import type { PolicyModel } from '../resolve/model.js';
import type { ChangeClass } from './change-kinds.js';
import type { Change } from './change.js';
import { changeGroup, changeGroups, type ChangeGroup } from './change-groups.js';
import { positionWords } from './change-position.js';
import { changeWords, placeholderWords, type ChangeWords } from './change-words.js';
import type { NoticeDraft } from './notice-draft.js';

/** One side of the comparison: where it came from, and its model. */
export interface DiffSide {
  /** As given on the command line: a path, or 'HEAD~1:policies/x/policy.json'. */
  label: string;
  model: PolicyModel;
  /** For a base that policies extend: the placeholders and the organisation's details it leaves open to them. */
  leftOpen?: Diagnostic[];
}

export interface DiffResult {
  old: DiffSide;
  new: DiffSide;
  changes: Change[];
  /** Errors policyc check finds in the new version and not in the old (empty when the rules were not run). */
  newFindings?: Diagnostic[];
  /** The notice to send, when anything material changed. */
  notice?: NoticeDraft;
}

export interface ReportItem extends ChangeWords {
  change: Change;
  /** Where, in words: 'Doel “Nieuwsbrief”, verwerkers'. */
  where: string;
  /** The provision as the report's language cites it: 'art. 13, lid 1, onder e, AVG'. */
  article: string;
  /** 'Wezenlijk' / 'Material'. */
  classLabel: string;
}

export interface ReportGroup {
  group: ChangeGroup;
  heading: string;
  material: number;
  items: ReportItem[];
}

/** The report in one language, format-free; each renderer writes it out. */
export interface Report {
  lang: string;
  title: string;
  lines: string[];
  groups: ReportGroup[];
  noticeHeading: string;
  notice?: NoticeDraft;
  /** Said instead of a notice when nothing material changed. */
  noNotice?: string;
  /** The check errors new in the new version, each in the report's language with its place. */
  findingsHeading: string;
  findings: ReportFinding[];
}

export interface ReportFinding {
  message: string;
  /** 'policies/x/policy.json:41:5'. */
  place: string;
  article?: string;
  ruleId: string;
}

/** A finding as the report lists it: its message in the report's language, where, and under which article. */
export function reportFinding(d: Diagnostic, label: string, m: Messages): ReportFinding {
  const file = d.file ?? label;
  return {
    message: diagnosticTexts(d, m).message,
    place: d.line ? `${file}:${d.line}:${d.column ?? 1}` : file,
    ...(d.article ? { article: formatReference(d.article, m) } : {}),
    ruleId: d.ruleId,
  };
}

export const classes: readonly ChangeClass[] = ['material', 'editorial'];

export function classCounts(changes: readonly Change[]): Record<ChangeClass, number> {
  return Object.fromEntries(classes.map((c) => [c, changes.filter((x) => x.class === c).length])) as Record<
    ChangeClass,
    number
  >;
}

/** 'versie 2025.1 (geldig vanaf 15 januari 2025)', or the side's label when it states no version. */
function versionWords(side: DiffSide, m: Messages): string {
  const { version, effectiveDate } = side.model.source.metadata;
  const date = effectiveDate && (placeholderWords(effectiveDate, m) ?? formatDate(effectiveDate, m));
  // Without a version label the side is named by where it came from ('versie policies/x.json' would call a file name a version).
  if (version) return date ? m.t('diff:version', { version, date }) : m.t('diff:versionUndated', { version });
  return date
    ? m.t('diff:sourceDated', { source: side.label, date })
    : m.t('diff:sourceUndated', { source: side.label });
}

/** Whether either side states a version label, so that the versions line does not already name both sides' labels. */
const labelled = (result: DiffResult): boolean =>
  [result.old, result.new].some((side) => side.model.source.metadata.version !== undefined);

function reportItem(change: Change, result: DiffResult, m: Messages): ReportItem {
  return {
    change,
    ...changeWords(change, m),
    where: positionWords(change, result[change.side].model.source, m),
    article: formatReference(change.article, m),
    classLabel: m.t(`diff:label.${change.class}`),
  };
}

/** Changes grouped by what a reader cares about; groups with material changes first, material changes first within each. */
function reportGroups(result: DiffResult, m: Messages): ReportGroup[] {
  const rank = (c: Change): number => classes.indexOf(c.class);
  const groups = changeGroups.map((group): ReportGroup => {
    const changes = result.changes.filter((c) => changeGroup(c) === group);
    const items = changes
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
      .map(({ c }) => reportItem(c, result, m));
    return {
      group,
      heading: m.t(`diff:group.${group}`),
      material: changes.filter((c) => c.class === 'material').length,
      items,
    };
  });
  return groups.filter((g) => g.items.length > 0).sort((a, b) => Number(b.material > 0) - Number(a.material > 0));
}

/** What a side that is a base (or both) leaves open to the policies that extend it: one line. */
function leftOpenLine({ old, new: now }: DiffResult, m: Messages): string {
  if (old.leftOpen && now.leftOpen)
    return m.t('diff:base.leftOpenBoth', {
      old: old.label,
      oldCount: old.leftOpen.length,
      new: now.label,
      newCount: now.leftOpen.length,
    });
  const side = old.leftOpen ? old : now;
  return m.t('diff:base.leftOpen', { label: side.label, count: side.leftOpen!.length });
}

/**
 * The line that counts the new errors: they are below, or — in a chain's report, `above` of them given once
 * above for several policies — above, or some above and the others below.
 */
function findingsLine(count: number, above: number, m: Messages): string {
  if (above === 0) return m.t('diff:findings.count', { count });
  if (above === count) return m.t('diff:chain.findingsAbove', { count });
  return m.t('diff:chain.findingsSomeAbove', { count, above });
}

/** The report; `findingsAbove`: how many of the new errors a chain's report gives above, for several policies. */
export function diffReport(result: DiffResult, m: Messages, findingsAbove = 0): Report {
  const t = m.t;
  const lines = [
    t('diff:versions', { old: versionWords(result.old, m), new: versionWords(result.new, m) }),
    // Without a version label on either side, the line above already names both by their labels.
    ...(labelled(result) ? [t('diff:sides', { old: result.old.label, new: result.new.label })] : []),
    result.changes.length ? t('diff:counts', classCounts(result.changes)) : t('diff:noChanges'),
  ];
  const material = result.changes.some((c) => c.class === 'material');
  const findings = (result.newFindings ?? []).map((d) => reportFinding(d, result.new.label, m));
  if (findings.length) lines.push(findingsLine(findings.length, findingsAbove, m));
  const bases = [result.old, result.new].filter((side) => side.leftOpen);
  if (bases.length) lines.push(leftOpenLine(result, m));
  const notNeeded = bases.length
    ? t('diff:base.noNotice')
    : findings.length
      ? t('diff:findings.notNeededBut')
      : t('diff:notice.notNeeded');
  return {
    lang: m.lang,
    title: result.new.leftOpen
      ? t('diff:titleBase', { label: result.new.label })
      : t('diff:title', { name: controllerName(result.new.model.source.controller, m) }),
    lines,
    groups: reportGroups(result, m),
    noticeHeading: t('diff:heading.notice'),
    ...(result.notice ? { notice: result.notice } : {}),
    ...(!result.notice && (bases.length || !material) && result.changes.length ? { noNotice: notNeeded } : {}),
    findingsHeading: t('diff:findings.heading'),
    findings,
  };
}
