import { compileTemplate, createEnvironment, htmlCompileOptions, type Template } from '../template-compiler.js';
import type { Language } from '../../i18n/messages.js';
import { languageAlternates } from '../render-notice.js';
import { readTemplate } from '../templates.js';
import type { Register, RegisterCell } from './register-model.js';
import { trimLineEnds } from '../text-whitespace.js';

/** Partials defined here rather than in templates/partials/ (precompiled with the rest). */
export const REGISTER_PARTIALS = {
  lines: '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}',
} as const;

let page: Template | undefined;

function template(): Template {
  if (page) return page;
  const env = createEnvironment();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  for (const [name, source] of Object.entries(REGISTER_PARTIALS))
    env.registerPartial(name, compileTemplate(env, source, htmlCompileOptions));
  page = compileTemplate(env, readTemplate('register.html.hbs'), htmlCompileOptions);
  return page;
}

interface ActivityBlock {
  id: string;
  name: string;
  facts: Array<{ label: string; values: RegisterCell }>;
}

/**
 * The value most rows hold in each organisation-wide column: the page states it
 * once, and a row that differs (a purpose with a controller of its own) shows
 * its own value in its block.
 */
function usualValues(table: Register['tables'][number]): Map<number, string> {
  const usual = new Map<number, string>();
  table.columns.forEach((column, index) => {
    if (!column.organisationWide) return;
    const counts = new Map<string, number>();
    for (const row of table.rows)
      counts.set(JSON.stringify(row[index] ?? []), (counts.get(JSON.stringify(row[index] ?? [])) ?? 0) + 1);
    const [top] = [...counts].sort((a, b) => b[1] - a[1]);
    if (top) usual.set(index, top[0]);
  });
  return usual;
}

/** Each row as a block: the naming column as its heading, every column not stated once for the organisation as a labelled fact. */
function activityBlocks(table: Register['tables'][number]): ActivityBlock[] {
  const idColumn = table.columns.findIndex((c) => c.key === 'id');
  const usual = usualValues(table);
  const shown = (column: Register['tables'][number]['columns'][number], values: RegisterCell, index: number): boolean =>
    index !== table.rowHeader &&
    !(column.organisationWide && usual.get(index) === JSON.stringify(values)) &&
    !(column.omitWhenEmpty && values.length === 0);
  return table.rows.map((row) => ({
    id: row[idColumn]?.[0] ?? '',
    name: (row[table.rowHeader] ?? []).join(' '),
    facts: table.columns
      .map((column, index) => ({ column, values: row[index] ?? [], index }))
      .filter(({ column, values, index }) => shown(column, values, index))
      .map(({ column, values }) => ({ label: column.header, values })),
  }));
}

/**
 * The register as a standalone, accessible HTML page: the organisation's
 * details once, then each record (30(1), and 30(2) when there is one) as one
 * block per activity with every column's content. Prints on landscape pages;
 * each language version names the others.
 */
export function registerToHtml(register: Register, languages: readonly Language[] = [register.lang]): string {
  const render = template();
  const { alternates, links } = languageAlternates(register.lang, languages, 'register.html', 'layout:registerReadIn');
  const records = register.tables.map((table) => ({
    kind: table.kind,
    caption: table.caption,
    activities: activityBlocks(table),
  }));
  return trimLineEnds(render({ ...register, records, alternates, languageLinks: links })).replace(/\n{2,}/g, '\n');
}

/** The register page's stylesheet (print: landscape), written beside it as register.css. */
export function registerStylesheet(): string {
  return readTemplate('register.css');
}
