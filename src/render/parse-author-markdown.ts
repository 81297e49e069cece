import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const parser = unified().use(remarkParse).freeze();

/**
 * Parses author Markdown once per process per text: validation looks for
 * hazards in the tree, and the HTML renderer converts the same tree, so each
 * text goes through micromark (the costly step) only once. Callers must not
 * mutate the tree.
 */
const cache = new Map<string, Root>();
const CACHE_LIMIT = 2048;

export function parseAuthorMarkdown(markdown: string): Root {
  let tree = cache.get(markdown);
  if (!tree) {
    tree = parser.parse(markdown);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(markdown, tree);
  }
  return tree;
}
