import Handlebars from 'handlebars';
import type { Language } from '../../i18n/messages.js';
import { languageAlternates } from '../render-notice.js';
import { readTemplate } from '../templates.js';
import type { Register, RegisterCell } from './register-model.js';

let page: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (page) return page;
  const env = Handlebars.create();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  env.registerPartial('lines', '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}');
  page = env.compile(readTemplate('register.html.hbs'), { strict: true, preventIndent: true });
  return page;
}

interface ActivityBlock {
  id: string;
  name: string;
  facts: Array<{ label: string; values: RegisterCell }>;
}

/** Each row as a block: the naming column as its heading, every column not stated once for the organisation as a labelled fact. */
function activityBlocks(table: Register['tables'][number]): ActivityBlock[] {
  const idColumn = table.columns.findIndex((c) => c.key === 'id');
  return table.rows.map((row) => ({
    id: row[idColumn]?.[0] ?? '',
    name: (row[table.rowHeader] ?? []).join(' '),
    facts: table.columns
      .map((column, index) => ({ column, values: row[index] ?? [] }))
      .filter(({ column, values }, index) => index !== table.rowHeader && !column.organisationWide && !(column.omitWhenEmpty && values.length === 0))
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
  const records = register.tables.map((table) => ({ kind: table.kind, caption: table.caption, activities: activityBlocks(table) }));
  return render({ ...register, records, alternates, languageLinks: links }).replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n');
}

/** The register page's stylesheet (print: landscape), written beside it as register.css. */
export function registerStylesheet(): string {
  return readTemplate('register.css');
}
