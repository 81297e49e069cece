import type { Root, RootContent } from 'mdast';
import { parseAuthorMarkdown } from '../render/parse-author-markdown.js';

/** A problem found in author Markdown, at an offset inside the decoded string. */
export interface MarkdownHazard {
  kind: 'raw-html' | 'unsafe-url' | 'image';
  /** The offending HTML or URL, shortened for messages. */
  excerpt: string;
  offset: number;
}

/** URL schemes author links may use; anything else (javascript:, data:, vbscript:) is refused. */
const SAFE_PROTOCOL = /^(https?|mailto|tel):/i;
const HAS_PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * False when Markdown cannot hold a hazard: raw HTML and autolinks need '<';
 * links, link definitions and images need '['. (A bare URL is plain text in
 * CommonMark, and a character reference never makes markup.)
 * test/render-safety.test.ts checks this against the parser on random text.
 */
export function mayHoldHazards(markdown: string): boolean {
  return /[<[]/.test(markdown);
}

/**
 * Finds raw HTML, images and links to unsafe URL schemes in author Markdown.
 * Text that cannot hold any is not parsed at all, so a policy whose texts
 * have no '<' or '[' never loads the Markdown parser.
 */
export function findMarkdownHazards(markdown: string): MarkdownHazard[] {
  return mayHoldHazards(markdown) ? parsedMarkdownHazards(markdown) : [];
}

/** The same, always through the parser. */
export function parsedMarkdownHazards(markdown: string): MarkdownHazard[] {
  const tree = parseAuthorMarkdown(markdown);
  const hazards: MarkdownHazard[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'html') {
      hazards.push({ kind: 'raw-html', excerpt: shorten(node.value), offset: node.position?.start.offset ?? 0 });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      // The notice makes no outside requests (strict CSP): images are dropped from author text, so say so.
      hazards.push({ kind: 'image', excerpt: shorten(node.alt ?? ''), offset: node.position?.start.offset ?? 0 });
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

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? oneLine.slice(0, 39) + '…' : oneLine;
}
