import type { Root, RootContent } from 'mdast';
import { holdsBlankWord } from '../blank-words.js';
import { parseAuthorMarkdown } from '../render/parse-author-markdown.js';

/** A problem found in author Markdown, at an offset inside the decoded string. */
export interface MarkdownHazard {
  kind: 'raw-html' | 'blank' | 'unsafe-url' | 'image' | 'too-deep' | 'unclosed-fence' | 'heading';
  /** The offending HTML or URL, shortened for messages. */
  excerpt: string;
  offset: number;
}

/** URL schemes author links may use; anything else (javascript:, data:, vbscript:) is refused. */
const SAFE_PROTOCOL = /^(https?|mailto|tel):/i;
const HAS_PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * False when Markdown cannot hold a hazard: raw HTML and autolinks need '<';
 * links, link definitions and images need '['; a heading needs a line that
 * starts with '#' after blanks and list or quote markers, or a line of only
 * '=' or '-' (a setext underline), so a '#' inside a URL or a word is no
 * reason to parse (Doctolib's one '#', in a cnil.fr address, sent a policy
 * with no Markdown syntax to the Markdown parser).
 * (A bare URL is plain text in CommonMark, and a character reference never
 * makes markup.) test/render-safety.test.ts checks this against the parser
 * on random text.
 */
export function mayHoldHazards(markdown: string): boolean {
  return MAY_HOLD_HAZARDS.test(markdown);
}

// A setext underline of dashes is the markers' '-' then one more '-' at the end: '-+' after a class holding '-' backtracked
// quadratically on a long run of dashes (40,000 took 3 s).
const MAY_HOLD_HAZARDS = /[<[]|^[ \t>*+\-\d.)]*(?:#|=+[ \t]*$|-[ \t]*$)/m;

/**
 * Finds raw HTML, images, headings and links to unsafe URL schemes in author Markdown.
 * Text that cannot hold any is not parsed at all, so a policy whose texts
 * have no '<', '[', '#' or line ending in '=' or '-' never loads the Markdown parser.
 */
export function findMarkdownHazards(markdown: string): MarkdownHazard[] {
  const deep = tooDeep(markdown);
  if (deep) return [deep]; // parsing it would take minutes or overflow the stack
  return mayHoldHazards(markdown) || OPENS_FENCE.test(markdown) ? parsedMarkdownHazards(markdown) : [];
}

/** A line that may open a fenced code block (after container markers): such text is parsed to see whether the fence closes. */
const OPENS_FENCE = /^[ \t>*+\d.)-]*(?:```|~~~)/m;

/**
 * HTML that is a blank to fill in rather than markup: '<e-mailadres FG>', '<naam>' (officer review 2, finding 9: "raw
 * HTML" tells a practice manager nothing). One tag with no attribute value, no closing slash and no quotes, holding a
 * space or a word of a blank. Still refused: only the message differs.
 */
function looksLikeBlank(html: string): boolean {
  const tag = html.trim();
  if (!/^<[^<>="'/]+>$/.test(tag) || htmlElement.test(tag)) return false;
  return /\s/.test(tag) || holdsBlankWord.test(tag);
}

/** The start of an HTML element that can carry script, style or a link: always reported as HTML. */
const htmlElement =
  /^<(?:a|abbr|audio|b|base|body|br|button|code|div|em|embed|font|form|frame|head|html|i|iframe|img|input|link|marquee|math|meta|object|p|script|select|span|strong|style|svg|table|template|textarea|u|video)\b/i;

/** The same, always through the parser (no nesting limit: callers check that first). */
export function parsedMarkdownHazards(markdown: string): MarkdownHazard[] {
  const tree = parseAuthorMarkdown(markdown);
  const hazards: MarkdownHazard[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'html') {
      const kind = looksLikeBlank(node.value) ? 'blank' : 'raw-html';
      hazards.push({ kind, excerpt: shorten(node.value), offset: node.position?.start.offset ?? 0 });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      // The notice makes no outside requests (strict CSP): images are dropped from author text, so say so.
      hazards.push({ kind: 'image', excerpt: shorten(node.alt ?? ''), offset: node.position?.start.offset ?? 0 });
    } else if (
      node.type === 'code' &&
      node.position &&
      !fenceClosed(markdown.slice(node.position.start.offset, node.position.end.offset))
    ) {
      // Closed only by the end of the text, it would run on over the rest of the generated Markdown document.
      hazards.push({
        kind: 'unclosed-fence',
        excerpt: shorten(markdown.slice(node.position.start.offset).split('\n')[0]!),
        offset: node.position.start.offset ?? 0,
      });
    } else if (node.type === 'heading') {
      // The notice's own headings give its outline (h1 title, h2 sections, h3 cards): an author's '# Let op' inside a
      // right's text was an h1 under an h3, a second title to a screen reader (accessibility review, finding 2).
      const start = node.position?.start.offset ?? 0;
      const source = markdown.slice(start, node.position?.end.offset ?? start);
      hazards.push({ kind: 'heading', excerpt: shorten(source.split('\n')[0]!), offset: start });
    } else if (node.type === 'link' || node.type === 'definition') {
      const url = node.url.trim();
      if (HAS_PROTOCOL.test(url) && !SAFE_PROTOCOL.test(url)) {
        hazards.push({ kind: 'unsafe-url', excerpt: shorten(url), offset: node.position?.start.offset ?? 0 });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return hazards;
}

/** Block quotes and lists nested deeper than this are refused (Markdown parsers recurse once per level). */
export const MAX_MARKDOWN_NESTING = 32;
/** Leading indentation, in characters, above which a container marker counts as nested too deeply. */
const MAX_CONTAINER_INDENT = 128;

/**
 * The first line whose container prefix (block-quote markers, list markers
 * and the indentation that nests list items) is deeper than the limit: a
 * linear scan, done before any parse.
 */
function tooDeep(markdown: string): MarkdownHazard | undefined {
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const { markers, indent } = containerPrefix(line);
    if (markers > MAX_MARKDOWN_NESTING || (markers > 0 && indent > MAX_CONTAINER_INDENT)) {
      return { kind: 'too-deep', excerpt: String(MAX_MARKDOWN_NESTING), offset };
    }
    offset += line.length + 1;
  }
  return undefined;
}

function containerPrefix(line: string): { markers: number; indent: number } {
  let markers = 0;
  let indent = 0;
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      i++;
      indent++;
    }
    const c = line[i];
    if (c === '>') {
      i++;
    } else if (
      (c === '-' || c === '+' || c === '*') &&
      (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')
    ) {
      i++;
    } else {
      let j = i;
      while (j < i + 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || (line[j] !== '.' && line[j] !== ')')) return { markers, indent };
      i = j + 1;
    }
    markers++;
  }
}

/** True when a fenced code block's source ends with a closing fence (an indented code block has none and needs none). */
function fenceClosed(source: string): boolean {
  const lines = source.split('\n');
  const open = /^[ \t>*+\d.)-]*?(`{3,}|~{3,})/.exec(lines[0]!);
  if (!open) return true;
  const fence = open[1]!;
  const last = lines[lines.length - 1]!.replace(/^[ \t>]*/, '').trimEnd();
  return lines.length > 1 && last.length >= fence.length && [...last].every((c) => c === fence[0]);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? oneLine.slice(0, 39) + '…' : oneLine;
}
