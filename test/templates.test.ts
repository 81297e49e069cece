import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const templates = path.join(repoRoot, 'templates');

describe('templates', () => {
  it('Markdown templates never insert a value without an escaping helper', () => {
    // Markdown templates compile with noEscape, so {{value}} would insert raw text.
    const files = readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs') && /(^|\/)(md|notice\.md)/.test(f));
    expect(files.length).toBeGreaterThan(1);
    const allowed = /^\{\{(?:[#/](?:if|each|unless)\b|else\b|!--|>|(?:text|inlines|rich|mdTable|tocLink) )/;
    for (const file of files) {
      const source = readFileSync(path.join(templates, file), 'utf8');
      for (const mustache of source.match(/\{\{\{?[^}]*\}?\}\}/g) ?? []) {
        expect(allowed.test(mustache), `${file}: ${mustache}`).toBe(true);
      }
    }
  });

  it('HTML templates use triple-stash only for the pre-rendered fragment', () => {
    for (const file of readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html.hbs') || f.includes('html'))) {
      const source = readFileSync(path.join(templates, file), 'utf8');
      // The page embeds the rendered fragment and the JSON-LD (escaped for a script element by policy-jsonld.ts).
      const trusted: Record<string, string[]> = { 'page.html.hbs': ['{{{jsonLd}}}', '{{{body}}}'] };
      expect(source.match(/\{\{\{[^}]*\}\}\}/g) ?? [], file).toEqual(trusted[file] ?? []);
    }
  });
});
