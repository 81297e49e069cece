import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../src/i18n/messages.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { registerToXlsx } from '../src/render/register/register-xlsx.js';
import type { Register } from '../src/render/register/register-model.js';
import { readRegisterMarkdown } from './support/register-markdown.js';
import { miniPolicy } from './support/mini-policy.js';
import { csvIn, modelOf, registerIn, seedModel } from './support/register-of.js';

/**
 * A DPO's review of the art. 30 register of a hospital and a dental chain (officer3, 2026-12-07): the DPO of a
 * purpose under another controller, 'n.v.t.' in the art. 9 column, the required elements in every activity, and
 * the organisation's block as 30(1)(a)'s controller.
 */

/** Each activity's fact under a label in register.md: its values, or undefined where the block has none. */
function markdownFact(register: Register, label: string): Array<string[] | undefined> {
  const read = readRegisterMarkdown(registerToMarkdown(register), register.noneStated);
  return read.records[0]!.activities.map((a) => a.facts.find((f) => f.label === label)?.values);
}

const DPO = 'Functionaris voor gegevensbescherming';

/** The mini policy with its second purpose under a head office, as the review's bern-head and dental-mixed. */
function underHeadOffice(organisation: Record<string, unknown> = {}, headDpo?: unknown): PolicyModel {
  const policy = miniPolicy() as unknown as Record<string, any>;
  Object.assign(policy.controller, organisation);
  policy.controllers = [{ id: 'head', name: 'Hoofdkantoor B.V.', ...(headDpo ? { dpo: headDpo } : {}) }];
  policy.purposes.push({
    ...policy.purposes[0],
    id: 'second',
    name: { nl: 'Tweede', en: 'Second' },
    controller: 'head',
  });
  return modelOf(policy);
}

describe('the DPO of a purpose under another controller (officer3 finding 1)', () => {
  it("the organisation's DPO is its own controller's: a head office's purpose does not borrow it", () => {
    const model = underHeadOffice({}, undefined);
    const policy = model.source as unknown as Record<string, any>;
    policy.dpo = { name: 'FG Mini', contact: { email: 'fg@mini.example' } };
    const nl = registerIn(modelOf(policy), 'nl');
    // Dental-mixed: the Utrecht B.V. rows read the parent's DPO, which the policy does not say is shared.
    expect(markdownFact(nl, DPO)).toEqual([['FG Mini', 'fg@mini.example'], ['Niet vermeld']]);
    expect(csvIn(modelOf(policy), 'en').map((row) => row['Data protection officer'])).toEqual([
      'FG Mini\nfg@mini.example',
      'Not stated',
    ]);
  });

  it("a hospital that names no DPO: the head office's purpose says 'Niet vermeld' too, not '—' or a blank", () => {
    const model = underHeadOffice({ careSector: 'hospital' });
    const nl = registerIn(model, 'nl');
    expect(nl.organisation.facts.find((f) => f.label === DPO)?.value).toBe('Niet vermeld');
    // The same words, but about another controller: the DPO column stays in every block, with the controller's.
    expect(markdownFact(nl, DPO)).toEqual([['Niet vermeld'], ['Niet vermeld']]);
    expect(registerToHtml(nl)).not.toMatch(/<dt>Functionaris voor gegevensbescherming<\/dt>\n<dd>—<\/dd>/);
    expect(csvIn(model, 'nl').map((row) => row[DPO])).toEqual(['Niet vermeld', 'Niet vermeld']);
  });

  it("the head office's own DPO, as the policy states it; stated once where no purpose has another controller", () => {
    const own = underHeadOffice({}, { contact: { email: 'fg@hoofd.example' } });
    expect(markdownFact(registerIn(own, 'nl'), DPO)[1]).toEqual(['fg@hoofd.example']);
    const none = registerIn(modelOf(miniPolicy()), 'nl');
    expect(markdownFact(none, DPO)).toEqual([undefined]);
  });
});

describe('the representative of a purpose under another controller (as officer3 finding 1 for the DPO)', () => {
  const REPRESENTATIVE = 'Vertegenwoordiger';
  const representative = { name: 'EU-Rep B.V.', contact: { email: 'rep@eu.example' } };

  it("the organisation's representative is its own controller's: a head office's purpose says 'Niet vermeld'", () => {
    const policy = underHeadOffice().source as unknown as Record<string, any>;
    policy.representative = representative;
    const nl = registerIn(modelOf(policy), 'nl');
    expect(csvIn(modelOf(policy), 'nl').map((row) => row[REPRESENTATIVE])).toEqual([
      'EU-Rep B.V.\nrep@eu.example',
      'Niet vermeld',
    ]);
    // Not stated once for the organisation: the head office's block says its own.
    expect(markdownFact(nl, REPRESENTATIVE)).toEqual([['EU-Rep B.V.', 'rep@eu.example'], ['Niet vermeld']]);
  });

  it("stated once where every purpose is the organisation’s; 'Niet vermeld' in every CSV row where it names none", () => {
    const own = miniPolicy() as unknown as Record<string, any>;
    own.representative = representative;
    expect(markdownFact(registerIn(modelOf(own), 'nl'), REPRESENTATIVE)).toEqual([undefined]);
    // Never a blank, which read as 'none' (officer8 R7); the pages leave the line out.
    expect(csvIn(underHeadOffice(), 'nl').map((row) => row[REPRESENTATIVE])).toEqual(['Niet vermeld', 'Niet vermeld']);
  });
});

describe('the art. 9 exception where the notice names no special data (officer3 finding 2)', () => {
  // What the policy names, never a bare 'n.v.t.' / 'n/a' (officer8 R1: 'Niet vermeld: …' read as a missing
  // exception; secondread9 S3: 'Niet van toepassing' concluded from a flag the author did not set).
  it('Dental, Facturatie en declaratie: what it names, in Dutch and English, never "n.v.t." / "n/a"', () => {
    const model = seedModel('dental-clinics');
    const nl = registerToMarkdown(registerIn(model, 'nl'));
    const en = registerToMarkdown(registerIn(model, 'en'));
    expect(nl).toContain('Geen bijzondere persoonsgegevens genoemd bij deze activiteit');
    expect(nl).not.toContain('n.v.t.:');
    expect(en).toContain('No special categories of personal data named for this activity');
    expect(en).not.toContain('n/a:');
  });
});

describe('the required art. 30(1) elements in every activity (officer3 finding 3)', () => {
  const REQUIRED = [
    'Verwerkingsdoeleinden',
    'Categorieën van betrokkenen',
    'Categorieën van persoonsgegevens',
    'Categorieën van ontvangers',
    'Verwerkers',
    'Doorgifte aan derde landen met waarborg of afwijking',
    'Bewaartermijnen',
  ];

  it("Bernhoven and Dijklander: each card has every element, 'Niet vermeld' where missing, in Markdown and HTML", () => {
    for (const id of ['bernhoven', 'dijklander']) {
      const nl = registerIn(seedModel(id), 'nl');
      const read = readRegisterMarkdown(registerToMarkdown(nl), nl.noneStated).records[0]!;
      for (const activity of read.activities)
        expect(
          activity.facts.map((f) => f.label),
          id,
        ).toEqual(expect.arrayContaining(REQUIRED));
      for (const label of REQUIRED) expect(read.unfilled, `${id} ${label}`).not.toContain(label);
      const html = registerToHtml(nl);
      const cards = html.split('<section class="register-activity"').slice(1);
      for (const card of cards)
        for (const label of REQUIRED) expect(card, `${id} ${label}`).toContain(`<dt>${label}</dt>`);
      // 'Voor deze activiteit niet vermeld (zie ook …)' where the organisation states something for it (officer8 R5).
      expect(html).toMatch(
        /<dt>Categorieën van ontvangers<\/dt>\n<dd>(Voor deze activiteit niet vermeld|Niet vermeld)/,
      );
    }
  });

  it('what no activity states that art. 30 does not require is named once, before the activities, in HTML as in Markdown', () => {
    const nl = registerIn(seedModel('bernhoven'), 'nl');
    const html = registerToHtml(nl);
    expect(html.indexOf(nl.noneStated)).toBeGreaterThan(0);
    expect(html.indexOf(nl.noneStated)).toBeLessThan(html.indexOf('<section class="register-activity"'));
    const md = registerToMarkdown(nl);
    expect(md.indexOf(nl.noneStated)).toBeLessThan(md.indexOf('\n### '));
  });
});

describe("the organisation's block as 30(1)(a)'s controller (officer3 finding 4)", () => {
  const facts = (id: string, lang: Language = 'nl'): Map<string, string> =>
    new Map(registerIn(seedModel(id), lang).organisation.facts.map((f) => [f.label, f.value]));

  it("'Naam van de verwerkingsverantwoordelijke' and a 'Contactgegevens' line in every policy", () => {
    for (const id of ['bernhoven', 'dijklander', 'dental-clinics', 'ies', 'doctolib']) {
      const nl = facts(id);
      expect(nl.has('Naam van de verwerkingsverantwoordelijke'), id).toBe(true);
      expect(nl.get('Contactgegevens'), id).toBeTruthy();
      expect(facts(id, 'en').has('Name of the controller'), id).toBe(true);
    }
    expect(facts('bernhoven').get('Contactgegevens')).toBe('Niet vermeld');
    // Dijklander's address was a fact of its own, with no 'Contactgegevens' line.
    expect(facts('dijklander').get('Contactgegevens')).toMatch(/Dijklander|\d{4} ?[A-Z]{2}/);
  });
});

describe('what the CSV, the workbook and the processor record say where the pages say it (officer3 findings 6, 7)', () => {
  it("the CSV: 'Niet vermeld' for the version of a policy with no version or date, as the pages say", () => {
    const dental = csvIn(seedModel('dental-clinics'), 'nl');
    expect(new Set(dental.map((row) => row['Versie van de privacyverklaring']))).toEqual(new Set(['Niet vermeld']));
    const versioned = miniPolicy();
    versioned.metadata.version = '2020-05';
    expect(csvIn(modelOf(versioned), 'nl')[0]!['Versie van de privacyverklaring']).toBe('2020-05');
    // A date and no version: the date columns say when; the version stays blank, as on the pages.
    const dated = miniPolicy();
    dated.metadata.effectiveDate = '2025-01-01';
    expect(csvIn(modelOf(dated), 'en')[0]!['Privacy notice version']).toBe('');
  });

  it("the processor's record does not list retention as missing: 30(2) does not ask for it", () => {
    const ies = registerIn(seedModel('ies'), 'nl');
    const processor = readRegisterMarkdown(registerToMarkdown(ies), ies.noneStated).records[1]!;
    expect(processor.unfilled).not.toContain('Bewaartermijnen');
    expect(registerToHtml(ies)).not.toMatch(/<li>Bewaartermijnen<\/li>/);
  });

  it("the workbook's organisation sheet labels the register's version line, not the title as a 'Gegeven'", async () => {
    const register = registerIn(seedModel('dental-clinics'), 'nl');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(registerToXlsx(register)) as unknown as ExcelJS.Buffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value]).toEqual(['Herkomst van dit register', register.versionLine]);
  });

  it("English: a period read from the data category says the activity states none, as 'Not stated' elsewhere", () => {
    const md = registerToMarkdown(registerIn(seedModel('bib-verloskundigen'), 'en'));
    expect(md).toContain('Not stated for this activity; period for the data category: ');
    expect(md).not.toContain('No period named for this purpose');
  });
});
