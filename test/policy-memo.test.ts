import { describe, expect, it } from 'vitest';
import { parseAuthorMarkdown } from '../src/render/parse-author-markdown.js';
import { nextPolicy, PolicyMemo } from '../src/policy-memo.js';
import { analyse, miniPolicy } from './support/mini-policy.js';

describe('a Markdown parse is kept for the policy that made it and the next one', () => {
  const text = 'We *never* share [your data](https://example.nl).';

  it('is reused within a policy and by the next, and made again two policies on', () => {
    nextPolicy();
    const tree = parseAuthorMarkdown(text);
    expect(parseAuthorMarkdown(text)).toBe(tree);
    nextPolicy();
    expect(parseAuthorMarkdown(text)).toBe(tree); // the next policy (a shared base's text, a rebuild)
    nextPolicy();
    nextPolicy();
    const again = parseAuthorMarkdown(text);
    expect(again).not.toBe(tree);
    expect(again).toEqual(tree);
  });

  it('starts a new policy with each analysis: a long run keeps no text from policies long done', () => {
    const tree = parseAuthorMarkdown(text);
    analyse(miniPolicy());
    analyse(miniPolicy());
    expect(parseAuthorMarkdown(text)).not.toBe(tree);
  });

  it('carries a text every policy uses from one policy to the next', () => {
    const tree = parseAuthorMarkdown(text);
    for (let i = 0; i < 5; i++) {
      nextPolicy();
      expect(parseAuthorMarkdown(text)).toBe(tree);
    }
  });
});

describe('PolicyMemo', () => {
  it('holds at most `limit` entries for one policy, dropping the oldest', () => {
    nextPolicy();
    const memo = new PolicyMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, 2, 3]);
  });
});
