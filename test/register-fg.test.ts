import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { registerToCsv } from '../src/render/register/register-csv.js';
import { registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { pagesAcross } from '../src/render/register/print-scale.js';
import { registerToXlsx } from '../src/render/register/register-xlsx.js';
import { standaloneTable, type Register } from '../src/render/register/register-model.js';
import { readRegisterMarkdown } from './support/register-markdown.js';
import { analyse, miniPolicy } from './support/mini-policy.js';
import { csvIn, modelOf, registerIn, seedModel } from './support/register-of.js';

/**
 * The privacy officer's review of the art. 30 register handed to the Autoriteit Persoonsgegevens
 * (register5, 2026-12-07): a missing element says so, in every format.
 */

/** The register's columns for 30(1)(d)–(f), by key and Dutch header. */
const DTOF = {
  recipients: 'Categorieën van ontvangers',
  processors: 'Verwerkers',
  transfers: 'Doorgifte aan derde landen met waarborg of afwijking',
  retention: 'Bewaartermijnen',
} as const;

/** Each activity's fact under a label in register.md, as a reader reads it: its values, or undefined where it has none. */
function markdownFact(register: Register, label: string): Array<string[] | undefined> {
  const read = readRegisterMarkdown(registerToMarkdown(register), register.noneStated);
  return read.records[0]!.activities.map((a) => a.facts.find((f) => f.label === label)?.values);
}

/** The columns register.md names once for the controller's record, as filled by no activity. */
const markdownUnfilled = (register: Register): string[] =>
  readRegisterMarkdown(registerToMarkdown(register), register.noneStated).records[0]!.unfilled;

/** One cell of the controller's table: the first row's, or the row with this id. */
function cell(register: Register, key: string, id?: string): readonly string[] {
  const table = register.tables[0]!;
  const row = id ? table.rows.find((r) => r[0]![0] === id)! : table.rows[0]!;
  return row[table.columns.findIndex((c) => c.key === key)]!;
}

describe('a missing art. 30(1) element says "Niet vermeld", never a blank or "—" (register5 finding 1)', () => {
  it('recipients, processors, transfers and retention; an art. 9 exception for no special data named: "Niet vermeld" too', () => {
    const model = modelOf(miniPolicy());
    const nl = registerIn(model, 'nl');
    for (const key of ['recipients', 'processors', 'transfers', 'retention'])
      expect(cell(nl, key), key).toEqual(['Niet vermeld']);
    // What the policy names, not a claim about the data (Dutch review 3, finding 16), not a bare 'n.v.t.' (officer3
    // finding 2); what it names, as 'Niet vermeld' read as a missing exception (officer8 R1).
    expect(cell(nl, 'specialCondition')).toEqual(['Geen bijzondere persoonsgegevens genoemd bij deze activiteit']);
    expect(cell(registerIn(model, 'en'), 'retention')).toEqual(['Not stated']);
    const [row] = csvIn(model, 'nl');
    for (const header of Object.values(DTOF)) {
      expect(row![header], header).toBe('Niet vermeld');
      // No activity states them, and each activity still says so: a required element is not listed once for the
      // record, away from the activity (officer3 finding 3; register5 finding 9 listed them once).
      expect(markdownUnfilled(nl), header).not.toContain(header);
      expect(markdownFact(nl, header), header).toEqual([['Niet vermeld']]);
    }
    expect(row!['Uitzondering voor bijzondere persoonsgegevens (artikel 9, lid 2, AVG)']).toBe(
      'Geen bijzondere persoonsgegevens genoemd bij deze activiteit',
    );
    // The HTML page names a column no activity states that art. 30 does not require once, before the activities.
    expect(registerToHtml(nl)).toMatch(
      /Voor geen van deze activiteiten vermeld:[\s\S]*Systemen[\s\S]*register-activity/,
    );
  });

  it('Bernhoven and Dijklander: no blank recipients, processors, transfers or retention in the Markdown and CSV', () => {
    for (const id of ['bernhoven', 'dijklander']) {
      const model = seedModel(id);
      const nl = registerIn(model, 'nl');
      const csv = csvIn(model, 'nl');
      for (const header of Object.values(DTOF)) {
        // Each activity's fact says something, or the record names the column as stated for none.
        expect(markdownFact(nl, header)).toHaveLength(nl.tables[0]!.rows.length);
        for (const values of markdownFact(nl, header))
          if (values) expect(values, `${id} ${header}`).not.toEqual(['—']);
          else expect(markdownUnfilled(nl), `${id} ${header}`).toContain(header);
        for (const row of csv) expect(row[header], `${id} ${header}`).not.toBe('');
      }
    }
  });
});

describe('a purpose that names no retention rule: the rules for its data categories, marked so (register5 finding 2)', () => {
  it('BIB: the 20-year care-file rule reaches the activities whose data it covers, read from the category', () => {
    const nl = registerIn(seedModel('bib-verloskundigen'), 'nl');
    for (const id of ['care-file', 'maternity-care', 'claims', 'quality']) {
      const retention = cell(nl, 'retention', id);
      expect(retention, id).toHaveLength(1);
      // Not 'Via de gegevenscategorie (niet bij dit doel genoemd)', which read as 'the category is not named here'
      // (Dutch review 3, finding 17).
      expect(retention[0], id).toMatch(
        /^Bij dit doel geen termijn genoemd; termijn van de gegevenscategorie: .*20 jaar/,
      );
    }
    // The purpose that names the rule shows it as its own.
    expect(cell(nl, 'retention', 'statutory-retention')[0]).not.toMatch(/^Bij dit doel geen termijn/);
    expect(cell(registerIn(seedModel('bib-verloskundigen'), 'en'), 'retention', 'claims')[0]).toMatch(
      // In the words of 'Not stated' elsewhere (english2 review; officer3).
      /^Not stated for this activity; period for the data category: /,
    );
  });

  it('only a rule that lists one of the purpose’s categories; none: the pointer to the other periods, else niet vermeld', () => {
    const policy = miniPolicy();
    policy.retention = [
      {
        id: 'phone-rule',
        name: { nl: 'Telefoonnummers', en: 'Phone numbers' },
        dataCategories: ['phone'],
        period: 'P2Y',
      },
    ];
    expect(cell(registerIn(modelOf(policy), 'nl'), 'retention')).toEqual([
      'Bij dit doel geen termijn genoemd; termijn van de gegevenscategorie: Telefoonnummers (Telefoonnummer): 2 jaar',
    ]);
    policy.purposes[0]!.dataCategories = ['contacts'];
    // Only a rule no purpose names, for a category this purpose does not use: no pointer to it, which promised a
    // term for the activity among the organisation's others (officer11 R5), and it is still in the organisation's details.
    const register = registerIn(modelOf(policy), 'nl');
    expect(cell(register, 'retention')).toEqual(['Niet vermeld']);
    expect(register.organisation.facts.find((f) => f.label === 'Overige bewaartermijnen')?.value).toBe(
      'Telefoonnummers (Telefoonnummer): 2 jaar.',
    );
    // A rule no purpose names that lists no category may be this activity's: 'Niet vermeld' for it and the pointer (register5 finding 3).
    policy.retention = [{ id: 'general', name: { nl: 'Overige gegevens', en: 'Other data' }, period: 'P1Y' }];
    expect(cell(registerIn(modelOf(policy), 'nl'), 'retention')).toEqual([
      'Voor deze activiteit niet vermeld (zie ook Organisatie: Overige bewaartermijnen)',
    ]);
    policy.retention = [];
    expect(cell(registerIn(modelOf(policy), 'nl'), 'retention')).toEqual(['Niet vermeld']);
  });
});

describe('no recipient named, only a general statement on sharing: "Niet vermeld" and the pointer (register5 finding 3)', () => {
  it('BIB: claims to the insurers name no recipient; the statement is pointed to, not passed off as the recipients', () => {
    const model = seedModel('bib-verloskundigen');
    const recipients = cell(registerIn(model, 'nl'), 'recipients', 'claims');
    expect(recipients).toEqual([
      'Voor deze activiteit niet vermeld (zie ook Organisatie: Verklaring over het delen van persoonsgegevens)',
    ]);
    expect(cell(registerIn(model, 'en'), 'recipients', 'claims')[0]).toMatch(
      /^Not stated for this activity \(see also Organisation: /,
    );
    // The CSV, a file of its own: 'Voor deze activiteit niet vermeld' first (officer8 R5), then the statement marked organisation-wide.
    const row = csvIn(model, 'nl').find((r) => r['Kenmerk'] === 'claims')!;
    const lines = row['Categorieën van ontvangers']!.split('\n');
    expect(lines[0]).toBe('Voor deze activiteit niet vermeld');
    expect(lines[1]).toMatch(/^Verklaring over het delen van persoonsgegevens: .*\(organisatiebreed\)$/);
  });

  it('a statement on transfers holds for every activity: its pointer alone, as before', () => {
    const model = seedModel('dental-clinics');
    const transfers = cell(registerIn(model, 'nl'), 'transfers', 'appointments');
    expect(transfers[0]).toMatch(/^Zie Organisatie: /);
  });
});

describe('the register names the policy it is made from, and says when it states no date (register5 finding 5)', () => {
  const factOf = (register: Register, label: string): string | undefined =>
    register.organisation.facts.find((f) => f.label === label)?.value;

  it("the policy's id among the organisation's facts (HTML, Markdown, workbook), the same on every machine", () => {
    const model = seedModel('bernhoven');
    const nl = registerIn(model, 'nl');
    expect(factOf(nl, 'Kenmerk van de privacyverklaring')).toBe('bernhoven');
    expect(factOf(registerIn(model, 'en'), 'Privacy notice ID')).toBe('bernhoven');
    expect(registerToMarkdown(nl)).toContain('- **Kenmerk van de privacyverklaring**: bernhoven');
    expect(registerToHtml(nl)).toContain('<dt>Kenmerk van de privacyverklaring</dt>\n<dd>bernhoven</dd>');
    // Dated: no 'Versie of datum van de privacyverklaring'.
    expect(factOf(nl, 'Versie of datum van de privacyverklaring')).toBeUndefined();
  });

  it("an undated policy: 'Versie of datum van de privacyverklaring: niet vermeld'", () => {
    // 'Stand per' is a register's own date, not the privacy notice's (Dutch review 3, finding 18).
    const nl = registerIn(seedModel('bib-verloskundigen'), 'nl');
    expect(factOf(nl, 'Versie of datum van de privacyverklaring')).toBe('Niet vermeld');
    expect(registerToMarkdown(nl)).toContain('- **Versie of datum van de privacyverklaring**: Niet vermeld');
    expect(factOf(registerIn(seedModel('bib-verloskundigen'), 'en'), 'Version or date of the privacy notice')).toBe(
      'Not stated',
    );
  });
});

describe('a legal obligation with an explanation names the basis once (register5 finding 10)', () => {
  it("'Wettelijke verplichting (…): <wet>. <uitleg>', not the basis again after the explanation", () => {
    const policy = miniPolicy();
    Object.assign(policy.purposes[0]!, {
      legalBasis: '6(1)(c)',
      legalObligation: { law: 'wgbo' },
      legalBasisExplanation: {
        nl: 'De WGBO verplicht ons een dossier bij te houden.',
        en: 'The WGBO requires a file.',
      },
    });
    const [line, ...rest] = cell(registerIn(modelOf(policy), 'nl'), 'legalBasis');
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^Wettelijke verplichting \(artikel 6, lid 1, onder c, AVG\): Wet op de geneeskundige behandelingsovereenkomst \(WGBO\)[^.]*\. De WGBO verplicht ons een dossier bij te houden\.$/,
    );
    expect(line!.match(/Wettelijke verplichting/g)).toHaveLength(1);
  });

  it('the same for one of several bases, as the huisarts preset states them', () => {
    const policy = miniPolicy();
    const purpose = policy.purposes[0]! as unknown as Record<string, unknown>;
    delete purpose.legalBasis;
    purpose.legalBases = [
      { basis: '6(1)(b)' },
      {
        basis: '6(1)(c)',
        explanation: { nl: 'De WGBO verplicht een dossier.', en: 'The WGBO requires a file.' },
        legalObligation: { law: 'wgbo' },
      },
    ];
    const lines = cell(registerIn(modelOf(policy), 'nl'), 'legalBasis');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^Wettelijke verplichting \(artikel 6, lid 1, onder c, AVG\): Wet op de geneeskundige behandelingsovereenkomst \(WGBO\)[^.]*\. De WGBO verplicht een dossier\.$/,
    );
  });
});

describe("'Geen doorgifte buiten de EER' only where the data shows it (register5 finding 11)", () => {
  function withParties(country?: string, servers: object = { serverLocations: ['NL'] }): ReturnType<typeof miniPolicy> {
    const policy = miniPolicy();
    policy.processors = [
      { id: 'his', name: 'Promedico', service: { nl: 'HIS', en: 'HIS' }, country: 'NL', ...servers },
    ];
    policy.recipients = [
      {
        id: 'lab',
        name: { nl: 'Laboratorium', en: 'Laboratory' },
        type: 'care-provider',
        ...(country ? { country } : {}),
      },
    ];
    Object.assign(policy.purposes[0]!, { processors: ['his'], recipients: ['lab'] });
    return policy;
  }

  it('every processor and recipient of the activity in the EEA, countries known, nothing declared elsewhere', () => {
    expect(cell(registerIn(modelOf(withParties('DE')), 'nl'), 'transfers')).toEqual([
      // The countries named as theirs: they read as the parties' names (Dutch review 3, finding 19).
      'Geen doorgifte buiten de EER (landen van alle ontvangers en verwerkers van deze activiteit: Nederland en Duitsland)',
    ]);
    expect(cell(registerIn(modelOf(withParties('NL')), 'en'), 'transfers')[0]).toMatch(/^No transfer outside the EEA/);
    // Storage in the EEA does not stand in the way.
    const stored = withParties('NL');
    stored.transfers = { storageLocations: ['NL'] };
    expect(cell(registerIn(modelOf(stored), 'nl'), 'transfers')[0]).toMatch(/^Geen doorgifte buiten de EER/);
  });

  it('a party without a country, no parties, or a transfer ground or statement elsewhere: not derived', () => {
    expect(cell(registerIn(modelOf(withParties()), 'nl'), 'transfers')).toEqual(['Niet vermeld']);
    expect(cell(registerIn(modelOf(miniPolicy()), 'nl'), 'transfers')).toEqual(['Niet vermeld']);
    const stated = withParties('NL');
    stated.transfers = { statement: { nl: 'Wij geven door.', en: 'We transfer.' } };
    expect(cell(registerIn(modelOf(stated), 'nl'), 'transfers')[0]).toMatch(/^Zie Organisatie: /);
    const abroad = withParties('NL');
    abroad.transfers = { storageLocations: ['US'] };
    expect(cell(registerIn(modelOf(abroad), 'nl'), 'transfers')[0]).toMatch(/^Zie Organisatie: /);
  });

  it('a processor that names only where it is established, or its servers only in words: not derived (final read)', () => {
    expect(cell(registerIn(modelOf(withParties('NL', {})), 'nl'), 'transfers')).toEqual(['Niet vermeld']);
    const inWords = { serverLocations: ['NL'], serverLocationsText: { nl: 'VS, EU of Azië', en: 'US, EU or Asia' } };
    expect(cell(registerIn(modelOf(withParties('NL', inWords)), 'nl'), 'transfers')).toEqual(['Niet vermeld']);
  });
});

describe("the processor's record marks the notice's wording, as the controller's does (register5 finding 7)", () => {
  /** The mini policy with one processing for others, as IES describes its own: for the people whose data it is. */
  function withProcessing(extra: Record<string, unknown> = {}): PolicyModel {
    const policy = miniPolicy() as unknown as Record<string, unknown>;
    policy.processorActivities = [
      {
        id: 'for-practitioners',
        name: { nl: 'Vragenlijsten aanbieden', en: 'Providing questionnaires' },
        description: {
          nl: 'Als u cliënt bent van een **beoefenaar**.',
          en: 'If you are a client of a **practitioner**.',
        },
        controllers: { nl: 'Beoefenaars', en: 'Practitioners' },
        ...extra,
      },
    ];
    return modelOf(policy);
  }
  const processing = (model: PolicyModel, lang: Language): readonly string[] =>
    registerIn(model, lang).tables[1]!.rows[0]![1]!;
  const descriptionMissing = (model: PolicyModel): unknown[] =>
    analyse(model.source)
      .findings.filter(
        (d) => d.ruleId === 'register/description-missing' && d.pointer.startsWith('/processorActivities'),
      )
      .map((d) => [d.pointer, d.article]);

  it("IES: the notice's text after the name, marked 'Uit de privacyverklaring', in the CSV too", () => {
    const ies = seedModel('ies');
    const [name, text] = processing(ies, 'nl');
    expect(name).toBe('De Producten leveren namens de verwerkingsverantwoordelijke');
    expect(text).toMatch(
      /^Uit de privacyverklaring: In sommige gevallen werken we samen met verwerkingsverantwoordelijken/,
    );
    expect(processing(ies, 'en')[1]).toMatch(/^From the privacy notice: In some cases we work with controllers/);
    const m = messagesFor('nl', ies.source.metadata.formality);
    const [row] = parse(registerToCsv(standaloneTable(registerIn(ies, 'nl').tables[1]!, ies, m)), {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(row!['Categorieën van verwerkingen']!.split('\n')[1]).toMatch(/^Uit de privacyverklaring: /);
  });

  it('a registerDescription alone, unmarked; the description as plain text; the name alone where there is neither', () => {
    const own = {
      nl: 'Vragenlijsten afnemen en uitslagen delen met de beoefenaar.',
      en: 'Administering questionnaires.',
    };
    expect(processing(withProcessing({ registerDescription: own }), 'nl')).toEqual(['Vragenlijsten aanbieden', own.nl]);
    expect(processing(withProcessing(), 'nl')).toEqual([
      'Vragenlijsten aanbieden',
      'Uit de privacyverklaring: Als u cliënt bent van een beoefenaar.',
    ]);
    expect(processing(withProcessing({ description: undefined }), 'en')).toEqual(['Providing questionnaires']);
  });

  it('register/description-missing reports the processing whose row shows the notice’s wording (GDPR 30(2)(b))', () => {
    expect(descriptionMissing(withProcessing())).toEqual([
      ['/processorActivities/0/registerDescription', 'GDPR 30(2)(b)'],
    ]);
    const own = { nl: 'Vragenlijsten afnemen.', en: 'Administering questionnaires.' };
    expect(descriptionMissing(withProcessing({ registerDescription: own }))).toEqual([]);
    // The name alone is a category of processing (30(2)(b)): nothing to replace.
    expect(descriptionMissing(withProcessing({ description: undefined }))).toEqual([]);
  });
});

describe('register.md: each value an item, the organisation-wide columns stated once (register5 finding 9)', () => {
  it('cosmetic clinic, Back-ups: each data category an item of its own, also after one that ends a sentence', () => {
    // In the table's cell they ran together ('… met wie. Leeftijd; Camerabeelden'); an activity's section lists them.
    const nl = registerIn(seedModel('cosmetic-clinic'), 'nl');
    const backups = markdownFact(nl, 'Categorieën van persoonsgegevens').find(
      (values) => values?.includes('Leeftijd') && values.includes('Camerabeelden'),
    );
    expect(backups).toEqual([
      'Contactgegevens',
      'Medische gegevens (bijzondere persoonsgegevens: gegevens over gezondheid): Gezondheidsgegevens in uw medisch dossier.',
      "Foto's van het te behandelen gebied (bijzondere persoonsgegevens: gegevens over gezondheid)",
      'Contacthistorie: Waarover het contact ging, wanneer het plaatsvond en met wie.',
      'Leeftijd',
      'Camerabeelden',
    ]);
  });

  it("the security measures, controller and DPO once, among the organisation's details, not in every activity", () => {
    const nl = registerIn(seedModel('cosmetic-clinic'), 'nl');
    const md = registerToMarkdown(nl);
    const security =
      'Onze medewerkers raadplegen uw gegevens alleen als dat nodig is voor de uitvoering van hun taken.';
    expect(md.split(security).length - 1).toBe(1);
    expect(md).toContain(`- **Beveiligingsmaatregelen**:\n  - ${security}`);
    for (const column of [
      'Verwerkingsverantwoordelijke',
      'Vertegenwoordiger',
      'Functionaris voor gegevensbescherming',
      'Beveiligingsmaatregelen',
    ])
      expect(markdownFact(nl, column), column).toEqual(nl.tables[0]!.rows.map(() => undefined));
    expect(markdownFact(nl, 'Verwerkingsdoeleinden').every(Boolean)).toBe(true);
  });

  it('a column in which a row differs stays, in every activity: a purpose with a controller of its own', () => {
    const policy = miniPolicy() as unknown as Record<string, any>;
    policy.controllers = [{ id: 'head', name: 'Hoofdkantoor B.V.', contact: { email: 'privacy@hoofd.example' } }];
    policy.purposes.push({ ...policy.purposes[0], id: 'own', controller: 'head' });
    expect(markdownFact(registerIn(modelOf(policy), 'nl'), 'Verwerkingsverantwoordelijke')).toEqual([
      ['Mini B.V.', 'privacy@mini.example'],
      ['Hoofdkantoor B.V.', 'privacy@hoofd.example'],
    ]);
  });
});

describe('a purpose with a controller of its own is named on the page, however many purposes name it', () => {
  it('HTML and Markdown: two of three purposes name the head office; each block names its controller', () => {
    // The page left out the value most rows held, as the organisation's: the head office's, which then stood on no
    // page, and its two activities read as the practice's own. A column in which a row differs is in every block.
    const policy = miniPolicy() as unknown as Record<string, any>;
    policy.controllers = [{ id: 'head', name: 'Hoofdkantoor B.V.', contact: { email: 'privacy@hoofd.example' } }];
    for (const id of ['own', 'second'])
      policy.purposes.push({ ...policy.purposes[0], id, name: { nl: `Doel ${id}`, en: id }, controller: 'head' });
    const html = registerToHtml(registerIn(modelOf(policy), 'nl'));
    const head =
      '<dt>Verwerkingsverantwoordelijke</dt>\n<dd><ul><li>Hoofdkantoor B.V.</li><li>privacy@hoofd.example</li></ul></dd>';
    expect(html.split(head).length - 1).toBe(2);
    expect(html).toContain(
      '<dt>Verwerkingsverantwoordelijke</dt>\n<dd><ul><li>Mini B.V.</li><li>privacy@mini.example</li></ul></dd>',
    ); // The Markdown, laid out as the page (register5 finding 9), the same.
    expect(markdownFact(registerIn(modelOf(policy), 'nl'), 'Verwerkingsverantwoordelijke')).toEqual([
      ['Mini B.V.', 'privacy@mini.example'],
      ['Hoofdkantoor B.V.', 'privacy@hoofd.example'],
      ['Hoofdkantoor B.V.', 'privacy@hoofd.example'],
    ]);
  });
});

describe('the printed workbook: the organisation-wide and blank columns off paper, two pages across (register5 finding 8)', () => {
  async function sheetsOf(register: Register): Promise<ExcelJS.Worksheet[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(registerToXlsx(register)) as unknown as ExcelJS.Buffer);
    return workbook.worksheets;
  }
  const widthsOf = (sheet: ExcelJS.Worksheet): number[] =>
    Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width!);

  it('IES: the print area starts at the purposes, after the controller, joint controllers, representative and DPO', async () => {
    const [, controller, processor] = await sheetsOf(registerIn(seedModel('ies'), 'nl'));
    // A id, B activity (repeated on every page), C–F the organisation's and blank columns, G purposes … O retention;
    // P security (the same in every row), Q systems (blank).
    expect(controller!.pageSetup).toMatchObject({ printArea: 'G1:O9', printTitlesColumn: 'B:B' });
    // A id, B processing; C–E processor, representative, DPO; F controllers … J transfers; K retention (blank), L security.
    expect(processor!.pageSetup).toMatchObject({ printArea: 'F1:J2', printTitlesColumn: 'B:B' });
    // The columns stay in the sheet, with their values.
    expect(controller!.getRow(1).getCell(3).value).toBe('Verwerkingsverantwoordelijke');
    expect(controller!.getRow(2).getCell(16).value).toMatch(/^Persoonsgegevens worden versleuteld/);
  });

  it('the printed columns fit two pages across at the least scale (they took three at 81%), each at least its header’s longest word', async () => {
    for (const id of ['ies', 'dental-clinics', 'doctolib']) {
      const [, controller] = await sheetsOf(registerIn(seedModel(id), 'nl'));
      const widths = widthsOf(controller!);
      expect(pagesAcross({ widths, repeatFrom: 1, repeatTo: 2, printFrom: 6, printTo: 15 }), id).toBe(2);
      for (let i = 6; i < 15; i++) {
        const header = String(controller!.getRow(1).getCell(i + 1).value);
        expect(widths[i], header).toBeGreaterThanOrEqual(Math.max(...header.split(' ').map((w) => w.length)) + 2);
      }
    }
  });

  it("Dental Clinics: the organisation sheet gives the contact page as well as the website (the controller's column did)", () => {
    const facts = registerIn(seedModel('dental-clinics'), 'nl').organisation.facts;
    // The contact page among the contact details (30(1)(a), officer3 finding 4), the website beside them.
    expect(facts.find((f) => f.label === 'Website')?.value).toBe('https://www.dentalclinics.nl');
    expect(facts.find((f) => f.label === 'Contactgegevens')?.value.split('\n')).toEqual([
      'Hilversum, Nederland',
      'https://www.dentalclinics.nl/tandarts/',
    ]);
  });
});

describe('register.xlsx keeps every value as text: a version label such as "2020-05" stays itself (register5 S2)', () => {
  it('the version is a text cell, as is every cell of every sheet (no number, no date)', async () => {
    // Dijklander's "2020-05" was this example; it is now its lastModified (patients' review 10, F14).
    const versioned = miniPolicy();
    versioned.metadata.version = '2020-05';
    const register = registerIn(modelOf(versioned), 'nl');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(registerToXlsx(register)) as unknown as ExcelJS.Buffer);
    const [organisation] = workbook.worksheets;
    const version = organisation!.getColumn(2).values.findIndex((v) => v === '2020-05');
    expect(version).toBeGreaterThan(0);
    expect(organisation!.getRow(version).getCell(2).type).toBe(ExcelJS.ValueType.String);
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).toBe(ExcelJS.ValueType.String)),
      );
  });
});
