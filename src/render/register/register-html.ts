import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../../paths.js';
import type { Register } from './register-model.js';

let page: Handlebars.TemplateDelegate | undefined;
let css: string | undefined;

function template(): Handlebars.TemplateDelegate {
  if (page) return page;
  const env = Handlebars.create();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  env.registerPartial('lines', '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}');
  page = env.compile(readFileSync(path.join(templatesDir, 'register.html.hbs'), 'utf8'), { strict: true, preventIndent: true });
  css = readFileSync(path.join(templatesDir, 'register.css'), 'utf8').trimEnd();
  return page;
}

/**
 * The register as a standalone, accessible HTML page: one table per record
 * with a caption and scoped headers, each activity's id heading its row;
 * cells with several values as lists. Prints on landscape pages.
 */
export function registerToHtml(register: Register): string {
  const render = template();
  return render({ ...register, css }).replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n');
}
