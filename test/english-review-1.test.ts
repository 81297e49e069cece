import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * English review 1 (a native English editor on the nine English notices): wording that read as translated
 * from Dutch. Each check names the finding it follows.
 */
const englishDir = path.join(repoRoot, 'locales', 'en');

/** Every English message, by 'namespace:key'. */
function englishMessages(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string): void => {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v && typeof v === 'object') walk(v, `${prefix}${k}.`);
      else out.set(prefix + k, String(v));
    }
  };
  for (const file of readdirSync(englishDir).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(englishDir, file), 'utf8')), `${file.replace(/\.json$/, '')}:`);
  return out;
}

const messages = englishMessages();
const message = (key: string): string => {
  const value = messages.get(key);
  expect(value, key).toBeDefined();
  return value!;
};

describe('English review 1', () => {
  it('finding 7: "data" is singular throughout, as the ICO and GOV.UK write it ("this data", not "these data")', () => {
    const plural = [...messages].filter(([, text]) => /\b(these|those) data\b/i.test(text)).map(([key]) => key);
    expect(plural).toEqual([]);
    expect(message('notice:purposeCard.refuse.contractUnstated')).toContain('whether you must provide this data,');
    expect(message('terms:requirement.statutory')).toBe('Providing this data is a statutory requirement.');
  });
  it('findings 8, 9, 10 and 18: no calques of "in de privacywet", "ook niet", "per soort", "binnen ten hoogste", "aannemelijk maakt", "in de zorg", "niet past bij"', () => {
    const calques = [
      /\bIn the privacy law\b/,
      /\bnot even\b/,
      /\bPer kind of data\b/,
      /\bwithin at most\b/,
      /\bmakes plausible\b/,
      /\bincident in the care\b/,
      /\bdoes not fit good care\b/,
    ];
    const found = [...messages].filter(([, text]) => calques.some((c) => c.test(text))).map(([key]) => key);
    expect(found).toEqual([]);
    expect(message('notice:controller.statementFirst')).toContain(
      'Under the EU privacy law, the General Data Protection Regulation (GDPR), this makes us the controller.',
    );
    expect(message('notice:retention.intro')).toMatch(
      /^We keep personal data only as long as we need it for the purpose we use it for,/,
    );
    expect(message('terms:retention.deletionHandling')).toBe(
      '{{phrase}}. We carry out a request for deletion within {{period}}',
    );
    expect(message('terms:patientRight.deceased.who.incident')).toContain("an incident in the patient's care");
    expect(message('terms:patientRight.deceased.who.incidentClient')).toContain("an incident in the client's care");
  });
  it('findings 3, 16, 17 and 19: the usual English terms, no term said twice, and shorter sentences', () => {
    expect(message('notice:placeholder')).toMatch(/^This notice does not name the organisation;/);
    expect(message('terms:right.information.name')).toBe('Knowing what we do with your data (right to be informed)');
    expect(message('terms:right.complaint.name')).toBe(
      'Complaining to the supervisory authority (right to lodge a complaint)',
    );
    expect(message('notice:heading.purposes')).toBe('What we use your data for, and on what legal basis');
    expect(message('notice:scope.subjects')).toBe('This notice covers the personal data of:');
    // The portability text in two sentences, none over 30 words (it was one of 45).
    const portability = message('terms:right.portability.descriptionBases').split(/(?<=\.) /);
    expect(portability).toHaveLength(2);
    expect(Math.max(...portability.map((sentence) => sentence.split(' ').length))).toBeLessThanOrEqual(30);
  });

  it('finding 19: one kind of sensitive data is "this special category", several "these special categories"', () => {
    const one = miniPolicy();
    one.dataCategories[0]!.special = 'health';
    expect(policyOutputs(one).notice.en).toContain(
      '**Why we may use this special category of personal data (Article 9 GDPR):**',
    );
    const two = miniPolicy();
    two.dataCategories[0]!.special = 'health';
    two.dataCategories[1]!.special = 'genetic';
    expect(policyOutputs(two).notice.en).toContain(
      '**Why we may use these special categories of personal data (Article 9 GDPR):**',
    );
  });
  it('finding 13: the retention table, which names the BW before the rights section glosses it, says which code it is; the register does not gloss it', () => {
    const policy = miniPolicy();
    policy.controller.isCareProvider = true;
    policy.dataCategories[0]!.special = 'health';
    policy.purposes[0] = { ...policy.purposes[0]!, specialCategoryCondition: { condition: '9(2)(h)' } };
    policy.retention = [
      {
        id: 'file',
        name: { nl: 'Dossier', en: 'File' },
        dataCategories: ['phone'],
        period: 'P6M',
        legalSource: { law: 'wgbo' },
      },
    ];
    const { notice, register } = policyOutputs(policy);
    expect(notice.en).toContain('The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file');
    expect(notice.nl).toContain('De wet (artikel 7:454, lid 3, BW) vraagt');
    // The register gives the term and the ground the organisation gave, and leaves the verdict to check (register
    // review 5, finding 4): no citation of the law's minimum, glossed or not.
    expect(register.en).toContain(
      'File (Phone number): 6 months; ground given: Medical Treatment Contracts Act (WGBO).',
    );
    expect(register.en).not.toContain('Dutch Civil Code');
  });
  it('finding 2: a summary link that stands alone is a pointer, not a question it leaves unanswered, in English and Dutch', () => {
    for (const key of ['layout:summary.keepLink', 'layout:summary.receiversRead', 'layout:summary.transfersRead'])
      expect(message(key), key).not.toMatch(/\?$|\bwhich data\b|^Whether\b/);
    expect(message('layout:summary.receiversRead')).toBe('Who receives your data');
    // The Dutch summary had the same three: 'Hoe lang wij welke gegevens bewaren', 'Wie krijgt uw gegevens nog meer?',
    // 'Gaan uw gegevens naar landen buiten de Europese Economische Ruimte?'.
    const policy = miniPolicy();
    policy.sharing = { nl: 'Wij delen gegevens met uw huisarts.', en: 'We share data with your GP.' };
    policy.transfers = {
      statement: { nl: 'Wij geven in principe niets door.', en: 'In principle we transfer nothing.' },
    };
    policy.retention = [{ id: 'all', name: { nl: 'Alles', en: 'All' }, dataCategories: ['phone'], period: 'P1Y' }];
    for (const formality of ['formal', 'informal'] as const) {
      policy.metadata.formality = formality;
      const { nl, en } = policyOutputs(policy).notice;
      const links = (md: string): string[] =>
        summaryOf(md)
          .split('\n')
          .filter((line) => line.startsWith('['))
          .map((line) => /^\[([^\]]+)\]/.exec(line)![1]!);
      expect(links(nl)).toEqual([
        'Bewaartermijnen per soort gegevens',
        formality === 'formal' ? 'Wie uw gegevens ontvangt' : 'Wie je gegevens ontvangt',
        `${formality === 'formal' ? 'Uw' : 'Je'} gegevens en landen buiten de Europese Economische Ruimte`,
      ]);
      expect(links(en)).toEqual([
        'Retention periods for each kind of data',
        'Who receives your data',
        'Your data and countries outside the European Economic Area',
      ]);
    }
  });

  it('finding 1: the purposes line comes second, after who is responsible, and does not end on a bare "to"', () => {
    const policy = miniPolicy();
    policy.purposes.push({ ...policy.purposes[0]!, id: 'second', name: { nl: 'Tweede doel', en: 'Second purpose' } });
    const { nl, en } = policyOutputs(policy).notice;
    const lines = (md: string): string[] => summaryOf(md).split('\n\n').slice(1, 3);
    expect(lines(en)).toEqual([
      'Mini B.V. is responsible for your data. Questions? <privacy@mini.example>',
      'What we use your data for, and why we may do so: [2 purposes](#what-we-use-your-data-for-and-on-what-legal-basis)',
    ]);
    expect(lines(nl)[1]).toBe(
      'Waarvoor wij uw gegevens gebruiken, en waarom dat mag: [2 doelen](#waarvoor-wij-uw-gegevens-gebruiken-en-waarom-dat-mag-doelen-en-grondslagen)',
    );
    expect(message('layout:summary.purposes')).not.toMatch(/\bto:?\s*$/);
  });

  it('finding 15: where the notice names nowhere to send a request, it says a request needs no form (nl formal and informal, en)', () => {
    const policy = miniPolicy();
    policy.controller = { name: 'Mini B.V.' };
    const formal = policyOutputs(policy).notice;
    policy.metadata.formality = 'informal';
    const informal = policyOutputs(policy).notice;
    expect(formal.en).toContain(
      'This notice gives no address, e-mail address or telephone number for requests. You can still make a request in any way you like, for example in person, by letter or by e-mail, and you do not need a special form.',
    );
    expect(formal.nl).toContain(
      'telefoonnummer voor uw verzoek. U kunt uw verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig.',
    );
    expect(informal.nl).toContain(
      'telefoonnummer voor je verzoek. Je kunt je verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail.',
    );
    // Not where the notice gives where to send it: the sentence belongs with 'none is named'.
    expect(policyOutputs(miniPolicy()).notice.en).not.toContain('You do not need a special form');
  });
});

/** The summary's Markdown: from its heading to the next level-2 heading. */
function summaryOf(md: string): string {
  const start = md.indexOf('\n## ');
  return md.slice(start + 1, md.indexOf('\n## ', start + 1));
}
