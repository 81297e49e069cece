import GithubSlugger from 'github-slugger';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { noticeOutline } from './notice-outline.js';
import type { Block, Inline } from './outline.js';
import { policyJsonLdText, scriptSafeJson } from './policy-jsonld.js';
import { noticeTemplates, type HtmlLayout } from './templates.js';
import { tidyDocument as tidy } from './text-whitespace.js';

export interface RenderedNotice {
  markdown: string;
  html: string;
  fragment: string;
}

export interface NoticeRenderOptions {
  /** Prepended to every id in the fragment (default 'policyc-'); the standalone page keeps plain ids. */
  idPrefix?: string;
  /** Level of the fragment's title heading, 1–4 (default 2: no <h1> in a fragment unless asked). */
  headingLevel?: number;
  /** Every language the notice is written in this build: each page links the others. */
  languages?: readonly Language[];
}

export const DEFAULT_ID_PREFIX = 'policyc-';
export const DEFAULT_FRAGMENT_HEADING_LEVEL = 2;

/** A block whose in-page links ('#rights') point at Markdown heading slugs instead, inside subsections too. */
function linkBySlug(block: Block, slugs: ReadonlyMap<string, string>): Block {
  const relink = (inlines: Inline[]): Inline[] =>
    inlines.map((inline) =>
      inline.href?.startsWith('#')
        ? { ...inline, href: `#${slugs.get(inline.href.slice(1)) ?? inline.href.slice(1)}` }
        : inline,
    );
  if ('paragraph' in block) return { paragraph: relink(block.paragraph) };
  if ('list' in block) return { list: block.list.map(relink) };
  if ('facts' in block)
    return {
      facts: block.facts.map((fact) => ({
        ...fact,
        inlines: relink(fact.inlines),
        ...(fact.items ? { items: fact.items.map(relink) } : {}),
      })),
    };
  if ('subsection' in block)
    return { subsection: { ...block.subsection, blocks: block.subsection.blocks.map((b) => linkBySlug(b, slugs)) } };
  return block;
}

/** The page in each other language, as its sibling folder: ../en/privacy.html. */
export function languageAlternates(
  lang: Language,
  languages: readonly Language[],
  file: string,
  key: string,
): {
  alternates: Array<{ lang: Language; href: string }>;
  links: Array<{ lang: Language; href: string; label: string }>;
} {
  const alternates = languages.map((l) => ({ lang: l, href: `../${l}/${file}` }));
  const links = alternates.filter((a) => a.lang !== lang).map((a) => ({ ...a, label: messagesFor(a.lang).t(key) }));
  return { alternates, links };
}

/** The notice in one language, as Markdown, a standalone HTML page and an embeddable fragment. */
export function renderNotice(
  model: PolicyModel,
  messages: Messages,
  options: NoticeRenderOptions = {},
): RenderedNotice {
  const outline = noticeOutline(model, messages);
  const templates = noticeTemplates();
  // Markdown renderers anchor headings by GitHub's slug of their text.
  const slugger = new GithubSlugger();
  const slugs = new Map<string, string>();
  slugger.slug(outline.title);
  if (outline.summary) slugger.slug(outline.summary.heading);
  slugger.slug(outline.contentsHeading);
  // Slug every heading in document order, so that duplicates get the same suffix GitHub gives them.
  const sections = outline.sections
    .map((section) => {
      const slug = slugger.slug(section.heading);
      slugs.set(section.id, slug);
      for (const block of section.blocks)
        if ('subsection' in block) slugs.set(block.subsection.id, slugger.slug(block.subsection.heading));
      return { ...section, slug };
    })
    .map((section) => ({ ...section, blocks: section.blocks.map((block) => linkBySlug(block, slugs)) }));
  // The first layer links into the sections: in Markdown, by the slugs of their headings.
  const summary = outline.summary && {
    ...outline.summary,
    blocks: outline.summary.blocks.map((block) => linkBySlug(block, slugs)),
  };
  const markdown = tidy(templates.markdown({ ...outline, summary, sections }));
  const fragmentLayout: HtmlLayout = {
    idPrefix: options.idPrefix ?? DEFAULT_ID_PREFIX,
    headingLevel: options.headingLevel ?? DEFAULT_FRAGMENT_HEADING_LEVEL,
  };
  const fragment = tidy(templates.fragment({ ...outline, layout: fragmentLayout, languageLinks: [] }));
  const { alternates, links } = languageAlternates(
    messages.lang,
    options.languages ?? [messages.lang],
    'privacy.html',
    'layout:readIn',
  );
  const body = templates.fragment({ ...outline, layout: { idPrefix: '', headingLevel: 1 }, languageLinks: links });
  // The page carries the policy as JSON-LD (DPV), escaped so it cannot end its script element, and
  // pretty-printed as policy.jsonld is: readable in the page's source and in a golden file's diff
  // (about 3.5 KB more per page, under 200 bytes gzipped).
  const jsonLd = scriptSafeJson(policyJsonLdText(model));
  const page = { lang: outline.lang, title: outline.title, alternates, stylesheet: 'privacy.css' };
  const html = pageAround(templates.page, page, tidy(body), jsonLd);
  return { markdown, html, fragment };
}

const BODY = '\u0000policyc-body\u0000';
const JSON_LD = '\u0000policyc-json-ld\u0000';

/**
 * The page: its shell tidied, then the (already tidy) body and the JSON-LD
 * put in. Tidying the whole page again would pass over the notice a second
 * time for nothing: the body has no trailing spaces and no runs of blank
 * lines, and the JSON-LD has neither. A title that holds a marker (it cannot:
 * U+0000 is refused in author text) takes the long way.
 */
function pageAround(
  render: (context: object) => string,
  page: { lang: string; title: string; alternates: object[]; stylesheet: string },
  body: string,
  jsonLd: string,
): string {
  if (page.title.includes('\u0000')) return tidy(render({ ...page, body, jsonLd }));
  const shell = tidy(render({ ...page, body: BODY, jsonLd: JSON_LD }));
  return shell.replace(BODY, () => body).replace(JSON_LD, () => jsonLd);
}
