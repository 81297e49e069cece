import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExternalAcknowledgement } from '../src/check/acknowledge.js';
import { compilePolicy } from '../src/pipeline/compile-policy.js';
import { readFixture } from './support/fixtures.js';

/**
 * First-time user review, 17: the reasons a privacy officer gives when acknowledging a finding are the
 * organisation's documented judgements, what the Autoriteit Persoonsgegevens asks about with the art. 30
 * register; the register lists them (HTML, Markdown, a workbook sheet), with what the check found and
 * where, the reason as written and escaped. The CSV's records are activities: it carries none.
 */
const hostile = '=HYPERLINK("http://x.example")<script>alert(1)</script> | *vet* & co';

function policyText(acknowledged?: unknown[]): string {
  const policy = JSON.parse(readFixture('minimal/policy.json'));
  if (acknowledged) policy.metadata.acknowledged = acknowledged;
  return JSON.stringify(policy, null, 2);
}

const inPolicy = [
  {
    rule: 'retention/missing',
    pointer: '/dataCategories/0',
    reason: { nl: `Opnames horen niet bij het dossier ${hostile}`, en: `Recordings are not the file ${hostile}` },
  },
];
const inConfig: ExternalAcknowledgement[] = [
  {
    policy: 'minimal',
    rule: 'art13/requirement-missing',
    reason: { nl: 'Besproken met de FG.', en: 'Discussed with the DPO.' },
  },
];

async function outputs(acknowledged?: unknown[], external: ExternalAcknowledgement[] = []) {
  const compiled = await compilePolicy(policyText(acknowledged), 'minimal/policy.json', {
    groups: ['register'],
    acknowledged: external,
  });
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (file: string) => compiled.outputs.find((o) => o.path === `minimal/${file}`)!.contents;
}

async function sheets(xlsx: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx as Uint8Array) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('the register lists the findings the organisation acknowledged, with its reasons', () => {
  it('register.html: a section after the records, each finding, where and the reason, escaped', async () => {
    const file = await outputs(inPolicy, inConfig);
    const nl = file('nl/register.html') as string;
    const section = nl.slice(nl.indexOf('<section class="register-assessments">'));
    expect(nl.indexOf('<section class="register-assessments">')).toBeGreaterThan(nl.indexOf('id="controller"'));
    expect(section).toContain('<h2 id="assessments">Vastgelegde afwegingen bij de controle</h2>');
    expect(section).toContain(
      '<dd>De gegevenscategorie “Contactgegevens” wordt verwerkt, maar geen bewaarregel dekt haar.</dd>',
    );
    expect(section).toContain('<dd>Gegevenscategorie “Contactgegevens”</dd>');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(nl).not.toContain('<script>');
    // The config's acknowledgement too, after the policy's (the check's order: the policy's).
    expect(section.indexOf('Besproken met de FG.')).toBeGreaterThan(section.indexOf('Opnames horen niet'));
    expect(section).toContain('<dd>Doel “Afspraken”, verplichting tot verstrekking</dd>');
    const en = file('en/register.html') as string;
    expect(en).toContain('Documented assessments of the check&#x27;s findings');
    expect(en).toContain('Recordings are not the file');
    expect(en).toContain('Discussed with the DPO.');
  });

  it('register.md: a heading and a table, author text escaped', async () => {
    const md = (await outputs(inPolicy, inConfig))('nl/register.md') as string;
    const section = md.slice(md.indexOf('## Vastgelegde afwegingen bij de controle'));
    expect(md.indexOf('## Vastgelegde afwegingen')).toBeGreaterThan(md.indexOf('## Verwerkingsactiviteiten'));
    expect(section).toContain('| Bevinding van de controle | Waar | Reden van de organisatie |');
    expect(section).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*vet\\* \\& co');
    expect(section).not.toContain('<script>');
    // The header, its delimiter row and a row a finding.
    expect(section.split('\n').filter((l) => l.startsWith('| ')).length).toBe(4);
  });

  it('register.xlsx: a sheet of its own after the records, a formula-like reason kept as text', async () => {
    const workbook = await sheets((await outputs(inPolicy, inConfig))('nl/register.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Organisatie',
      'Verantwoordelijke art. 30 lid 1',
      'Afwegingen',
    ]);
    const sheet = workbook.getWorksheet('Afwegingen')!;
    expect([1, 2, 3].map((c) => sheet.getRow(1).getCell(c).value)).toEqual([
      'Bevinding van de controle',
      'Waar',
      'Reden van de organisatie',
    ]);
    expect(sheet.getCell('B2').value).toBe('Gegevenscategorie “Contactgegevens”');
    expect(sheet.getCell('C2').value).toBe(`Opnames horen niet bij het dossier ${hostile}`);
    expect(sheet.getCell('C3').value).toBe('Besproken met de FG.');
    expect(sheet.rowCount).toBe(3);

    // A reason that starts like a formula stays a text, never a formula.
    const formula = [{ ...inPolicy[0], reason: { nl: hostile, en: hostile } }];
    const again = await sheets((await outputs(formula))('nl/register.xlsx'));
    const cell = again.getWorksheet('Afwegingen')!.getCell('C2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(hostile);
  });

  it('register.csv: its records are activities, so it carries no reason', async () => {
    const file = await outputs(inPolicy, inConfig);
    expect(file('nl/register.csv')).not.toContain('Opnames horen niet');
    expect(file('nl/register.csv')).not.toContain('Besproken met de FG');
  });

  it('no acknowledged finding: no section, no heading, no sheet', async () => {
    const file = await outputs();
    for (const lang of ['nl', 'en']) {
      expect(file(`${lang}/register.html`)).not.toContain('register-assessments');
      expect(file(`${lang}/register.md`)).not.toMatch(/afwegingen|assessments/i);
      const workbook = await sheets(file(`${lang}/register.xlsx`));
      expect(workbook.worksheets).toHaveLength(2);
    }
  });
});
