// A statement dated only by month (Dijklander: 'Mei 2020', patients' review 10, F14): metadata.lastModified takes
// YYYY-MM and the notice and the register say 'in mei 2020', where the version label printed 'Versie 2020-05.'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, type CompileResult } from '../src/index.js';
import { repoRoot } from './support/cli.js';

const file = 'policies/dijklander/policy.json';
const source = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as {
  metadata: Record<string, unknown>;
};

/** Dijklander's policy with metadata.lastModified set to `lastModified`. */
function withLastModified(lastModified: string): Promise<CompileResult> {
  const copy = structuredClone(source);
  copy.metadata.lastModified = lastModified;
  return compile(JSON.stringify(copy, null, 2), { file });
}

const output = (r: CompileResult, p: string): string => String(r.outputs.find((o) => o.path === p)!.contents);

describe('a last change known only to the month', () => {
  test('the notice says the month in both languages, and no version', async () => {
    const r = await withLastModified('2020-05');
    const nl = output(r, 'dijklander/nl/privacy.md');
    expect(nl).toContain('\nLaatst gewijzigd in mei 2020.\n');
    expect(nl).not.toContain('Versie');
    expect(output(r, 'dijklander/en/privacy.md')).toContain('\nLast changed in May 2020.\n');
  });

  test.each([
    ['nl', 'Opgesteld uit de privacyverklaring die het laatst is gewijzigd in mei 2020.'],
    ['en', 'Drawn from the privacy notice last modified in May 2020.'],
  ])('the %s register says it too', async (lang, line) => {
    expect(output(await withLastModified('2020-05'), `dijklander/${lang}/register.md`)).toContain(line);
  });

  test('a day still reads "op"', async () => {
    const r = await withLastModified('2020-05-04');
    expect(output(r, 'dijklander/nl/privacy.md')).toContain('\nLaatst gewijzigd op 4 mei 2020.\n');
  });

  test.each(['2020-13', 'mei 2020', '2020-5'])('%s is refused at the field, with its position', async (value) => {
    const r = await withLastModified(value);
    expect(r.outputs).toEqual([]);
    expect(r.diagnostics).toMatchObject([
      { ruleId: 'schema/format', pointer: '/metadata/lastModified', line: expect.any(Number) as number },
    ]);
    expect(r.diagnostics[0]!.message).toContain('YYYY-MM');
  });
});
