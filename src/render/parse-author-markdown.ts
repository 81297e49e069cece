import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { lazyModule } from './lazy-module.js';
import { PolicyMemo } from '../policy-memo.js';

const unifiedModule = lazyModule<typeof import('unified')>('unified');
const remarkParseModule = lazyModule<typeof import('remark-parse')>('remark-parse');

let parser: Processor<Root> | undefined;
/** The parser, built on first use (most author texts never need it). */
function markdownParser(): Processor<Root> {
  return (parser ??= unifiedModule().unified().use(remarkParseModule().default).freeze() as unknown as Processor<Root>);
}

/**
 * Parses author Markdown once per policy per text: validation looks for
 * hazards in the tree, and the HTML renderer converts the same tree, so each
 * text goes through micromark (the costly step) only once. Callers must not
 * mutate the tree.
 */
const parsed = new PolicyMemo<Root>(2048);

export function parseAuthorMarkdown(markdown: string): Root {
  let tree = parsed.get(markdown);
  if (!tree) {
    tree = markdownParser().parse(markdown);
    parsed.set(markdown, tree);
  }
  return tree;
}
