// A data category that holds more than one special category of art. 9(1) (BIB's medical data include religion,
// patient review 10, F11): `special` takes a list; the notice, the register and the JSON-LD name every one, the
// checker counts each as declared, and a bad list is reported at the item.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, type CompileResult } from '../src/index.js';
import { repoRoot } from './support/cli.js';

const file = 'policies/bib-verloskundigen/policy.json';
const source = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as {
  dataCategories: Array<{ id: string; special?: unknown }>;
};

/** The BIB policy with the medical data's `special` set to `special`. */
function withSpecial(special: unknown): Promise<CompileResult> {
  const copy = structuredClone(source);
  copy.dataCategories.find((c) => c.id === 'medical-data')!.special = special;
  return compile(JSON.stringify(copy, null, 2), { file });
}

const output = (r: CompileResult, p: string): string => String(r.outputs.find((o) => o.path === p)!.contents);

describe('a data category with several special categories', () => {
  test('the notice and the register name each, in both languages', async () => {
    const r = await withSpecial(['health', 'religious-beliefs']);
    expect(output(r, 'bib-verloskundigen/nl/privacy.md')).toContain(
      'Medische gegevens (bijzondere persoonsgegevens: gegevens over gezondheid en religieuze of levensbeschouwelijke overtuigingen)',
    );
    expect(output(r, 'bib-verloskundigen/en/privacy.md')).toContain(
      'Medical data (special categories of personal data: data concerning health and religious or philosophical beliefs)',
    );
    expect(output(r, 'bib-verloskundigen/nl/register.md')).toContain(
      'gegevens over gezondheid en religieuze of levensbeschouwelijke overtuigingen',
    );
    expect(output(r, 'bib-verloskundigen/en/register.md')).toContain(
      'Medical data (special categories: data concerning health and religious or philosophical beliefs)',
    );
  });

  test('one category keeps the singular', async () => {
    const r = await withSpecial('health');
    expect(output(r, 'bib-verloskundigen/en/privacy.md')).toContain(
      'Medical data (special category of personal data: data concerning health)',
    );
  });

  test('the JSON-LD types the category with every one', async () => {
    const r = await withSpecial(['health', 'religious-beliefs']);
    const doc = JSON.parse(output(r, 'bib-verloskundigen/policy.jsonld')) as unknown;
    const medical = JSON.stringify(doc).match(/"@id":"[^"]*data-medical-data","@type":\[[^\]]*\]/)?.[0];
    for (const t of ['dpv:SpecialCategoryPersonalData', 'pd:Health', 'pd:ReligiousBelief'])
      expect(medical).toContain(`"${t}"`);
  });

  test('religion named in a category that declares it is not reported as undeclared', async () => {
    const declared = await withSpecial(['health', 'religious-beliefs']);
    const healthOnly = await withSpecial('health');
    const undeclared = (r: CompileResult) => r.findings.filter((f) => f.ruleId === 'art9/category-undeclared');
    expect(undeclared(healthOnly)).toHaveLength(1);
    expect(undeclared(declared)).toEqual([]);
  });

  test('a wrong or repeated item is reported at the item, with its position', async () => {
    const wrong = await withSpecial(['health', 'religion']);
    expect(wrong.outputs).toEqual([]);
    expect(wrong.diagnostics).toMatchObject([
      { ruleId: 'schema/enum', pointer: '/dataCategories/8/special/1', line: expect.any(Number) as number },
    ]);
    const twice = await withSpecial(['health', 'health']);
    expect(twice.diagnostics).toMatchObject([
      { ruleId: 'schema/duplicate-item', pointer: '/dataCategories/8/special' },
    ]);
    const empty = await withSpecial([]);
    expect(empty.diagnostics).toMatchObject([{ ruleId: 'schema/empty', pointer: '/dataCategories/8/special' }]);
  });
});
