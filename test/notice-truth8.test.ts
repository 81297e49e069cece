import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { repoRoot } from './support/cli.js';

/** The notice8 review: generated sentences that said more than the law or the policy. */
const seed = (id: string): PolicySource =>
  JSON.parse(readFileSync(path.join(repoRoot, `policies/${id}/policy.json`), 'utf8')) as PolicySource;

/** The text under a heading, up to the next heading of that level or above. */
const part = (md: string, heading: string): string => md.split(`${heading}\n`)[1]!.split(/\n#{1,3} /)[0]!;

describe('finding 2: the erasure right is conditional (art. 17(1)) and has more than one exception (17(3))', () => {
  it('names the common cases of 17(1) without claiming they are all, and the legal duty and legal claims of 17(3)', () => {
    const { notice } = policyOutputs(miniPolicy());
    const nl = part(notice.nl, '### Gegevens laten wissen (recht op gegevenswissing)');
    const en = part(notice.en, '### Having data deleted (right to erasure)');
    expect(nl).toContain(
      'U mag ons vragen uw gegevens te wissen. Dat moeten wij doen in de gevallen die de AVG noemt, onder meer als wij ze niet meer nodig hebben, als u uw toestemming intrekt en wij geen andere grondslag hebben, als uw bezwaar slaagt of als wij ze niet mochten gebruiken.',
    );
    expect(nl).toContain(
      'Wij mogen weigeren in de gevallen die de AVG toestaat, onder meer als de wet ons verplicht de gegevens te bewaren of als wij ze nodig hebben voor een rechtsvordering, zoals een rechtszaak (artikel 17 AVG).',
    );
    expect(en).toContain('We must do so in the cases the GDPR sets out, including when we no longer need it');
    expect(en).toContain('or when we need it for legal claims, such as a court case (Article 17 GDPR).');
    // The old sentence: refusable only where we must keep the data.
    expect(notice.nl).not.toContain('Wij mogen dat weigeren als wij de gegevens moeten bewaren');
    expect(notice.en).not.toContain('We may refuse where we must keep it');
  });

  it('at a care provider, the GDPR cases for the data outside the file, then the WGBO right for the file (7:455)', () => {
    const { notice } = policyOutputs(seed('bernhoven'));
    const nl = part(notice.nl, '### Gegevens laten wissen (recht op gegevenswissing)');
    expect(nl).toMatch(
      /^\nU mag ons vragen uw gegevens te wissen\. Voor gegevens buiten uw medisch dossier moeten wij dat doen in de gevallen die de AVG noemt, onder meer [^\n]*\(artikel 17 AVG\)\.\n\nVoor uw medisch dossier geeft de Wet op de geneeskundige behandelingsovereenkomst \(WGBO\) u een eigen recht:/,
    );
    expect(nl).toContain('De wettelijke bewaartermijn is geen reden om te weigeren.');
  });

  it('says "for example" once in English before the data a law makes us keep (Doctolib; finding 14)', () => {
    const en = part(policyOutputs(seed('doctolib')).notice.en, '### Having data deleted (right to erasure)');
    expect(en).toContain('(Article 17 GDPR). For example, the law requires us to keep');
    expect(en.split(/for example/i).length - 1).toBe(1);
  });
});

describe("finding 6: 'Kunt u weigeren?' under a legal obligation says that 13(2)(e) is not answered", () => {
  const withBasis = (source?: string): PolicySource => {
    const policy = miniPolicy();
    policy.purposes[0]!.legalBasis = '6(1)(c)';
    policy.purposes[0]!.legalObligation = { law: 'awr' };
    if (source) for (const c of policy.dataCategories) c.source = { description: { nl: source, en: source } };
    return policy;
  };

  it('adds the gap sentence the contract gets after the line on objecting, where the person gives the data', () => {
    const { notice } = policyOutputs(withBasis());
    expect(notice.nl).toContain(
      '**Kunt u weigeren?** De wet verplicht ons deze gegevens te gebruiken. Bezwaar maken tegen dat gebruik kan daarom niet. Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.',
    );
    expect(notice.en).toContain(
      'The law requires us to use this data. You therefore cannot object to that use. This notice does not say whether you must provide this data, or what happens if you do not.',
    );
  });

  it('not where the data come from elsewhere (14(2)(f)), nor where the author states the requirement', () => {
    expect(policyOutputs(withBasis('GEMEENTE')).notice.nl).not.toContain(
      'Deze verklaring zegt niet of u deze gegevens moet geven',
    );
    const stated = withBasis();
    stated.purposes[0]!.requirement = { type: 'statutory', consequence: { nl: 'GEVOLG', en: 'CONSEQUENCE' } };
    const { notice } = policyOutputs(stated);
    expect(notice.nl).not.toContain('Deze verklaring zegt niet of u deze gegevens moet geven');
    expect(notice.nl).toContain('GEVOLG');
  });

  it("in the seeds: Dental Clinics' invoicing card (informal)", () => {
    const card = part(policyOutputs(seed('dental-clinics')).notice.nl, '### Facturatie en declaratie');
    expect(card).toContain(
      'Bezwaar maken tegen dat gebruik kan daarom niet. Deze verklaring zegt niet of je deze gegevens moet geven, en ook niet wat er gebeurt als je dat niet doet.',
    );
  });
});

/** A care provider keeping health data under one retention rule. */
function keptUnder(rule: Partial<NonNullable<PolicySource['retention']>[number]>): PolicySource {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  policy.dataCategories[0]!.special = 'health';
  policy.purposes[0]!.specialCategoryCondition = { condition: '9(2)(h)' };
  policy.purposes[0]!.retention = ['file'];
  policy.retention = [
    { id: 'file', name: { nl: 'DOSSIER', en: 'FILE' }, dataCategories: ['phone', 'contacts'], ...rule },
  ];
  return policy;
}

/** The summary: from its heading to the contents. */
const summaryOf = (md: string): string => md.split(/\n## /)[1]!;

describe("finding 1: the law's term from a start of the rule's own is not presented as the law's", () => {
  const ipractice = policyOutputs(seed('ipractice')).notice;

  it('iPractice: the card and the table say from when the law counts; the summary does not say "op grond van de wet"', () => {
    expect(ipractice.nl).toContain(
      '[Medische gegevens](#hoe-lang-wij-je-gegevens-bewaren): 20 jaar na het einde van de behandelovereenkomst (de wet rekent de 20 jaar vanaf de laatste wijziging van het dossier)',
    );
    expect(ipractice.nl).toContain(
      '| **Medische gegevens** | 20 jaar | Het einde van de behandelovereenkomst | Wet op de geneeskundige behandelingsovereenkomst (WGBO). Die wet rekent de 20 jaar vanaf de laatste wijziging van het dossier |',
    );
    expect(ipractice.en).toContain(
      '20 years after the end of the treatment agreement (the law counts the 20 years from the last change to the file)',
    );
    expect(ipractice.en).toContain(
      '| The end of the treatment agreement | Medical Treatment Contracts Act (WGBO). That law counts the 20 years from the last change to the file |',
    );
    // Like a term that ends before the law's (retention/*-too-short): only the link, as the line with both took more
    // than a phone screen.
    expect(summaryOf(ipractice.nl)).not.toContain('op grond van de wet');
    expect(summaryOf(ipractice.nl)).toContain(
      '[Bewaartermijnen per soort gegevens](#hoe-lang-wij-je-gegevens-bewaren)',
    );
    expect(summaryOf(ipractice.en)).not.toContain('under the law');
  });

  it("not where the rule counts from the law's start, cites another article, or keeps longer than the law", () => {
    const nl = (rule: Parameters<typeof keptUnder>[0]): string => policyOutputs(keptUnder(rule)).notice.nl;
    const base = { period: 'P20Y', legalSource: { law: 'wgbo' as const } };
    expect(nl({ ...base, from: 'last-file-change' })).not.toContain('de wet rekent');
    expect(nl({ ...base, from: 'end-of-treatment', legalSource: { law: 'wgbo', article: '7:457' } })).not.toContain(
      'de wet rekent',
    );
    expect(nl({ ...base, period: 'P25Y', from: 'end-of-treatment' })).not.toContain('de wet rekent');
    expect(
      nl({ ...base, from: 'end-of-treatment', legalSource: { law: 'wgbo', article: 'art. 7:454 lid 3' } }),
    ).toContain(
      '20 jaar na het einde van de behandelovereenkomst (de wet rekent de 20 jaar vanaf de laatste wijziging van het dossier)',
    );
  });
});

describe("finding 3: the law's term with no start names the law's start, as the law's", () => {
  it('Dental Clinics: summary, card and table count the 20 years from the last change to the file, said as the law', () => {
    const { notice } = policyOutputs(seed('dental-clinics'));
    expect(summaryOf(notice.nl)).toContain(
      'Medische gegevens: bewaartermijn 20 jaar na de laatste wijziging van het dossier (zo rekent de wet).',
    );
    expect(summaryOf(notice.en)).toContain(
      'Medical data: kept for 20 years after the last change to the file (as the law counts it).',
    );
    expect(notice.nl).toContain(
      '[Medische gegevens](#hoe-lang-wij-je-gegevens-bewaren): 20 jaar na de laatste wijziging van het dossier (zo rekent de wet)',
    );
    expect(notice.nl).toContain(
      '| **Medische gegevens** | 20 jaar | De laatste wijziging van het dossier (zo rekent de wet) | Wet op de geneeskundige behandelingsovereenkomst (WGBO) |',
    );
    expect(notice.en).toContain('| **Medical data** | 20 years | The last change to the file (as the law counts it) |');
  });

  it('only for the WGBO term of 7:454 with its own period, as one plain term', () => {
    const nl = (rule: Parameters<typeof keptUnder>[0]): string => policyOutputs(keptUnder(rule)).notice.nl;
    expect(nl({ period: 'P20Y', legalSource: { law: 'wgbo' } })).toContain('(zo rekent de wet)');
    expect(nl({ period: 'P20Y', legalSource: { law: 'wgbo', article: '7:454' } })).toContain('(zo rekent de wet)');
    for (const rule of [
      { period: 'P20Y' },
      { period: 'P20Y', legalSource: { law: 'wgbo' as const, article: '7:457' } },
      { period: 'P20Y', maximum: true, legalSource: { law: 'wgbo' as const } },
      { period: 'P15Y', legalSource: { law: 'wgbo' as const } },
      { period: 'P25Y', legalSource: { law: 'wgbo' as const } },
      { period: 'P7Y', legalSource: { law: 'awr' as const } },
    ])
      expect(nl(rule), JSON.stringify(rule)).not.toContain('zo rekent de wet');
  });
});

describe('finding 4: a notice with no retention rules still answers 13(2)(a)', () => {
  it("Dijklander: the section says the statement does not state it, and the law's term for the file as the law's", () => {
    const { notice } = policyOutputs(seed('dijklander'));
    expect(part(notice.nl, '## Hoe lang wij uw gegevens bewaren')).toBe(
      '\nIn deze verklaring staat niet hoe lang wij uw gegevens bewaren.\n\nDe wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is.\n\n[Terug naar de inhoud](#inhoud)\n',
    );
    expect(notice.en).toContain(
      'This notice does not say how long we keep your data.\n\nThe law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file to be kept for at least 20 years after the last change to the file, or longer where good care requires it.',
    );
    // The summary keeps its link, named as the section: there is no table 'per soort gegevens'.
    expect(summaryOf(notice.nl)).toContain('[Hoe lang wij uw gegevens bewaren](#hoe-lang-wij-uw-gegevens-bewaren)');
    expect(notice.nl).toContain('- [Hoe lang wij uw gegevens bewaren](#hoe-lang-wij-uw-gegevens-bewaren)');
  });

  it("outside care without the law's sentence; at a client's care provider, the client's file; not over the author's own text", () => {
    const plain = miniPolicy();
    const { notice } = policyOutputs(plain);
    expect(notice.nl).toContain('## Hoe lang wij uw gegevens bewaren\n\nIn deze verklaring staat niet hoe lang');
    expect(notice.nl).not.toContain('7:454');
    const client = miniPolicy();
    client.controller.isCareProvider = true;
    client.metadata.careRecipient = 'client';
    client.metadata.formality = 'informal';
    expect(policyOutputs(client).notice.nl).toContain(
      'In deze verklaring staat niet hoe lang wij je gegevens bewaren.\n\nDe wet (artikel 7:454, lid 3, BW) vraagt dat het dossier van een cliënt ten minste 20 jaar',
    );
    const own = miniPolicy();
    own.retentionStatement = { nl: 'EIGEN TEKST.', en: 'OWN TEXT.' };
    const withOwn = policyOutputs(own).notice.nl;
    expect(withOwn).toContain('## Hoe lang wij uw gegevens bewaren\n\nEIGEN TEKST.');
    expect(withOwn).not.toContain('In deze verklaring staat niet hoe lang');
  });
});

describe('finding 5: a purpose that names no retention rule shows the rules that list its data, or the gap', () => {
  it('BIB: the cards of the medical data show the rule that lists them', () => {
    const card = part(
      policyOutputs(seed('bib-verloskundigen')).notice.nl,
      '### Je zwangerschap, bevalling en/of kraambed zo goed mogelijk begeleiden',
    );
    expect(card).toContain(
      '- **Bewaartermijn:** [Persoonsgegevens en medische gegevens](#hoe-lang-wij-je-gegevens-bewaren): 20 jaar na de laatste wijziging van het dossier (zo rekent de wet)',
    );
  });

  it("Cosmetic Clinic: the photos, listed only by the backups' rule (a period from deletion), are a gap, said as the basis row says one", () => {
    const { notice } = policyOutputs(seed('cosmetic-clinic'));
    expect(part(notice.nl, "### Foto's om de behandeling te volgen")).toContain(
      '- **Bewaartermijn:** Niet vermeld in deze verklaring.\n',
    );
    expect(part(notice.en, '### Photos to follow the treatment')).toContain(
      '- **Retention:** Not stated in this notice.\n',
    );
  });

  it('a rule that lists only some of the data says which; the rest is a gap', () => {
    const policy = miniPolicy();
    policy.retention = [
      { id: 'phones', name: { nl: 'TELEFOONS', en: 'PHONES' }, dataCategories: ['phone'], period: 'P1Y' },
    ];
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '- **Bewaartermijn:**\n  - [TELEFOONS](#hoe-lang-wij-uw-gegevens-bewaren): 1 jaar — alleen voor telefoonnummer\n  - Telefoonboekcontacten: niet vermeld in deze verklaring\n',
    );
    expect(notice.en).toContain('[PHONES](#how-long-we-keep-your-data): 1 year — only for phone number');
    policy.retention[0]!.dataCategories!.push('contacts');
    expect(policyOutputs(policy).notice.nl).toContain(
      '- **Bewaartermijn:** [TELEFOONS](#hoe-lang-wij-uw-gegevens-bewaren): 1 jaar\n',
    );
  });

  it('beside a rule that lists no data (Dental Clinics\' "Je persoonsgegevens"), only that this purpose names none', () => {
    const card = part(policyOutputs(seed('dental-clinics')).notice.nl, '### Afspraken plannen en bevestigen');
    expect(card).toContain(
      '- **Bewaartermijn:** Niet vermeld bij dit doel. Zie ‘[Hoe lang wij je gegevens bewaren](#hoe-lang-wij-je-gegevens-bewaren)’.',
    );
  });
});

describe('finding 10: withdrawing consent for data of the medical file does not take them out of the file', () => {
  it('Cosmetic Clinic: the photos card and the right say the file keeps them (BW 7:454) and link to destruction', () => {
    const { notice } = policyOutputs(seed('cosmetic-clinic'));
    expect(part(notice.nl, "### Foto's om de behandeling te volgen")).toContain(
      '  - U hoeft geen toestemming te geven, en u kunt uw toestemming altijd weer intrekken. Meer hierover: [Toestemming intrekken (recht om toestemming in te trekken)](#toestemming-intrekken-recht-om-toestemming-in-te-trekken)\n  - Wat al in uw medisch dossier staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet. U kunt ons wel vragen het te vernietigen: zie ‘[Gegevens laten wissen (recht op gegevenswissing)](#gegevens-laten-wissen-recht-op-gegevenswissing)’.',
    );
    expect(part(notice.nl, '### Toestemming intrekken (recht om toestemming in te trekken)')).toContain(
      "- Foto's om de behandeling te volgen\n\nGaat het om gegevens in uw medisch dossier? Wat daar al staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet.",
    );
    expect(part(notice.en, '### Withdrawing consent (right to withdraw consent)')).toContain(
      'For data in your medical file: the law requires us to keep what is already there (Article 7:454 BW); withdrawing consent does not change that. You can ask us to destroy it: see ‘[Having data deleted (right to erasure)](#having-data-deleted-right-to-erasure)’.',
    );
    // Not the photos sent before a consultation, by people who are not yet patients.
    expect(part(notice.nl, "### Foto's vóór een consultafspraak")).not.toContain('medisch dossier staat');
  });

  it('decided as the check decides it (inMedicalFile): not outside care, nor for health data the author keeps outside the file', () => {
    const onConsent = (): PolicySource => {
      const policy = keptUnder({ period: 'P20Y', legalSource: { law: 'wgbo' } });
      policy.purposes[0]!.legalBasis = '6(1)(a)';
      return policy;
    };
    const client = onConsent();
    client.metadata.careRecipient = 'client';
    expect(policyOutputs(client).notice.nl).toContain('Wat al in uw dossier staat, moeten wij volgens de wet bewaren');
    const outside = onConsent();
    outside.controller.isCareProvider = false;
    expect(policyOutputs(outside).notice.nl).not.toContain('moeten wij volgens de wet bewaren');
    const notFile = onConsent();
    notFile.dataCategories[0]!.partOfMedicalFile = false;
    expect(policyOutputs(notFile).notice.nl).not.toContain('moeten wij volgens de wet bewaren');
  });
});
