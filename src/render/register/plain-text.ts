import type { RootContent } from 'mdast';
import { isPlainText } from '../author-html.js';
import { lazyModule } from '../lazy-module.js';
import { parseAuthorMarkdown } from '../parse-author-markdown.js';
import { foldLineBreaks } from '../text-whitespace.js';

const toStringModule = lazyModule<typeof import('mdast-util-to-string')>('mdast-util-to-string');

/**
 * Author Markdown as plain text for a register cell: the words without the
 * markup, paragraphs and list items on lines of their own. Text with no
 * Markdown syntax needs no parse (most author texts); the rest reuses the
 * parse the validator and the notice already made.
 */
export function markdownToPlainText(markdown: string): string {
  if (isPlainText(markdown)) {
    return markdown
      .split(/\n[ \t]*\n/)
      .map((paragraph) => foldLineBreaks(paragraph))
      .filter(Boolean)
      .join('\n');
  }
  return parsedToPlainText(markdown);
}

/** The same, always through the Markdown parser. */
export function parsedToPlainText(markdown: string): string {
  const blocks = (nodes: readonly RootContent[]): string[] =>
    nodes.flatMap((node) =>
      node.type === 'list' || node.type === 'blockquote' || node.type === 'listItem'
        ? blocks(node.children as RootContent[])
        : [foldLineBreaks(toStringModule().toString(node))],
    );
  return blocks(parseAuthorMarkdown(markdown).children).filter(Boolean).join('\n');
}
