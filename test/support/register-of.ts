import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { registerToCsv } from '../../src/render/register/register-csv.js';
import { buildRegister, standaloneTable, type Register } from '../../src/render/register/register-model.js';
import { analyse } from './mini-policy.js';
import { policyPath } from './seed-output.js';

/** A policy's model, which must analyse without errors. */
export function modelOf(policy: unknown): PolicyModel {
  const { model, diagnostics } = analyse(policy);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

/** A seed policy's model (policies/<id>/policy.json). */
export const seedModel = (id: string): PolicyModel => modelOf(JSON.parse(readFileSync(policyPath(id), 'utf8')));

/** The register in a language, in the policy's formality. */
export const registerIn = (model: PolicyModel, lang: Language): Register =>
  buildRegister(model, messagesFor(lang, model.source.metadata.formality));

/** register.csv's records by header, as a spreadsheet reads them. */
export const csvIn = (model: PolicyModel, lang: Language): Array<Record<string, string>> =>
  parse(
    registerToCsv(
      standaloneTable(registerIn(model, lang).tables[0]!, model, messagesFor(lang, model.source.metadata.formality)),
    ),
    { columns: true },
  );
