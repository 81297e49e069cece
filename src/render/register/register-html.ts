import { compileTemplate, createEnvironment, htmlCompileOptions, type Template } from '../template-compiler.js';
import type { Language } from '../../i18n/messages.js';
import { languageAlternates } from '../render-notice.js';
import { readTemplate } from '../templates.js';
import type { Register } from './register-model.js';
import { registerRecord } from './register-records.js';
import type { RegisterAssessments } from './register-assessments.js';
import { trimLineEnds } from '../text-whitespace.js';

/** Partials defined here rather than in templates/partials/ (precompiled with the rest). */
export const REGISTER_PARTIALS = {
  lines: '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}',
  // A fact's values: several as a list, one as its lines, none as 'niet vermeld'.
  values:
    '{{#if (many values)}}<ul>{{#each values}}<li>{{> lines}}</li>{{/each}}</ul>' +
    '{{else}}{{#each values}}{{> lines}}{{else}}{{@root.notStated}}{{/each}}{{/if}}',
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

/**
 * The register as a standalone, accessible HTML page: the organisation's
 * details once, then each record (30(1), and 30(2) when there is one) as one
 * block per activity with every column's content. Prints on landscape pages;
 * each language version names the others.
 */
export function registerToHtml(register: Register, languages: readonly Language[] = [register.lang]): string {
  const render = template();
  const { alternates, links } = languageAlternates(register.lang, languages, 'register.html', 'layout:registerReadIn');
  const records = register.tables.map((table) => registerRecord(table, register.notStated));
  const assessments = register.assessments && assessmentBlocks(register.assessments);
  return trimLineEnds(render({ ...register, records, assessments, alternates, languageLinks: links })).replace(
    /\n{2,}/g,
    '\n',
  );
}

/** The accepted findings as blocks of labelled facts (the finding, where, the reason), one a finding. */
function assessmentBlocks(assessments: RegisterAssessments): {
  caption: string;
  intro: string;
  items: Array<Array<{ label: string; value: string }>>;
} {
  const items = assessments.rows.map((row) =>
    assessments.columns.map((column, i) => ({ label: column.header, value: row[i] ?? '' })),
  );
  return { caption: assessments.caption, intro: assessments.intro, items };
}

/**
 * A CSS string: the text with every character but printable ASCII (quotes and backslashes
 * included) as a hexadecimal escape, so that no author text can end the string or the rule.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/gu, cssEscape)}"`;
}

const cssEscape = (c: string): string => `\\${c.codePointAt(0)!.toString(16)} `;

/**
 * The register page's stylesheet (print: landscape), written beside it as register.css: the
 * template, then the text of the printed pages' header — the register's title at the left, the
 * version it was made from at the right (@page margin boxes; the stylesheet is the register's own), from the
 * second page on: the first has the title and version under its heading.
 */
export function registerStylesheet(register: Pick<Register, 'title' | 'versionLine'>): string {
  return (
    readTemplate('register.css') +
    '@media print {\n' +
    `  @page { @top-left { content: ${cssString(register.title)}; } @top-right { content: ${cssString(register.versionLine)}; } }\n` +
    // The first page shows both under its heading already. Empty boxes, not none: a page without margin boxes got
    // Chromium's own date and title there when its headers and footers are on (officer11 R1, checked in print).
    '  @page :first { @top-left { content: ""; } @top-right { content: ""; } }\n' +
    '}\n'
  );
}
