import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/**
 * Author Markdown as plain text for a register cell: the words without the
 * markup, paragraphs and list items on lines of their own.
 */
export function markdownToPlainText(markdown: string): string {
  const blocks = (nodes: readonly RootContent[]): string[] =>
    nodes.flatMap((node) => (node.type === 'list' || node.type === 'blockquote' || node.type === 'listItem'
      ? blocks(node.children as RootContent[])
      : [toString(node).replace(/\s*\n\s*/g, ' ').trim()]));
  return blocks(parser.parse(markdown).children).filter(Boolean).join('\n');
}
