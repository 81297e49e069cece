import Handlebars from 'handlebars';
import { readTemplate } from '../templates.js';
import type { Register } from './register-model.js';
import { trimLineEnds } from '../text-whitespace.js';

let page: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (page) return page;
  const env = Handlebars.create();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  env.registerPartial('lines', '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}');
  page = env.compile(readTemplate('register.html.hbs'), { strict: true, preventIndent: true });
  return page;
}

/**
 * The register as a standalone, accessible HTML page: one table per record
 * with a caption and scoped headers, each activity's id heading its row;
 * cells with several values as lists. Prints on landscape pages.
 */
export function registerToHtml(register: Register): string {
  const render = template();
  return trimLineEnds(render(register)).replace(/\n{2,}/g, '\n');
}

/** The register page's stylesheet (print: landscape), written beside it as register.css. */
export function registerStylesheet(): string {
  return readTemplate('register.css');
}
