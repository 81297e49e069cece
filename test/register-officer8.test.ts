import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Register } from '../src/render/register/register-model.js';
import { registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { registerToXlsx } from '../src/render/register/register-xlsx.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { readFixture } from './support/fixtures.js';
import { miniPolicy } from './support/mini-policy.js';
import { csvIn, modelOf, registerIn, seedModel } from './support/register-of.js';

/**
 * The privacy officer's eighth review, part 2 (the art. 30 register read as an AP inspector would): no gap where
 * nothing is missing, the purpose named as the purpose, one way to say 'Not stated'.
 */

/** A cell of the controller's record: the row with `id`, else the first. */
function cell(register: Register, key: string, id?: string): readonly string[] {
  const table = register.tables[0]!;
  const row = id ? table.rows.find((r) => r[0]![0] === id)! : table.rows[0]!;
  return row[table.columns.findIndex((c) => c.key === key)]!;
}

const ART9 = 'Uitzondering voor bijzondere persoonsgegevens (artikel 9, lid 2, AVG)';

describe('the art. 9 exception of an activity without special data (officer8 R1)', () => {
  it("names data categories, none special: what it names, not 'Niet vermeld'", () => {
    const model = modelOf(miniPolicy());
    expect(cell(registerIn(model, 'nl'), 'specialCondition')).toEqual([
      'Geen bijzondere persoonsgegevens genoemd bij deze activiteit',
    ]);
    expect(cell(registerIn(model, 'en'), 'specialCondition')).toEqual([
      'No special categories of personal data named for this activity',
    ]);
    expect(csvIn(model, 'nl')[0]![ART9]).toBe('Geen bijzondere persoonsgegevens genoemd bij deze activiteit');
  });

  it('names no data categories: a gap, said so; special data without an exception: "Niet vermeld"', () => {
    const policy = miniPolicy();
    policy.purposes[0]!.dataCategories = [];
    const none = modelOf(policy);
    expect(cell(registerIn(none, 'nl'), 'specialCondition')).toEqual([
      'Niet vermeld: bij deze activiteit worden geen categorieën van persoonsgegevens genoemd',
    ]);
    expect(cell(registerIn(none, 'en'), 'specialCondition')).toEqual([
      'Not stated: no categories of personal data are named for this activity',
    ]);
    const special = miniPolicy();
    special.dataCategories[0] = { ...special.dataCategories[0]!, special: 'health' };
    expect(cell(registerIn(modelOf(special), 'nl'), 'specialCondition')).toEqual(['Niet vermeld']);
  });

  it("the seeds: no 'Niet vermeld' in the art. 9 line of an activity whose categories hold no special data", () => {
    for (const id of ['doctolib', 'dental-clinics', 'ies', 'zorgburo-de-liemers']) {
      const model = seedModel(id);
      const markdown = registerToMarkdown(registerIn(model, 'nl'));
      expect(markdown, id).not.toContain('Niet vermeld: de privacyverklaring noemt bij deze activiteit geen');
      for (const p of model.purposes) {
        const value = cell(registerIn(model, 'nl'), 'specialCondition', p.id)[0]!;
        if (p.dataCategories.length && !p.usesSpecialData && !p.specialCategoryCondition)
          expect(value, `${id} ${p.id}`).toBe('Geen bijzondere persoonsgegevens genoemd bij deze activiteit');
        if (!p.dataCategories.length && !p.specialCategoryCondition)
          expect(value, `${id} ${p.id}`).toMatch(/^Niet vermeld/);
      }
    }
  });
});

describe('the purposes of an activity whose name is its purpose (officer8 R1)', () => {
  it("Zorgburo: the purpose's name as the purpose, noted as all the notice gives; never 'niet omschreven'", () => {
    const model = seedModel('zorgburo-de-liemers');
    expect(cell(registerIn(model, 'nl'), 'purpose', 'care-plan')).toEqual([
      'Het maken van het zorgplan (geen nadere omschrijving in de privacyverklaring)',
    ]);
    expect(cell(registerIn(model, 'en'), 'purpose', 'care-plan')[0]).toMatch(
      / \(not described further in the privacy notice\)$/,
    );
    for (const row of csvIn(model, 'nl')) {
      expect(row['Verwerkingsdoeleinden']).not.toContain('niet omschreven');
      expect(row['Verwerkingsdoeleinden']).toContain(row['Verwerkingsactiviteit']!);
    }
  });
});

describe("a required element the activity does not state, beside the organisation's entries (officer8 R5)", () => {
  it("Dental, website contact: the CSV says 'Voor deze activiteit niet vermeld' before the organisation-wide lines, as the pages' pointer does", () => {
    const model = seedModel('dental-clinics');
    const [row] = csvIn(model, 'nl').filter((r) => r['Kenmerk'] === 'website-contact');
    const lines = row!['Verwerkers']!.split('\n');
    expect(lines[0]).toBe('Voor deze activiteit niet vermeld');
    expect(lines.slice(1).length).toBeGreaterThan(0);
    for (const line of lines.slice(1)) expect(line).toMatch(/ \(organisatiebreed\)$/);
    for (const value of Object.values(row!)) expect(value).not.toMatch(/^Niet vermeld\n/);
    expect(cell(registerIn(model, 'nl'), 'processors', 'website-contact')).toEqual([
      'Voor deze activiteit niet vermeld (zie ook Organisatie: Overige verwerkers)',
    ]);
    const [en] = csvIn(model, 'en').filter((r) => r['ID'] === 'website-contact');
    expect(en!['Processors']!.split('\n')[0]).toBe('Not stated for this activity');
    expect(cell(registerIn(model, 'en'), 'processors', 'website-contact')).toEqual([
      'Not stated for this activity (see also Organisation: Other processors)',
    ]);
  });
});

describe("one way to say that the policy states nothing: 'Niet vermeld', never a blank or '—' (officer8 R7)", () => {
  /** The CSV's columns of the document (its id, version and dates), which an import reads as data: blank where not stated. */
  const DOCUMENT = [
    'Kenmerk van de privacyverklaring',
    'Versie van de privacyverklaring',
    'Geldig vanaf',
    'Laatst gewijzigd',
  ];

  it("Zorgburo: 'Systemen: niet vermeld' on the pages; no blank CSV cell (joint controllers, representative, systems)", () => {
    const model = seedModel('zorgburo-de-liemers');
    const nl = registerIn(model, 'nl');
    const markdown = registerToMarkdown(nl);
    expect(markdown).not.toMatch(/\*\*: —$/m);
    expect(markdown).toContain('- **Systemen**: Niet vermeld\n');
    expect(registerToHtml(nl)).toContain('<dt>Systemen</dt>\n<dd>Niet vermeld</dd>');
    expect(registerToHtml(nl)).not.toContain('<dd>—</dd>');
    for (const row of csvIn(model, 'nl'))
      for (const [header, value] of Object.entries(row))
        if (!DOCUMENT.includes(header)) expect(value, `${row['Kenmerk']} ${header}`).not.toBe('');
    const [row] = csvIn(model, 'nl');
    expect(row!['Gezamenlijke verwerkingsverantwoordelijken']).toBe('Niet vermeld');
    expect(row!['Vertegenwoordiger']).toBe('Niet vermeld');
    expect(csvIn(model, 'en')[0]!['Representative']).toBe('Not stated');
  });

  it('the workbook: a blank cell says "Niet vermeld" too', async () => {
    const register = registerIn(seedModel('zorgburo-de-liemers'), 'nl');
    const table = register.tables[0]!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(registerToXlsx(register)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(table.sheetName)!;
    const systems = table.columns.findIndex((c) => c.key === 'systems');
    for (let r = 0; r < table.rows.length; r++)
      for (let c = 0; c < table.columns.length; c++)
        expect(sheet.getRow(r + 2).getCell(c + 1).value ?? '', `${r + 2}:${c + 1}`).not.toBe('');
    expect(sheet.getRow(2).getCell(systems + 1).value).toBe('Niet vermeld');
  });

  it("a policy that names no DPO where none is likely mandatory: 'Niet vermeld' among the organisation's details, as in the CSV", () => {
    const model = modelOf(miniPolicy());
    const fact = registerIn(model, 'nl').organisation.facts.find(
      (f) => f.label === 'Functionaris voor gegevensbescherming',
    );
    expect(fact?.value).toBe('Niet vermeld');
    expect(csvIn(model, 'nl')[0]!['Functionaris voor gegevensbescherming']).toBe('Niet vermeld');
  });
});

describe('a retention condition in the words of care, not of treatment (officer8 R7)', () => {
  it("Zorgburo (home care): 'zolang de zorg duurt' in the register; the WGBO file check still reads it as ending too soon", () => {
    const model = seedModel('zorgburo-de-liemers');
    expect(cell(registerIn(model, 'nl'), 'retention', 'care-agreement')).toEqual([
      'Algemene cliëntgegevens: zolang de zorg duurt. Ze worden bewaard totdat iemand uit zorg gaat.',
    ]);
    expect(cell(registerIn(model, 'en'), 'retention', 'care-agreement')).toEqual([
      'General client data: for the duration of the care. They are kept until someone leaves our care.',
    ]);
    expect(registerToMarkdown(registerIn(model, 'nl'))).not.toContain('behandeling duurt');
    // A medical file kept only while the care lasts: too short, as 'treatment-duration' is.
    const policy = JSON.parse(readFixture('rules/retention/medical-file-too-short/fail.json'));
    policy.retention[0] = { id: 'medical-file', name: { nl: 'x', en: 'x' }, dataCategories: ['medical-file'] };
    const pointers = (condition: string): string[] => {
      policy.retention[0].condition = condition;
      return analysePolicy(JSON.stringify(policy), 'x.json')
        .findings.filter((f) => f.ruleId === 'retention/medical-file-too-short')
        .map((f) => f.pointer);
    };
    expect(pointers('care-duration')).toEqual(pointers('treatment-duration'));
    expect(pointers('care-duration')).toContain('/retention/0/condition');
  });
});

describe("the workbook's line on where the register comes from (officer8 R3)", () => {
  it("labels the privacy statement's version and date as the register's origin, not as the register's own state; no clock", async () => {
    for (const [id, lang, label] of [
      ['bernhoven', 'nl', 'Herkomst van dit register'],
      ['dental-clinics', 'en', 'Origin of this register'],
    ] as const) {
      const register = registerIn(seedModel(id), lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(registerToXlsx(register)) as unknown as ExcelJS.Buffer);
      const row = workbook.worksheets[0]!.getRow(2);
      expect([row.getCell(1).value, row.getCell(2).value], id).toEqual([label, register.versionLine]);
    }
    // Bernhoven's line is the notice's 2018 date, said to be the privacy statement's.
    expect(registerIn(seedModel('bernhoven'), 'nl').versionLine).toBe(
      'Opgesteld uit de privacyverklaring, versie 0.1. De privacyverklaring is het laatst gewijzigd op 17 mei 2018.',
    );
  });
});
