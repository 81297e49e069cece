import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from '../paths.js';
import { authorMarkdownToHtml } from './author-html.js';
import { linkContactsInHtml } from './contact-links.js';
import { displayUrl } from './format.js';
import { inlinesToMarkdown, tableToMarkdown, escapeHeading, escapeMarkdownText } from './markdown-inline.js';
import { isCardTable } from './table-cards.js';
import { markOtherLanguage } from './other-language.js';
import type { Language } from '../i18n/messages.js';
import type { Inline, Table } from './outline.js';
import {
  compileTemplate,
  createEnvironment,
  handlebarsRuntime as Handlebars,
  htmlCompileOptions,
  markdownCompileOptions,
  type CompileOptions,
  type HandlebarsRuntime,
  type Template,
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
    if (file.startsWith(prefix) && file.endsWith('.hbs'))
      env.registerPartial(file.slice(0, -4), compileTemplate(env, read(path.join('partials', file)), options));
  }
}

/** Markdown: no automatic escaping; every value goes through a helper that escapes it for Markdown. */
function markdownEnvironment(): HandlebarsRuntime {
  const env = createEnvironment();
  env.registerHelper('text', (value: string) => escapeMarkdownText(value));
  env.registerHelper('heading', (value: string) => escapeHeading(value));
  env.registerHelper('inlines', (value: Inline[]) => inlinesToMarkdown(value));
  // 'Adres:' but 'Kunt u weigeren?': a label that is a question takes no colon.
  env.registerHelper('factLabel', (label: string) => escapeMarkdownText(/[?:]$/.test(label) ? label : `${label}:`));
  env.registerHelper('rich', (value: string) => value.trim());
  env.registerHelper('mdTable', (table: Table) => tableToMarkdown(table));
  env.registerHelper('tocLink', (heading: string, slug: string) =>
    inlinesToMarkdown([{ text: heading, href: `#${slug}` }]),
  );
  registerPartials(env, 'md', markdownCompileOptions);
  return env;
}

/**
 * One run of text as HTML; a link within the notice ('#rights') gets the fragment's id prefix, a name in the other
 * language its lang ('<span lang="nl">Autoriteit Persoonsgegevens</span>' in English).
 */
function htmlInline(inline: Inline, idPrefix: string, lang: Language): string {
  // A link that shows its own address says where it goes instead ('cnil.fr/…').
  const shown = inline.href && inline.text === inline.href ? displayUrl(inline.href) : inline.text;
  const text = markOtherLanguage(Handlebars.escapeExpression(shown), lang);
  const body = inline.strong ? `<strong>${text}</strong>` : text;
  // A dash is read as nothing or 'em dash': a screen reader says the words instead (the accessibility review of 2026-12-07).
  if (inline.spoken !== undefined)
    return `<span aria-hidden="true">${body}</span><span class="policyc-visually-hidden">${Handlebars.escapeExpression(inline.spoken)}</span>`;
  if (!inline.href) return inline.identifier ? body : linkContactsInHtml(body);
  const href = inline.href.startsWith('#') ? `#${idPrefix}${inline.href.slice(1)}` : inline.href;
  return `<a href="${Handlebars.escapeExpression(href)}">${body}</a>`;
}

/** Runs of text as HTML: a loop, not a closure made per call (docs/architecture.md, "No closures made per call"). */
function htmlInlines(inlines: readonly Inline[], idPrefix: string, lang: Language): string {
  let html = '';
  for (const inline of inlines) html += htmlInline(inline, idPrefix, lang);
  return html;
}

/** How deep the headings of a rendered HTML notice start, and what its ids begin with. */
export interface HtmlLayout {
  /** The level of the title: 1 on the standalone page, 2 by default in the fragment. */
  headingLevel: number;
  /** Prepended to every id and in-page link: '' on the page, 'policyc-' by default in the fragment. */
  idPrefix: string;
}

interface HelperOptions {
  data: { root: { layout: HtmlLayout; lang: Language } };
}

/** HTML: Handlebars escapes {{value}}; helpers return SafeStrings of escaped or sanitised HTML. */
function htmlEnvironment(): HandlebarsRuntime {
  const env = createEnvironment();
  const escape = Handlebars.escapeExpression;
  env.registerHelper(
    'inlines',
    (value: Inline[], options: HelperOptions) =>
      new env.SafeString(htmlInlines(value, options.data.root.layout.idPrefix, options.data.root.lang)),
  );
  env.registerHelper('anchor', (id: string, options: HelperOptions) => options.data.root.layout.idPrefix + id);
  // depth 0 is the title, 1 a section, 2 a subsection; HTML has six levels.
  env.registerHelper('headingTag', (depth: number, id: string, value: string, options: HelperOptions) => {
    const { headingLevel, idPrefix } = options.data.root.layout;
    const level = Math.min(6, headingLevel + depth);
    return new env.SafeString(`<h${level} id="${escape(idPrefix + id)}">${escape(value)}</h${level}>`);
  });
  env.registerHelper('rich', (value: string) => new env.SafeString(linkContactsInHtml(authorMarkdownToHtml(value))));
  env.registerHelper('tableCards', isCardTable);
  registerPartials(env, 'html', htmlCompileOptions);
  return env;
}

export interface NoticeTemplates {
  markdown: Template;
  fragment: Template;
  /** The page's links to the other languages (the fragment's htmlLanguages partial, on its own). */
  languages: Template;
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
    languages: compileTemplate(html, read(path.join('partials', 'htmlLanguages.hbs')), htmlCompileOptions),
    page: compileTemplate(html, read('page.html.hbs'), htmlCompileOptions),
  };
  return compiled;
}

/** The standalone page's stylesheet, privacy.css: the page itself, then the notice. */
export function stylesheet(): string {
  return read('page.css') + read('notice.css');
}

/** The fragment's stylesheet, privacy.fragment.css: every rule scoped under .policyc-notice, so linking it leaves the host site alone. */
export function fragmentStylesheet(): string {
  return read('notice.css');
}
