import { compileTemplate, handlebarsRuntime, htmlCompileOptions, type Template } from '../template-compiler.js';
import { readTemplate } from '../templates.js';
import type { Register } from './register-model.js';
import { trimLineEnds } from '../text-whitespace.js';

/** Partials defined here rather than in templates/partials/ (precompiled with the rest). */
export const REGISTER_PARTIALS = {
  lines: '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}',
} as const;

let page: Template | undefined;

function template(): Template {
  if (page) return page;
  const env = handlebarsRuntime.create();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  for (const [name, source] of Object.entries(REGISTER_PARTIALS)) env.registerPartial(name, compileTemplate(env, source, htmlCompileOptions));
  page = compileTemplate(env, readTemplate('register.html.hbs'), htmlCompileOptions);
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
