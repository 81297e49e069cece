import type { Messages } from '../i18n/messages.js';
import { controllerName, joinList } from '../render/format.js';
import { escapeMarkdownText } from '../render/markdown-inline.js';
import { handlebarsRuntime as Handlebars } from '../render/template-compiler.js';
import { classCounts, type DiffResult } from './diff-report.js';
import {
  policyName,
  sameDrafts,
  sharedChanges,
  sharedFindings,
  sharedWhere,
  type Compared,
  type SharedChange,
  type SharedFinding,
} from './chain-shared.js';
import {
  diffRenderers,
  findingLines,
  htmlChangeRow,
  htmlChangeTable,
  htmlFinding,
  htmlFindings,
  htmlHead,
  markdownFinding,
  markdownItem,
  printableLines,
  renderDiffHtml,
  renderDiffMarkdown,
  nothingOwn,
  renderDiffText,
  reportInChain,
  type ChainReport,
  type InChain,
} from './render-diff.js';

/** One policy of a chain: compared with its earlier version, or new since the revision. */
export type ChainEntry =
  | { label: string; result: DiffResult }
  | { label: string; added: true; name: string; id: string }
  | { label: string; removed: true; name: string; id: string };

/** The chain as compared: the revision and one entry per policy, in path order. */
export interface DiffChain {
  revision: string;
  entries: ChainEntry[];
}

/** One organisation's line in the summary: its counts, or that the policy is new. */
function summaryRow(
  entry: ChainEntry,
  m: Messages,
): { name: string; id: string; label: string; counts?: Record<string, number>; verdict: string } {
  if (!('result' in entry))
    return {
      name: entry.name,
      id: entry.id,
      label: entry.label,
      verdict: m.t(`diff:chain.${'added' in entry ? 'added' : 'removed'}`),
    };
  const { result } = entry;
  const counts = classCounts(result.changes);
  const verdict = result.notice
    ? m.t('diff:chain.notice')
    : result.changes.length
      ? m.t('diff:chain.noNotice')
      : m.t('diff:chain.unchanged');
  return {
    name: controllerName(result.new.model.source.controller, m),
    id: result.new.model.id,
    label: entry.label,
    counts,
    verdict,
  };
}

function summaryLines(
  chain: DiffChain,
  m: Messages,
): { title: string; rows: ReturnType<typeof summaryRow>[]; totals: string } {
  const rows = chain.entries.map((e) => summaryRow(e, m));
  const material = rows.filter((r) => (r.counts?.material ?? 0) > 0).length;
  return {
    title: m.t('diff:chain.title', { revision: chain.revision }),
    rows,
    totals: chainTotals(chain.entries, material, m),
  };
}

/** The policies compared (those with a version on both sides), then those new or removed since the revision. */
function chainTotals(entries: readonly ChainEntry[], material: number, m: Messages): string {
  const count = (kind: 'result' | 'added' | 'removed'): number => entries.filter((e) => kind in e).length;
  const [added, removed] = [count('added'), count('removed')];
  return [
    m.t('diff:chain.totals', { count: count('result'), material }),
    ...(added ? [m.t('diff:chain.totalsAdded', { count: added })] : []),
    ...(removed ? [m.t('diff:chain.totalsRemoved', { count: removed })] : []),
  ].join(' ');
}

const countsText = (row: ReturnType<typeof summaryRow>, m: Messages): string =>
  row.counts && (row.counts.material ?? 0) + (row.counts.editorial ?? 0) > 0 ? m.t('diff:counts', row.counts) : '';

/** The policies of a chain that were compared, each with its id. */
const comparedOf = (chain: DiffChain): Compared[] =>
  chain.entries.flatMap((e) =>
    'result' in e ? [{ label: e.label, id: e.result.new.model.id, result: e.result }] : [],
  );

/**
 * A chain's changes and new errors: those several policies share, given once, and each changed policy with what
 * its own report leaves out.
 */
interface ChainChanges {
  shared: Array<SharedChange & { where: string }>;
  findings: Array<SharedFinding & { where: string }>;
  reports: Array<{ result: DiffResult; inChain: InChain; label: string; id: string; draftOf?: Compared }>;
}

/**
 * The changes several policies share (a change to the base they extend), each with the policies it is in, and
 * so the new errors found in that base; then each changed policy's report without those, and its draft only
 * where no earlier policy's says the same. The JSON keeps every policy's report whole.
 */
function chainChanges(chain: DiffChain, m: Messages): ChainChanges {
  const compared = comparedOf(chain);
  const names = compared.map((c) => policyName(c, m));
  const shared = sharedChanges(compared, m).map((s) => ({ ...s, where: sharedWhere(s, names, m) }));
  const findings = sharedFindings(compared, m).map((f) => ({ ...f, where: sharedWhere(f, names, m, 'finding') }));
  const told = new Set(shared.map((c) => c.lines.join('\n')));
  const toldFindings = new Set(findings.map((f) => f.key));
  const same = sameDrafts(compared);
  const reports = compared
    .filter((c) => c.result.changes.length)
    .map((c) => {
      const earlier = same.get(c);
      const draftAs =
        earlier &&
        m.t('diff:chain.sameDraft', {
          name: controllerName(earlier.result.new.model.source.controller, m),
          label: earlier.label,
        });
      return {
        result: c.result,
        label: c.label,
        id: c.id,
        inChain: { told, toldFindings, ...(draftAs ? { draftAs } : {}) },
        ...(earlier ? { draftOf: earlier } : {}),
      };
    });
  return { shared, findings, reports };
}

/**
 * From this many policies on, the text report folds what repeats: the summary's most common line, and the reports
 * with nothing of their own (a chain's base changed, and each practice only passes that on). Fewer read well one by one.
 */
const FOLD_FROM = 10;

/** The summary's lines: one per policy, or from FOLD_FROM on the most common line once, with how many it is for. */
function summaryText(rows: ReturnType<typeof summaryRow>[], m: Messages): string[] {
  const tails = rows.map((row) => [countsText(row, m), row.verdict].filter(Boolean).join(' '));
  const byTail = new Map<string, number>();
  for (const tail of tails) byTail.set(tail, (byTail.get(tail) ?? 0) + 1);
  const [common, count] = [...byTail].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const fold = rows.length >= FOLD_FROM && count * 2 > rows.length;
  return [
    ...(fold ? [`  ${m.t('diff:chain.summaryFolded', { count, total: rows.length, what: common })}`] : []),
    ...rows.flatMap((row, i) =>
      fold && tails[i] === common
        ? []
        : [`  ${m.t('diff:chain.summaryRow', { name: row.name, label: row.label, what: tails[i] })}`],
    ),
  ];
}

/** The reports with nothing of their own, from FOLD_FROM policies on: one paragraph per draft they share, naming them. */
function bareText(
  reports: ChainChanges['reports'],
  total: number,
  m: Messages,
): { lines: string[]; rest: Array<ChainChanges['reports'][number] & { report?: ChainReport }> } {
  if (total < FOLD_FROM) return { lines: [], rest: reports };
  // Each report within the chain's is worked out once: to tell whether it has anything of its own, then to write it.
  const reported = reports.map((x) => ({ ...x, report: reportInChain(x.result, m, x.inChain) }));
  const bare = reported.filter((x) => nothingOwn(x.report, x.inChain));
  const byDraft = new Map<Compared | undefined, ChainChanges['reports']>();
  for (const x of bare) {
    const group = byDraft.get(x.draftOf);
    if (group) group.push(x);
    else byDraft.set(x.draftOf, [x]);
  }
  const lines = [...byDraft].map(([earlier, xs]) => {
    const names = xs.map((x) => policyName(x, m));
    const policies = joinList(names, m);
    return earlier
      ? m.t('diff:chain.bareSameDraft', {
          count: xs.length,
          name: controllerName(earlier.result.new.model.source.controller, m),
          label: earlier.label,
          policies,
        })
      : m.t('diff:chain.bareNoNotice', { count: xs.length, policies });
  });
  const isBare = new Set(bare);
  return { lines, rest: reported.filter((x) => !isBare.has(x)) };
}

function chainText(chain: DiffChain, m: Messages): string {
  const s = summaryLines(chain, m);
  const out = [s.title, s.totals, '', ...summaryText(s.rows, m)];
  const { shared, findings, reports } = chainChanges(chain, m);
  if (shared.length) {
    out.push('', `${m.t('diff:chain.sharedHeading')}:`);
    for (const change of shared) out.push(...change.lines, `      ${change.where}`);
  }
  if (findings.length) {
    out.push('', `${m.t('diff:chain.sharedFindingsHeading')}:`);
    for (const f of findings) out.push(...findingLines(f.finding), `      ${f.where}`);
  }
  const { lines, rest } = bareText(reports, s.rows.length, m);
  for (const line of lines) out.push('', line);
  const texts = rest.map(({ result, inChain, report }) => renderDiffText(result, m, inChain, report));
  return [printableLines(out) + '\n', ...texts].join('='.repeat(72) + '\n\n');
}

function chainMarkdown(chain: DiffChain, m: Messages): string {
  const md = escapeMarkdownText;
  const s = summaryLines(chain, m);
  const head = [
    m.t('diff:chain.organisation'),
    m.t('diff:chain.policy'),
    m.t('diff:chain.changes'),
    m.t('diff:chain.verdict'),
  ];
  const out = [
    `# ${md(s.title)}`,
    '',
    md(s.totals),
    '',
    `| ${head.map(md).join(' | ')} |`,
    `|${head.map(() => ' --- |').join('')}`,
  ];
  for (const row of s.rows)
    out.push(
      `| ${[row.name, row.label, countsText(row, m), row.verdict].map((c) => md(c).replace(/\|/g, '\\|')).join(' | ')} |`,
    );
  const { shared, findings, reports } = chainChanges(chain, m);
  if (shared.length) {
    out.push('', `## ${md(m.t('diff:chain.sharedHeading'))}`, '');
    for (const change of shared) out.push(...markdownItem(change.item, change.result, m), `  - ${md(change.where)}`);
  }
  if (findings.length) {
    out.push('', `## ${md(m.t('diff:chain.sharedFindingsHeading'))}`, '');
    for (const f of findings) out.push(markdownFinding(f.finding, m), `  - ${md(f.where)}`);
  }
  // Each organisation's report one heading level down.
  const texts = reports.map(({ result, inChain }) => renderDiffMarkdown(result, m, inChain).replace(/^#/gm, '##'));
  return [out.join('\n') + '\n', ...texts].join('\n');
}

const h = (value: string): string => Handlebars.escapeExpression(value);

/** The shared changes as a table like a report's, each change's cell ending in the policies it is in. */
function htmlShared(shared: ChainChanges['shared'], m: Messages): string[] {
  if (!shared.length) return [];
  const rows = shared.map((c) => htmlChangeRow(c.item, c.result, m, `<p class="chain-shared-in">${h(c.where)}</p>`));
  return htmlChangeTable(m.t('diff:chain.sharedHeading'), 'changes chain-shared', rows, m);
}

/** The shared new errors as a report's list, each item ending in the policies it is in. */
function htmlSharedFindings(findings: ChainChanges['findings'], m: Messages): string[] {
  if (!findings.length) return [];
  const items = findings.map((f) => htmlFinding(f.finding, `<p class="chain-shared-in">${h(f.where)}</p>`));
  return htmlFindings(m.t('diff:chain.sharedFindingsHeading'), 'new-findings chain-shared', items);
}

function chainHtml(chain: DiffChain, m: Messages): string {
  const s = summaryLines(chain, m);
  const head = ['organisation', 'policy', 'changes', 'verdict']
    .map((k) => `<th scope="col">${h(m.t(`diff:chain.${k}`))}</th>`)
    .join('');
  const rows = s.rows.map(
    (row) =>
      `<tr><td>${h(row.name)}</td><td>${h(row.label)}</td><td>${h(countsText(row, m))}</td><td>${h(row.verdict)}</td></tr>`,
  );
  const { shared, findings, reports } = chainChanges(chain, m);
  // Each organisation's report body (between <main> and </main>) as an article, its headings one level down.
  const bodies = reports
    .map(({ result, inChain }) => renderDiffHtml(result, m, inChain))
    .map((html) =>
      html
        .slice(html.indexOf('<main>') + 6, html.indexOf('</main>'))
        .replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`),
    );
  return (
    [
      ...htmlHead({ lang: m.lang, title: s.title }),
      '<body>',
      '<main>',
      `<h1>${h(s.title)}</h1>`,
      `<p class="report-meta">${h(s.totals)}</p>`,
      '<table class="chain-summary">',
      `<thead><tr>${head}</tr></thead>`,
      '<tbody>',
      ...rows,
      '</tbody>',
      '</table>',
      ...htmlShared(shared, m),
      ...htmlSharedFindings(findings, m),
      ...bodies.map((body) => `<article class="chain-report">${body}</article>`),
      '</main>',
      '</body>',
      '</html>',
    ].join('\n') + '\n'
  );
}

function chainJson(chain: DiffChain, m: Messages): string {
  const s = summaryLines(chain, m);
  return (
    JSON.stringify(
      {
        revision: chain.revision,
        summary: chain.entries.map((entry, i) => {
          const row = s.rows[i]!;
          const state =
            'result' in entry ? { counts: row.counts } : 'added' in entry ? { added: true } : { removed: true };
          return { id: row.id, name: row.name, label: row.label, ...state, verdict: row.verdict };
        }),
        reports: chain.entries.flatMap((e) =>
          'result' in e ? [JSON.parse(diffRenderers.json!(e.result, m)) as unknown] : [],
        ),
      },
      null,
      2,
    ) + '\n'
  );
}

export const chainRenderers: Record<string, (chain: DiffChain, m: Messages) => string> = {
  text: chainText,
  markdown: chainMarkdown,
  html: chainHtml,
  json: chainJson,
};
