import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkFindings } from '../src/check/check-policy.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { compilePolicy } from '../src/pipeline/compile-policy.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyPath } from './support/seed-output.js';

/**
 * The privacy officer's eighth review, R2: the groups of data subjects and the data categories the notice names but
 * no purpose processes (iPractice's applicants, staff and website visitors) had no activity in the register and
 * showed only as 'Overige bewaartermijnen' among the organisation's details. The register now shows them as a part
 * of their own, said to be a gap, in all four formats — the same groups and categories the check reports
 * (unused/data-subject, unused/data-category).
 */

const CAPTION = 'Genoemd in de privacyverklaring, zonder verwerkingsactiviteit';
const INTRO =
  'De privacyverklaring noemt deze categorieën van betrokkenen en van persoonsgegevens, maar bij geen enkel doel. ' +
  'Dit register heeft er daarom geen verwerkingsactiviteit voor: verwerkingsdoeleinden en grondslag ontbreken.';
const NONE =
  'Geen: dit register heeft hiervoor geen verwerkingsactiviteit; verwerkingsdoeleinden en grondslag ontbreken';

async function compiled(text: string, lang: 'nl' | 'en' = 'nl') {
  const result = await compilePolicy(text, 'policy.json', { groups: ['register'], languages: [lang] });
  const file = (name: string) => result.outputs.find((o) => o.path.endsWith(`/${lang}/${name}`))?.contents;
  expect(file('register.md'), 'the register is written').toBeDefined();
  return { file };
}

const seedText = (id: string): string => readFileSync(policyPath(id), 'utf8');

async function workbook(xlsx: string | Uint8Array | undefined): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx as Uint8Array) as unknown as ExcelJS.Buffer);
  return book;
}

/** The names the check's unused/* findings are about, in the check's order (the policy's). */
function unusedNames(text: string): string[] {
  const { model, document } = analysePolicy(text, 'policy.json');
  const names: string[] = [];
  for (const d of checkFindings(model!, document!))
    if (d.ruleId === 'unused/data-subject' || d.ruleId === 'unused/data-category') {
      const name = (d.data?.subject ?? d.data?.category) as string | { nl: string };
      names.push(typeof name === 'string' ? name : name.nl);
    }
  return names;
}

describe('what the notice names that no activity processes (officer8 R2)', () => {
  it('iPractice (nl): the Markdown and HTML pages show it as a gap, after the records, with the retention periods', async () => {
    const { file } = await compiled(seedText('ipractice'));
    const markdown = file('register.md') as string;
    const part = markdown.slice(markdown.indexOf(`## ${CAPTION}`));
    expect(markdown.indexOf(`## ${CAPTION}`)).toBeGreaterThan(markdown.indexOf('## Verwerkingsactiviteiten als'));
    expect(part).toContain(INTRO);
    for (const line of [
      '- **Categorieën van betrokkenen**:',
      '  - Sollicitanten',
      '  - Medewerkers en freelancers',
      '  - Bezoekers van de website',
      '- **Categorieën van persoonsgegevens**:',
      '  - Gegevens van sollicitanten',
      '- **Bewaartermijnen**:',
      '  - Gegevens van sollicitanten: 4 weken na het einde van de sollicitatieprocedure; met je toestemming ten hoogste 1 jaar',
    ])
      expect(part.split('\n'), line).toContain(line);
    // The organisation's 'Overige bewaartermijnen' keep every rule they held.
    expect(markdown).toContain('- **Overige bewaartermijnen**:');
    expect(markdown).toContain('  - Gegevens van websitebezoekers: 2 jaar na het laatste bezoek aan de website');
    const html = file('register.html') as string;
    expect(html).toContain(`<section class="register-without-activity">\n<h2 id="without-activity">${CAPTION}</h2>`);
    expect(html).toContain(`<p>${INTRO}</p>`);
    expect(html).toContain('<li>Gegevens van medewerkers en freelancers</li>');
  });

  it('iPractice (nl): a CSV of its own, a row a group or category, each saying it has no activity', async () => {
    const { file } = await compiled(seedText('ipractice'));
    const rows: Array<Record<string, string>> = parse(file('register-without-activity.csv') as string, {
      columns: true,
      delimiter: ';',
      bom: true,
    });
    expect(rows.map((r) => [r['Soort'], r['Genoemd in de privacyverklaring']])).toEqual([
      ['Categorie van betrokkenen', 'Bezoekers van de praktijk'],
      ['Categorie van betrokkenen', 'Bezoekers van de website'],
      ['Categorie van betrokkenen', 'Sollicitanten'],
      ['Categorie van betrokkenen', 'Medewerkers en freelancers'],
      ['Categorie van persoonsgegevens', 'Gegevens van websitebezoekers'],
      ['Categorie van persoonsgegevens', 'Gegevens van sollicitanten'],
      ['Categorie van persoonsgegevens', 'Gegevens van medewerkers en freelancers'],
    ]);
    for (const row of rows) expect(row['Verwerkingsactiviteit']).toBe(NONE);
    expect(rows[5]!['Bewaartermijnen']).toBe(
      'Gegevens van sollicitanten: 4 weken na het einde van de sollicitatieprocedure; met je toestemming ten hoogste 1 jaar',
    );
    expect(rows[0]!['Kenmerk van de privacyverklaring']).toBe('ipractice');
    // register.csv's records stay activities.
    expect(file('register.csv') as string).not.toContain('Sollicitanten');
  });

  it('iPractice (nl): a workbook sheet after the records, read back with its rows', async () => {
    const { file } = await compiled(seedText('ipractice'));
    const book = await workbook(file('register.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Organisatie',
      'Verantwoordelijke art. 30 lid 1',
      'Zonder verwerkingsactiviteit',
    ]);
    const sheet = book.getWorksheet('Zonder verwerkingsactiviteit')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Soort',
      'Genoemd in de privacyverklaring',
      'Bewaartermijnen',
      'Verwerkingsactiviteit',
    ]);
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getCell('B4').value).toBe('Sollicitanten');
    expect(sheet.getCell('D4').value).toBe(NONE);
    expect(sheet.getCell('B7').value).toBe('Gegevens van sollicitanten');
  });

  it('lists exactly what the check reports as unused, in every seed that has any', async () => {
    for (const id of ['ipractice', 'dental-clinics', 'ies', 'bernhoven']) {
      const { file } = await compiled(seedText(id));
      const expected = unusedNames(seedText(id));
      const csv = file('register-without-activity.csv') as string | undefined;
      if (!expected.length) {
        expect(csv, id).toBeUndefined();
        continue;
      }
      const rows: string[][] = parse(csv!, { delimiter: ';', bom: true, from_line: 2 });
      expect(
        rows.map((r) => r[1]!.split(': ')[0]),
        id,
      ).toEqual(expected);
    }
  });

  it('a policy whose notice names nothing without a purpose: no part, no sheet, no file', async () => {
    const { file } = await compiled(JSON.stringify(miniPolicy(), null, 2));
    expect(file('register-without-activity.csv')).toBeUndefined();
    expect(file('register.md') as string).not.toContain(CAPTION);
    expect(file('register.html') as string).not.toContain('register-without-activity"');
    const book = await workbook(file('register.xlsx'));
    expect(book.worksheets.map((s) => s.name)).not.toContain('Zonder verwerkingsactiviteit');
  });

  it("escapes the author's names in every format", async () => {
    const hostile = '=HYPERLINK("http://x.example")<script>alert(1)</script> *vet*';
    const policy = miniPolicy();
    policy.dataSubjects.push({ id: 'applicants', name: { nl: hostile, en: hostile } });
    const { file } = await compiled(JSON.stringify(policy, null, 2));
    const html = file('register.html') as string;
    expect(html.slice(html.indexOf('register-without-activity'))).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const markdown = file('register.md') as string;
    expect(markdown.slice(markdown.indexOf(CAPTION))).toContain('\\<script\\>alert(1)\\</script\\> \\*vet\\*');
    const rows: string[][] = parse(file('register-without-activity.csv') as string, { delimiter: ';', bom: true });
    expect(rows[1]![1]).toBe(`'${hostile}`);
    const book = await workbook(file('register.xlsx'));
    expect(book.getWorksheet('Zonder verwerkingsactiviteit')!.getCell('B2').value).toBe(hostile);
  });

  it('in English, a subject alone: the intro names the groups only', async () => {
    const policy = miniPolicy();
    policy.dataSubjects.push({ id: 'applicants', name: { nl: 'Sollicitanten', en: 'Job applicants' } });
    const { file } = await compiled(JSON.stringify(policy, null, 2), 'en');
    const markdown = file('register.md') as string;
    expect(markdown).toContain(
      '## Named in the privacy notice, without a processing activity\n\n' +
        'The privacy notice names these categories of data subjects, but no purpose includes them. This register therefore ' +
        'has no processing activity for them: their purposes and legal basis are missing.\n\n' +
        '- **Categories of data subjects**: Job applicants',
    );
  });
});
