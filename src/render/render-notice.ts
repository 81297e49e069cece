import GithubSlugger from 'github-slugger';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { noticeOutline } from './notice-outline.js';
import type { Block, Fact, FactPart, Inline, Section } from './outline.js';
import { policyJsonLdText, scriptSafeJson } from './policy-jsonld.js';
import { handlebarsRuntime } from './template-compiler.js';
import { noticeTemplates, type HtmlLayout, type NoticeTemplates } from './templates.js';
import { tidyDocument as tidy } from './text-whitespace.js';

export interface RenderedNotice {
  markdown: string;
  html: string;
  fragment: string;
}

export interface NoticeRenderOptions {
  /** Prepended to every id in the fragment (default 'policyc-'), `{lang}` in it by the language; the standalone page keeps plain ids. */
  idPrefix?: string;
  /** Level of the fragment's title heading, 1–4 (default 2: no <h1> in a fragment unless asked). */
  headingLevel?: number;
  /** Every language the notice is written in this build: each page links the others. */
  languages?: readonly Language[];
}

const DEFAULT_ID_PREFIX = 'policyc-';
const DEFAULT_FRAGMENT_HEADING_LEVEL = 2;

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
type Slugs = ReadonlyMap<string, string>;

/** A block whose in-page links ('#rights') point at Markdown heading slugs instead, inside subsections too. */
function linkBySlug(block: Block, slugs: Slugs): Block {
  if ('paragraph' in block) return { paragraph: relink(block.paragraph, slugs) };
  if ('list' in block) return { list: relinkEach(block.list, slugs) };
  if ('facts' in block) {
    const facts: Fact[] = [];
    for (const fact of block.facts)
      facts.push({
        ...fact,
        inlines: relink(fact.inlines, slugs),
        ...(fact.items ? { items: relinkEach(fact.items, slugs) } : {}),
        ...(fact.continued ? { continued: partsBySlug(fact.continued, slugs) } : {}),
      });
    return { facts };
  }
  if ('subsection' in block)
    return { subsection: { ...block.subsection, blocks: blocksBySlug(block.subsection.blocks, slugs) } };
  if ('table' in block) {
    // A transfer cell links to the safeguards below ('see below').
    const rows: Inline[][][] = [];
    for (const row of block.table.rows) rows.push(relinkEach(row, slugs));
    return { table: { ...block.table, rows } };
  }
  return block;
}

function partsBySlug(parts: readonly FactPart[], slugs: Slugs): FactPart[] {
  const linked: FactPart[] = [];
  for (const part of parts)
    linked.push({
      inlines: relink(part.inlines, slugs),
      ...(part.items ? { items: relinkEach(part.items, slugs) } : {}),
    });
  return linked;
}

function blocksBySlug(blocks: readonly Block[], slugs: Slugs): Block[] {
  const linked: Block[] = [];
  for (const block of blocks) linked.push(linkBySlug(block, slugs));
  return linked;
}

/** The inlines with in-page links by slug; the same array when none links within the page (most): nothing is copied. */
function relink(inlines: Inline[], slugs: Slugs): Inline[] {
  let i = 0;
  while (i < inlines.length && !inlines[i]!.href?.startsWith('#')) i++;
  if (i === inlines.length) return inlines;
  const linked = inlines.slice(0, i);
  for (; i < inlines.length; i++) {
    const inline = inlines[i]!;
    linked.push(
      inline.href?.startsWith('#')
        ? { ...inline, href: `#${slugs.get(inline.href.slice(1)) ?? inline.href.slice(1)}` }
        : inline,
    );
  }
  return linked;
}

function relinkEach(lists: readonly Inline[][], slugs: Slugs): Inline[][] {
  const linked: Inline[][] = [];
  for (const inlines of lists) linked.push(relink(inlines, slugs));
  return linked;
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
  const contentsSlug = slugger.slug(outline.contentsHeading);
  const introductionSlug = outline.introduction && slugger.slug(outline.introduction.heading);
  // Slug every heading in document order, so that duplicates get the same suffix GitHub gives them.
  const slugged: Array<Section & { slug: string }> = [];
  for (const section of outline.sections) {
    const slug = slugger.slug(section.heading);
    slugs.set(section.id, slug);
    for (const block of section.blocks) {
      if ('subsection' in block) slugs.set(block.subsection.id, slugger.slug(block.subsection.heading));
      // A table row has no anchor in Markdown: a link to it goes to its section.
      if ('table' in block) for (const id of block.table.rowIds ?? []) slugs.set(id, slug);
    }
    slugged.push({ ...section, slug });
  }
  const sections: Array<Section & { slug: string }> = [];
  for (const section of slugged) sections.push({ ...section, blocks: blocksBySlug(section.blocks, slugs) });
  // The first layer links into the sections: in Markdown, by the slugs of their headings.
  const summary = outline.summary && {
    ...outline.summary,
    blocks: blocksBySlug(outline.summary.blocks, slugs),
  };
  const markdown = tidy(templates.markdown({ ...outline, summary, sections, contentsSlug, introductionSlug }));
  const fragmentLayout: HtmlLayout = {
    idPrefix: (options.idPrefix ?? DEFAULT_ID_PREFIX).replaceAll('{lang}', messages.lang),
    headingLevel: options.headingLevel ?? DEFAULT_FRAGMENT_HEADING_LEVEL,
  };
  const { alternates, links } = languageAlternates(
    messages.lang,
    options.languages ?? [messages.lang],
    'privacy.html',
    'layout:readIn',
  );
  const { fragment, body } = fragmentAndBody(templates, outline, fragmentLayout, links);
  // The page carries the policy as JSON-LD (DPV), escaped so it cannot end its script element, and
  // pretty-printed as policy.jsonld is: readable in the page's source and in a golden file's diff
  // (about 3.5 KB more per page, under 200 bytes gzipped).
  const jsonLd = scriptSafeJson(policyJsonLdText(model));
  const page = { lang: outline.lang, title: outline.title, alternates, stylesheet: 'privacy.css' };
  const html = pageAround(templates.page, page, body, jsonLd);
  return { markdown, html, fragment };
}

/**
 * Stands for the id prefix in the one render of the fragment and the page's body: a control character,
 * refused in author text. Not U+0000: V8 finds U+0000 in a two-byte string (a notice with any '’' or '—')
 * a character at a time, as the high byte of every ASCII character is a zero byte, and U+0001 with memchr.
 */
const MARK = '\u0001';
const MARK_LINK = { lang: MARK, href: MARK, label: MARK };
/** A heading the headingTag helper wrote at level 1 + depth with the marked prefix (its text is escaped: no '<'), read where its mark is. */
const MARKED_HEADING = /<h([1-3]) id="\u0001([^"]*)">([^<]*)<\/h\1>/y;
/** Where a heading's mark is, from the heading's start: after '<hN id="'. */
const HEADING_MARK_AT = '<h1 id="'.length;

/**
 * The fragment and the page's body (the same template under two layouts, the
 * body with the links to the other languages) from one render: the shared
 * HTML marks the id prefix and the place of the language links, and each
 * layout puts in its own prefix, heading levels and links. The same text as
 * two renders, at a little more than the cost of one.
 *
 * The shared HTML is made flat once (to find the links' place); each layout
 * works on the slices before and after that place, which share its
 * characters, and is made flat once more by tidying: a notice is a few
 * hundred kilobytes of UTF-16, and every intermediate copy of it is garbage.
 * No mark or heading spans the links' place (the links are a paragraph of
 * their own), so laying out the two slices gives what laying out the whole
 * gives.
 */
function fragmentAndBody(
  templates: NoticeTemplates,
  outline: object,
  fragmentLayout: HtmlLayout,
  links: ReadonlyArray<{ lang: Language; href: string; label: string }>,
): { fragment: string; body: string } {
  const shared = templates.fragment({
    ...outline,
    layout: { idPrefix: MARK, headingLevel: 1 },
    languageLinks: [MARK_LINK],
  });
  const slot = templates.languages({ languageLinks: [MARK_LINK] });
  const at = shared.indexOf(slot);
  const before = at < 0 ? shared : shared.slice(0, at);
  const after = at < 0 ? '' : shared.slice(at + slot.length);
  const languages = at >= 0 && links.length ? templates.languages({ languageLinks: links }) : '';
  return {
    fragment: tidy(withLayout(before, fragmentLayout) + withLayout(after, fragmentLayout)),
    body: tidy(withLayout(before, PAGE_LAYOUT) + withLayout(languages, PAGE_LAYOUT) + withLayout(after, PAGE_LAYOUT)),
  };
}

const PAGE_LAYOUT: HtmlLayout = { idPrefix: '', headingLevel: 1 };

/**
 * The shared HTML under one layout: its headings moved to the layout's level, its prefix written in, in one pass
 * from mark to mark. A mark that is a heading's id (MARKED_HEADING where it starts, no earlier than the text not
 * yet copied) takes its heading; any other mark is the prefix.
 */
function withLayout(html: string, layout: HtmlLayout): string {
  const prefix = escapeExpression(layout.idPrefix);
  if (layout.headingLevel === 1) return withPrefix(html, prefix);
  let out = '';
  let from = 0;
  for (let at = html.indexOf(MARK); at >= 0; at = html.indexOf(MARK, from)) {
    const heading = headingAt(html, at - HEADING_MARK_AT, from);
    if (!heading) {
      out += html.slice(from, at) + prefix;
      from = at + 1;
      continue;
    }
    const [, depth, id, text] = heading;
    const level = Math.min(6, layout.headingLevel + Number(depth) - 1);
    out += `${html.slice(from, heading.index)}<h${level} id="${prefix}${id}">${text}</h${level}>`;
    from = MARKED_HEADING.lastIndex;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** The marked heading that starts at `start`, when it starts there and no earlier than `from`. */
function headingAt(html: string, start: number, from: number): RegExpExecArray | null {
  if (start < from) return null;
  MARKED_HEADING.lastIndex = start;
  return MARKED_HEADING.exec(html);
}

/** Every mark replaced by the prefix, as `replaceAll` does, but in slices of the HTML instead of a copy of it. */
function withPrefix(html: string, prefix: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf(MARK); at >= 0; at = html.indexOf(MARK, from)) {
    out += html.slice(from, at) + prefix;
    from = at + 1;
  }
  return from === 0 ? html : out + html.slice(from);
}

const escapeExpression = handlebarsRuntime.escapeExpression;

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
  return putIn(shell, BODY, body, JSON_LD, jsonLd);
}

/**
 * The shell with the first of each marker replaced by its value, found in the
 * shell itself: the page is assembled from slices and made flat once, when it
 * is written. The same as `.replace(first, …).replace(second, …)`: the
 * template puts the markers apart, and they hold U+0000 where the values hold
 * none (the body's marks are all replaced, JSON text escapes it), so a value
 * cannot make a marker.
 */
function putIn(shell: string, first: string, firstValue: string, second: string, secondValue: string): string {
  const places = [
    { at: shell.indexOf(first), length: first.length, value: firstValue },
    { at: shell.indexOf(second), length: second.length, value: secondValue },
  ]
    .filter(isFound)
    .sort(byPlace);
  let page = '';
  let from = 0;
  for (const { at, length, value } of places) {
    page += shell.slice(from, at) + value;
    from = at + length;
  }
  return page + shell.slice(from);
}

const isFound = (place: { at: number }): boolean => place.at >= 0;
const byPlace = (a: { at: number }, b: { at: number }): number => a.at - b.at;
