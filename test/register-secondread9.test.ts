import { describe, expect, it } from 'vitest';
import type { Register } from '../src/render/register/register-model.js';
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
