import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { policyPath } from './support/seed-output.js';

/**
 * The Dutch editor's third review (B1, the AVG's terms): the findings where the notice misled — the erasure right at
 * a care provider with no limit, and a purpose card with two answers to 'Kunt u weigeren?' for the same data. The
 * summary's and register's findings are tested beside their code (notice-summary, register-fg, register-review).
 */
const corpus = (id: string): PolicySource => JSON.parse(readFileSync(policyPath(id), 'utf8')) as PolicySource;

/** The Markdown from a level-3 heading to the next heading of level 3 or higher. */
function part(md: string, heading: string): string {
  const start = md.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = md.slice(start + heading.length).search(/\n#{2,3} /);
  return md.slice(start, next < 0 ? undefined : start + heading.length + next);
}

/** A care provider that keeps invoices, under a rule that cites the tax law (the fiscal minimum of law/retention-minimums.ts). */
function withInvoices(): PolicySource {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  policy.dataCategories.push({ id: 'invoices', name: { nl: 'Facturen', en: 'Invoices' } });
  policy.purposes[0]!.dataCategories.push('invoices');
  policy.retention = [
    {
      id: 'fiscal',
      name: { nl: 'Financiële administratie', en: 'Financial records' },
      dataCategories: ['invoices'],
      period: 'P7Y',
      legalSource: { law: 'awr' },
    },
  ];
  return policy;
}

describe('the erasure right at a care provider states the limits of 17(3) outside the file (finding 4)', () => {
  it('says that data outside the file may have to be kept, and which the tax law makes us keep, with its article', () => {
    const { notice } = policyOutputs(withInvoices());
    expect(part(notice.nl, '### Gegevens laten wissen')).toContain(
      'U mag ons vragen uw gegevens te wissen. Voor gegevens buiten uw medisch dossier moeten wij dat doen in de gevallen die de AVG noemt, onder meer als wij ze niet meer nodig hebben, als u uw toestemming intrekt en wij geen andere grondslag hebben, als uw bezwaar slaagt of als wij ze niet mochten gebruiken. Wij mogen weigeren in de gevallen die de AVG toestaat, onder meer als de wet ons verplicht de gegevens te bewaren of als wij ze nodig hebben voor een rechtsvordering, zoals een rechtszaak (artikel 17 AVG). Zo verplicht de wet ons facturen 7 jaar te bewaren (artikel 52, lid 4, AWR).',
    );
    expect(part(notice.en, '### Having data deleted')).toContain(
      'You may ask us to delete your data. For data outside your medical file, we must do so in the cases the GDPR sets out, including when we no longer need it, when you withdraw your consent and we have no other legal basis, when your objection succeeds or when we were not allowed to use it. We may refuse in the cases the GDPR allows, including when the law requires us to keep the data or when we need it for legal claims, such as a court case (Article 17 GDPR). For example, the law requires us to keep invoices for 7 years (Article 52(4) AWR).',
    );
  });

  it('names no such data where the policy keeps none: only the general limit, true for any care provider', () => {
    const policy = miniPolicy();
    policy.controller.isCareProvider = true;
    const { notice } = policyOutputs(policy);
    const erasure = part(notice.nl, '### Gegevens laten wissen');
    expect(erasure).toContain(
      'Voor gegevens buiten uw medisch dossier moeten wij dat doen in de gevallen die de AVG noemt',
    );
    expect(erasure).not.toContain('Zo verplicht de wet ons');
  });

  it('not for data whose id only reads like the tax law: the duty is stated for data kept under a rule citing it', () => {
    // Bernhoven with a category 'financial-situation' kept under no rule citing the AWR: the notice said 'Zo verplicht
    // de wet ons uw financiële situatie … 7 jaar te bewaren', a guess from the id (second-read review 3, finding 6).
    const policy = corpus('bernhoven');
    policy.dataCategories.push({
      id: 'financial-situation',
      name: { nl: 'Uw financiële situatie (schulden, inkomen)', en: 'Your financial situation (debts, income)' },
    });
    policy.purposes[0]!.dataCategories.push('financial-situation');
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('Uw financiële situatie (schulden, inkomen)');
    expect(notice.nl).not.toContain('financiële situatie (schulden, inkomen) 7 jaar');
    expect(notice.en).not.toContain('financial situation (debts, income) for 7 years');
    // Kept under the invoices' rule that cites the AWR, it is named.
    const cited = withInvoices();
    cited.dataCategories.push({
      id: 'financial-situation',
      name: { nl: 'Uw financiële situatie', en: 'Your finances' },
    });
    cited.purposes[0]!.dataCategories.push('financial-situation');
    cited.retention![0]!.dataCategories!.push('financial-situation');
    expect(policyOutputs(cited).notice.nl).toContain(
      'Zo verplicht de wet ons facturen en uw financiële situatie 7 jaar',
    );
  });

  it('says it outside care too, after the general limit, where the policy keeps such data (Doctolib)', () => {
    const { notice } = policyOutputs(corpus('doctolib'));
    expect(part(notice.nl, '### Gegevens laten wissen')).toContain(
      'Wij mogen weigeren in de gevallen die de AVG toestaat, onder meer als de wet ons verplicht de gegevens te bewaren of als wij ze nodig hebben voor een rechtsvordering, zoals een rechtszaak (artikel 17 AVG). Zo verplicht de wet ons identificatiegegevens voor facturering en economische en financiële gegevens 7 jaar te bewaren (artikel 52, lid 4, AWR).',
    );
  });
});

describe("'Kunt u weigeren?' with bases that do not say which data they cover (finding 13)", () => {
  const twoBases = (): PolicySource => {
    const policy = miniPolicy();
    Object.assign(policy.purposes[0]!, {
      legalBasis: undefined,
      legalBases: [{ basis: '6(1)(b)' }, { basis: '6(1)(f)' }],
    });
    return policy;
  };

  it('says the purpose has several bases and not which applies to what, above both answers; no split by data it does not state (secondread10, finding 10)', () => {
    const { notice } = policyOutputs(twoBases());
    expect(notice.nl).toContain(
      '- **Kunt u weigeren?** Dit doel heeft meer dan één grondslag, en deze verklaring zegt niet welke waarvoor geldt. Per grondslag:\n  - Deze verklaring zegt niet of u deze gegevens moet geven',
    );
    expect(notice.en).toContain(
      '- **Can you refuse?** This purpose has more than one legal basis, and this notice does not say which applies to what. For each basis:\n  - ',
    );
    for (const md of [notice.nl, notice.en]) expect(md).not.toMatch(/per soort gegevens|by kind of data/);
  });

  it('Doctolib: the profile and support cards, whose bases name no data; not the card whose bases each name theirs', () => {
    const { notice } = policyOutputs(corpus('doctolib'));
    const lead = 'deze verklaring zegt niet welke waarvoor geldt. Per grondslag:';
    expect(part(notice.nl, '### Het maken van een adresboek en formulieren voor gebruikersprofielen')).toContain(lead);
    expect(part(notice.nl, '### Beheer van klantrelaties: beheer van ondersteuningsverzoeken')).toContain(lead);
    // 'Telefoonnummer van de gebruiker: …' and 'Telefoonnummers van contactpersonen: …' say which data each covers.
    const scoped = notice.nl.split('\n### ').find((card) => card.includes('- Telefoonnummers van contactpersonen:'));
    expect(scoped).toBeDefined();
    expect(scoped).not.toContain(lead);
  });

  it('one basis, or bases that each name what they cover: no lead', () => {
    const one = policyOutputs(miniPolicy()).notice.nl;
    expect(one).not.toContain('welke gegevens waaronder vallen');
    const policy = twoBases();
    const [contract, interest] = policy.purposes[0]!.legalBases!;
    contract!.appliesTo = { nl: 'Uw telefoonnummer', en: 'Your phone number' };
    interest!.appliesTo = { nl: 'Uw contacten', en: 'Your contacts' };
    expect(policyOutputs(policy).notice.nl).not.toContain('welke gegevens waaronder vallen');
  });
});
