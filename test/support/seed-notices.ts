import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { compilePolicy } from '../../src/build/compile-policy.js';
import { repoRoot } from './cli.js';

export type SeedOutputs = Record<'nl' | 'en', { markdown: string; html: string }>;

/** Compiles policies/<id>/policy.json with no diagnostics, and returns both languages' Markdown and HTML. */
export function compileSeed(id: string): SeedOutputs {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  const result = compilePolicy(readFileSync(file, 'utf8'), file);
  expect(result.diagnostics).toEqual([]);
  const output = (lang: string, name: string): string => {
    const found = result.outputs.find((o) => o.path === `${id}/${lang}/${name}`);
    if (!found) throw new Error(`no ${id}/${lang}/${name}`);
    return String(found.contents);
  };
  return {
    nl: { markdown: output('nl', 'privacy.md'), html: output('nl', 'privacy.html') },
    en: { markdown: output('en', 'privacy.md'), html: output('en', 'privacy.html') },
  };
}

/** The visible text of an HTML page: tags dropped, entities decoded, so facts compare as a reader sees them. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
      return named[body] ?? entity;
    });
}

/** Asserts each fact, per language, in both the Markdown and the HTML output. */
export function expectFacts(outputs: SeedOutputs, facts: Record<'nl' | 'en', readonly string[]>): void {
  for (const lang of ['nl', 'en'] as const) {
    const html = htmlText(outputs[lang].html);
    for (const fact of facts[lang]) {
      expect(outputs[lang].markdown, `${lang} markdown`).toContain(fact);
      expect(html, `${lang} html`).toContain(fact);
    }
  }
}
