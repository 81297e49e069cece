import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { compile } from '../src/index.js';
import { repoRoot } from './support/cli.js';

const policyText = readFileSync(path.join(repoRoot, 'policies/ipractice/policy.json'), 'utf8');

test("the package's own entry point ('policyc', built lib/) exports compile and its types", async () => {
  // Self-reference through package.json "exports", as a consumer's import resolves it.
  const api = await import('policyc');
  expect(typeof api.compile).toBe('function');
  const result = await api.compile(policyText);
  expect(result.id).toBe('ipractice');
  expect(readFileSync(path.join(repoRoot, 'lib/index.d.ts'), 'utf8')).toMatch(
    /export \{ compile, type CompileResult, type LibraryCompileOptions \}/,
  );
});

test('compile returns every output in memory, the same for text and for the parsed object', async () => {
  const fromText = await compile(policyText);
  const fromObject = await compile(JSON.parse(policyText) as object);
  expect(fromText.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(fromText.outputs.map((o) => o.path)).toEqual([
    'ipractice/policy.jsonld',
    ...['nl', 'en'].flatMap((lang) =>
      [
        'privacy.md',
        'privacy.html',
        'privacy.fragment.html',
        'privacy.css',
        'privacy.fragment.css',
        'register.csv',
        'register-without-activity.csv',
        'register.xlsx',
        'register.html',
        'register.css',
        'register.md',
      ].map((f) => `ipractice/${lang}/${f}`),
    ),
  ]);
  expect(fromObject.outputs).toEqual(fromText.outputs);
  // Compliance findings come back too, positioned (iPractice's AI purpose states no basis).
  expect(fromText.findings.find((f) => f.ruleId === 'art6/basis-missing')).toMatchObject({
    pointer: '/purposes/2/legalBasis',
    line: expect.any(Number),
  });
});

test('compile honours languages and reports a language the policy does not declare', async () => {
  const result = await compile(policyText, { languages: ['en'] });
  expect(result.outputs.filter((o) => o.path.includes('/nl/'))).toEqual([]);
  expect(result.outputs.some((o) => o.path === 'ipractice/en/privacy.html')).toBe(true);
});

test('a bad policy gives positioned diagnostics, in the requested language, and no outputs; nothing is thrown', async () => {
  const broken = policyText.replace('"legalBasis": "6(1)(b)"', '"legalBasis": "6(1)(x)"');
  expect(broken).not.toBe(policyText);
  const result = await compile(broken, { file: 'clinic/policy.json', messageLanguage: 'nl' });
  expect(result.outputs).toEqual([]);
  const error = result.diagnostics.find((d) => d.severity === 'error')!;
  expect(error).toMatchObject({
    ruleId: 'schema/enum',
    file: 'clinic/policy.json',
    pointer: expect.stringMatching(/^\/purposes\/\d+\/legalBasis$/),
  });
  const line = broken.split('\n').findIndex((l) => l.includes('"6(1)(x)"')) + 1;
  expect(error.line).toBe(line);
  expect(error.column).toBe(broken.split('\n')[line - 1]!.indexOf('"6(1)(x)"') + 1);
  expect(error.message).not.toBe((await compile(broken)).diagnostics.find((d) => d.severity === 'error')!.message);
});

test('text that is not JSON is a diagnostic, not an exception', async () => {
  const result = await compile('{ "id": ', { file: 'x.json' });
  expect(result.outputs).toEqual([]);
  expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: 'x.json', line: 1 });
});
