import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const templates = path.join(repoRoot, 'templates');

describe('templates', () => {
  it('Markdown templates never insert a value without an escaping helper', () => {
    // Markdown templates compile with noEscape, so {{value}} would insert raw text.
    const files = readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.hbs') && /(^|\/)(md|notice\.md)/.test(f),
    );
    expect(files.length).toBeGreaterThan(1);
    const allowed =
      /^\{\{(?:[#/](?:if|each|unless)\b|else\b|!--|>|(?:text|heading|factLabel|inlines|rich|mdTable|tocLink) )/;
    for (const file of files) {
      const source = readFileSync(path.join(templates, file), 'utf8');
      for (const mustache of source.match(/\{\{\{?[^}]*\}?\}\}/g) ?? []) {
        expect(allowed.test(mustache), `${file}: ${mustache}`).toBe(true);
      }
    }
  });

  it('HTML templates use triple-stash only for the pre-rendered fragment', () => {
    for (const file of readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html.hbs') || f.includes('html'),
    )) {
      const source = readFileSync(path.join(templates, file), 'utf8');
      // The page embeds the rendered fragment and the JSON-LD (escaped for a script element by policy-jsonld.ts).
      const trusted: Record<string, string[]> = { 'page.html.hbs': ['{{{jsonLd}}}', '{{{body}}}'] };
      expect(source.match(/\{\{\{[^}]*\}\}\}/g) ?? [], file).toEqual(trusted[file] ?? []);
    }
  });
});

describe('precompiled templates (npm run compile)', () => {
  it('cover every template: building every seed with lib/ loads no Handlebars compiler and no XLSX library', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { compilePolicy } from ${JSON.stringify(path.join(repoRoot, 'lib/index.js'))};
      for (const file of process.argv.slice(1)) {
        const result = await compilePolicy(readFileSync(file, 'utf8'), file);
        if (!result.outputs.length) throw new Error(file + ' did not compile');
      }
      const loaded = Object.keys(createRequire(import.meta.url).cache).map((f) => f.replace(/\\\\/g, '/'));
      console.log(JSON.stringify(loaded.filter((f) => /node_modules\\/(handlebars|exceljs)\\//.test(f))));
    `;
    const seeds = readdirSync(path.join(repoRoot, 'policies'))
      .sort()
      .map((org) => path.join(repoRoot, 'policies', org, 'policy.json'));
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...seeds], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stdout) as string[];
    expect(loaded.some((f) => f.endsWith('handlebars/dist/cjs/handlebars.runtime.js'))).toBe(true);
    expect(loaded.filter((f) => /handlebars\/compiler\/|\/exceljs\//.test(f))).toEqual([]);
  });

  it('a policy whose texts have no Markdown syntax loads no Markdown parser', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { analysePolicy } from ${JSON.stringify(path.join(repoRoot, 'lib/index.js'))};
      const file = process.argv[1];
      const { model } = analysePolicy(readFileSync(file, 'utf8'), file);
      if (!model) throw new Error('no model');
      // ES modules leave no trace in require.cache: the lazy loader reports what it loaded.
      const { loadedLazyModules } = await import(${JSON.stringify(path.join(repoRoot, 'lib/render/lazy-module.js'))});
      console.log(JSON.stringify(loadedLazyModules()));
    `;
    const plain = path.join(repoRoot, 'test/fixtures/minimal/policy.json');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, plain], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
