import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseAuthorMarkdown } from '../parse-author-markdown.js';

/**
 * Author Markdown as plain text for a register cell: the words without the
 * markup, paragraphs and list items on lines of their own. Uses the parse
 * the validator and the notice already made of the same text.
 */
export function markdownToPlainText(markdown: string): string {
  const blocks = (nodes: readonly RootContent[]): string[] =>
    nodes.flatMap((node) => (node.type === 'list' || node.type === 'blockquote' || node.type === 'listItem'
      ? blocks(node.children as RootContent[])
      : [toString(node).replace(/\s*\n\s*/g, ' ').trim()]));
  return blocks(parseAuthorMarkdown(markdown).children).filter(Boolean).join('\n');
}
