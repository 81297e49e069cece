import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { runPolicycInProcess } from './support/cli.js';
import { fixturesDir, positionOfText, readFixture } from './support/fixtures.js';

/**
 * Every kind of bad input: the diagnostic's rule, message, JSON pointer and
 * line:column — the column pointing at the offending text in the file.
 */
interface Case {
  fixture: string;
  ruleId: string;
  pointer: string;
  message: string;
  /** Text in the fixture where the diagnostic must point. */
  at: string;
  occurrence?: number;
  suggestion?: string;
}

const cases: Case[] = [
  {
    fixture: 'malformed-json',
    ruleId: 'json/syntax',
    pointer: '',
    message: 'the file is not valid JSON: a value is missing before this ","',
    at: ',\n    "sourceLanguage"',
  },
  {
    fixture: 'wrong-type',
    ruleId: 'schema/type',
    pointer: '/metadata/version',
    message: 'must be a text',
    at: '1,',
    suggestion: 'put it in quotes: "1"',
  },
  {
    fixture: 'unknown-key',
    ruleId: 'schema/unknown-property',
    pointer: '/purposes/0/retenton',
    message: 'unknown property "retenton"',
    at: '"retenton"',
    suggestion: 'did you mean "retention"?',
  },
  {
    // A GP practice's first policy put "dpo" inside "controller" (lead's check, 2026-12-07): where it belongs.
    fixture: 'misplaced-key',
    ruleId: 'schema/unknown-property',
    pointer: '/controller/dpo',
    message: 'unknown property "dpo"',
    at: '"dpo"',
    suggestion: '"dpo" belongs at the top level of the policy, not inside this object',
  },
  {
    fixture: 'bad-enum',
    ruleId: 'schema/enum',
    pointer: '/purposes/0/legalBasis',
    message: '"6(1(a)" is not allowed here; must be one of 6(1)(a)…6(1)(f)',
    at: '"6(1(a)"',
  },
  {
    fixture: 'missing-required',
    ruleId: 'schema/required',
    pointer: '/metadata/sourceLanguage',
    message: 'missing required property "sourceLanguage"',
    at: '{\n    "version"',
  },
  {
    fixture: 'missing-translation',
    ruleId: 'schema/missing-translation',
    pointer: '/purposes/0/name/en',
    message: 'the English text is missing',
    at: '{ "nl": "Afspraken" }',
  },
  {
    fixture: 'script-in-markdown',
    ruleId: 'schema/unsafe-markdown',
    pointer: '/purposes/0/description/en',
    message: 'contains raw HTML (<script>); author text may hold Markdown but no HTML',
    at: '<script>',
  },
  {
    fixture: 'javascript-link',
    ruleId: 'schema/unsafe-markdown',
    pointer: '/purposes/0/description/nl',
    message: 'links to a forbidden URL (javascript:alert(1)); only http, https, mailto and tel links are allowed',
    at: '[hier]',
  },
  {
    fixture: 'image-in-markdown',
    ruleId: 'schema/unsafe-markdown',
    pointer: '/purposes/0/description/nl',
    message:
      'contains an image (onze praktijk); notices show no images from author text (no outside requests), so it would be dropped',
    at: '![onze',
  },
  {
    fixture: 'dangling-reference',
    ruleId: 'reference/dangling',
    pointer: '/purposes/0/dataCategories/1',
    message: 'no data category has the id "contacts"',
    at: '"contacts"',
    suggestion: 'did you mean "contact"?',
  },
  {
    fixture: 'duplicate-id',
    ruleId: 'reference/duplicate-id',
    pointer: '/dataCategories/1/id',
    message: 'the id "contact" is used more than once',
    at: '"contact"',
    occurrence: 3,
  },
  {
    fixture: 'bad-duration',
    ruleId: 'schema/pattern',
    pointer: '/retention/0/period',
    message: '"20 years" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D',
    at: '"20 years"',
  },
];

describe('bad input is reported with message, pointer and position', () => {
  for (const c of cases) {
    it(c.fixture, () => {
      const file = `invalid/${c.fixture}.json`;
      const text = readFixture(file);
      const { diagnostics, model } = analysePolicy(text, file);
      expect(model).toBeUndefined();
      const d = diagnostics.find((x) => x.ruleId === c.ruleId);
      expect(d, JSON.stringify(diagnostics, null, 2)).toBeDefined();
      expect(d!.severity).toBe('error');
      expect(d!.message).toBe(c.message);
      expect(d!.pointer).toBe(c.pointer);
      expect({ line: d!.line, column: d!.column }).toEqual(positionOfText(text, c.at, c.occurrence));
      if (c.suggestion) expect(d!.suggestion).toBe(c.suggestion);
      expect(d!.file).toBe(file);
    });
  }

  it('reports raw HTML at each tag, in the order written', () => {
    const text = readFixture('invalid/script-in-markdown.json');
    const { diagnostics } = analysePolicy(text, 'x.json');
    const columns = diagnostics.filter((d) => d.ruleId === 'schema/unsafe-markdown').map((d) => d.column);
    expect(columns).toEqual([positionOfText(text, '<script>').column, positionOfText(text, '</script>').column]);
  });

  it('points into the source even when the string holds JSON escapes before the fault', () => {
    const text = readFixture('minimal/policy.json').replace(
      '"legalBasis": "6(1)(b)",',
      '"description": { "nl": "Tab\\there, \\u00e9 and <b>bold</b>", "en": "Fine." },\n      "legalBasis": "6(1)(b)",',
    );
    const { diagnostics } = analysePolicy(text, 'x.json');
    const d = diagnostics.find((x) => x.ruleId === 'schema/unsafe-markdown')!;
    expect({ line: d.line, column: d.column }).toEqual(positionOfText(text, '<b>'));
  });

  it('gives messages in Dutch when asked', () => {
    const text = readFixture('invalid/unknown-key.json');
    const { diagnostics } = analysePolicy(text, 'x.json', 'nl');
    expect(diagnostics[0]!.message).toBe('onbekend veld "retenton"');
    expect(diagnostics[0]!.suggestion).toBe('bedoelde u "retention"?');
    // A missing key is a 'veld' too: one word for what a manager sees as a field of the form.
    const missing = readFixture('invalid/missing-required.json');
    const [required] = analysePolicy(missing, 'x.json', 'nl').diagnostics;
    expect(required!.message).toBe('verplicht veld "sourceLanguage" ontbreekt');
    expect({ line: required!.line, column: required!.column }).toEqual(positionOfText(missing, '{\n    "version"'));
  });

  it('the CLI prints file:line:column, severity, pointer, message and rule id; exit 1', async () => {
    const file = path.join(fixturesDir, 'invalid/bad-enum.json');
    const run = await runPolicycInProcess(['check', file]);
    expect(run.status).toBe(1);
    const { line, column } = positionOfText(readFixture('invalid/bad-enum.json'), '"6(1(a)"');
    expect(run.stderr).toContain(
      [
        'test/fixtures/invalid/bad-enum.json',
        `  ${line}:${column}  error    "6(1(a)" is not allowed here; must be one of 6(1)(a)…6(1)(f) (did you mean "6(1)(a)"?)  schema/enum`,
        `  ${' '.repeat(`${line}:${column}`.length)}  ${' '.repeat('warning'.length)}  /purposes/0/legalBasis`,
      ].join('\n'),
    );
  });

  it('an enum error names the value given and the near match, in Dutch too; exit 1', async () => {
    const file = path.join(fixturesDir, 'invalid/bad-enum.json');
    const run = await runPolicycInProcess(['check', file, '--lang', 'nl', '--format', 'compact']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '/purposes/0/legalBasis "6(1(a)" is hier niet toegestaan; moet een van deze waarden zijn: 6(1)(a)…6(1)(f) (bedoelde u "6(1)(a)"?) [schema/enum]',
    );
  });

  it('--format compact prints one file:line:column severity pointer message [rule] line each', async () => {
    const run = await runPolicycInProcess([
      'check',
      path.join(fixturesDir, 'invalid/bad-enum.json'),
      '--format',
      'compact',
    ]);
    expect(run.status).toBe(1);
    const { line, column } = positionOfText(readFixture('invalid/bad-enum.json'), '"6(1(a)"');
    expect(run.stderr.split('\n')[0]).toBe(
      `test/fixtures/invalid/bad-enum.json:${line}:${column} error /purposes/0/legalBasis "6(1(a)" is not allowed here; must be one of 6(1)(a)…6(1)(f) (did you mean "6(1)(a)"?) [schema/enum]`,
    );
  });

  it('--format json gives the same diagnostics as data', async () => {
    const run = await runPolicycInProcess([
      'check',
      path.join(fixturesDir, 'invalid/dangling-reference.json'),
      '--format',
      'json',
    ]);
    expect(run.status).toBe(1);
    const [d] = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(d).toMatchObject({
      ruleId: 'reference/dangling',
      pointer: '/purposes/0/dataCategories/1',
      severity: 'error',
    });
    expect({ line: d!.line, column: d!.column }).toEqual(
      positionOfText(readFixture('invalid/dangling-reference.json'), '"contacts"'),
    );
  });

  it('the minimal fixture itself is valid', () => {
    const { diagnostics, model } = analysePolicy(readFixture('minimal/policy.json'), 'minimal.json');
    expect(diagnostics).toEqual([]);
    expect(model?.purposes.map((p) => p.id)).toEqual(['appointments']);
  });
});
