// A realistic corpus: copies of the real policies in policies/ (the seeds),
// each with its own id and every text made different by a word or two, so
// that per-string caches cannot flatter the figures. About 1% of the seeds'
// texts contain Markdown syntax (links), and so do the copies.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policySchema } from '../lib/validate/schema-validator.js';
import { isMarkdownAt } from '../lib/validate/text-checks.js';

const LANGUAGE_KEYS = new Set(['nl', 'en']);

/** True for a text given per language: { nl: '…', en: '…' }. */
function isText(value) {
  return (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.entries(value).every(([k, v]) => LANGUAGE_KEYS.has(k) && typeof v === 'string')
  );
}

/**
 * The policy with every text ending in a number of its own (same structure,
 * different strings); one text in a hundred also gets a Markdown link, which
 * with the seeds' own two links makes about 1% of texts Markdown. The link
 * goes into the next text the notice renders as Markdown (x-markdown in the
 * schema): in a plain text, such as a name, an author's link is shown as typed.
 */
function vary(value, n, counter = { texts: 0, linkDue: false }, pointer = '', source = value) {
  if (isText(value)) {
    if (counter.texts++ % 100 === 50) counter.linkDue = true;
    const link = counter.linkDue && isMarkdownAt(policySchema().schema, source, `${pointer}/${Object.keys(value)[0]}`);
    if (link) counter.linkDue = false;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        `${v} (${n})${link ? ` [${k === 'nl' ? 'Meer' : 'More'}](https://example.nl/${n})` : ''}`,
      ]),
    );
  }
  if (Array.isArray(value)) return value.map((item, i) => vary(item, n, counter, `${pointer}/${i}`, source));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        vary(v, n, counter, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, source),
      ]),
    );
  return value;
}

/** The seed policies' texts, by file. */
export function seedPolicies(root) {
  const dir = path.join(root, 'policies');
  return readdirSync(dir)
    .sort()
    .map((org) => JSON.parse(readFileSync(path.join(dir, org, 'policy.json'), 'utf8')));
}

/** Counts texts (per language) and those with Markdown syntax (as author-html.ts's fast path sees it). */
export function markdownShare(policies) {
  const syntax = /[\\`*_[\]<>&!|~#=\r\t]|^ {0,3}(?:[-+]|\d+[.)])|^ {4}| {2,}\n/m;
  let texts = 0;
  let marked = 0;
  const walk = (value) => {
    if (isText(value)) {
      for (const v of Object.values(value)) {
        texts++;
        if (syntax.test(v)) marked++;
      }
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  policies.forEach(walk);
  return { texts, marked };
}

/**
 * Writes `count` copies as <dir>/policies/<id>/policy.json, cycling through
 * `sources` (every seed, or just one); returns their paths.
 */
export function writeSeedCorpus(dir, count, sources) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const id = `${source.id}-${String(i).padStart(5, '0')}`;
    const policy = { ...vary(source, i), id };
    delete policy.$schema;
    const folder = path.join(dir, 'policies', id);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'policy.json');
    writeFileSync(file, JSON.stringify(policy, null, 2));
    files.push(file);
  }
  return files;
}
