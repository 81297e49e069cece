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
 * Finds raw HTML, images and links to unsafe URL schemes in author Markdown.
 * Markdown without '<', ':', '&' or '![' can hold none of them (no tag, no
 * scheme, no character reference that could spell one, no image), so it is
 * not parsed at all.
 */
export function findMarkdownHazards(markdown: string): MarkdownHazard[] {
  if (!/[<:&]|!\[/.test(markdown)) return [];
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
