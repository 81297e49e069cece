import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { repoRoot } from './support/cli.js';

/** The patient10 review: the nine notices read by a patient and a Dutch privacy lawyer. */
const seed = (id: string): PolicySource =>
  JSON.parse(readFileSync(path.join(repoRoot, `policies/${id}/policy.json`), 'utf8')) as PolicySource;

/** The text under a heading, up to the next heading of that level or above. */
const part = (md: string, heading: string): string => md.split(`${heading}\n`)[1]!.split(/\n#{1,3} /)[0]!;

/** A care provider's purpose on consent that keeps health data in the file, kept under one rule of `period`. */
function fileOnConsent(period: string, formality?: 'informal'): PolicySource {
  const policy = miniPolicy();
  if (formality) policy.metadata.formality = formality;
  policy.controller.isCareProvider = true;
  policy.dataCategories[0]!.special = 'health';
  policy.purposes[0]!.legalBasis = '6(1)(a)';
  policy.purposes[0]!.specialCategoryCondition = { condition: '9(2)(h)' };
  policy.purposes[0]!.retention = ['file'];
  policy.retention = [
    {
      id: 'file',
      name: { nl: 'DOSSIER', en: 'FILE' },
      dataCategories: ['phone', 'contacts'],
      period,
      from: 'last-file-change',
    },
  ];
  return policy;
}

type ProcessorSource = NonNullable<PolicySource['processors']>[number];

/** An informal mini policy with one processor, 'Host', and the fields given. */
function informalWith(fields: Partial<ProcessorSource>): PolicySource {
  const policy = miniPolicy();
  policy.metadata.formality = 'informal';
  policy.processors = [{ id: 'host', name: 'Host', service: { nl: 'Hosting', en: 'Hosting' }, ...fields }];
  return policy;
}

describe('F1: withdrawing consent leaves the file to the law, stated as a duty, not as what the clinic does', () => {
  it('Cosmetic Clinic, which keeps the file 6 months: the law as our duty, and a pointer to its own shorter term', () => {
    const { notice } = policyOutputs(seed('cosmetic-clinic'));
    const nlNote =
      ' Let op: wij noemen zelf een kortere bewaartermijn dan de wet (zie ‘[Hoe lang wij uw gegevens bewaren](#hoe-lang-wij-uw-gegevens-bewaren)’).';
    const enNote =
      ' Note: we ourselves state a retention period shorter than the law requires (see ‘[How long we keep your data](#how-long-we-keep-your-data)’).';
    expect(part(notice.nl, "### Foto's om de behandeling te volgen")).toContain(
      '  - Wat al in uw medisch dossier staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet. U kunt ons wel vragen het te vernietigen: zie ‘[Gegevens laten wissen (recht op gegevenswissing)](#gegevens-laten-wissen-recht-op-gegevenswissing)’.' +
        nlNote,
    );
    expect(part(notice.nl, '### Toestemming intrekken (recht om toestemming in te trekken)')).toContain(
      'Gaat het om gegevens in uw medisch dossier? Wat daar al staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet. U kunt ons wel vragen het te vernietigen: zie ‘[Gegevens laten wissen (recht op gegevenswissing)](#gegevens-laten-wissen-recht-op-gegevenswissing)’.' +
        nlNote,
    );
    expect(part(notice.en, '### Photos to follow the treatment')).toContain(
      '  - The law requires us to keep what is already in your medical file (Article 7:454 BW); withdrawing consent does not change that. You can ask us to destroy it: see ‘[Having data deleted (right to erasure)](#having-data-deleted-right-to-erasure)’.' +
        enNote,
    );
    expect(part(notice.en, '### Withdrawing consent (right to withdraw consent)')).toContain(
      'For data in your medical file: the law requires us to keep what is already there (Article 7:454 BW); withdrawing consent does not change that.',
    );
    expect(notice.en).toContain(enNote);
    // The old promise, in the clinic's voice.
    expect(notice.nl).not.toContain('blijft bewaard');
    expect(notice.en).not.toContain('stays there');
  });

  it('informal Dutch; no pointer where the file is kept as long as the law asks, one where it is kept less', () => {
    const full = policyOutputs(fileOnConsent('P20Y', 'informal')).notice;
    expect(full.nl).toContain(
      'Wat al in je medisch dossier staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet. Je kunt ons wel vragen het te vernietigen',
    );
    expect(full.nl).toContain(
      'Gaat het om gegevens in je medisch dossier? Wat daar al staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet.',
    );
    expect(full.nl).not.toContain('Let op: wij noemen zelf');
    expect(full.en).not.toContain('Note: we ourselves state');
    const short = policyOutputs(fileOnConsent('P6M', 'informal')).notice;
    expect(short.nl).toContain(
      'Let op: wij noemen zelf een kortere bewaartermijn dan de wet (zie ‘[Hoe lang wij je gegevens bewaren](#hoe-lang-wij-je-gegevens-bewaren)’).',
    );
    expect(short.en).toContain('Note: we ourselves state a retention period shorter than the law requires (see ‘');
    const client = fileOnConsent('P20Y');
    client.metadata.careRecipient = 'client';
    expect(policyOutputs(client).notice.nl).toContain(
      'Wat al in uw dossier staat, moeten wij volgens de wet bewaren (artikel 7:454 BW); intrekken verandert dat niet.',
    );
  });
});

describe('F2: who sees the file, in the summary, as the law has it and the same in both languages', () => {
  /** The summary's line on who sees the file. */
  const whoSees = (md: string): string => md.split('\n').find((line) => /^\[(Wie ziet|Who sees)/.test(line))!;

  it('Zorgburo (formal), Dental Clinics (informal) and English: those who work on the care, not only the treating staff', () => {
    const zorgburo = policyOutputs(seed('zorgburo-de-liemers')).notice;
    expect(whoSees(zorgburo.nl)).toBe(
      '[Wie ziet uw dossier?](#uw-rechten-als-cliënt) Alleen wie aan uw zorg werkt, en wie u of de wet aanwijst.',
    );
    expect(whoSees(zorgburo.en)).toMatch(
      /\) Those who work on your care, and others only with your consent or where the law requires it\.$/,
    );
    const dental = policyOutputs(seed('dental-clinics')).notice;
    expect(whoSees(dental.nl)).toMatch(/\) Alleen wie je zorg geeft, en wie jij of de wet aanwijst\.$/);
    for (const md of [zorgburo.nl, zorgburo.en, dental.nl, dental.en])
      expect(whoSees(md)).not.toMatch(/behandelaars|care team/);
  });
});

describe('F4: an art. 49 derogation is no safeguard: listed apart, as the derogation it is', () => {
  it('Doctolib: the safeguards list has no derogation; a sentence of its own; the table heading names the derogation', () => {
    const { notice } = policyOutputs(seed('doctolib'));
    const nl = part(notice.nl, '## Wanneer uw gegevens naar landen buiten de EER gaan (doorgifte)');
    const en = part(notice.en, '## When your data goes to countries outside the EEA (transfers)');
    expect(nl).not.toContain('Afwijking voor een specifieke situatie');
    expect(nl).toContain(
      '\n\nIs er geen adequaatheidsbesluit en geen passende waarborg, dan geven wij gegevens alleen door in een specifieke situatie waarin de AVG dat toch toestaat (een afwijking, artikel 49 AVG).\n\n',
    );
    expect(en).toContain(
      '\n\nWhere there is no adequacy decision and no appropriate safeguard, we transfer data only in a specific situation in which the GDPR still allows it (a derogation, Article 49 GDPR).\n\n',
    );
    expect(notice.nl).toContain('| Waarborg of afwijking voor doorgifte |');
    expect(notice.en).toContain('| Transfer safeguard or derogation |');
    // One word for art. 49, the AVG's own ('afwijkingen voor specifieke situaties'; secondread10, finding 6).
    expect(nl).not.toMatch(/uitzondering/i);
    expect(en).not.toMatch(/exception/i);
  });

  it("a party's own derogation, with its countries, in the informal register; no derogation in the heading without one", () => {
    const policy = informalWith({ serverLocations: ['US'], transfer: { mechanism: 'derogation' } });
    policy.transfers = { mechanisms: [{ mechanism: 'derogation', countries: ['US'] }] };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('| Waarborg of afwijking voor doorgifte |');
    expect(notice.nl).toContain('| Afwijking voor een specifieke situatie (artikel 49 AVG) |');
    expect(notice.nl).toContain(
      'dan geven wij gegevens naar de Verenigde Staten alleen door in een specifieke situatie waarin de AVG dat toch toestaat (een afwijking, artikel 49 AVG).',
    );
    expect(notice.nl).not.toMatch(/uitzondering/i);
    expect(notice.en).toContain('| Transfer safeguard or derogation |');
    expect(notice.en).toContain('| Derogation for a specific situation (Article 49 GDPR) |');
    expect(notice.en).not.toMatch(/exception/i);
    policy.processors![0]!.transfer = { mechanism: 'scc' };
    policy.transfers = { mechanisms: [{ mechanism: 'scc' }] };
    expect(policyOutputs(policy).notice.nl).toContain('| Waarborg voor doorgifte |');
  });
});

describe('F8: the English objection keeps the burden of proof on us (art. 21(1) "demonstrates")', () => {
  it('Dental Clinics and Doctolib: "can demonstrate", as the Dutch "kunnen aantonen"', () => {
    for (const id of ['dental-clinics', 'doctolib']) {
      const { notice } = policyOutputs(seed(id));
      expect(notice.en).toContain(
        'We then stop, unless we can demonstrate compelling legitimate grounds that override',
      );
      expect(notice.en).not.toContain('unless we have compelling');
      expect(notice.nl).toContain('of als wij kunnen aantonen dat wij dwingende gerechtvaardigde gronden hebben');
    }
  });
});

describe('F9: IES scope says practitioner in English too, as the Dutch says beoefenaar', () => {
  it('no accredited doctor in either language', () => {
    const { notice } = policyOutputs(seed('ies'));
    expect(notice.en).toContain(
      'or a practitioner accredited by IES, that organisation or practitioner is the controller',
    );
    expect(notice.nl).toContain('geaccrediteerde beoefenaar, die organisatie of beoefenaar');
    expect(notice.en).not.toMatch(/\bdoctor\b/);
  });
});

describe('F13: the summary of rights outside care says the same in Dutch and English, correction included', () => {
  it('Doctolib (formal) and an informal notice', () => {
    const line = (md: string): string => md.split('\n').find((l) => /^(U kunt|Je kunt|You can) /.test(l))!;
    const { notice } = policyOutputs(seed('doctolib'));
    expect(line(notice.nl)).toMatch(
      /^U kunt uw gegevens inzien of er een kopie van krijgen, ze laten verbeteren of wissen, en meer: /,
    );
    expect(line(notice.en)).toMatch(
      /^You can see your data or get a copy of it, have it corrected or deleted, and more: /,
    );
    const informal = miniPolicy();
    informal.metadata.formality = 'informal';
    expect(line(policyOutputs(informal).notice.nl)).toMatch(
      /^Je kunt je gegevens inzien of er een kopie van krijgen, ze laten verbeteren of wissen, en meer: /,
    );
  });
});

describe('F12: author notes on transfer grounds join as sentences, not fragments', () => {
  it('IES and Doctolib: a phrase that continues the ground after a comma; every item of a list with notes ends with a stop', () => {
    const ies = policyOutputs(seed('ies')).notice;
    expect(ies.nl).toContain('- Bindende bedrijfsvoorschriften (artikel 47 AVG), voor overdrachten aan verwerkers.\n');
    expect(ies.en).toContain('- Binding corporate rules (Article 47 GDPR), for transfers to processors.\n');
    expect(ies.nl).toContain(
      '- Standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG).\n',
    );
    const doctolib = policyOutputs(seed('doctolib')).notice;
    expect(doctolib.nl).toContain('(artikel 46, lid 2, onder c, AVG), indien nodig.\n');
    expect(doctolib.en).toContain('(Article 46(3)(a) GDPR). Equivalent ad-hoc clauses, where needed.\n');
  });

  it("a note that is a sentence keeps its own full stop, after the ground's; a list without notes has none (informal)", () => {
    const policy = miniPolicy();
    policy.metadata.formality = 'informal';
    policy.transfers = {
      mechanisms: [
        { mechanism: 'scc', note: { nl: 'Wij gebruiken de set van 2021.', en: 'We use the 2021 set.' } },
        { mechanism: 'bcr' },
      ],
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '(artikel 46, lid 2, onder c, AVG). Wij gebruiken de set van 2021.\n- Bindende bedrijfsvoorschriften (artikel 47 AVG).\n',
    );
    expect(notice.en).toContain('(Article 46(2)(c) GDPR). We use the 2021 set.\n');
    policy.transfers.mechanisms = [{ mechanism: 'scc' }, { mechanism: 'bcr' }];
    expect(policyOutputs(policy).notice.nl).toContain(
      '(artikel 46, lid 2, onder c, AVG)\n- Bindende bedrijfsvoorschriften (artikel 47 AVG)\n',
    );
  });
});

describe('secondread10 finding 8: a note that opens with voor/for but is a sentence is not glued on as a clause', () => {
  const withNote = (note: { nl: string; en: string }, formality?: 'informal') => {
    const policy = miniPolicy();
    if (formality) policy.metadata.formality = formality;
    policy.transfers = { mechanisms: [{ mechanism: 'scc', note }, { mechanism: 'bcr' }] };
    return policyOutputs(policy);
  };
  const scc = { nl: '(artikel 46, lid 2, onder c, AVG)', en: '(Article 46(2)(c) GDPR)' };

  it('a whole sentence (subject and verb) stays a sentence of its own, in the notice and the register', () => {
    const sentence = {
      nl: 'Voor overdrachten naar de Verenigde Staten nemen wij ook aanvullende maatregelen.',
      en: 'For transfers to the United States we also take supplementary measures.',
    };
    const { notice, register } = withNote(sentence);
    for (const lang of ['nl', 'en'] as const) {
      const expected = `${scc[lang]}. ${sentence[lang].replace(/\.$/, '')}`;
      expect(notice[lang]).toContain(`${expected}.\n`);
      expect(register[lang]).toContain(expected);
      expect(notice[lang] + register[lang]).not.toContain(`${scc[lang]}, ${sentence[lang].slice(0, 3).toLowerCase()}`);
    }
    const informal = withNote(
      { nl: 'Voor overdrachten naar de VS treffen we extra maatregelen.', en: sentence.en },
      'informal',
    );
    expect(informal.notice.nl).toContain(`${scc.nl}. Voor overdrachten naar de VS treffen we extra maatregelen.\n`);
  });

  it('a short phrase without a verb still continues the ground after a comma', () => {
    const { notice } = withNote({
      nl: 'Voor overdrachten naar de Verenigde Staten.',
      en: 'For transfers to the United States.',
    });
    expect(notice.nl).toContain(`${scc.nl}, voor overdrachten naar de Verenigde Staten.\n`);
    expect(notice.en).toContain(`${scc.en}, for transfers to the United States.\n`);
    const informal = withNote({ nl: 'Alleen met je toestemming.', en: 'Only with your consent.' }, 'informal');
    expect(informal.notice.nl).toContain(`${scc.nl}, alleen met je toestemming.\n`);
    expect(informal.notice.en).toContain(`${scc.en}, only with your consent.\n`);
  });
});

describe("F5: the summary does not under-report where a party's own words name more places than its countries", () => {
  it("Doctolib: ZenDesk's 'VS, EU of Azië' makes the United States an example, in both languages", () => {
    const { notice } = policyOutputs(seed('doctolib'));
    const summaryLine = (md: string): string => md.split('\n').find((line) => /^(Sommige|Some) /.test(line))!;
    expect([summaryLine(notice.nl), summaryLine(notice.en)]).toEqual([
      'Sommige gegevens gaan naar landen buiten de Europese Economische Ruimte, zoals de Verenigde Staten: [welke gegevens, en hoe ze beschermd zijn](#wanneer-uw-gegevens-naar-landen-buiten-de-eer-gaan-doorgifte)',
      'Some data goes to countries outside the European Economic Area, such as the United States: [which data, and how it is protected](#when-your-data-goes-to-countries-outside-the-eea-transfers)',
    ]);
  });

  it('informal; without such words the countries are named as all there are', () => {
    const policy = informalWith({
      serverLocations: ['US', 'EU'],
      serverLocationsText: { nl: 'VS, EU of Azië', en: 'US, EU or Asia' },
    });
    expect(policyOutputs(policy).notice.nl).toContain(
      'Sommige gegevens gaan naar landen buiten de Europese Economische Ruimte, zoals de Verenigde Staten: ',
    );
    delete policy.processors![0]!.serverLocationsText;
    expect(policyOutputs(policy).notice.nl).toContain(
      'Sommige gegevens gaan naar de Verenigde Staten, buiten de Europese Economische Ruimte: ',
    );
  });
});

describe("F3: the summary says the law's start is the law's where the statement names none", () => {
  /** The summary's line on how long the medical file is kept. */
  const keptLine = (md: string): string => md.split('\n').find((line) => /^(DOSSIER|FILE): /.test(line))!;
  const file = (from?: 'last-file-change'): PolicySource => {
    const policy = fileOnConsent('P20Y', 'informal');
    policy.purposes[0]!.legalBasis = '6(1)(b)';
    policy.retention![0]!.legalSource = { law: 'wgbo' };
    if (from) policy.retention![0]!.from = from;
    else delete policy.retention![0]!.from;
    return policy;
  };

  it("as the card and the table: '(zo rekent de wet)', not 'op grond van de wet' after a start the statement does not give", () => {
    const { notice } = policyOutputs(file());
    expect(keptLine(notice.nl)).toMatch(
      /^DOSSIER: bewaartermijn 20 jaar na de laatste wijziging van het dossier \(zo rekent de wet\)\. \[Alle bewaartermijnen\]/,
    );
    expect(keptLine(notice.en)).toMatch(
      /^FILE: kept for 20 years after the last change to the file \(as the law counts it\)\. \[All retention periods\]/,
    );
    // The statement's own start: its words, with the law it cites.
    expect(keptLine(policyOutputs(file('last-file-change')).notice.nl)).toMatch(
      /^DOSSIER: bewaartermijn 20 jaar na de laatste wijziging van het dossier, op grond van de wet\. /,
    );
  });
});
