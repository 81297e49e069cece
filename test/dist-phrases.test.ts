import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPolicyc } from './support/cli.js';

/**
 * Issue 10: build every policy in policies/ as `npm run build` does and grep
 * the outputs for the false or broken phrases the reviews found. None may occur.
 */
const forbidden: readonly string[] = [
  'versie .',
  'version .',
  'opgesteld in overeenstemming met',
  'given in accordance with',
  '(WGBO, BW 7:454)',
  'Functionaris gegevensbescherming',
  'functionaris gegevensbescherming',
  'Functionaris Gegevensbescherming',
  'wettelijk identificatienummer',
  'bijzonder persoonsgegeven: gezondheidsgegevens',
  // The language review of 2026-12-06: a singular label on plural data, 'wie … ook' read as 'whoever',
  // 'iemand iets verplichten', a retention period the notice's own table contradicts.
  'bijzonder persoonsgegeven:',
  'bijzonder persoonsgegeven)',
  'Wie uw gegevens ook krijgt',
  'Wie je gegevens ook krijgt',
  'de wet ons dat verplicht',
  'bewaartermijn van twintig jaar is geen reden',
  'retention period of twenty years is not a reason',
  'hebt ook het recht een klacht',
  'heb ook het recht een klacht',
  'gerechtvaardigd belang of een taak van algemeen belang, vanwege',
  'legitimate interests or a public task, because of',
  'op grond van toestemming of een overeenkomst',
  'on the basis of consent or a contract',
  'tijdelijk maar beperkt',
  'geen gevolgen voor de verwerking daarvoor',
  'Geldt voor:',
  'laatste bezoek aan de praktijk of de website',
  'bezwaar maken vanwege',
  'dwingende, gerechtvaardigde redenen',
  'tot en met de directe medische',
  'geaccrediteerde arts',
  'accredited doctor',
  'als verantwoordelijke voor de verwerking',
  '| Voor het geval u ons later',
  '| In case you need us later',
  '"dct:valid": {\n    "@type"',
  // The English review of 2026-12-06: 'give/receive inspection' is not English, '12 to 16' overlaps 'from 16',
  // a period ending on objection ends earlier (not 'until'), 'we keep it 20 years' lacked 'for'.
  'we give inspection',
  'receive inspection',
  'A child of 12 to 16',
  'or until you object',
  'of totdat u bezwaar maakt',
  'of totdat je bezwaar maakt',
  ': we keep it ',
  'enter into an agreement',
  'have passed on to another organisation',
  // The accessibility review of 2026-12-06: a link's text says where it leads (WCAG 2.4.4, 2.4.9).
  '[how it works]',
  '[zo werkt het]',
  '>how it works<',
  '>zo werkt het<',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(md|html|csv|jsonld)$/.test(name) ? [full] : [];
  });
}

describe('the built outputs of all policies', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'policyc-phrases-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const run = runPolicyc(['build', '--out', out]);
  const outputs =
    run.status === 0
      ? files(out).map((file) => ({ file: path.relative(out, file), text: readFileSync(file, 'utf8') }))
      : [];

  it('build', () => {
    expect(run.status).toBe(0);
    expect(outputs.length).toBeGreaterThan(40);
  });

  it('hold none of the false or broken phrases', () => {
    const found = outputs.flatMap(({ file, text }) =>
      forbidden.filter((phrase) => text.includes(phrase)).map((phrase) => `${file}: ${phrase}`),
    );
    expect(found).toEqual([]);
  });

  it('no transfer column where no party leaves the EEA, and every notice speaks to art. 13(2)(f)', () => {
    for (const { file, text } of outputs.filter((o) => o.file.endsWith('privacy.md'))) {
      expect(text, file).toMatch(/## .*\((geautomatiseerde besluitvorming|automated decision-making)\)\n\n\S/);
      expect(text, file).not.toMatch(
        /#### ?(Hoe (u uw|je je) rechten|How to exercise)|### (Hoe (u uw|je je) rechten uitoefent|How to exercise your rights)\n\n##/,
      );
    }
    const dental = outputs.find((o) => o.file === 'dental-clinics/nl/privacy.md')!.text;
    expect(dental).not.toContain('Waarborg voor doorgifte');
  });

  it("headings the Dutch way of the other sections: 'Hoe u uw rechten uitoefent', like 'Hoe lang wij uw gegevens bewaren'", () => {
    // It read 'Zo oefent u uw rechten uit', a statement among the indirect questions (phone review, 2026-12-06).
    for (const { file, text } of outputs.filter((o) => o.file.endsWith('/nl/privacy.md'))) {
      expect(text, file).toMatch(/\n### Hoe (u uw|je je) rechten uitoefent\n/);
      expect(text, file).not.toMatch(/\n#+ Zo /);
    }
  });

  it("care providers' notices state the WGBO rights; the others' do not", () => {
    const notice = (org: string, lang: string): string =>
      outputs.find((o) => o.file === `${org}/${lang}/privacy.md`)!.text;
    for (const org of ['dental-clinics', 'cosmetic-clinic', 'ipractice']) {
      expect(notice(org, 'nl'), org).toContain('artikel 7:455 BW');
      expect(notice(org, 'en'), org).toContain('Article 7:455 BW');
    }
    for (const org of ['doctolib', 'ies']) expect(notice(org, 'nl'), org).not.toContain('7:455');
  });

  it('iPractice: "without these data we cannot offer our services" is said of the treatment, not of the invitations (legitimate interest)', () => {
    const nl = outputs.find((o) => o.file === 'ipractice/nl/privacy.md')!.text;
    const section = (heading: string): string => nl.split(`### ${heading}\n`)[1]!.split('\n### ')[0]!;
    expect(section('Contact houden, informatie en uitnodigingen')).not.toContain('overeenkomst te sluiten');
    expect(section('Behandeling en facturering')).toContain(
      'Zonder deze gegevens kunnen we je geen van onze diensten aanbieden.',
    );
  });
});
