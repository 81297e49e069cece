import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Register } from '../src/render/register/register-model.js';
import { repoRoot } from './support/cli.js';
import { registerIn, seedModel } from './support/register-of.js';

/** The second read of the register (secondread9): what a cell may conclude, and how its cells are written. */

/** A cell of the controller's record: the row with `id`. */
function cell(register: Register, key: string, id: string): readonly string[] {
  const table = register.tables[0]!;
  const row = table.rows.find((r) => r[0]![0] === id)!;
  return row[table.columns.findIndex((c) => c.key === key)]!;
}

describe('the art. 9 cell of an activity whose categories carry no special flag (S3)', () => {
  it("says what the notice names, not 'Niet van toepassing' (Dental Clinics bills treatments to insurers)", () => {
    const model = seedModel('dental-clinics');
    expect(cell(registerIn(model, 'nl'), 'specialCondition', 'billing')).toEqual([
      'Geen bijzondere persoonsgegevens genoemd bij deze activiteit',
    ]);
    expect(cell(registerIn(model, 'en'), 'specialCondition', 'billing')).toEqual([
      'No special categories of personal data named for this activity',
    ]);
  });
});

const SEEDS = readdirSync(path.join(repoRoot, 'policies')).filter((id) =>
  existsSync(path.join(repoRoot, 'policies', id, 'policy.json')),
);

/** The fixed start of each phrase the register writes into a cell (register.json cell.*), lower-cased. */
function phraseStarts(lang: 'nl' | 'en'): string[] {
  const register = JSON.parse(readFileSync(path.join(repoRoot, 'locales', lang, 'register.json'), 'utf8')) as {
    cell: Record<string, string>;
    withoutActivity: Record<string, unknown>;
  };
  const phrases = [
    ...Object.values(register.cell),
    register.withoutActivity.none,
    register.withoutActivity.notApplicable,
  ];
  return phrases
    .map((phrase) => String(phrase).split('{{')[0]!)
    .filter((start) => start.length > 3)
    .map((start) => start[0]!.toLowerCase() + start.slice(1));
}

describe('one convention for the start of a register cell, in every column and format (N6)', () => {
  // A cell is a value of its own in every format (a CSV field, a workbook cell, an HTML <td>/<dd>, a Markdown
  // '**Label**: value'): the register's own phrases start it with a capital, as the author's texts and the notice's
  // 'Niet vermeld in deze verklaring.' do — 'niet vermeld' beside 'Niet van toepassing: …' mixed both in a column.
  it.each(SEEDS)('%s: no line of a cell starts with a register phrase in lower case, in Dutch and English', (id) => {
    const model = seedModel(id);
    for (const lang of ['nl', 'en'] as const) {
      const starts = phraseStarts(lang);
      const register = registerIn(model, lang);
      const lines = [
        ...register.tables.flatMap((table) => table.rows.flat(2)),
        ...register.organisation.facts.flatMap((fact) => fact.value.split('\n')),
        ...(register.withoutActivity?.facts.flatMap((fact) => fact.values) ?? []),
      ];
      expect(
        lines.filter((line) => starts.some((start) => line.startsWith(start))),
        `${id} ${lang}`,
      ).toEqual([]);
    }
  });
});
