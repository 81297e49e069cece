import { describe, expect, it } from 'vitest';
import { messagesFor } from '../src/i18n/messages.js';
import { legalBases } from '../src/law/legal-bases.js';
import type { PolicySource } from '../src/policy/policy-types.js';
import { renderNotice } from '../src/render/render-notice.js';
import { analyse, miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * Issue 13: each purpose is a card that answers, in order, what for, which
 * data, why we may (in plain words, the official term beside it) and whether
 * you can refuse and what then — every sentence true for the policy at hand.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
type PurposeSource = PolicySource['purposes'][number];

function withPurpose(extra: Partial<PurposeSource>, change?: (policy: PolicySource) => void): PolicySource {
  const policy = miniPolicy();
  policy.purposes[0] = { ...policy.purposes[0]!, ...extra };
  change?.(policy);
  return policy;
}

/** The purpose's card in the Markdown notice: from its heading to the next heading. */
function card(policy: PolicySource, lang: 'nl' | 'en' = 'nl'): string {
  const notice = policyOutputs(policy).notice[lang];
  const start = notice.indexOf(lang === 'nl' ? '### Verbindingen leggen' : '### Making connections');
  expect(start).toBeGreaterThan(-1);
  return notice.slice(start, notice.indexOf('\n## ', start));
}

function fragment(policy: PolicySource, lang: 'nl' | 'en' = 'nl'): string {
  const { model } = analyse(policy);
  return renderNotice(model!, messagesFor(lang, model!.source.metadata.formality)).fragment;
}

const notApplicable =
  (right: 'objection' | 'withdraw-consent') =>
  (policy: PolicySource): void => {
    policy.rights = { notApplicable: [{ right, reason: text('REDEN', 'REASON'), article: 'GDPR 11(2)' }] };
  };

describe('a purpose card answers in order: what for, which data, why we may, can you refuse', () => {
  it('the questions come in that order, after the description', () => {
    const nl = card(withPurpose({ legalBasis: '6(1)(a)', description: text('WAARVOOR-NL', 'WHAT-FOR-EN') }));
    const order = [
      'WAARVOOR-NL',
      '**Persoonsgegevens:**',
      '**Waarom dat mag:**',
      '(grondslag: toestemming, artikel 6, lid 1, onder a, AVG)',
      '**Kunt u weigeren?**',
      '**Over wie:**',
    ].map((s) => nl.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('names the data subjects as whom the data are about, not as whom we get them from (notice review 7, F11)', () => {
    // 'Van wie:' read as 'from whom' — the source question of 14(2)(f), which the card answers under 'Bron:'. Bib's
    // card listed 'Partners van cliënten' there, whose name and phone number come from the client.
    const nl = card(withPurpose({}));
    expect(nl).toContain('- **Over wie:** Gebruikers\n');
    expect(nl).not.toMatch(/\*\*Van wie\b/);
    expect(card(withPurpose({}), 'en')).toContain('- **Whose data:** Users\n');
  });

  it('lists the data one category per line, with special categories marked with the AVG term, as in the data section', () => {
    const policy = withPurpose({});
    policy.dataCategories[1]!.special = 'health';
    expect(card(policy)).toContain(
      '- **Persoonsgegevens:**\n  - Telefoonnummer\n  - Telefoonboekcontacten (bijzondere persoonsgegevens: gegevens over gezondheid)\n',
    );
    expect(card(policy, 'en')).toContain(
      '  - Address-book contacts (special category of personal data: data concerning health)\n',
    );
    expect(fragment(policy)).toContain(
      '<dd>\n<ul>\n<li>Telefoonnummer</li>\n<li>Telefoonboekcontacten (bijzondere persoonsgegevens: gegevens over gezondheid)</li>\n</ul>\n</dd>',
    );
  });

  it('a category whose name already says it is sensitive is not glossed twice', () => {
    const policy = withPurpose({});
    policy.dataCategories[1]!.name = text('Gezondheidsgegevens', 'Health data');
    policy.dataCategories[1]!.special = 'health';
    expect(card(policy)).toContain('  - Gezondheidsgegevens (bijzondere persoonsgegevens)\n');
  });

  it('is a card in the HTML, and not every subsection is', () => {
    const html = fragment(withPurpose({}));
    expect(html).toContain('<section class="policyc-subsection policyc-card">\n<h4 id="policyc-purpose-connect">');
    expect(html).toMatch(/<section class="policyc-subsection">\n<h4 id="policyc-right-access">/);
  });
});

describe('why we may: the basis in plain words, the official term and article beside it', () => {
  it.each(legalBases.map((b) => b.id))('%s has plain words in both languages and keeps its article', (basis) => {
    const policy = withPurpose({ legalBasis: basis });
    for (const lang of ['nl', 'en'] as const) {
      const c = card(policy, lang);
      expect(c).not.toContain('⟦missing');
      // One row: the plain words, then the AVG's term and article in brackets (patient review, F13).
      const [label, plain, cited] =
        lang === 'nl'
          ? ['- **Waarom dat mag:** ', /^(Met|Omdat) /, `, artikel 6, lid 1, onder ${basis.at(-2)}, AVG)`]
          : ['- **Why we may do this:** ', /^(With|Because) /, `, Article ${basis} GDPR)`];
      const row = c.split('\n').find((line) => line.startsWith(label));
      expect(row?.slice(label.length)).toMatch(plain);
      expect(row?.endsWith(cited)).toBe(true);
      expect(c).not.toMatch(/\*\*(Grondslag|Legal basis):\*\*/);
    }
  });

  it('the examples of the issue, formal and informal', () => {
    expect(card(withPurpose({ legalBasis: '6(1)(c)' }))).toContain(
      '**Waarom dat mag:** Omdat de wet ons daartoe verplicht (grondslag: wettelijke verplichting, artikel 6, lid 1, onder c, AVG)\n',
    );
    expect(card(withPurpose({ legalBasis: '6(1)(c)' }), 'en')).toContain(
      '**Why we may do this:** Because the law requires it (legal basis: legal obligation, Article 6(1)(c) GDPR)\n',
    );
    expect(card(withPurpose({ legalBasis: '6(1)(a)' }))).toContain(
      '**Waarom dat mag:** Met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG)\n',
    );
    const informal = withPurpose({ legalBasis: '6(1)(a)' }, (p) => {
      p.metadata.formality = 'informal';
    });
    expect(card(informal)).toContain(
      '**Waarom dat mag:** Met je toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG)\n',
    );
  });

  it("the author's note on the basis follows its article on the same line", () => {
    const c = card(withPurpose({ legalBasis: '6(1)(b)', legalBasisExplanation: text('UITLEG', 'EXPLANATION') }));
    expect(c).toContain(
      '- **Waarom dat mag:** Omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG). UITLEG.\n',
    );
  });

  // secondread10 finding 7: one of several bases with its law and a note read "…(grondslag: wettelijke verplichting,
  // …, AVG). Voor Nederland. Wettelijke verplichting: Algemene wet inzake rijksbelastingen (artikel 52 AWR)": the
  // basis named twice, the note before the law it is about, and no full stop at the end.
  it('several bases: what a basis rests on follows it, then the note, ending a sentence', () => {
    const c = card(
      withPurpose({
        legalBasis: undefined,
        legalBases: [
          {
            basis: '6(1)(c)',
            appliesTo: text('Facturering', 'Invoicing'),
            legalObligation: { law: 'awr', article: 'art. 52' },
            explanation: text('Voor Nederland', 'For the Netherlands'),
          },
          { basis: '6(1)(e)', dataCategories: ['phone'], publicTask: { law: 'jeugdwet' } },
          {
            basis: '6(1)(f)',
            appliesTo: text('Beveiliging', 'Security'),
            legitimateInterest: text('Veilige systemen', 'Safe systems'),
          },
        ],
      }),
    );
    expect(c).toContain(
      '  - Facturering: omdat de wet ons daartoe verplicht (grondslag: wettelijke verplichting, artikel 6, lid 1, onder c, AVG): Algemene wet inzake rijksbelastingen (artikel 52 AWR). Voor Nederland.\n',
    );
    expect(c).toMatch(/AVG\): Jeugdwet[^\n]*\n/);
    expect(c).toContain(
      '  - Beveiliging: omdat wij daar een gerechtvaardigd belang bij hebben (grondslag: gerechtvaardigd belang, artikel 6, lid 1, onder f, AVG): Veilige systemen\n',
    );
    expect(c).not.toMatch(/(Wettelijke verplichting|Publieke taak|Gerechtvaardigd belang): /);
  });

  it('several bases: one line each, with what each covers', () => {
    const c = card(
      withPurpose({
        legalBasis: undefined,
        legalBases: [
          { basis: '6(1)(b)', dataCategories: ['phone'] },
          { basis: '6(1)(a)', appliesTo: text('Uw adresboek', 'Your address book') },
        ],
      }),
    );
    // One 'Waarom dat mag' with a line per basis, each with its term and article: no second list under 'Grondslag'
    // that repeated it line by line (patient review, F13), nor two rows with one label (English review 1, finding 5).
    expect(c).toContain(
      '- **Waarom dat mag:**\n  - Voor Telefoonnummer: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG)\n  - Uw adresboek: met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG)\n',
    );
    expect(c.split('**Waarom dat mag:**')).toHaveLength(2);
    expect(c).toContain(
      '- **Kunt u weigeren?**\n  - Voor Telefoonnummer: deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.\n  - Uw adresboek: u hoeft geen toestemming te geven',
    );
    expect(c).not.toContain('**Grondslag:**');
  });

  it('no basis, or a basis only in words: no plain line is made up, only what the author wrote', () => {
    const none = card(withPurpose({ legalBasis: undefined }));
    expect(none).toContain('- **Waarom dat mag:** De grondslag staat niet in deze verklaring.\n');
    expect(none).not.toMatch(/Omdat|Met uw|grondslag:|Kunt u weigeren/);
    const inWords = card(
      withPurpose({
        legalBasis: undefined,
        legalBasisStatement: { text: text('WIJ MOETEN', 'WE MUST') },
        requirement: { type: 'contractual' },
      }),
    );
    expect(inWords).toContain('- **Waarom dat mag:** WIJ MOETEN\n');
    expect(inWords).not.toMatch(/Omdat|Met uw|grondslag:/);
    // The author's explanation beside the words: the old 'Grondslag' row showed the words and dropped it.
    const explained = card(
      withPurpose({
        legalBasis: undefined,
        legalBasisStatement: { text: text('WIJ MOETEN', 'WE MUST') },
        legalBasisExplanation: text('UITLEG', 'EXPLANATION'),
      }),
    );
    expect(explained).toContain('- **Waarom dat mag:** WIJ MOETEN. UITLEG\n');
    expect(inWords).toContain(
      '**Kunt u weigeren?** Het verstrekken van deze gegevens is een contractuele verplichting.\n',
    );
  });

  it('legitimate interests without the interest: the row says it is not stated, as a missing basis does (English review 1, finding 6)', () => {
    const unstated = withPurpose({ legalBasis: '6(1)(f)' });
    expect(card(unstated)).toContain('**Ons gerechtvaardigd belang:** Niet vermeld in deze verklaring.\n');
    expect(card(unstated, 'en')).toContain('**Our legitimate interest:** Not stated in this notice.\n');
    const stated = card(withPurpose({ legalBasis: '6(1)(f)', legitimateInterest: text('BELANG', 'INTEREST') }));
    expect(stated).toContain('**Ons gerechtvaardigd belang:** BELANG\n');
    // (The card's retention row says its own gap: no rule covers the data; notice8 review, finding 5.)
    expect(stated).not.toContain('belang:** Niet vermeld in deze verklaring');
    const several = card(
      withPurpose({
        legalBasis: undefined,
        legalBases: [
          { basis: '6(1)(a)', appliesTo: text('Per e-mail', 'By e-mail') },
          { basis: '6(1)(f)', appliesTo: text('In de app', 'In the app') },
        ],
      }),
      'en',
    );
    expect(several).toContain('**Our legitimate interest:** In the app: not stated in this notice.\n');
  });
});

describe('can you refuse, and what then: from the basis, the rights granted and what the author wrote', () => {
  it('consent: you may refuse and withdraw, linked to that right', () => {
    const policy = withPurpose({ legalBasis: '6(1)(a)' });
    expect(card(policy)).toContain(
      '**Kunt u weigeren?** U hoeft geen toestemming te geven, en u kunt uw toestemming altijd weer intrekken. Meer hierover: [Toestemming intrekken (recht om toestemming in te trekken)](#toestemming-intrekken-recht-om-toestemming-in-te-trekken)\n',
    );
    expect(card(policy, 'en')).toContain(
      '**Can you refuse?** You do not have to give your consent, and you can withdraw it at any time.',
    );
    expect(fragment(policy)).toContain(
      '<a href="#policyc-right-withdraw-consent">Toestemming intrekken (recht om toestemming in te trekken)</a>',
    );
  });

  it('consent with its withdrawal set aside by the policy: no promise of withdrawal, no link to a missing section', () => {
    const c = card(withPurpose({ legalBasis: '6(1)(a)' }, notApplicable('withdraw-consent')));
    expect(c).toContain('**Kunt u weigeren?** U hoeft geen toestemming te geven.\n');
    expect(c).not.toContain('intrekken');
  });

  it('a contract: no consequence is invented, the statement says it does not give one', () => {
    const c = card(withPurpose({ legalBasis: '6(1)(b)' }));
    expect(c).toContain(
      '**Kunt u weigeren?** Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.\n',
    );
    expect(c).not.toMatch(/bezwaar|toestemming|Zonder|Het verstrekken/);
  });

  it('a contract with data the author says are voluntary: no "we need these data" contradicting it', () => {
    const c = card(withPurpose({ legalBasis: '6(1)(b)', requirement: { type: 'voluntary' } }));
    expect(c).toContain('**Kunt u weigeren?** Het verstrekken van deze gegevens is vrijwillig.\n');
    expect(c).not.toContain('Wij hebben deze gegevens nodig');
  });

  it('a legal obligation: the requirement and its consequence as authored (13(2)(e)) take the place of the general line', () => {
    const c = card(
      withPurpose({
        legalBasis: '6(1)(c)',
        requirement: { type: 'statutory', consequence: text('GEVOLG-NL', 'CONSEQUENCE-EN') },
      }),
    );
    expect(c).toContain(
      '- **Kunt u weigeren?** Het verstrekken van deze gegevens is een wettelijke verplichting. GEVOLG-NL\n',
    );
    expect(c).not.toContain('De wet verplicht ons deze gegevens');
    expect(card(withPurpose({ legalBasis: '6(1)(c)' }))).toContain(
      // Followed by the contract's gap sentence: the law's duty does not say whether the person must give the data (notice8 F6).
      '**Kunt u weigeren?** De wet verplicht ons deze gegevens te gebruiken. Bezwaar maken tegen dat gebruik kan daarom niet. Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.\n',
    );
    expect(
      card(
        withPurpose({
          legalBasis: '6(1)(c)',
          requirement: { type: 'statutory', consequence: text('GEVOLG-NL', 'CONSEQUENCE-EN') },
        }),
        'en',
      ),
    ).toContain('**Can you refuse?** Providing this data is a statutory requirement. CONSEQUENCE-EN\n');
  });

  it('legitimate interests: you may object (21(1)), linked to the right; not when the policy sets that right aside', () => {
    const policy = withPurpose({ legalBasis: '6(1)(f)', legitimateInterest: text('BELANG', 'INTEREST') });
    const c = card(policy);
    expect(c).toContain(
      '**Kunt u weigeren?** U kunt bezwaar maken in verband met uw specifieke situatie. Wij stoppen dan. Dat is alleen anders als wij de gegevens nodig hebben voor een rechtsvordering, zoals een rechtszaak, of als wij kunnen aantonen dat wij dwingende gerechtvaardigde gronden hebben: heel belangrijke redenen die zwaarder wegen dan uw belangen, rechten en vrijheden.',
    );
    expect(c).toContain('Meer hierover: [Bezwaar maken (recht van bezwaar)](#bezwaar-maken-recht-van-bezwaar)');
    expect(fragment(policy)).toContain('<a href="#policyc-right-objection">Bezwaar maken (recht van bezwaar)</a>');
    const setAside = card(withPurpose({ legalBasis: '6(1)(f)' }, notApplicable('objection')));
    expect(setAside).not.toContain('bezwaar');
    expect(setAside).not.toContain('Kunt u weigeren');
  });

  it('a public task: you may object too', () => {
    expect(card(withPurpose({ legalBasis: '6(1)(e)' }), 'en')).toContain(
      '**Can you refuse?** You can object on grounds relating to your particular situation.',
    );
  });

  it('direct marketing: the absolute objection of 21(2)–(3), without the "unless" of 21(1)', () => {
    const c = card(withPurpose({ legalBasis: '6(1)(f)', directMarketing: true }));
    expect(c).toContain(
      'kunt u altijd bezwaar maken, zonder te zeggen waarom; daarna gebruiken wij ze niet meer voor dat doel',
    );
    expect(c).not.toContain('tenzij');
  });

  it('direct marketing on a legal obligation: the absolute objection, and no "you cannot object" beside it (21(2) holds whatever the basis)', () => {
    const nl = card(withPurpose({ legalBasis: '6(1)(c)', directMarketing: true }));
    expect(nl).toContain(
      '- **Kunt u weigeren?**\n  - De wet verplicht ons deze gegevens te gebruiken. Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.\n  - Tegen het gebruik van uw gegevens voor direct marketing kunt u altijd bezwaar maken',
    );
    expect(nl).not.toContain('kan daarom niet');
    const en = card(withPurpose({ legalBasis: '6(1)(c)', directMarketing: true }), 'en');
    expect(en).toContain('The law requires us to use this data.');
    expect(en).toContain(
      'You may object at any time, without giving reasons, to the use of your data for direct marketing',
    );
    expect(en).not.toContain('cannot object');
  });

  it('vital interests and nothing authored: the card says nothing about refusing', () => {
    expect(card(withPurpose({ legalBasis: '6(1)(d)' }))).not.toContain('Kunt u weigeren');
    expect(card(withPurpose({ legalBasis: '6(1)(d)', requirement: { type: 'voluntary' } }))).toContain(
      '**Kunt u weigeren?** Het verstrekken van deze gegevens is vrijwillig.\n',
    );
  });

  it('explicit consent for sensitive data (9(2)(a)) may be refused, but only where the purpose has sensitive data', () => {
    const policy = withPurpose({ legalBasis: '6(1)(c)', specialCategoryCondition: { condition: '9(2)(a)' } });
    expect(card(policy)).not.toContain('De bijzondere persoonsgegevens gebruiken wij');
    policy.dataCategories[0]!.special = 'health';
    expect(card(policy)).toContain(
      '  - De bijzondere persoonsgegevens gebruiken wij alleen met uw uitdrukkelijke toestemming. Die hoeft u niet te geven, en u kunt haar altijd weer intrekken.',
    );
  });

  it('informal Dutch asks "Kun je weigeren?"', () => {
    const c = card(
      withPurpose({ legalBasis: '6(1)(a)' }, (p) => {
        p.metadata.formality = 'informal';
      }),
    );
    expect(c).toContain(
      '**Kun je weigeren?** Je hoeft geen toestemming te geven, en je kunt je toestemming altijd weer intrekken.',
    );
  });
});

/**
 * The accessibility review of 2026-12-07 (finding 4): a card's 'Bewaartermijn' listed only links named after the
 * data, which neither a screen reader's list of links nor a printed page said was a period. Each rule now states
 * its period beside its data's name, the name still linked to the rule's row; the law it rests on stays in the table.
 */
describe("a purpose card states how long, each rule's data linked to its row", () => {
  const kept = (policy: PolicySource): void => {
    policy.retention = [
      {
        id: 'medical',
        name: text('Medische gegevens', 'Medical data'),
        dataCategories: ['phone'],
        period: 'P20Y',
        from: 'end-of-treatment',
        legalSource: { law: 'wgbo' },
      },
    ];
    policy.purposes[0]!.retention = ['medical'];
  };

  it.each([
    ['nl', '[Medische gegevens](#hoe-lang-wij-uw-gegevens-bewaren): 20 jaar na het einde van de behandelovereenkomst'],
    ['en', '[Medical data](#how-long-we-keep-your-data): 20 years after the end of the treatment agreement'],
  ] as const)('%s', (lang, line) => {
    const md = card(withPurpose({}, kept), lang);
    expect(md).toContain(line);
    expect(md).not.toMatch(/WGBO|Wet op de geneeskundige|Medical Treatment Contracts/);
    expect(fragment(withPurpose({}, kept), lang)).toMatch(
      /<a href="#policyc-retention-medical">(Medische gegevens|Medical data)<\/a>: 20 (jaar|years)/,
    );
  });
});

/**
 * A card states a period that ends before the law's minimum for its data with that note, and sends the reader to
 * the rule's row, which states what the law requires (English review 1, finding 12): Cosmetic Clinic's 'no longer
 * than 6 months' for a medical file the law keeps 20 years. Sent to the table without the number (English review,
 * finding 1), the card seemed to withhold the one that mattered.
 */
describe('a purpose card says a period is shorter than the law requires', () => {
  const short = (policy: PolicySource): void => {
    policy.controller.isCareProvider = true;
    policy.dataCategories[0]!.special = 'health';
    // Patients' health data: the medical file (staff's would not be, officer8 review D5).
    policy.dataSubjects[0]!.name = text('Patiënten', 'Patients');
    policy.retention = [
      {
        id: 'file',
        name: text('Medisch dossier', 'Medical file'),
        dataCategories: ['phone'],
        period: 'P6M',
        maximum: true,
      },
    ];
    policy.purposes[0]!.retention = ['file'];
  };

  it.each([
    [
      'nl',
      '[Medisch dossier](#hoe-lang-wij-uw-gegevens-bewaren): ten hoogste 6 maanden (de wet vraagt ten minste 20 jaar na de laatste wijziging in het dossier)',
    ],
    [
      'en',
      '[Medical file](#how-long-we-keep-your-data): no longer than 6 months (the law requires at least 20 years after the last change to the file)',
    ],
  ] as const)('%s', (lang, line) => {
    expect(card(withPurpose({}, short), lang)).toContain(line);
  });
});
