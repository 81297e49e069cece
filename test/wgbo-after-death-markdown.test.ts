import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseAuthorMarkdown } from '../src/render/parse-author-markdown.js';
import { repoRoot } from './support/cli.js';
import { policyOutputs } from './support/policy-outputs.js';
import { seedPolicies } from './support/seed-pages.js';

/**
 * secondread9 D1: the WGBO item after death in privacy.md. Its 'who gets access' list and its refusal list
 * were split by an indented `<!-- -->` line; marked and markdown-it then merged the refusals into the list
 * of people who get access, and MDX could not compile the file. A blank line before each continued paragraph
 * ends the list in every CommonMark reader.
 */

const careProviders = seedPolicies()
  .map((file) => ({ file, policy: JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) }))
  .filter(({ policy }) => policy.controller?.isCareProvider === true);

const LABEL = { nl: 'Na overlijden', en: 'After death' } as const;
/** The second refusal case: another person's privacy (BW 7:458a(1)). */
const OTHERS_PRIVACY = { nl: 'de privacy van een ander', en: 'the privacy of someone else' } as const;

/** The top-level list item whose text starts with `label`. */
function factItem(tree: Root, label: string): ListItem {
  let found: ListItem | undefined;
  visit(tree, 'listItem', (item: ListItem) => {
    if (!found && toString(item.children[0]).startsWith(label)) found = item;
  });
  expect(found, label).toBeDefined();
  return found!;
}

/** The lists directly inside an item, each as its items' texts. */
const subLists = (item: ListItem): string[][] =>
  item.children.filter((c): c is List => c.type === 'list').map((list) => list.children.map((li) => toString(li)));

describe('privacy.md: the WGBO item after death keeps who gets access and the refusals apart', () => {
  it('covers every care provider among the seeds', () => {
    expect(careProviders.length).toBeGreaterThanOrEqual(5);
  });

  for (const { file, policy } of careProviders) {
    const { notice } = policyOutputs(policy);
    for (const lang of Object.keys(notice) as (keyof typeof LABEL)[]) {
      it(`${file} (${lang})`, () => {
        const markdown = notice[lang];
        expect(markdown).not.toMatch(/^[ \t]+<!--/m);
        const item = factItem(parseAuthorMarkdown(markdown), LABEL[lang]);
        expect(toString(item)).not.toContain('<!--');
        const lists = subLists(item);
        expect(lists).toHaveLength(2);
        const [who, refused] = lists as [string[], string[]];
        expect(who).toHaveLength(4);
        expect(refused).toHaveLength(2);
        expect(who.some((t) => t.includes(OTHERS_PRIVACY[lang]))).toBe(false);
        expect(refused.some((t) => t.includes(OTHERS_PRIVACY[lang]))).toBe(true);
      });
    }
  }
});
