import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * The second Dutch plain-language review (reviews/dutch2.md): the findings where a sentence said something untrue
 * or left the reader with the wrong picture. The wording of the others is pinned where the sentences were pinned.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
const line = (md: string, start: string): string => md.split('\n').find((l) => l.startsWith(start)) ?? '';

/** A policy with one processor in the United States, under standard clauses. */
function withTransfer(): PolicySource {
  const policy = miniPolicy();
  policy.processors = [{ id: 'abroad', name: 'Overzee', service: text('Dienst', 'Service'), country: 'US' }];
  policy.purposes[0]!.processors = ['abroad'];
  policy.transfers = { mechanisms: [{ mechanism: 'scc' }] };
  return policy;
}

describe('the transfers heading names what a transfer is (finding 2)', () => {
  it("says 'landen buiten de EER', not 'het buitenland': Germany is abroad, and no transfer", () => {
    const { notice } = policyOutputs(withTransfer());
    expect(notice.nl).toContain('\n## Wanneer uw gegevens naar landen buiten de EER gaan (doorgifte)\n');
    expect(notice.en).toContain('\n## When your data goes to countries outside the EEA (transfers)\n');
    expect(notice.nl).not.toContain('buitenland');
    expect(notice.en).not.toContain('abroad');
  });

  it('the summary, the contents and the party table still link to it', () => {
    const { notice } = policyOutputs(withTransfer());
    const slug = new GithubSlugger().slug('Wanneer uw gegevens naar landen buiten de EER gaan (doorgifte)');
    expect(line(notice.nl, 'Sommige gegevens gaan naar')).toContain(`](#${slug})`);
    expect(notice.nl).toContain(`- [Wanneer uw gegevens naar landen buiten de EER gaan (doorgifte)](#${slug})`);
    expect(line(notice.nl, '| **Overzee**')).toContain(`](#${slug})`);
  });
});

/** A care provider whose first data category holds health data (9(2)(h)), with these retention rules. */
function withCareRetention(retention: PolicySource['retention']): PolicySource {
  const policy = miniPolicy();
  policy.controller = { ...policy.controller, isCareProvider: true };
  policy.dataCategories[0]!.special = 'health';
  policy.purposes[0] = { ...policy.purposes[0]!, specialCategoryCondition: { condition: '9(2)(h)' } };
  policy.retention = retention;
  return policy;
}

describe('a period shorter than the law says so, on the card and in the table (finding 9)', () => {
  function shortFile(): PolicySource {
    const policy = withCareRetention([
      { id: 'short', name: text('Dossier', 'File'), dataCategories: ['phone'], period: 'P15Y' },
      { id: 'other', name: text('Contacten', 'Contacts'), dataCategories: ['contacts'], period: 'P6M' },
    ]);
    policy.purposes[0]!.retention = ['short', 'other'];
    return policy;
  }

  it("gives the card's period, says it is shorter than the law's and sends the reader to the table", () => {
    const { notice } = policyOutputs(shortFile());
    // It read '[Dossier](#…)' alone, which a reader took to be the period; then 'zie de bewaartermijnen' alone,
    // which withheld the number (English review 1, finding 12). The linked name is the pointer to the table: an unlinked
    // 'zie de bewaartermijnen' after it said it again (Dutch review 3, finding 14).
    expect(notice.nl).toMatch(
      / {2}- \[Dossier\]\(#[^)]+\): 15 jaar \(de wet vraagt ten minste 20 jaar na de laatste wijziging in het dossier\)\n/,
    );
    expect(notice.en).toMatch(
      / {2}- \[File\]\(#[^)]+\): 15 years \(the law requires at least 20 years after the last change to the file\)\n/,
    );
    expect(notice.nl).toMatch(/ {2}- \[Contacten\]\(#[^)]+\): 6 maanden\n/);
  });

  it('tells in the table that the period is shorter than the law asks, beside what the law asks', () => {
    const { notice } = policyOutputs(shortFile());
    expect(line(notice.nl, '| **Dossier** |')).toContain(
      '| 15 jaar | — | Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt',
    );
    expect(line(notice.en, '| **File** |')).toContain(
      '| Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires',
    );
    expect(line(notice.nl, '| **Contacten** |')).not.toContain('Let op');
  });
});

describe('a country in a cell or after a colon has no article; inside a sentence it keeps it (finding 17)', () => {
  it("'Verenigde Staten' in the party table and the list of transfers, 'naar de Verenigde Staten' in the summary", () => {
    const { notice } = policyOutputs(withTransfer());
    expect(line(notice.nl, '| **Overzee**')).toMatch(/^\| \*\*Overzee\*\* \| Dienst \| Verenigde Staten \| /);
    expect(line(notice.en, '| **Overzee**')).toMatch(/^\| \*\*Overzee\*\* \| Service \| United States \| /);
    expect(notice.nl).toContain('\n- Overzee: Verenigde Staten');
    expect(notice.nl).toContain(
      'Sommige gegevens gaan naar de Verenigde Staten, buiten de Europese Economische Ruimte',
    );
    expect(notice.nl).not.toMatch(/: de Verenigde Staten|\| De Verenigde Staten/);
  });
});

describe('the national identification number is named only where the name does not say it (finding 10)', () => {
  it("'BSN' alone; 'Identiteitsgegevens (nationaal identificatienummer)'", () => {
    const policy = miniPolicy();
    policy.dataCategories[0] = { ...policy.dataCategories[0]!, name: text('BSN'), nationalIdentifier: true };
    policy.dataCategories[1] = {
      ...policy.dataCategories[1]!,
      name: text('Identiteitsgegevens', 'Identity data'),
      nationalIdentifier: true,
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).not.toContain('BSN (nationaal identificatienummer)');
    expect(notice.nl).toContain('Identiteitsgegevens (nationaal identificatienummer)');
    expect(notice.en).toContain('Identity data (national identification number)');
  });
});

describe("one basis's scope is named once on its card, several bases' on each line (finding 14)", () => {
  /** The purpose's card: from its heading to the next section. */
  const card = (md: string, heading = 'Verbindingen leggen'): string => {
    const start = md.indexOf(`\n### ${heading}\n`);
    expect(start).toBeGreaterThan(0);
    return md.slice(start, md.indexOf('\n## ', start));
  };
  function withBases(bases: PolicySource['purposes'][number]['legalBases']): PolicySource {
    const policy = miniPolicy();
    policy.purposes[0] = { ...policy.purposes[0]!, legalBasis: undefined, legalBases: bases };
    return policy;
  }

  it("one basis: the scope on 'Waarom dat mag' only, not again on the basis and refusal lines", () => {
    const { notice } = policyOutputs(
      withBases([{ basis: '6(1)(b)', appliesTo: text('Voor het account', 'For the account') }]),
    );
    const nl = card(notice.nl);
    expect(nl.split('Voor het account')).toHaveLength(2);
    expect(nl).toContain(
      '- **Waarom dat mag:** Voor het account: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG)\n',
    );
    expect(nl).toContain('- **Kunt u weigeren?** Deze verklaring zegt niet of u deze gegevens moet geven');
    const en = card(notice.en, 'Making connections');
    expect(en.split('For the account')).toHaveLength(2);
    expect(en).toContain(
      '- **Why we may do this:** For the account: because it is needed for a contract with you (legal basis: performance of a contract, Article 6(1)(b) GDPR)\n',
    );
    expect(en).toContain('- **Can you refuse?** This notice does not say whether you must provide this data');
  });

  it('several bases: each line says which part it is about', () => {
    const { notice } = policyOutputs(
      withBases([
        { basis: '6(1)(b)', appliesTo: text('Het account', 'The account') },
        { basis: '6(1)(a)', appliesTo: text('Uw adresboek', 'Your address book') },
      ]),
    );
    const nl = card(notice.nl);
    // On the basis line and the refusal line: the basis's term and article are on the first (patient review, F13).
    expect(nl.split('Het account')).toHaveLength(3);
    expect(nl).toContain(
      '\n  - Uw adresboek: met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG)\n',
    );
    expect(nl).toContain('  - Uw adresboek: u hoeft geen toestemming te geven');
  });

  it("one basis for only some of the card's data keeps the scope: 'deze gegevens' would mean them all", () => {
    const { notice } = policyOutputs(
      withBases([{ basis: '6(1)(b)', appliesTo: text('Het nummer', 'The number'), dataCategories: ['phone'] }]),
    );
    expect(card(notice.nl)).toContain(
      '- **Kunt u weigeren?** Het nummer: deze verklaring zegt niet of u deze gegevens moet geven',
    );
  });
});

describe("a fact the notice leaves out is said in the speaker's voice on a card's line; a cell keeps the short form (finding 3)", () => {
  it("'De grondslag staat niet in deze verklaring.' for an unstated basis, 'Niet vermeld in deze verklaring.' for an art. 9 exception, the explanation after it", () => {
    const policy = miniPolicy();
    policy.dataCategories[0]!.special = 'health';
    policy.purposes[0] = {
      ...policy.purposes[0]!,
      legalBasis: undefined,
      legalBasisExplanation: text('Zie boven.', 'See above.'),
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('- **Waarom dat mag:** De grondslag staat niet in deze verklaring. Zie boven.\n');
    expect(notice.nl).toContain(
      '- **Waarom wij deze bijzondere persoonsgegevens mogen gebruiken (artikel 9 AVG):** Niet vermeld in deze verklaring.\n',
    );
    expect(notice.en).toContain('- **Why we may do this:** This notice does not state the legal basis. See above.\n');
    expect(notice.nl).not.toContain('niet vermeld');
  });

  it("the party table's cell stays a short value: 'Niet vermeld in deze verklaring'", () => {
    const policy = withTransfer();
    policy.processors![0] = { ...policy.processors![0]!, country: undefined, transfer: { mechanism: 'scc' } };
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, '| **Overzee**')).toContain('| Niet vermeld in deze verklaring |');
    expect(line(notice.nl, '| **Overzee**')).not.toContain('Niet vermeld in deze verklaring.');
  });
});

describe('the WGBO is never named by its letters where a patient meets it first (the summary, the erasure right)', () => {
  const careProvider = (): PolicySource =>
    withCareRetention([
      {
        id: 'file',
        name: text('Dossier', 'File'),
        dataCategories: ['phone'],
        period: 'P20Y',
        legalSource: { law: 'wgbo' },
      },
    ]);
  const summary = (md: string): string => md.slice(md.indexOf('\n## '), md.indexOf('\n## ', md.indexOf('\n## ') + 1));
  const first = (md: string): string => md.slice(0, md.indexOf('WGBO') + 'WGBO'.length);

  it("the summary says 'de wet' / 'the law' ('(zo rekent de wet)': no start authored; patient10 F3); the table it links to names the law", () => {
    const { notice } = policyOutputs(careProvider());
    expect(summary(notice.nl)).toContain(
      'Dossier: bewaartermijn 20 jaar na de laatste wijziging van het dossier (zo rekent de wet). [Alle bewaartermijnen]',
    );
    expect(summary(notice.en)).toContain(
      'File: kept for 20 years after the last change to the file (as the law counts it). [All retention periods]',
    );
    expect(summary(notice.nl)).not.toContain('WGBO');
    expect(line(notice.nl, '| **Dossier** |')).toContain('| Wet op de geneeskundige behandelingsovereenkomst (WGBO) |');
  });

  it('the first WGBO of the page is written out, in both languages, with the file kept under it or not', () => {
    const withoutRule = careProvider();
    delete withoutRule.retention;
    for (const policy of [careProvider(), withoutRule]) {
      const { notice } = policyOutputs(policy);
      expect(first(notice.nl)).toMatch(/Wet op de geneeskundige behandelingsovereenkomst \(WGBO$/);
      expect(first(notice.en)).toMatch(/Medical Treatment Contracts Act \(WGBO$/);
    }
    // Without a rule, the erasure right is where the page first names it.
    expect(first(policyOutputs(withoutRule).notice.nl)).toMatch(
      /geeft de Wet op de geneeskundige behandelingsovereenkomst \(WGBO$/,
    );
  });
});

describe("the summary's 'Zo gebruikt u uw rechten' only where the section gives a way to reach us (finding 13, the related note)", () => {
  const ownWordsOnly = (): PolicySource => {
    const policy = miniPolicy();
    delete policy.controller.contact;
    policy.rights = { howToExercise: text('Neem contact op met onze functionaris.', 'Contact our officer.') };
    return policy;
  };
  const summary = (md: string): string => md.slice(md.indexOf('\n## '), md.indexOf('\n## ', md.indexOf('\n## ') + 1));

  it('left out after own words that name no address, where the section can only say it gives none', () => {
    const { notice } = policyOutputs(ownWordsOnly());
    expect(notice.nl).toContain('In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor uw verzoek.');
    expect(summary(notice.nl)).not.toContain('Zo gebruikt u uw rechten');
    expect(summary(notice.en)).not.toContain('How to use your rights');
    expect(summary(notice.nl)).toContain('[uw rechten](#');
  });

  it("kept where the section gives the DPO's contact details or our address", () => {
    const withDpo = ownWordsOnly();
    withDpo.dpo = { name: 'F. Gegevens', contact: { email: 'fg@mini.example' } };
    const withAddress = ownWordsOnly();
    withAddress.controller.address = { street: 'Straat 1', postalCode: '1000 AA', city: 'Amsterdam', country: 'NL' };
    for (const policy of [withDpo, withAddress]) {
      const { notice } = policyOutputs(policy);
      expect(summary(notice.nl)).toContain('[Zo gebruikt u uw rechten](#');
      expect(notice.nl).not.toContain('In deze verklaring staat geen adres, e-mailadres of telefoonnummer');
    }
  });
});
