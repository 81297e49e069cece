import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { analyse, miniPolicy, positionIn } from '../support/mini-policy.js';

/** The only diagnostic of a run, with its rule, message, pointer and position. */
function only(result: ReturnType<typeof analyse>) {
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

function notices(policy: PolicySource): Record<'nl' | 'en', { markdown: string; html: string }> {
  const { model, diagnostics } = analyse(policy);
  expect(diagnostics).toEqual([]);
  return {
    nl: renderNotice(model!, messagesFor('nl', policy.metadata.formality)),
    en: renderNotice(model!, messagesFor('en')),
  };
}

describe('legalBases: several bases for one purpose', () => {
  const split = (): PolicySource => {
    const p = miniPolicy();
    delete p.purposes[0]!.legalBasis;
    p.purposes[0]!.legalBases = [
      {
        basis: '6(1)(b)',
        dataCategories: ['phone'],
        appliesTo: { nl: 'Telefoonnummer van de gebruiker', en: "The user's phone number" },
      },
      {
        basis: '6(1)(a)',
        dataCategories: ['contacts'],
        explanation: { nl: 'Via een pop-upvenster.', en: 'Through a pop-up window.' },
      },
    ];
    return p;
  };

  it('resolves every basis, and rights follow all of them', () => {
    const { model, diagnostics } = analyse(split());
    expect(diagnostics).toEqual([]);
    const purpose = model!.purposes[0]!;
    expect(purpose.bases.map((b) => [b.basis, b.dataCategories.map((c) => c.id)])).toEqual([
      ['6(1)(b)', ['phone']],
      ['6(1)(a)', ['contacts']],
    ]);
    expect([...new Set(model!.purposes.flatMap((p) => p.bases.map((b) => b.basis)))].sort()).toEqual([
      '6(1)(a)',
      '6(1)(b)',
    ]);
    const withdraw = model!.rights.find((r) => r.id === 'withdraw-consent');
    expect(withdraw?.bases).toEqual(['6(1)(a)']);
    expect(withdraw?.purposes.map((p) => p.id)).toEqual(['connect']);
    expect(model!.rights.find((r) => r.id === 'portability')?.bases).toEqual(['6(1)(a)', '6(1)(b)']);
  });

  it('shows each basis with what it covers, in both languages', () => {
    const out = notices(split());
    expect(out.nl.markdown).toContain(
      '- **Waarom dat mag:**\n  - Telefoonnummer van de gebruiker: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst',
    );
    expect(out.en.markdown).toContain(
      "- **Why we may do this:**\n  - The user's phone number: because it is needed for a contract with you (legal basis: performance of a contract, Article 6(1)(b) GDPR)\n",
    );
    const contacts =
      'For Address-book contacts: with your consent (legal basis: consent, Article 6(1)(a) GDPR). Through a pop-up window.';
    expect(out.en.markdown).toContain(contacts);
    expect(out.en.html).toContain(contacts);
    expect(out.nl.html).toContain(
      'Voor Telefoonboekcontacten: met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG). Via een pop-upvenster.',
    );
  });

  it('reports an unknown basis at its value', () => {
    const p = split();
    (p.purposes[0]!.legalBases![1] as { basis: string }).basis = '6(1)(z)';
    const result = analyse(p);
    const d = only(result);
    expect(d).toMatchObject({
      ruleId: 'schema/enum',
      pointer: '/purposes/0/legalBases/1/basis',
      ...positionIn(result.text, '"6(1)(z)"'),
    });
    expect(d.message).toBe('"6(1)(z)" is not allowed here; must be one of 6(1)(a)…6(1)(f)');
  });

  it('refuses legalBasis and legalBases together, at the legalBases key', () => {
    const p = split();
    p.purposes[0]!.legalBasis = '6(1)(f)';
    const result = analyse(p);
    const d = only(result);
    expect(d).toMatchObject({
      ruleId: 'resolve/conflicting-legal-bases',
      pointer: '/purposes/0/legalBases',
      message: 'give either "legalBasis" (with its explanation, obligation or interest) or "legalBases", not both',
      ...positionIn(result.text, '"legalBases"'),
    });
  });

  it('refuses a purpose-level legitimate interest next to legalBases, which would not be shown', () => {
    const p = split();
    p.purposes[0]!.legitimateInterest = { nl: 'Belang', en: 'Interest' };
    expect(only(analyse(p)).ruleId).toBe('resolve/conflicting-legal-bases');
  });

  it('refuses a basis for a data category the purpose does not use', () => {
    const p = split();
    p.purposes[0]!.dataCategories = ['phone'];
    const result = analyse(p);
    const d = only(result);
    expect(d).toMatchObject({
      ruleId: 'reference/dangling',
      pointer: '/purposes/0/legalBases/1/dataCategories/0',
      message: 'no data category of this purpose has the id "contacts"',
      ...positionIn(result.text, '"contacts"', 2),
    });
  });
});

describe('processor annex', () => {
  const annex = (): PolicySource => {
    const p = miniPolicy();
    p.processors = [
      {
        id: 'aws',
        name: 'AWS EMEA',
        service: { nl: 'Hosting van gegevens', en: 'Hosting of data' },
        serviceCategory: { nl: 'Hosting', en: 'Hosting' },
        parentCompany: { country: 'US' },
        contractingEntity: { country: 'LU' },
        serverLocations: ['EU'],
      },
      {
        id: 'zendesk',
        name: 'ZenDesk',
        service: { nl: 'Tickets', en: 'Tickets' },
        country: 'US',
        serverLocations: ['US', 'EU'],
        serverLocationsText: { nl: 'VS, EU of Azië', en: 'US, EU or Asia' },
      },
    ];
    return p;
  };

  it('shows category, parent company, contracting party and server locations in words', () => {
    const out = notices(annex());
    expect(out.en.markdown).toContain(
      '| Name | Service category | Service | Established in | Data stored in | Transfer safeguard |',
    );
    expect(out.en.markdown).toContain(
      '| **AWS EMEA** | Hosting | Hosting of data | Parent company in the United States; contracting party in Luxembourg | European Union |',
    );
    expect(out.nl.markdown).toContain('Moedermaatschappij in de Verenigde Staten; contractpartij in Luxemburg');
    expect(out.en.html).toContain('US, EU or Asia');
    expect(out.nl.html).toContain('VS, EU of Azië');
    // A parent company's country alone is not a transfer; an establishment outside the EEA is.
    expect(out.en.markdown).not.toContain('- AWS EMEA: the United States');
    expect(out.en.markdown).toContain('outside the European Economic Area:\n\n- ZenDesk: United States');
  });

  it("names a parent company given by its country as one in that country, not as the country ('moedermaatschappij: de Verenigde Staten')", () => {
    const p = annex();
    const nl = notices(p).nl.markdown;
    expect(nl).not.toMatch(/moedermaatschappij: de Verenigde Staten/i);
    p.processors![0]!.parentCompany = { name: 'Amazon.com, Inc.', country: 'US' };
    const named = notices(p);
    expect(named.nl.markdown).toContain(
      'Moedermaatschappij: Amazon.com, Inc. (de Verenigde Staten); contractpartij in Luxemburg',
    );
    expect(named.en.markdown).toContain(
      'Parent company: Amazon.com, Inc. (the United States); contracting party in Luxembourg',
    );
  });

  it('reports an empty parent company and a country written out', () => {
    const p = annex();
    p.processors![0]!.parentCompany = {};
    p.processors![0]!.contractingEntity = { country: 'Luxembourg' };
    const result = analyse(p);
    expect(result.diagnostics).toHaveLength(2);
    const [empty, country] = result.diagnostics;
    expect(empty).toMatchObject({
      ruleId: 'schema/empty',
      pointer: '/processors/0/parentCompany',
      ...positionIn(result.text, '{}'),
    });
    expect(country).toMatchObject({
      ruleId: 'schema/pattern',
      pointer: '/processors/0/contractingEntity/country',
      message: '"Luxembourg" must be a two-letter country code such as NL, IE or US (EU for the European Union)',
      ...positionIn(result.text, '"Luxembourg"'),
    });
  });
});

describe('retention: earliest of, legal-claims hold, deletion handling, afterwards', () => {
  const withRules = (rules: PolicySource['retention']): PolicySource => ({ ...miniPolicy(), retention: rules });

  it('accepts the new terms and writes them out in both languages', () => {
    const out = notices(
      withRules([
        {
          id: 'prospects',
          name: { nl: 'Prospects', en: 'Prospects' },
          earliestOf: [
            { period: 'P3Y', from: 'last-contact' },
            { condition: 'until-objection' },
            { condition: 'until-deletion-request' },
          ],
        },
        {
          id: 'account',
          name: { nl: 'Account', en: 'Account' },
          condition: 'contract-duration',
          legalClaimsHold: { period: 'P5Y', from: 'end-of-contract' },
        },
        {
          id: 'profile',
          name: { nl: 'Profiel', en: 'Profile' },
          condition: 'until-deletion-request',
          deletionHandling: { period: 'P30D', extendedPeriod: 'P60D' },
        },
        {
          id: 'answers',
          name: { nl: 'Antwoorden', en: 'Answers' },
          period: 'P1M',
          from: 'submission',
          afterwards: 'anonymised',
        },
        { id: 'id-copy', name: { nl: 'Kopie ID', en: 'ID copy' }, condition: 'until-verification' },
        { id: 'ads', name: { nl: 'Advertenties', en: 'Ads' }, condition: 'until-opt-out' },
      ]),
    );
    // The prospects' row is checked below: its start stands in the table's own column.
    const en = [
      'For the duration of the contract. If a legal dispute arises, we may keep some of the data for up to 5 years after the end of the contract',
      'Until you ask for deletion. We carry out a request for deletion within 30 days; for a complex request, we can extend this to 60 days',
      'Until it has been verified, after which it is deleted',
      'Until you opt out',
    ];
    const nl = [
      'Zolang de overeenkomst duurt. Voor het geval er een juridisch geschil ontstaat, kunnen wij een deel van de gegevens bewaren tot 5 jaar na het einde van de overeenkomst',
      'Totdat u om verwijdering vraagt. Een verzoek om verwijdering wordt binnen ten hoogste 30 dagen uitgevoerd; bij een complex verzoek kan deze termijn worden verlengd tot 60 dagen',
      'Totdat de gegevens zijn gecontroleerd; daarna worden ze verwijderd',
      'Totdat u zich afmeldt',
    ];
    for (const phrase of en) {
      expect(out.en.markdown).toContain(phrase);
      expect(out.en.html).toContain(phrase);
    }
    for (const phrase of nl) {
      expect(out.nl.markdown).toContain(phrase);
      expect(out.nl.html).toContain(phrase);
    }
    // A single period from an event is split over the retention table's 'how long' and 'counted from' (issue 13).
    expect(out.en.markdown).toContain(
      '| **Answers** | 1 month; the data is then anonymised | When the data was sent to us | — |',
    );
    expect(out.en.html).toContain(
      '<td data-label="How long">1 month; the data is then anonymised</td><td data-label="Counted from">When the data was sent to us</td>',
    );
    expect(out.nl.markdown).toContain(
      '| **Antwoorden** | 1 maand; daarna worden de gegevens geanonimiseerd | Het verzenden van de gegevens aan ons | — |',
    );
    expect(out.nl.html).toContain(
      '<td data-label="Hoe lang">1 maand; daarna worden de gegevens geanonimiseerd</td><td data-label="Gerekend vanaf">Het verzenden van de gegevens aan ons</td>',
    );
    // So is one period that events end early: the events need no start (English review 1, finding 11).
    expect(out.en.markdown).toContain(
      '| **Prospects** | 3 years, or earlier if you object or ask for deletion | The last contact | — |',
    );
    expect(out.nl.markdown).toContain(
      '| **Prospects** | 3 jaar, of eerder als u bezwaar maakt of om verwijdering vraagt | Het laatste contact | — |',
    );
  });

  it('uses the informal Dutch register for the opt-out condition', () => {
    const p = withRules([{ id: 'ads', name: { nl: 'Advertenties', en: 'Ads' }, condition: 'until-opt-out' }]);
    p.metadata.formality = 'informal';
    expect(notices(p).nl.markdown).toContain('Totdat je je afmeldt');
  });

  it('needs at least two terms in earliestOf', () => {
    const result = analyse(withRules([{ id: 'x', name: { nl: 'X', en: 'X' }, earliestOf: [{ period: 'P3Y' }] }]));
    expect(only(result)).toMatchObject({
      ruleId: 'schema/empty',
      pointer: '/retention/0/earliestOf',
      message: 'must have at least 2 items',
      ...positionIn(result.text, '"earliestOf": ', 1, 14),
    });
  });

  it('needs a period or a condition in every term', () => {
    const result = analyse(
      withRules([{ id: 'x', name: { nl: 'X', en: 'X' }, earliestOf: [{ period: 'P3Y' }, { from: 'last-contact' }] }]),
    );
    expect(only(result)).toMatchObject({
      ruleId: 'schema/any-of',
      pointer: '/retention/0/earliestOf/1',
      message: 'needs a "period" or a "condition"',
      ...positionIn(result.text, '{\n          "from"', 1),
    });
  });

  it('needs a period for deletion handling', () => {
    const result = analyse(
      withRules([
        {
          id: 'x',
          name: { nl: 'X', en: 'X' },
          condition: 'until-deletion-request',
          deletionHandling: { extendedPeriod: 'P60D' } as never,
        },
      ]),
    );
    expect(only(result)).toMatchObject({
      ruleId: 'schema/required',
      pointer: '/retention/0/deletionHandling/period',
      message: 'missing required property "period"',
      ...positionIn(result.text, '"deletionHandling": ', 1, 20),
    });
  });

  it('refuses earliestOf next to a period, at the earliestOf key', () => {
    const result = analyse(
      withRules([
        {
          id: 'x',
          name: { nl: 'X', en: 'X' },
          period: 'P1Y',
          earliestOf: [{ period: 'P3Y' }, { condition: 'until-objection' }],
        },
      ]),
    );
    expect(only(result)).toMatchObject({
      ruleId: 'resolve/conflicting-retention-terms',
      pointer: '/retention/0/earliestOf',
      message: 'give either "earliestOf" or a "period" or "condition", not both: list every term inside "earliestOf"',
      ...positionIn(result.text, '"earliestOf"'),
    });
  });

  it('names earliestOf when a rule has no term at all', () => {
    const result = analyse(withRules([{ id: 'x', name: { nl: 'X', en: 'X' } }]));
    expect(only(result).message).toBe('needs a "period", a "condition" or "earliestOf"');
  });
});

describe('rights: stated and additional', () => {
  const withRights = (): PolicySource => ({
    ...miniPolicy(),
    rights: {
      stated: ['objection'],
      additional: [
        {
          id: 'post-mortem',
          name: { nl: 'Recht na overlijden', en: 'Right after death' },
          description: {
            nl: 'U bepaalt wat er na uw overlijden met uw gegevens gebeurt.',
            en: 'You decide what happens to your data after your death.',
          },
          moreInfo: 'https://www.cnil.fr/',
        },
      ],
    },
  });

  it('keeps a stated right that no basis brings into play, and shows additional rights', () => {
    const { model } = analyse(withRights());
    const objection = model!.rights.find((r) => r.id === 'objection');
    expect(objection).toMatchObject({ stated: true, purposes: [], bases: [] });
    const out = notices(withRights());
    expect(out.en.markdown).toContain('### Objecting (right to object)');
    expect(out.nl.markdown).toContain('### Bezwaar maken (recht van bezwaar)');
    expect(out.en.markdown).toContain(
      '### Right after death\n\nYou decide what happens to your data after your death.',
    );
    expect(out.nl.html).toContain('<h3 id="right-post-mortem">Recht na overlijden</h3>');
    expect(out.en.html).toContain('href="https://www.cnil.fr/"');
  });

  it('without stated, objection is not derived for a contract basis', () => {
    const { model } = analyse(miniPolicy());
    expect(model!.rights.map((r) => r.id)).not.toContain('objection');
  });

  it('reports an additional right without a description', () => {
    const p = withRights();
    delete (p.rights!.additional![0] as Partial<{ description: unknown }>).description;
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/required',
      pointer: '/rights/additional/0/description',
      ...positionIn(result.text, '"additional": [', 1, 15 + 7),
    });
  });

  it('refuses a GDPR right as an additional right, and a repeated additional id', () => {
    const p = withRights();
    const extra = p.rights!.additional![0]!;
    p.rights!.additional = [{ ...extra, id: 'erasure' }, extra, { ...extra }];
    const result = analyse(p);
    expect(result.diagnostics).toHaveLength(2);
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'resolve/gdpr-right-as-additional',
      pointer: '/rights/additional/0/id',
      message: '"erasure" is a GDPR right: list it in "rights.stated" instead',
      ...positionIn(result.text, '"erasure"'),
    });
    expect(result.diagnostics[1]).toMatchObject({
      ruleId: 'reference/duplicate-id',
      pointer: '/rights/additional/2/id',
      ...positionIn(result.text, '"post-mortem"', 2),
    });
  });

  it('reports a stated right outside the GDPR list, suggesting additional rights are separate', () => {
    const p = withRights();
    p.rights!.stated = ['post-mortem' as never];
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/enum',
      pointer: '/rights/stated/0',
      ...positionIn(result.text, '"post-mortem"'),
    });
  });
});

describe('applicable laws, special categories, DPO registration, minimum age', () => {
  it('shows them in both languages', () => {
    const p = miniPolicy();
    p.applicableLaws = [{ law: 'gdpr' }, { law: 'popia' }];
    p.collectsSpecialCategories = false;
    p.dpo = { registeredWithAuthority: true };
    p.dataSubjects[0]!.minimumAge = 18;
    const out = notices(p);
    expect(out.en.markdown).toContain(
      "This notice refers to these laws:\n\n- General Data Protection Regulation (GDPR)\n- South Africa's Protection of Personal Information Act, 2013 (POPIA)\n",
    );
    expect(out.nl.html).toContain('POPIA');
    expect(out.en.markdown).toContain('Users (minimum age 18)');
    expect(out.nl.markdown).toContain('Gebruikers (minimumleeftijd 18 jaar)');
    expect(out.en.html).toContain('We do not collect special categories of personal data');
    expect(out.nl.markdown).toContain('Wij verzamelen geen bijzondere persoonsgegevens');
    expect(out.en.markdown).toContain('Our data protection officer is registered with the supervisory authority.');
    expect(out.nl.html).toContain(
      'Onze functionaris voor gegevensbescherming is aangemeld bij de toezichthoudende autoriteit.',
    );
  });

  it('reports a special category when the policy says none are collected', () => {
    const p = miniPolicy();
    p.collectsSpecialCategories = false;
    p.dataCategories[1]!.special = 'health';
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'resolve/special-category-contradiction',
      pointer: '/dataCategories/1/special',
      message: 'the data category "contacts" is a special category, but "collectsSpecialCategories" is false',
      ...positionIn(result.text, '"health"'),
    });
  });

  it('reports an unknown law id', () => {
    const p = miniPolicy();
    p.applicableLaws = [{ law: 'ccpa' as never }];
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/enum',
      pointer: '/applicableLaws/0/law',
      ...positionIn(result.text, '"ccpa"'),
    });
  });

  it('reports a DPO registration that is not true or false', () => {
    const p = miniPolicy();
    p.dpo = { registeredWithAuthority: 'yes' as never };
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/type',
      pointer: '/dpo/registeredWithAuthority',
      message: 'must be true or false',
      ...positionIn(result.text, '"yes"'),
    });
  });
});

describe('general transfer grounds', () => {
  it('lists them with countries and notes', () => {
    const p = miniPolicy();
    p.transfers = {
      storageLocations: ['NL'],
      mechanisms: [
        {
          mechanism: 'privacy-shield',
          countries: ['US'],
          note: { nl: 'Wij volgen de principes ervan nog.', en: 'We still follow its principles.' },
        },
        { mechanism: 'ad-hoc-clauses' },
      ],
    };
    const out = notices(p);
    // The invalidated Privacy Shield in a sentence of its own, not among the safeguards relied on (English review 1, finding 14).
    expect(out.en.markdown).toContain(
      'For transfers of your data to the United States, we name the EU-US Privacy Shield. It is no longer a valid safeguard: the Court of Justice of the EU declared it invalid in 2020 (case C-311/18). We therefore cannot rely on the Privacy Shield. Our explanation: We still follow its principles.',
    );
    expect(out.en.markdown).toContain(
      "we rely on:\n\n- Contractual clauses of our own, which need the supervisory authority's authorisation (Article 46(3)(a) GDPR)\n",
    );
    expect(out.nl.html).toContain(
      '<p>Voor de doorgifte van gegevens naar de Verenigde Staten noemen wij het EU-VS <span lang="en">Privacy Shield</span>. Dat is geen geldige waarborg meer: het Hof van Justitie van de EU heeft het in 2020 ongeldig verklaard (zaak C-311/18). Op het <span lang="en">Privacy Shield</span> kunnen wij ons dus niet beroepen. Onze toelichting daarbij: Wij volgen de principes ervan nog.</p>',
    );
  });
});

describe('processor described instead of named; undated statements', () => {
  it('shows a described processor in each language', () => {
    const p = miniPolicy();
    p.processors = [
      {
        id: 'host',
        name: { nl: 'Hostingpartij (niet genoemd)', en: 'Hosting provider (not named)' },
        service: { nl: 'Opslag', en: 'Storage' },
      },
    ];
    p.purposes[0]!.processors = ['host'];
    const out = notices(p);
    expect(out.nl.markdown).toContain('| **Hostingpartij (niet genoemd)** |');
    expect(out.en.markdown).toContain('- **Processor:** Hosting provider (not named)');
    expect(out.en.html).toContain('<strong>Hosting provider (not named)</strong>');
  });

  it('reports a described processor that lacks a language', () => {
    const p = miniPolicy();
    p.processors = [{ id: 'host', name: { nl: 'Hostingpartij' }, service: { nl: 'Opslag', en: 'Storage' } }];
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/missing-translation',
      pointer: '/processors/0/name/en',
      message: 'the English text is missing',
      ...positionIn(result.text, '"name": {\n        "nl": "Hostingpartij"', 1, 8),
    });
  });

  it('reports a processor name that is neither a text nor translations', () => {
    const p = miniPolicy();
    p.processors = [{ id: 'host', name: 42 as never, service: { nl: 'Opslag', en: 'Storage' } }];
    const result = analyse(p);
    expect(only(result)).toMatchObject({
      ruleId: 'schema/type',
      pointer: '/processors/0/name',
      message: 'must be a text or an object',
      ...positionIn(result.text, '42'),
    });
  });

  it('writes the version line from what the statement gives', () => {
    const p = miniPolicy();
    delete p.metadata.version;
    delete p.metadata.effectiveDate;
    expect(notices(p).en.markdown).not.toContain('Version');
    p.metadata.version = '2.0';
    expect(notices(p).en.markdown).toContain('Version 2.0.\n');
    delete p.metadata.version;
    p.metadata.effectiveDate = '2025-03-01';
    expect(notices(p).nl.markdown).toContain('Geldig vanaf 1 maart 2025.');
    p.metadata.version = '2.0';
    expect(notices(p).en.markdown).toContain('Version 2.0, effective from 1 March 2025.');
  });
});
