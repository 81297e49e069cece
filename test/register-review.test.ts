import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { registerToCsv } from '../src/render/register/register-csv.js';
import { registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { buildRegister, type Register } from '../src/render/register/register-model.js';
import { repoRoot } from './support/cli.js';
import { analyse, miniPolicy } from './support/mini-policy.js';

/**
 * The privacy officer's review of the art. 30 register (2026-12-06): the
 * purposes (30(1)(b)) are never blank, and the AVG's own Dutch words.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function modelOf(policy: unknown): PolicyModel {
  const { model, diagnostics } = analyse(policy);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

const registerIn = (model: PolicyModel, lang: Language): Register =>
  buildRegister(model, messagesFor(lang, model.source.metadata.formality));

/** One cell of the controller's table: the first row's, or the row with this id. */
function cell(register: Register, key: string, id?: string): readonly string[] {
  const table = register.tables[0]!;
  const row = id ? table.rows.find((r) => r[0]![0] === id)! : table.rows[0]!;
  return row[table.columns.findIndex((c) => c.key === key)]!;
}

function seedModel(id: string): PolicyModel {
  return modelOf(JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8')));
}

describe('the purposes (30(1)(b)) are stated in every register and every format', () => {
  it('without a register description: the name and the notice description, marked as the notice wording', () => {
    const policy = miniPolicy();
    policy.purposes[0]!.description = text('**Wij** verbinden u.\n\nTweede alinea.', 'We **connect** you.');
    const model = modelOf(policy);
    const nl = registerIn(model, 'nl');
    expect(cell(nl, 'purpose')).toEqual([
      'Uit de privacyverklaring: Verbindingen leggen: Wij verbinden u.\nTweede alinea.',
    ]);
    expect(cell(registerIn(model, 'en'), 'purpose')).toEqual([
      'From the privacy notice: Making connections: We connect you.',
    ]);
    // The page shows the line (it left it out before), as the spreadsheet and Markdown show the cell.
    expect(registerToHtml(nl)).toContain(
      '<dt>Verwerkingsdoeleinden</dt>\n<dd>Uit de privacyverklaring: Verbindingen leggen: Wij verbinden u.<br>Tweede alinea.</dd>',
    );
    expect(registerToMarkdown(nl)).toContain('| Verwerkingsdoeleinden |');
    expect(registerToMarkdown(nl)).toContain(
      '| Uit de privacyverklaring: Verbindingen leggen: Wij verbinden u. Tweede alinea. |',
    );
    expect(registerToCsv(nl.tables[0]!).split('\r\n')[0]).toContain(',Verwerkingsdoeleinden,');
  });

  it('without any description: the purpose name, still marked; with a register description: that alone', () => {
    expect(cell(registerIn(modelOf(miniPolicy()), 'nl'), 'purpose')).toEqual([
      'Uit de privacyverklaring: Verbindingen leggen',
    ]);
    const policy = miniPolicy();
    policy.purposes[0]!.description = text('PATIENT');
    policy.purposes[0]!.registerDescription = text('REGISTER-NL', 'REGISTER-EN');
    const model = modelOf(policy);
    expect(cell(registerIn(model, 'nl'), 'purpose')).toEqual(['REGISTER-NL']);
    expect(cell(registerIn(model, 'en'), 'purpose')).toEqual(['REGISTER-EN']);
  });

  it('every seed register has a purpose in every row; Zorgburo and Doctolib as their statements word them', () => {
    for (const id of [
      'bernhoven',
      'bib-verloskundigen',
      'cosmetic-clinic',
      'dental-clinics',
      'dijklander',
      'doctolib',
      'ies',
      'ipractice',
      'zorgburo-de-liemers',
    ]) {
      const register = registerIn(seedModel(id), 'nl');
      const table = register.tables[0]!;
      const index = table.columns.findIndex((c) => c.key === 'purpose');
      for (const row of table.rows) expect(row[index], `${id} ${row[0]![0]}`).toHaveLength(1);
      expect(registerToHtml(register).match(/<dt>Verwerkingsdoeleinden<\/dt>/g), id).toHaveLength(table.rows.length);
    }
    expect(cell(registerIn(seedModel('zorgburo-de-liemers'), 'nl'), 'purpose', 'client-system')).toEqual([
      'Uit de privacyverklaring: Verwerking in het cliëntvolgsysteem ONS',
    ]);
    expect(cell(registerIn(seedModel('doctolib'), 'en'), 'purpose', 'fraud-prevention')).toEqual([
      'From the privacy notice: Preventing and combating computer fraud: Spamming, hacking, DDoS attacks, etc.',
    ]);
  });
});

describe("the AVG's own Dutch terms", () => {
  it('"functionaris voor gegevensbescherming" everywhere in the Dutch locales, never without "voor"', () => {
    const dir = path.join(repoRoot, 'locales/nl');
    for (const file of readdirSync(dir))
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/functionaris(sen)? gegevensbescherming/i);
    expect(messagesFor('nl').t('statements:label.dpo')).toBe('Functionaris voor gegevensbescherming');
    expect(messagesFor('nl').t('register:column.purpose')).toBe('Verwerkingsdoeleinden');
  });
});
