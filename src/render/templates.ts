import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from '../paths.js';
import { authorMarkdownToHtml } from './author-html.js';
import { inlinesToMarkdown, tableToMarkdown, escapeMarkdownText } from './markdown-inline.js';
import type { Inline, Table } from './outline.js';
import {
  compileTemplate, handlebarsRuntime as Handlebars, htmlCompileOptions, markdownCompileOptions,
  type CompileOptions, type HandlebarsRuntime, type Template,
} from './template-compiler.js';

const templateTexts = new Map<string, string>();

/** A file from templates/, read once per process. */
export function readTemplate(name: string): string {
  let text = templateTexts.get(name);
  if (text === undefined) templateTexts.set(name, (text = readFileSync(path.join(templatesDir, name), 'utf8')));
  return text;
}
const read = readTemplate;

function registerPartials(env: HandlebarsRuntime, prefix: string, options: CompileOptions): void {
  for (const file of readdirSync(path.join(templatesDir, 'partials')).sort()) {
    if (file.startsWith(prefix) && file.endsWith('.hbs')) env.registerPartial(file.slice(0, -4), compileTemplate(env, read(path.join('partials', file)), options));
  }
}

/** Markdown: no automatic escaping; every value goes through a helper that escapes it for Markdown. */
function markdownEnvironment(): HandlebarsRuntime {
  const env = Handlebars.create();
  env.registerHelper('text', (value: string) => escapeMarkdownText(value));
  env.registerHelper('inlines', (value: Inline[]) => inlinesToMarkdown(value));
  env.registerHelper('rich', (value: string) => value.trim());
  env.registerHelper('mdTable', (table: Table) => tableToMarkdown(table));
  env.registerHelper('tocLink', (heading: string, slug: string) =>
    inlinesToMarkdown([{ text: heading, href: `#${slug}` }]));
  registerPartials(env, 'md', markdownCompileOptions);
  return env;
}

function htmlInline(inline: Inline): string {
  const text = Handlebars.escapeExpression(inline.text);
  const body = inline.strong ? `<strong>${text}</strong>` : text;
  return inline.href ? `<a href="${Handlebars.escapeExpression(inline.href)}">${body}</a>` : body;
}

/** HTML: Handlebars escapes {{value}}; helpers return SafeStrings of escaped or sanitised HTML. */
function htmlEnvironment(): HandlebarsRuntime {
  const env = Handlebars.create();
  env.registerHelper('inlines', (value: Inline[]) => new env.SafeString(value.map(htmlInline).join('')));
  env.registerHelper('rich', (value: string) => new env.SafeString(authorMarkdownToHtml(value)));
  registerPartials(env, 'html', htmlCompileOptions);
  return env;
}

export interface NoticeTemplates {
  markdown: Template;
  fragment: Template;
  page: Template;
}

let compiled: NoticeTemplates | undefined;

/** Templates loaded once per process (precompiled by `npm run compile`; see template-compiler.ts). */
export function noticeTemplates(): NoticeTemplates {
  if (compiled) return compiled;
  const md = markdownEnvironment();
  const html = htmlEnvironment();
  compiled = {
    markdown: compileTemplate(md, read('notice.md.hbs'), markdownCompileOptions),
    fragment: compileTemplate(html, read('notice.html.hbs'), htmlCompileOptions),
    page: compileTemplate(html, read('page.html.hbs'), htmlCompileOptions),
  };
  return compiled;
}

export function stylesheet(): string {
  return read('privacy.css');
}
