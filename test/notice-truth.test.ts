import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicySource, RecipientSource } from '../src/policy/policy-types.js';
import { analyse, miniPolicy, positionIn } from './support/mini-policy.js';
import { occurrences, policyOutputs } from './support/policy-outputs.js';
import { repoRoot } from './support/cli.js';

/** Issue 10: every generated sentence is true for the policy at hand, and nothing authored is dropped. */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function withPurpose(extra: Partial<PolicySource['purposes'][number]>): PolicySource {
  const policy = miniPolicy();
  policy.purposes[0] = { ...policy.purposes[0]!, ...extra };
  return policy;
}

describe('a purpose without a legal basis', () => {
  const policy = withPurpose({ legalBasis: undefined, legalBasisExplanation: text('UITLEG-NL', 'EXPLANATION-EN') });
  const out = policyOutputs(policy);

  it('says so in the notice and the register, with the explanation the author gave', () => {
    // In the notice, 'in deze verklaring': a patient reads a gap in the statement, not that there is no basis.
    expect(out.notice.nl).toContain('**Waarom dat mag:** De grondslag staat niet in deze verklaring. UITLEG-NL');
    expect(out.notice.en).toContain(
      '**Why we may do this:** This notice does not state the legal basis. EXPLANATION-EN',
    );
    expect(out.register.nl).toContain('Niet vermeld. UITLEG-NL');
    expect(out.register.en).toContain('Not stated. EXPLANATION-EN');
  });

  it('says so as well when only the law of a public task is given, in the notice and the register alike', () => {
    const withTask = policyOutputs(
      withPurpose({ legalBasis: undefined, publicTask: { citation: text('WET-NL', 'LAW-EN') } }),
    );
    expect(withTask.notice.nl).toContain('**Waarom dat mag:** De grondslag staat niet in deze verklaring.\n');
    expect(withTask.notice.nl).toContain('WET-NL');
    expect(withTask.register.nl).toMatch(/Niet vermeld[^\n]*WET-NL|Niet vermeld[\s\S]{0,80}WET-NL/);
    expect(withTask.register.en).toMatch(/Not stated[\s\S]{0,80}LAW-EN/);
  });

  it('does not claim that every purpose states its basis', () => {
    expect(out.notice.nl).not.toContain('Bij elk doel staat de grondslag');
    expect(out.notice.nl).not.toContain('staat ook de grondslag');
    expect(policyOutputs(miniPolicy()).notice.nl).toContain(
      'Wij gebruiken persoonsgegevens voor het doel hieronder. Daar staat ook de grondslag bij (in de AVG: de rechtsgrond).',
    );
  });
});

describe('rights name only the bases this policy uses', () => {
  it('objection under legitimate interests does not mention a public task', () => {
    const { notice } = policyOutputs(
      withPurpose({ legalBasis: '6(1)(f)', legitimateInterest: text('belang', 'interest') }),
    );
    expect(notice.nl).toContain(
      // The AVG's 'in verband met', as the purpose card says it (notice8 review, finding 14: changed on purpose).
      'Gebruiken wij uw gegevens op grond van ons gerechtvaardigd belang? Dan mag u daartegen bezwaar maken in verband met uw specifieke situatie.',
    );
    expect(notice.nl).not.toContain('taak van algemeen belang');
    expect(notice.en).toContain('on grounds relating to your particular situation');
  });

  it('direct marketing: the absolute objection of art. 21(2)–(3), even under consent', () => {
    const { notice } = policyOutputs(withPurpose({ legalBasis: '6(1)(a)', directMarketing: true }));
    expect(notice.nl).toContain('Tegen het gebruik van uw gegevens voor direct marketing kunt u altijd bezwaar maken');
    expect(notice.en).toContain('Article 21(2) and (3) GDPR');
    expect(notice.nl).not.toMatch(/met uw specifieke situatie/);
    expect(policyOutputs(withPurpose({ legalBasis: '6(1)(a)' })).notice.nl).not.toContain('direct marketing');
  });

  it('the absolute objection lists only the marketing purposes; the objection of 21(1) only the others on legitimate interests', () => {
    const policy = withPurpose({ legalBasis: '6(1)(f)', legitimateInterest: text('belang', 'interest') });
    const base = policy.purposes[0]!;
    policy.purposes.push(
      { ...base, id: 'ads', name: text('RECLAME'), directMarketing: true },
      { ...base, id: 'mail', name: text('NIEUWSBRIEF'), legalBasis: '6(1)(a)', directMarketing: true },
    );
    delete policy.purposes[2]!.legitimateInterest;
    const section = policyOutputs(policy)
      .notice.nl.split('### Bezwaar maken (recht van bezwaar)')[1]!
      .split('\n### ')[0]!;
    const [situational, marketing] = section.split('Tegen het gebruik van uw gegevens voor direct marketing');
    expect(situational).toMatch(
      /Gebruiken wij uw gegevens op grond van ons gerechtvaardigd belang\? Dan mag u daartegen bezwaar maken/,
    );
    // A marketing purpose under legitimate interests only under the absolute objection: under both, it read as
    // the conditional right of 21(1).
    expect(situational).toContain('Dit geldt voor:\n\n- Verbindingen leggen\n\n');
    expect(situational).not.toContain('RECLAME');
    expect(situational).not.toContain('NIEUWSBRIEF');
    expect(marketing).toContain('Dit geldt voor:\n\n- RECLAME\n- NIEUWSBRIEF\n');
    expect(marketing).not.toContain('Verbindingen leggen');
  });

  it('in the seeds, a marketing purpose is listed under the absolute objection only (Dental Clinics, Doctolib)', () => {
    for (const org of ['dental-clinics', 'doctolib']) {
      const policy = JSON.parse(
        readFileSync(path.join(repoRoot, `policies/${org}/policy.json`), 'utf8'),
      ) as PolicySource;
      const { notice } = policyOutputs(policy);
      const section = notice.en.split('### Objecting (right to object)')[1]!.split('\n### ')[0]!;
      const [situational, marketing] = section.split('You may object at any time, without giving reasons');
      const names = policy.purposes.filter((p) => p.directMarketing).map((p) => (p.name as { en: string }).en);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(situational).not.toContain(`- ${name}\n`);
        expect(marketing).toContain(`- ${name}\n`);
      }
    }
  });

  it('portability follows art. 20: explicit consent under 9(2)(a) counts, a contract not used is not named', () => {
    const policy = withPurpose({ legalBasis: '6(1)(c)', specialCategoryCondition: { condition: '9(2)(a)' } });
    policy.dataCategories[0]!.special = 'health';
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'verwerken wij die met de computer op grond van uw uitdrukkelijke toestemming? Dan mag u',
    );
    expect(notice.nl).not.toContain('op grond van toestemming of een overeenkomst');
  });

  it("the organisation's own text follows the general one, under its lead-in, and does not replace it (English review 2)", () => {
    const policy = miniPolicy();
    policy.rights = { notes: { access: text('EIGEN-INZAGE', 'OWN-ACCESS') } };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toMatch(
      /U mag vragen welke persoonsgegevens wij van u verwerken[\s\S]*?\*\*Onze toelichting:\*\*\n\nEIGEN-INZAGE/,
    );
    expect(notice.en).toMatch(
      /You may ask which personal data we process about you[\s\S]*?\*\*Our explanation:\*\*\n\nOWN-ACCESS/,
    );
    // Once above the rights, and only where a right has an own text.
    expect(notice.nl).toContain('Wat de wet u geeft, blijft altijd gelden.\n\nU hebt deze rechten:');
    expect(notice.en).toContain('What the law gives you always applies.\n\nYou have these rights:');
    expect(policyOutputs(miniPolicy()).notice.nl).not.toContain('blijft altijd gelden');
    expect(policyOutputs(miniPolicy()).notice.nl).not.toContain('Onze toelichting');
  });

  it('an own text that narrows a right does not take the place of the legal minimum (English review 2)', () => {
    const policy = miniPolicy();
    policy.purposes[0] = { ...policy.purposes[0]!, legalBasis: '6(1)(f)', legitimateInterest: text('belang') };
    policy.controller = { ...policy.controller, isCareProvider: true };
    policy.rights = {
      notes: {
        restriction: text('ALLEEN wanneer (i) of (ii).', 'ONLY when (i) or (ii).'),
        erasure: text('ALLEEN onjuiste gegevens.', 'ONLY incorrect data.'),
        objection: text('ALLEEN met een geldige reden.', 'ONLY with a valid reason.'),
      },
    };
    const { notice } = policyOutputs(policy);
    const part = (md: string, heading: string): string => md.split(`${heading}\n`)[1]!.split('\n### ')[0]!;
    const restriction = part(notice.en, '(right to restriction of processing)');
    expect(restriction).toContain('- while we assess whether your objection to our use of your data succeeds');
    expect(restriction.indexOf('- while we check')).toBeLessThan(restriction.indexOf('ONLY when'));
    // The destruction right of 7:455 itself under a lead that names the WGBO, then the pointer to the other patient
    // rights (patient3 review, F2; English review 2, finding 4).
    expect(part(notice.en, '(right to erasure)')).toMatch(
      /^\nYou may ask us to delete your data\. For data outside your medical file, we must do so in the cases the GDPR sets out, including [^\n]*\(Article 17 GDPR\)\.\n\nFor your medical file, the Dutch Medical Treatment Contracts Act \(WGBO\) gives you a right of its own:\n\n- \*\*Destruction of your file \(Article 7:455 BW\):\*\*[^]*Your other rights for your medical file[^]*ONLY incorrect data/,
    );
    expect(part(notice.en, '(right to object)')).toMatch(
      /^\nYou may object, on grounds relating to your particular situation/,
    );
    expect(part(notice.nl, '(recht op beperking van de verwerking)')).toContain(
      '- zolang wij beoordelen of uw bezwaar',
    );
    expect(part(notice.nl, '(recht van bezwaar)')).toMatch(
      /^\nGebruiken wij uw gegevens op grond van ons gerechtvaardigd belang\? Dan mag u/,
    );
    expect(part(notice.nl, '(recht op gegevenswissing)')).toMatch(/^\nU mag ons vragen uw gegevens te wissen\./);
  });
});

describe('the English review of 6 December', () => {
  it("gives the AP's page and postal address in the notice's language (English review 4)", () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.en).toContain(
      '(https://autoriteitpersoonsgegevens.nl/en/submitting-a-tip-off-or-a-complaint-to-the-dutch-dpa)',
    );
    expect(notice.en).toContain('PO Box 93374, 2509 AJ The Hague, the Netherlands');
    expect(notice.en).not.toContain('Postbus');
    expect(notice.nl).toContain('(https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap)');
    expect(notice.nl).toContain('Postbus 93374, 2509 AJ Den Haag');
  });

  it('states the legal minimum beside a rule that ends before it, and only there (English review 1)', () => {
    const policy = miniPolicy();
    policy.controller = { ...policy.controller, isCareProvider: true };
    policy.dataCategories[0]!.special = 'health';
    policy.purposes[0] = { ...policy.purposes[0]!, specialCategoryCondition: { condition: '9(2)(h)' } };
    const rule = (id: string, categories: string[], period: string) => ({
      id,
      name: text(id.toUpperCase()),
      dataCategories: categories,
      period,
      note: text('NOTITIE', 'NOTE'),
    });
    policy.retention = [
      rule('short', ['phone'], 'P6M'),
      rule('long', ['phone'], 'P25Y'),
      rule('other', ['contacts'], 'P6M'),
    ];
    const { notice } = policyOutputs(policy);
    const row = (md: string, id: string): string => md.split('\n').find((l) => l.startsWith(`| **${id}** |`))!;
    // With what BW 7:454(3) counts the 20 years from, and its 'of zoveel langer als … goed hulpverlener'.
    expect(row(notice.nl, 'SHORT')).toContain(
      'NOTITIE. Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is. |',
    );
    expect(row(notice.en, 'SHORT')).toContain(
      'NOTE. Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file to be kept for at least 20 years after the last change to the file, or longer where good care requires it. |',
    );
    for (const id of ['LONG', 'OTHER']) {
      expect(row(notice.nl, id)).toMatch(/\| NOTITIE \|$/);
      expect(row(notice.en, id)).toMatch(/\| NOTE \|$/);
    }
  });

  it("states each legal minimum's start as the law data gives it, and none where the data knows none", () => {
    const policy = miniPolicy();
    policy.dataCategories.push(
      { id: 'invoices', name: text('Facturen', 'Invoices') },
      { id: 'trial-master-file', name: text('Proefdossier', 'Trial master file') },
    );
    policy.purposes[0]!.dataCategories.push('invoices', 'trial-master-file');
    policy.retention = [
      { id: 'invoices', name: text('FACTUREN'), dataCategories: ['invoices'], period: 'P5Y' },
      { id: 'trial', name: text('PROEF'), dataCategories: ['trial-master-file'], period: 'P10Y' },
    ];
    const { notice } = policyOutputs(policy);
    const row = (md: string, id: string): string => md.split('\n').find((l) => l.startsWith(`| **${id}** |`))!;
    // Reg. (EU) 536/2014 art. 58: 'at least 25 years after the end of the clinical trial'; no good-care clause.
    expect(row(notice.nl, 'PROEF')).toMatch(
      /vraagt dat het dossier van een klinische proef met geneesmiddelen ten minste 25 jaar na het einde van de proef wordt bewaard\. \|$/,
    );
    expect(row(notice.en, 'PROEF')).toMatch(/kept for at least 25 years after the end of the trial\. \|$/);
    // The AWR's 7 years: the law data names no start, so the line claims none.
    expect(row(notice.nl, 'FACTUREN')).toMatch(
      /vraagt dat de financiële administratie ten minste 7 jaar wordt bewaard\. \|$/,
    );
    expect(row(notice.en, 'FACTUREN')).toMatch(/requires financial records to be kept for at least 7 years\. \|$/);
    for (const lang of ['nl', 'en'] as const) expect(row(notice[lang], 'FACTUREN')).not.toMatch(/goede zorg|good care/);
  });

  it('puts the notes of a name in brackets inside those brackets: one item, not two (English review 8)', () => {
    const policy = miniPolicy();
    policy.dataCategories.push({
      id: 'bsn',
      name: text('Burgerservicenummer (BSN)', 'Citizen service number (BSN)'),
      nationalIdentifier: true,
    });
    policy.purposes[0]!.dataCategories.push('bsn');
    const { notice } = policyOutputs(policy);
    expect(notice.en).toContain('Citizen service number (BSN)');
    expect(notice.en).not.toContain('(BSN), national');
    expect(notice.nl).toContain('Burgerservicenummer (BSN)');
  });

  it("says 'for other questions' where the notice gives another address above (English review 13)", () => {
    const policy = miniPolicy();
    policy.contact = { email: 'team@mini.example' };
    expect(policyOutputs(policy).notice.en).toContain('For other questions, contact us:');
    expect(policyOutputs(policy).notice.nl).toContain('Voor andere vragen kunt u contact met ons opnemen:');
    delete policy.controller.contact;
    expect(policyOutputs(policy).notice.en).toContain('For questions about this notice, contact us:');
  });

  it('portability and objection join their bases with "or": either one is enough (art. 20(1)(a), 21(1))', () => {
    const policy = miniPolicy();
    policy.purposes.push({ ...policy.purposes[0]!, id: 'second', legalBasis: '6(1)(a)' });
    policy.purposes.push({ ...policy.purposes[0]!, id: 'third', legalBasis: '6(1)(e)' });
    policy.purposes.push({ ...policy.purposes[0]!, id: 'fourth', legalBasis: '6(1)(f)' });
    const { notice } = policyOutputs(policy);
    expect(notice.en).toContain(
      'This applies where we process that data by automated means on the basis of your consent or a contract with you.',
    );
    expect(notice.nl).toContain('op grond van uw toestemming of een overeenkomst met u? Dan mag u');
    expect(notice.en).toContain(
      'to processing based on a task carried out in the public interest or in the exercise of official authority or our legitimate interests.',
    );
    expect(notice.nl).toContain(
      'Gebruiken wij uw gegevens op grond van een taak van algemeen belang of openbaar gezag of ons gerechtvaardigd belang?',
    );
  });

  it('the English complaint text names the authority once when the author used its English name alone', () => {
    const policy = miniPolicy();
    policy.complaints = {
      internal: text(
        'Klachten? U mag naar de Autoriteit Persoonsgegevens.',
        'Complaints? You may go to the Dutch Data Protection Authority.',
      ),
    };
    const { notice } = policyOutputs(policy);
    expect(notice.en).toContain(
      'Contact details of the Dutch Data Protection Authority (Autoriteit Persoonsgegevens):',
    );
    expect(notice.en).not.toContain('You can also lodge a complaint');
  });

  it('the summary does not call the organisation responsible for what it processes on behalf of others', () => {
    const policy = miniPolicy();
    policy.processorActivities = [
      { id: 'for-others', name: text('VOOR-ANDEREN', 'FOR-OTHERS'), controllers: text('WERKGEVERS', 'EMPLOYERS') },
    ];
    const { notice } = policyOutputs(policy);
    const summary = (md: string): string => md.slice(md.indexOf('\n## '), md.indexOf('\n## ', md.indexOf('\n## ') + 1));
    expect(summary(notice.en)).toContain(
      'is responsible for your data, except where we [process it on behalf of another organisation](#when-we-process-data-on-behalf-of-others).',
    );
    expect(summary(notice.nl)).toContain(
      'behalve wanneer wij ze [verwerken namens een andere organisatie](#wanneer-wij-gegevens-verwerken-namens-anderen).',
    );
    const plain = policyOutputs(miniPolicy()).notice;
    expect(summary(plain.en)).toMatch(/is responsible for your data\. Questions\?/);
    expect(summary(plain.en)).not.toContain('except where');
  });

  it('a period that ends on objection ends earlier, not later: "or earlier if you object"', () => {
    const policy = miniPolicy();
    policy.retention = [
      { id: 'kept', name: text('BEWAARD', 'KEPT'), dataCategories: ['phone'], period: 'P2Y', endsOnObjection: true },
    ];
    const { notice } = policyOutputs(policy);
    expect(notice.en).toContain('2 years, or earlier if you object');
    expect(notice.nl).toContain('2 jaar, of eerder als u bezwaar maakt');
    expect(notice.en).not.toContain('until you object');
  });
});

describe('consent given by some of the people whose data it is (consentBy)', () => {
  const policy = (): PolicySource => {
    const p = miniPolicy();
    p.dataSubjects.push({ id: 'contacts-people', name: text('Contactpersonen', 'Contacts') });
    p.purposes[0] = {
      ...p.purposes[0]!,
      legalBasis: undefined,
      dataSubjects: ['users', 'contacts-people'],
      legalBases: [
        { basis: '6(1)(b)', dataCategories: ['phone'] },
        { basis: '6(1)(a)', dataCategories: ['contacts'], consentBy: ['users'] },
      ],
    };
    return p;
  };

  it("says whose consent it is, not 'your consent', in the basis and the refusal lines", () => {
    const { notice } = policyOutputs(policy());
    expect(notice.nl).toContain('Telefoonboekcontacten: met toestemming van de gebruikers');
    expect(notice.nl).toContain('Telefoonboekcontacten: de gebruikers hoeven geen toestemming te geven');
    expect(notice.en).toContain('Address-book contacts: with the consent of the users');
    expect(notice.en).toContain('Address-book contacts: the users do not have to give their consent');
    expect(notice.nl).not.toContain('met uw toestemming');
    expect(notice.en).not.toContain('with your consent');
  });

  it('tells the others in the card that they did not give this consent, and where their rights are (patient10 F6)', () => {
    const { notice } = policyOutputs(policy());
    expect(notice.nl).toContain(
      '  - Bent u een van de contactpersonen? Dan hebt u deze toestemming niet zelf gegeven. Wat u wel kunt doen, staat onder ‘[Welke rechten u hebt](#welke-rechten-u-hebt)’.\n',
    );
    expect(notice.en).toContain(
      '  - Are you one of the contacts? Then you did not give this consent yourself. The rights you do have are under ‘[Which rights you have](#which-rights-you-have)’.\n',
    );
    const informal = policy();
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Ben je een van de contactpersonen? Dan heb je deze toestemming niet zelf gegeven. Wat je wel kunt doen, staat onder ‘[Welke rechten je hebt](#welke-rechten-je-hebt)’.',
    );
    // Neither sentence where everyone whose data it is gives the consent.
    const all = policy();
    (all.purposes[0]!.legalBases![1]! as { consentBy: string[] }).consentBy = ['users', 'contacts-people'];
    const own = policyOutputs(all).notice;
    expect(own.nl).not.toContain('niet zelf');
    expect(own.en).not.toContain('themselves');
  });

  it('says under withdrawing consent who can withdraw it for that purpose, and that the others gave none', () => {
    const { notice } = policyOutputs(policy());
    const name = policy().purposes[0]!.name as { nl: string; en: string };
    expect(notice.nl).toContain(
      `\n- ${name.nl}: alleen de gebruikers kunnen deze toestemming intrekken; de contactpersonen hebben die niet zelf gegeven\n`,
    );
    expect(notice.en).toContain(
      `\n- ${name.en}: only the users can withdraw this consent; the contacts did not give it themselves\n`,
    );
  });

  it('a consentBy on a part that is not consent is refused at its key, not left out of every output', () => {
    const p = policy();
    (p.purposes[0]!.legalBases![0]! as { consentBy: string[] }).consentBy = ['users'];
    const analysed = analyse(p);
    const error = analysed.diagnostics.find((d) => d.ruleId === 'resolve/consent-by-without-consent');
    expect(error?.message).toBe(
      '"consentBy" says whose consent a part rests on, but this part\'s basis is 6(1)(b), not consent (6(1)(a))',
    );
    expect(error?.pointer).toBe('/purposes/0/legalBases/0/consentBy');
    expect({ line: error?.line, column: error?.column }).toEqual(positionIn(analysed.text, '"consentBy"'));
  });

  it('a consentBy that names no data subject of the purpose is an error at its position', () => {
    const p = policy();
    (p.purposes[0]!.legalBases![1]! as { consentBy: string[] }).consentBy = ['nobody'];
    const analysed = analyse(p);
    const error = analysed.diagnostics.find((d) => d.pointer === '/purposes/0/legalBases/1/consentBy/0');
    expect(error?.message).toBe('no data subject of this purpose has the id "nobody"');
    expect({ line: error?.line, column: error?.column }).toEqual(positionIn(analysed.text, '"nobody"'));
  });
});

describe('a DPO without contact details', () => {
  it('sends the reader to our contact details to ask how to reach the DPO, where the notice gives them (patient10 F15)', () => {
    const policy = miniPolicy();
    policy.dpo = { name: 'F. Gegevens' };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '\nWilt u contact opnemen met onze functionaris voor gegevensbescherming? Vraag ons hoe: onze contactgegevens staan hierboven.\n',
    );
    expect(notice.en).toContain(
      '\nTo contact our data protection officer, ask us how: our contact details are above.\n',
    );
    expect(notice.nl).not.toContain('**Contactgegevens:** Niet vermeld');
    const informal = miniPolicy();
    informal.dpo = { name: 'F. Gegevens' };
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Wil je contact opnemen met onze functionaris voor gegevensbescherming? Vraag ons hoe: onze contactgegevens staan hierboven.',
    );
    // The controller's details are above in the same section (secondread11, F7); details given elsewhere get a link.
    const elsewhere = miniPolicy();
    elsewhere.dpo = { name: 'F. Gegevens' };
    elsewhere.contact = elsewhere.controller.contact;
    delete elsewhere.controller.contact;
    delete elsewhere.controller.address;
    expect(policyOutputs(elsewhere).notice.nl).toMatch(
      /Wilt u contact opnemen met onze functionaris voor gegevensbescherming\? Vraag ons hoe: onze contactgegevens staan onder ‘\[[^\]]+\]\(#[a-z-]+\)’\./,
    );
  });

  it("says that the statement does not give them where the notice gives no way to reach us, not only 'niet vermeld'", () => {
    const policy = miniPolicy();
    policy.dpo = { name: 'F. Gegevens' };
    delete (policy.controller as { contact?: unknown }).contact;
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('**Contactgegevens:** Niet vermeld in deze verklaring.\n');
    expect(notice.en).toMatch(/\*\*[^*]+:\*\* Not stated in this notice\.\n/);
    expect(notice.nl).not.toContain('Vraag ons hoe');
  });
});

describe('a sentence on what the notice leaves out ends with a way to ask us, where it gives one (patient10 F15)', () => {
  const withGaps = (reachable: boolean): PolicySource => {
    const policy = miniPolicy();
    policy.cookies = {
      used: true,
      description: text('Meer daarover leest u in ons cookiebeleid.', 'Our cookie policy tells you more.'),
    };
    policy.rights = {
      ...policy.rights,
      notes: {
        erasure: text('Neem contact op via de gegevens op onze website.', 'Contact us via the details on our website.'),
      },
    };
    if (!reachable) delete (policy.controller as { contact?: unknown }).contact;
    return policy;
  };

  it('asks, with a link to our contact details, in place of the bare gap', () => {
    const { notice } = policyOutputs(withGaps(true));
    const nlLink = '‘[Wie verantwoordelijk is voor uw gegevens](#wie-verantwoordelijk-is-voor-uw-gegevens)’';
    const enLink = '‘[Who is responsible for your data](#who-is-responsible-for-your-data)’';
    expect(notice.nl).toContain(
      `Wilt u weten waar ons cookiebeleid staat? Vraag het ons: onze contactgegevens staan onder ${nlLink}.`,
    );
    expect(notice.nl).toContain(
      `Wilt u het adres van die website weten? Vraag het ons: onze contactgegevens staan onder ${nlLink}.`,
    );
    expect(notice.en).toContain(
      `To find out where our cookie policy is, ask us: our contact details are under ${enLink}.`,
    );
    expect(notice.en).toContain(`To find out that website's address, ask us: our contact details are under ${enLink}.`);
    expect(notice.nl).not.toContain('zegt deze verklaring niet');
    expect(notice.nl).not.toContain('staat niet in deze verklaring');
    // Without a way to reach us, the gap alone: true, and nothing to send the reader to.
    const bare = policyOutputs(withGaps(false)).notice;
    expect(bare.nl).toContain('Waar ons cookiebeleid staat, zegt deze verklaring niet.');
    expect(bare.nl).toContain('Het adres van die website staat niet in deze verklaring.');
    expect(bare.nl).not.toContain('Vraag het ons:');
  });
});

describe('a purpose on special-category data without an art. 9(2) exception', () => {
  it('says "not stated" in its card, as the register does, instead of leaving the line out', () => {
    const policy = miniPolicy();
    policy.dataCategories[0]!.special = 'health';
    const { notice, register } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '**Waarom wij deze bijzondere persoonsgegevens mogen gebruiken (artikel 9 AVG):** Niet vermeld in deze verklaring.\n',
    );
    expect(notice.en).toContain(
      '**Why we may use this special category of personal data (Article 9 GDPR):** Not stated in this notice.\n',
    );
    expect(register.nl).toContain('Niet vermeld');
    const plain = policyOutputs(miniPolicy()).notice;
    expect(plain.nl).not.toContain('Waarom wij deze bijzondere persoonsgegevens mogen gebruiken');
  });
});

describe('transfers', () => {
  const withProcessor = (country: string): PolicySource => {
    const policy = withPurpose({ processors: ['host'] });
    policy.processors = [{ id: 'host', name: 'Host', service: text('hosting'), country }];
    return policy;
  };

  it('no transfer line for a party inside the EEA', () => {
    const { notice } = policyOutputs(withProcessor('NL'));
    expect(notice.nl).not.toContain('Waarborg voor doorgifte');
    expect(notice.en).not.toContain('Transfer safeguard');
  });

  it('a party outside the EEA keeps its line, and says honestly that no safeguard is stated', () => {
    const { notice } = policyOutputs(withProcessor('US'));
    expect(notice.nl).toContain('Waarborg voor doorgifte');
    expect(notice.nl).toMatch(/\| \*\*Host\*\* \|.*\| Niet vermeld in deze verklaring \|/);
  });

  it('general safeguards are alternatives: several read "one of these", one reads as the one used (IES)', () => {
    const policy = miniPolicy();
    policy.transfers = { mechanisms: [{ mechanism: 'scc' }, { mechanism: 'bcr' }] };
    const several = policyOutputs(policy).notice;
    expect(several.nl).toContain(
      'Als wij gegevens doorgeven naar buiten de Europese Economische Ruimte, gebruiken wij daarvoor een van deze waarborgen:\n\n- Standaardbepalingen',
    );
    expect(several.en).toContain(
      'If we transfer data outside the European Economic Area, we rely on one of these safeguards:\n\n- Standard data protection clauses',
    );
    policy.transfers = { mechanisms: [{ mechanism: 'scc' }] };
    const one = policyOutputs(policy).notice;
    expect(one.nl).toContain('gebruiken wij daarvoor:\n\n- Standaardbepalingen');
    expect(one.en).toContain('we rely on:\n\n- Standard data protection clauses');
  });

  it('the items start with a capital, as other list items do (English review 1, finding 14)', () => {
    const policy = miniPolicy();
    policy.transfers = {
      mechanisms: [{ mechanism: 'scc', note: text('Waar nodig.', 'Where needed.') }, { mechanism: 'bcr' }],
    };
    const { nl, en } = policyOutputs(policy).notice;
    expect(nl).toContain(
      // A note that is only a condition goes on its ground's line (notice8 review, finding 15: changed on purpose).
      '\n- Standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG), waar nodig.\n- Bindende bedrijfsvoorschriften',
    );
    expect(en).toContain(
      '\n- Standard data protection clauses of the European Commission (Article 46(2)(c) GDPR), where needed.\n- Binding corporate rules',
    );
  });

  it('the invalidated Privacy Shield is not among the safeguards we rely on: its own sentence, in our voice, says we name it and therefore cannot rely on it (IES; Dutch review 4, finding 1)', () => {
    const policy = miniPolicy();
    policy.transfers = {
      mechanisms: [{ mechanism: 'privacy-shield', countries: ['US'] }, { mechanism: 'scc' }, { mechanism: 'bcr' }],
    };
    const { nl, en } = policyOutputs(policy).notice;
    expect(en).toContain(
      'we rely on one of these safeguards:\n\n- Standard data protection clauses of the European Commission (Article 46(2)(c) GDPR)\n- Binding corporate rules (Article 47 GDPR)\n\nFor transfers of your data to the United States, we name the EU-US Privacy Shield. It is no longer a valid safeguard: the Court of Justice of the EU declared it invalid in 2020 (case C-311/18). We therefore cannot rely on the Privacy Shield.\n',
    );
    expect(nl).toContain(
      '\n\nVoor de doorgifte van gegevens naar de Verenigde Staten noemen wij het EU-VS Privacy Shield. Dat is geen geldige waarborg meer: het Hof van Justitie van de EU heeft het in 2020 ongeldig verklaard (zaak C-311/18). Op het Privacy Shield kunnen wij ons dus niet beroepen.\n',
    );
    expect(en).not.toMatch(/^- EU-US Privacy Shield/m);
    policy.transfers = { mechanisms: [{ mechanism: 'privacy-shield' }] };
    const alone = policyOutputs(policy).notice;
    expect(alone.en).not.toContain('we rely on');
    expect(alone.nl).not.toContain('gebruiken wij daarvoor');
    expect(alone.en).toContain(
      'For transfers of your data, we name the EU-US Privacy Shield. It is no longer a valid safeguard: the Court of Justice of the EU declared it invalid in 2020 (case C-311/18). We therefore cannot rely on the Privacy Shield.',
    );
    // A note that only names the Privacy Shield explains nothing: not given as our explanation (English review 2,
    // finding 12); one that says something is.
    policy.transfers = {
      mechanisms: [
        {
          mechanism: 'privacy-shield',
          note: {
            nl: 'EU-VS en Zwitsers-VS Privacy Shield Frameworks.',
            en: 'EU-US and Swiss-US Privacy Shield Frameworks.',
          },
        },
      ],
    };
    const named = policyOutputs(policy).notice;
    expect(named.en).not.toContain('Our explanation');
    expect(named.nl).not.toContain('Onze toelichting');
    policy.transfers.mechanisms![0]!.note = { nl: 'Wij zijn gecertificeerd.', en: 'We are certified.' };
    expect(policyOutputs(policy).notice.en).toContain(
      'We therefore cannot rely on the Privacy Shield. Our explanation: We are certified.',
    );
  });
});

/**
 * 'U kunt een klacht indienen bij de Autoriteit Persoonsgegevens' alone, where the statement names no route of its
 * own, sent a patient to a regulator that asks people to go to the organisation first, through its home page
 * (patient3 review, F4). The organisation's contact comes first where the notice has one, as an option: never as a
 * step required before the authority (art. 77 GDPR).
 */
describe('complaints where the statement names no route of its own', () => {
  const section = (md: string): string => md.slice(md.indexOf('## Waar u een klacht kunt indienen'));

  it("offers the organisation's contact first, then the authority, without making the first a condition", () => {
    const nl = section(policyOutputs(miniPolicy()).notice.nl);
    expect(nl).toMatch(
      /^## Waar u een klacht kunt indienen\n\nBent u niet tevreden over hoe wij met uw gegevens omgaan\? Laat het ons dan weten:\n\n- \*\*E-mail:\*\* <privacy@mini\.example>\n\nU kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:/,
    );
    expect(nl).not.toMatch(/eerst (bij|contact met) ons|first contact us/i);
    expect(policyOutputs(miniPolicy()).notice.en).toContain(
      'Not satisfied with how we handle your data? You can tell us:\n\n- **E-mail:** <privacy@mini.example>\n\nYou can also lodge a complaint with the Dutch Data Protection Authority',
    );
  });

  it("takes the rights contact, else the controller's, else the DPO's, else the address", () => {
    const dpoOnly = miniPolicy();
    delete dpoOnly.controller.contact;
    dpoOnly.dpo = { name: 'FG', contact: { email: 'fg@mini.example' } };
    expect(section(policyOutputs(dpoOnly).notice.nl)).toContain('ons dan weten:\n\n- **E-mail:** <fg@mini.example>');
    const addressOnly = miniPolicy();
    delete addressOnly.controller.contact;
    addressOnly.controller.address = { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Hoorn', country: 'NL' };
    expect(section(policyOutputs(addressOnly).notice.nl)).toContain(
      'ons dan weten:\n\n- **Adres:** Dorpsstraat 1, 1234 AB Hoorn, Nederland\n\nU kunt ook een klacht',
    );
  });

  it('is not added where the statement gives its own route, nor where the notice has no way to reach us', () => {
    const own = miniPolicy();
    own.complaints = { internal: text('Klachten? Mail ons.', 'Complaints? Mail us.') };
    expect(policyOutputs(own).notice.nl).not.toContain('Laat het ons dan weten');
    const unreachable = miniPolicy();
    delete unreachable.controller.contact;
    expect(policyOutputs(unreachable).notice.nl).not.toContain('Laat het ons dan weten');
  });

  it("links the authority's complaint page and gives its telephone number (law/authorities.ts)", () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).toContain(
      '- **Website:** [Een klacht indienen bij de Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap) (autoriteitpersoonsgegevens.nl)',
    );
    expect(notice.nl).toContain('(tel:+31881805250)');
    expect(notice.en).toContain('(tel:+31881805250)');
  });

  it('gives the telephone number for questions beforehand, not as a way to lodge the complaint (verify2 review, item 6)', () => {
    // The AP takes a complaint in writing, by its form or by letter; the number is for those in doubt. Listed as
    // '- **Telefoon:**' under 'U kunt een klacht indienen bij de Autoriteit Persoonsgegevens:', it read as a third way
    // to complain (changed on purpose: the test above pinned that line).
    const section = (notice: string, heading: string): string => notice.split(heading)[1]!.split('\n[')[0]!;
    const policy = miniPolicy();
    const { notice } = policyOutputs(policy);
    const nl = section(notice.nl, '## Waar u een klacht kunt indienen');
    expect(nl).toContain(
      'U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:\n\n- **Website:** [Een klacht indienen bij de Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap) (autoriteitpersoonsgegevens.nl)\n- **Postadres:** Postbus 93374, 2509 AJ Den Haag, Nederland\n\nTwijfelt u of u een klacht kunt indienen? Bel dan de Autoriteit Persoonsgegevens: [088 - 1805 250](tel:+31881805250).\n',
    );
    expect(nl).not.toContain('Telefoon');
    const en = section(notice.en, '## Where you can complain');
    // The authority by its short name: its full name with the Dutch gloss stood three times in five lines (English
    // review 2, finding 8).
    expect(en).toContain(
      'Not sure whether you can complain? Call the Dutch Data Protection Authority on [\\+31 88 1805 250](tel:+31881805250).',
    );
    expect(en).not.toContain('Telephone');
    policy.metadata.formality = 'informal';
    expect(policyOutputs(policy).notice.nl).toContain(
      'Twijfel je of je een klacht kunt indienen? Bel dan de Autoriteit Persoonsgegevens: [088 - 1805 250](tel:+31881805250).',
    );
  });
});

describe('each thing said once, no empty headings', () => {
  it('the complaint sentence appears once; "ook" only after the organisation\'s own route', () => {
    // Without any way to reach the organisation: the authority alone (with one, see patient3 F4 below).
    const unreachable = miniPolicy();
    delete unreachable.controller.contact;
    const plain = policyOutputs(unreachable).notice.nl;
    expect(occurrences(plain, 'een klacht indienen bij de Autoriteit Persoonsgegevens')).toBe(1);
    expect(plain).toContain('U kunt een klacht indienen bij de Autoriteit Persoonsgegevens:');
    expect(plain).not.toContain('U hebt ook');
    const policy = miniPolicy();
    policy.complaints = {
      internal: text(
        'Klachten? Mail ons. U mag ook naar de Autoriteit Persoonsgegevens.',
        'Complaints? Mail us. You may also go to the Dutch Data Protection Authority.',
      ),
    };
    const named = policyOutputs(policy).notice;
    expect(named.nl).toContain('Contactgegevens van de Autoriteit Persoonsgegevens:');
    expect(named.nl).not.toContain('U kunt ook een klacht');
    policy.complaints = { internal: text('Klachten? Mail ons.', 'Complaints? Mail us.') };
    expect(policyOutputs(policy).notice.nl).toContain(
      'U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:',
    );
  });

  it("a care provider's complaints officer and disputes body (Wkkgz) come before the authority, named and reachable, in both languages", () => {
    const policy = miniPolicy();
    // A care provider, as the title says: outside care the sentences name neither the Wkkgz nor 'our care'.
    policy.controller.isCareProvider = true;
    policy.complaints = {
      officer: { name: 'Klachtenbureau <Noord>', contact: { email: 'klacht@noord.example' } },
      disputesBody: { name: 'Geschillencommissie Zorg', contact: { url: 'https://geschillen.example/zorg' } },
    };
    const { notice } = policyOutputs(policy);
    const nl = notice.nl.slice(notice.nl.indexOf('## Waar u een klacht kunt indienen'));
    expect(nl).toContain(
      'Hebt u een klacht over onze zorg? Dan kunt u terecht bij onze klachtenfunctionaris: Klachtenbureau \\<Noord\\>.\n\n- **E-mail:** <klacht@noord.example>',
    );
    expect(nl).toContain(
      'Komen wij er samen niet uit? Dan kunt u uw klacht voorleggen aan Geschillencommissie Zorg. Dat is de geschilleninstantie waarbij wij zijn aangesloten, zoals de Wet kwaliteit, klachten en geschillen zorg (Wkkgz) vraagt.\n\n- **Contactpagina:** <https://geschillen.example/zorg>',
    );
    // After the practice's own route, the authority is the other place: 'ook'.
    expect(nl.indexOf('Geschillencommissie Zorg')).toBeLessThan(
      nl.indexOf('U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:'),
    );
    expect(notice.en).toContain(
      'Do you have a complaint about our care? Then you can turn to our complaints officer: Klachtenbureau \\<Noord\\>.',
    );
    expect(notice.en).toContain(
      'If we cannot resolve it together, you can bring your complaint to Geschillencommissie Zorg. This is the disputes body we are affiliated with, as the Healthcare Quality, Complaints and Disputes Act (Wkkgz) requires.',
    );
    expect(notice.en).toContain('You can also lodge a complaint with the Dutch Data Protection Authority');
  });

  it('no "how to exercise" heading with nothing under it', () => {
    const policy = miniPolicy();
    delete policy.controller.contact;
    // Since the Dutch review (item 5) the heading stays, with what is true without a contact: ask us (art. 12).
    expect(policyOutputs(policy).notice.nl).toContain(
      '### Hoe u uw rechten uitoefent\n\nWilt u een van deze rechten gebruiken? Neem dan contact op met Mini B.V.',
    );
    expect(policyOutputs(miniPolicy()).notice.nl).toContain('### Hoe u uw rechten uitoefent');
  });

  it('a register of a policy without version or date has no "versie ."', () => {
    const { register } = policyOutputs(miniPolicy());
    expect(register.nl).not.toMatch(/versie\s*\./);
    expect(register.en).not.toMatch(/version\s*\./);
    expect(register.nl).toContain('de privacyverklaring; die vermeldt geen versie of datum');
  });

  it('the organisation\'s address and the postal address for contact are told apart, not two "Adres" rows', () => {
    const policy = miniPolicy();
    const address = { street: 'Straat 1', postalCode: '1000 AA', city: 'Amsterdam', country: 'NL' };
    policy.controller = {
      ...policy.controller,
      address,
      contact: { email: 'privacy@mini.example', address: { ...address, street: 'Afdeling Privacy, Straat 1' } },
    };
    const { notice } = policyOutputs(policy);
    expect(occurrences(notice.nl, '**Adres:**')).toBe(1);
    expect(notice.nl).toContain('**Postadres:** Afdeling Privacy, Straat 1, 1000 AA Amsterdam');
    expect(notice.en).toContain('**Postal address:** Afdeling Privacy, Straat 1');
  });

  it('one date is given once: a version label that is the date, and a last change on the effective date, are not repeated', () => {
    const policy = miniPolicy();
    policy.metadata = {
      ...policy.metadata,
      version: '2025-02-05',
      effectiveDate: '2025-02-05',
      lastModified: '2025-02-05',
    };
    const { notice } = policyOutputs(policy);
    expect(occurrences(notice.nl, '5 februari 2025')).toBe(1);
    expect(notice.nl).toContain('Geldig vanaf 5 februari 2025.');
    expect(occurrences(notice.en, '5 February 2025')).toBe(1);
    policy.metadata = { ...policy.metadata, version: '3', lastModified: '2025-03-01' };
    const both = policyOutputs(policy).notice.nl;
    expect(both).toContain('Versie 3, geldig vanaf 5 februari 2025.');
    expect(both).toContain('Laatst gewijzigd op 1 maart 2025.');
  });
});

describe('laws and start events', () => {
  it('applicableLaws is a list of the laws named, without a compliance claim or an article the author never gave', () => {
    const policy = miniPolicy();
    policy.applicableLaws = [{ law: 'wgbo' }, { law: 'awr', article: 'art. 52' }];
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'Deze verklaring verwijst naar deze wetten:\n\n- Wet op de geneeskundige behandelingsovereenkomst (WGBO)\n- Algemene wet inzake rijksbelastingen (artikel 52 AWR)',
    );
    expect(notice.nl).not.toContain('overeenstemming');
    expect(notice.nl).not.toContain('BW 7:454)');
    expect(notice.en).not.toContain('in accordance');
  });

  it('a visit to the practice is named as such; the old ambiguous "last-visit" is refused at its position', () => {
    const policy = withPurpose({ retention: ['r'] });
    policy.retention = [
      { id: 'r', name: text('Afspraken', 'Appointments'), period: 'P1Y', from: 'last-practice-visit' },
    ];
    // In the retention table: the length and the event it counts from, each in its own column.
    expect(policyOutputs(policy).notice.nl).toMatch(/1 jaar.*het laatste bezoek aan de praktijk/);
    (policy.retention[0] as { from: string }).from = 'last-visit';
    const { diagnostics, text: json } = analyse(policy);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      pointer: '/retention/0/from',
      ...positionIn(json, '"last-visit"'),
    });
  });
});

describe('automated decision-making, art. 13(2)(f), in every notice', () => {
  it('says that the statement names none, and that they must be told, when it does not say (not "does not say whether")', () => {
    // The sentence was 'Deze verklaring vermeldt niet of er besluiten worden genomen …': it read as a hidden answer.
    // What is true of a silent statement is that it names none; what makes that mean something is 13(2)(f)/14(2)(g).
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).toContain(
      '## Wanneer een computer over u beslist (geautomatiseerde besluitvorming)\n\nIn deze verklaring staan geen besluiten die een computer over u neemt zonder dat een mens ernaar kijkt, ook niet op basis van een profiel van u (profilering). De wet verplicht ons om u over zulke besluiten te vertellen als ze rechtsgevolgen voor u hebben of u op een andere manier in aanmerkelijke mate treffen (artikel 13, lid 2, onder f, artikel 14, lid 2, onder g, en artikel 22, lid 1, AVG).\n',
    );
    expect(notice.nl).not.toContain('vermeldt niet of');
    expect(notice.en).toContain(
      'This notice mentions no decisions that a computer makes about you on its own, without a person involved, including decisions based on a profile of you (profiling). The law requires us to tell you about such decisions if they have legal effects for you or similarly significantly affect you (Articles 13(2)(f), 14(2)(g) and 22(1) GDPR).',
    );
    const informal = miniPolicy();
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain('die een computer over je neemt');
  });

  it('where the policy is silent, gives the duty as the law’s, not as a question whether we take such decisions (notice review 7, F10)', () => {
    // 'Nemen wij zo’n besluit …? Dan moeten wij u dat vertellen' / 'If we made such decisions … we would have to
    // tell you' read to a patient as a hint that we might. The section of a silent policy asks nothing and puts no
    // decision of ours in an if-clause; it says the statement names none, and what the law requires.
    const informal = miniPolicy();
    informal.metadata.formality = 'informal';
    const automated = (md: string, heading: string): string => {
      const start = md.indexOf(heading);
      expect(start).toBeGreaterThan(-1);
      return md.slice(start, md.indexOf('\n## ', start + 1));
    };
    const sections = [
      automated(policyOutputs(miniPolicy()).notice.nl, '## Wanneer een computer over u beslist'),
      automated(policyOutputs(informal).notice.nl, '## Wanneer een computer over je beslist'),
      automated(policyOutputs(miniPolicy()).notice.en, '## When a computer decides about you'),
    ];
    for (const section of sections) {
      expect(section).not.toContain('?');
      expect(section).not.toMatch(/\b(nemen wij|if we)\b/i);
    }
    expect(sections[0]).toContain('De wet verplicht ons om u over zulke besluiten te vertellen als ze rechtsgevolgen');
    expect(sections[1]).toContain('De wet verplicht ons om je over zulke besluiten te vertellen als ze rechtsgevolgen');
    expect(sections[2]).toContain('The law requires us to tell you about such decisions if they have legal effects');
  });

  it('says that they are taken, when the policy says so without the details', () => {
    const policy = miniPolicy();
    policy.automatedDecisionMaking = { takesPlace: true };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'Wij laten een computer besluiten over u nemen zonder dat een mens ernaar kijkt (artikel 22, lid 1, AVG).',
    );
    expect(notice.nl).not.toContain('staan geen besluiten');
    expect(notice.en).toContain(
      'We let a computer make decisions about you on its own, without a person involved (Article 22(1) GDPR).',
    );
  });

  it('says that none are taken, when the policy says so', () => {
    const policy = miniPolicy();
    policy.automatedDecisionMaking = { takesPlace: false };
    expect(policyOutputs(policy).notice.nl).toContain(
      'Wij laten geen computer besluiten over u nemen zonder dat een mens ernaar kijkt, ook niet op basis van een profiel van u (artikel 22, lid 1, AVG).',
    );
    expect(policyOutputs(policy).notice.en).toContain(
      'We do not let a computer make decisions about you on its own, without a person involved, including decisions based on a profile of you (Article 22(1) GDPR).',
    );
  });

  it('gives the logic and consequences where they are taken', () => {
    const { notice } = policyOutputs(
      withPurpose({ automatedDecision: { logic: text('LOGICA'), significance: text('GEVOLG') } }),
    );
    expect(notice.nl).toContain('**Hoe het werkt:** LOGICA');
    expect(notice.nl).not.toContain('In deze verklaring staan geen besluiten');
  });

  it('states the right of art. 22(1), and the safeguards of 22(3) only for the decisions they are for (law review)', () => {
    // The right was given as human intervention, a point of view and contesting, unconditionally: that is 22(3),
    // which holds for a decision on a contract or explicit consent (22(2)(a), (c)); under 22(2)(b) the law gives them.
    const { notice } = policyOutputs(
      withPurpose({ automatedDecision: { logic: text('LOGICA'), significance: text('GEVOLG') } }),
    );
    expect(notice.nl).toContain(
      'U hebt het recht dat een computer niet alleen, zonder een mens, een besluit over u neemt, ook niet op basis van profilering (geautomatiseerde verwerking). Dat geldt voor een besluit dat rechtsgevolgen voor u heeft of u op een andere manier in aanmerkelijke mate treft.',
    );
    expect(notice.nl).toContain(
      'omdat u er uitdrukkelijk toestemming voor gaf? Dan mag u vragen dat een mens naar het besluit kijkt (menselijke tussenkomst)',
    );
    expect(notice.nl).toContain('Staat een wet het besluit toe, dan geeft die wet de waarborgen.');
    expect(notice.en).toContain(
      'You have the right not to be subject to a decision based solely on automated processing',
    );
    expect(notice.en).toContain('Where a law allows the decision, that law gives the safeguards.');
  });
});

describe('nothing authored is dropped', () => {
  it('contact notes, cookies.used and a retention rule no purpose uses reach the outputs', () => {
    const policy = miniPolicy();
    policy.controller.contact = { email: 'a@b.example', note: text('CONTROLLER-NOTE') };
    policy.rights = { contact: { email: 'r@b.example', note: text('RIGHTS-NOTE') } };
    policy.cookies = { used: false };
    policy.retention = [{ id: 'loose', name: text('LOSSE-REGEL'), period: 'P1Y' }];
    const { notice, register } = policyOutputs(policy);
    expect(notice.nl).toContain('CONTROLLER-NOTE');
    expect(notice.nl).toContain('RIGHTS-NOTE');
    expect(notice.nl).toContain('Onze website gebruikt geen cookies.');
    expect(register.nl).toContain('Overige bewaartermijnen');
    expect(register.nl).toContain('LOSSE-REGEL: 1 jaar');
  });

  it('the published statement the policy comes from reaches the register, title and address', () => {
    const policy = miniPolicy();
    policy.metadata.source = { title: 'PRIVACYBELEID', url: 'https://mini.example/privacy' };
    const { register } = policyOutputs(policy);
    expect(register.nl).toContain('- **Bron**: PRIVACYBELEID, https://mini.example/privacy\n');
    expect(register.en).toContain('PRIVACYBELEID, https://mini.example/privacy\n');
  });

  it('processors and recipients no purpose names reach the register, with their transfers, outside every activity', () => {
    const policy = miniPolicy();
    policy.processors = [{ id: 'host', name: 'HOSTER', service: text('OPSLAG', 'STORAGE'), country: 'US' }];
    policy.recipients = [{ id: 'group', name: text('GROEP', 'GROUP'), type: 'third-party' }];
    const { register } = policyOutputs(policy);
    // The Markdown register: title, the organisation's facts, then a section per table.
    const facts = (md: string): string => md.split('\n## ')[1]!;
    const activities = (md: string): string => md.split('\n## ').slice(2).join('\n## ');
    expect(facts(register.nl)).toContain('- **Overige verwerkers**: HOSTER (Verenigde Staten): OPSLAG.');
    expect(facts(register.nl)).toContain('- **Overige ontvangers**: GROEP (');
    expect(facts(register.nl)).toMatch(/- \*\*Overige doorgifte aan derde landen\*\*: HOSTER: /);
    expect(facts(register.en)).toContain('- **Other processors**: HOSTER (United States): STORAGE.');
    expect(facts(register.en)).toContain('- **Other recipients**: GROUP (');
    for (const md of [register.nl, register.en]) {
      expect(activities(md)).not.toContain('HOSTER');
      expect(activities(md)).not.toContain('GRO');
    }
    // Named by a purpose, a party is in that activity's row and not among the organisation's facts.
    policy.purposes[0]!.processors = ['host'];
    const linked = policyOutputs(policy).register.nl;
    expect(facts(linked)).not.toContain('Overige verwerkers');
    expect(activities(linked)).toContain('HOSTER');
  });

  it('leads the purposes without "only": no policy says its list of purposes is complete', () => {
    const policy = miniPolicy();
    const one = policyOutputs(policy).notice;
    expect(one.nl).toContain('Wij gebruiken persoonsgegevens voor het doel hieronder. Daar staat ook de grondslag');
    expect(one.en).toContain('We use personal data for the purpose below. We state its legal basis');
    // A category no purpose uses: the lead is still true, and the bases sentence follows it.
    policy.dataCategories.push({ id: 'cv', name: text('CV') });
    policy.purposes.push({ ...policy.purposes[0]!, id: 'apply', name: text('SOLLICITEREN'), dataCategories: [] });
    const two = policyOutputs(policy).notice;
    expect(two.nl).toContain(
      'Wij gebruiken persoonsgegevens voor de doelen hieronder. Bij elk doel staat de grondslag (in de AVG: de rechtsgrond).',
    );
    expect(two.en).toContain('We use personal data for the purposes below. For each, we state the legal basis');
    // Without every basis, no lead: alone it would repeat the heading.
    policy.purposes[1]!.legalBasis = undefined;
    const three = policyOutputs(policy).notice;
    expect(three.nl).not.toContain('voor de doelen hieronder');
    for (const notice of [one, two, three])
      expect(`${notice.nl}\n${notice.en}`).not.toMatch(/alleen voor (het doel|de doelen)|only for the purpose/);
  });

  it('ends a data source with one full stop, and names the kept file in the summary whatever its grammar', () => {
    const policy = withPurpose({ retention: ['file'] });
    policy.controller.isCareProvider = true;
    policy.dataCategories[1]!.source = { description: text('Het telefoonboek, met toestemming.', 'The phone book.') };
    policy.dataCategories[0]!.special = 'health';
    policy.retention = [
      {
        id: 'file',
        name: text('Cliëntdossier', 'Client file'),
        dataCategories: ['phone'],
        period: 'P20Y',
        legalSource: { law: 'wgbo' },
      },
    ];
    const { notice } = policyOutputs(policy);
    // The article in lower case after the colon (notice8 review, finding 14: changed on purpose).
    expect(notice.nl).toContain('Bron: het telefoonboek, met toestemming.\n');
    expect(notice.en).toContain('Source: the phone book.\n');
    expect(notice.nl).toContain(
      'Cliëntdossier: bewaartermijn 20 jaar na de laatste wijziging van het dossier (zo rekent de wet).',
    );
    expect(notice.en).toContain('Client file: kept for 20 years');
  });

  it('the summary says nothing is kept for health data that stays on the device; it points to the table', () => {
    const policy = withPurpose({ retention: ['device'] });
    policy.dataCategories[0]!.special = 'health';
    policy.retention = [
      { id: 'device', name: text('Hartslag', 'Heart rate'), dataCategories: ['phone'], condition: 'on-device-only' },
    ];
    const { notice } = policyOutputs(policy);
    expect(notice.nl).not.toContain('Hartslag: bewaard');
    expect(notice.en).not.toContain('we keep it not by us');
    expect(notice.nl).toContain('[Bewaartermijnen per soort gegevens](#hoe-lang-wij-uw-gegevens-bewaren)');
  });

  it('the retention intro names legal claims only when a rule keeps data for them', () => {
    const policy = withPurpose({ retention: ['account'] });
    policy.retention = [{ id: 'account', name: text('Account'), period: 'P1Y' }];
    const plain = policyOutputs(policy).notice;
    expect(plain.nl).toContain('tenzij de wet ons verplicht ze langer te bewaren. Per soort gegevens:');
    // In the retention section: the rights section's restriction now names a lawsuit as one of art. 18(1)'s cases.
    expect(plain.nl.split('## Hoe lang wij uw gegevens bewaren')[1]!.split('\n## ')[0]).not.toContain('rechtszaak');
    policy.retention[0]!.legalClaimsHold = { period: 'P5Y' };
    const held = policyOutputs(policy).notice;
    expect(held.nl).toContain(
      'tenzij de wet ons verplicht ze langer te bewaren of wij ze nodig hebben voor een (mogelijke) rechtszaak.',
    );
    expect(held.en).toContain(
      'unless the law requires us to keep it longer or we need it for a possible legal dispute.',
    );
  });

  it('says one processor or data category in the singular, several in the plural', () => {
    const policy = miniPolicy();
    policy.processors = [{ id: 'host', name: 'HOSTER', service: text('OPSLAG') }];
    policy.purposes[0]!.processors = ['host'];
    const one = policyOutputs(policy).notice;
    policy.processors.push({ id: 'mail', name: 'MAILER', service: text('E-MAIL') });
    policy.purposes[0]!.processors.push('mail');
    policy.dataCategories.pop();
    policy.purposes[0]!.dataCategories = ['phone'];
    const two = policyOutputs(policy).notice;
    const expected: Array<[Record<'nl' | 'en', string>, string[]]> = [
      [
        one,
        [
          '- **Verwerker:** HOSTER\n',
          'Deze dienstverlener verwerkt persoonsgegevens in onze opdracht',
          '- **Processor:** HOSTER\n',
          'This service provider processes personal data',
          'Wij verwerken deze soorten persoonsgegevens:',
          'We process these kinds of personal data:',
        ],
      ],
      [
        two,
        [
          '- **Verwerkers:**\n  - HOSTER\n  - MAILER\n',
          'Deze dienstverleners verwerken persoonsgegevens in onze opdracht',
          '- **Processors:**\n  - HOSTER\n  - MAILER\n',
          'Wij verwerken deze persoonsgegevens:',
          'We process this personal data:',
        ],
      ],
    ];
    for (const [notice, phrases] of expected)
      for (const phrase of phrases) expect(`${notice.nl}\n${notice.en}`).toContain(phrase);
  });

  it('JSON-LD leaves dct:valid out without a date', () => {
    expect(policyOutputs(miniPolicy()).jsonld).not.toContain('dct:valid');
    const policy = miniPolicy();
    policy.metadata.effectiveDate = '2025-01-01';
    expect(policyOutputs(policy).jsonld).toContain('"@value": "2025-01-01"');
  });
});

describe("the AVG's own Dutch terms, in notice and register alike", () => {
  it('functionaris voor gegevensbescherming, gegevens over gezondheid, nationaal identificatienummer', () => {
    const policy = miniPolicy();
    policy.dpo = { contact: { email: 'fg@mini.example' } };
    policy.dataCategories[0] = { ...policy.dataCategories[0]!, special: 'health' };
    policy.dataCategories[1] = {
      ...policy.dataCategories[1]!,
      name: text('Burgerservicenummer (BSN)', 'Citizen service number (BSN)'),
      nationalIdentifier: true,
    };
    policy.purposes[0]!.specialCategoryCondition = { condition: '9(2)(h)' };
    const { notice, register } = policyOutputs(policy);
    for (const out of [notice.nl, register.nl]) {
      expect(out).toContain('unctionaris voor gegevensbescherming');
      expect(out).toContain('gegevens over gezondheid');
    }
    // The register names the national identification number (art. 87) as such; the notice leaves it to the name
    // that says it already (Dutch review 2, finding 10).
    expect(register.nl).toContain('nationaal identificatienummer');
    expect(notice.nl).not.toContain('BSN, nationaal identificatienummer');
    expect(notice.nl).toContain('**Burgerservicenummer (BSN)**');
    expect(notice.nl).not.toContain('wettelijk identificatienummer');
  });

  it('no tautology: a health category named after health is not glossed with the same words', () => {
    const policy = miniPolicy();
    policy.dataCategories[0] = {
      ...policy.dataCategories[0]!,
      name: text('Gezondheidsgegevens', 'Health data'),
      special: 'health',
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('**Gezondheidsgegevens (bijzondere persoonsgegevens)**');
    expect(notice.nl).not.toContain('gezondheidsgegevens)');
  });
});

describe("the patient's rights under the WGBO (BW 7:454–7:458a)", () => {
  const careByCondition = (): PolicySource => {
    const policy = withPurpose({ specialCategoryCondition: { condition: '9(2)(h)' } });
    policy.dataCategories[0]!.special = 'health';
    return policy;
  };
  const careByCitation = (): PolicySource => {
    const policy = withPurpose({ retention: ['file'] });
    policy.retention = [{ id: 'file', name: text('Dossier', 'File'), period: 'P20Y', legalSource: { law: 'wgbo' } }];
    return policy;
  };
  const careByFlag = (): PolicySource => {
    const policy = miniPolicy();
    policy.controller.isCareProvider = true;
    return policy;
  };

  it.each([
    ['health data under 9(2)(h)', careByCondition],
    ['a WGBO citation', careByCitation],
    ['controller.isCareProvider', careByFlag],
  ])(
    'a care provider (%s): destruction, statement, inspection, minors and the deceased, in Dutch and English',
    (_, make) => {
      const { notice } = policyOutputs(make());
      for (const article of [
        'artikel 7:455 BW',
        'artikel 7:454, lid 2, BW',
        'artikel 7:456 BW',
        'artikelen 7:447, 7:450, 7:457 en 7:465 BW',
        'artikelen 7:458a en 7:458b BW',
      ]) {
        expect(notice.nl).toContain(article);
      }
      // BW 7:455 as in force since 2020 sets no term of its own: the notice promises none (it said three months).
      // Its lid 1 asks for a written or electronic request: the notice says so (verify2 review, item 1; changed on
      // purpose, the sentence on the form came in between).
      expect(notice.nl).toContain(
        'U kunt ons vragen uw medisch dossier of een deel ervan te vernietigen (te wissen). Dat doet u schriftelijk of elektronisch, bijvoorbeeld met een brief of e-mail. Wij mogen alleen weigeren',
      );
      expect(notice.en).toContain(
        'You may ask us to destroy (delete) your medical file or part of it. Make that request in writing, for example by letter or e-mail. We may refuse only where',
      );
      expect(notice.nl).toContain('De wettelijke bewaartermijn is geen reden om te weigeren.');
      // The limit of 17(3) is said of the data outside the file only (Dutch review 3, finding 4).
      expect(notice.nl).not.toContain('Dat moeten wij doen in de gevallen die de AVG noemt');
      expect(notice.nl).toContain(
        'Voor gegevens buiten uw medisch dossier moeten wij dat doen in de gevallen die de AVG noemt',
      );
      // From 12 to 16 the child holds the file rights; the parents may ask, refused where that does not fit good care.
      expect(notice.nl).toContain('Dan kunnen de ouders met gezag of de voogd ook om inzage of een kopie vragen');
      expect(notice.en).toContain(
        'If the child is 12 to 15, the parents with parental authority or the guardian may also ask to inspect the file',
      );
      for (const article of [
        'Article 7:455 BW',
        'Article 7:454(2) BW',
        'Article 7:456 BW',
        'Articles 7:447, 7:450, 7:457 and 7:465 BW',
        'Articles 7:458a and 7:458b BW',
      ]) {
        expect(notice.en).toContain(article);
      }
    },
  );

  it('a non-care provider does not show them, and keeps the general erasure text', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).not.toContain('7:455');
    expect(notice.en).not.toContain('WGBO');
    expect(notice.nl).toContain(
      'U mag ons vragen uw gegevens te wissen. Dat moeten wij doen in de gevallen die de AVG noemt',
    );
    const policy = careByFlag();
    policy.controller.isCareProvider = false;
    expect(policyOutputs(policy).notice.nl).not.toContain('7:455');
  });
});

describe('law references', () => {
  it('a citation given beside a known law is shown, not dropped', () => {
    const policy = withPurpose({
      legalBasis: '6(1)(c)',
      legalObligation: { law: 'awr', article: '52', citation: text('bewaarplicht', 'record-keeping duty') },
    });
    expect(policyOutputs(policy).notice.nl).toContain(
      'Algemene wet inzake rijksbelastingen (artikel 52 AWR), bewaarplicht',
    );
  });
});

describe('a period shorter than the law it cites (Zorgburo: 15 years "under the WGBO", which requires 20)', () => {
  const seed = (): PolicySource =>
    JSON.parse(readFileSync(path.join(repoRoot, 'policies/zorgburo-de-liemers/policy.json'), 'utf8')) as PolicySource;
  const wgbo = 'Wet op de geneeskundige behandelingsovereenkomst (WGBO)';

  it("the notice does not give the law as its ground; the register keeps the statement's words, naming the law as the ground the organisation gave (the verdict is check's, register5 finding 4)", () => {
    const { notice, register } = policyOutputs(seed());
    // The summary gives no period shorter than the law's minimum (English review 1): it links to all of them.
    expect(notice.nl).not.toContain('Cliëntdossier: bewaartermijn 15 jaar');
    expect(notice.nl).toContain('[Bewaartermijnen per soort gegevens]');
    expect(notice.nl).toContain(
      '| **Cliëntdossier** | 15 jaar | — | Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat het dossier van een cliënt ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is. |',
    );
    expect(notice.nl).not.toContain(`15 jaar, op grond van de ${wgbo}`);
    expect(register.nl).not.toContain(`15 jaar, op grond van de ${wgbo}`);
    expect(register.nl).toContain(`15 jaar; opgegeven grond: ${wgbo}`);
  });

  it("at the law's own term the law is the ground again", () => {
    const policy = seed();
    policy.retention!.find((r) => r.id === 'client-file')!.period = 'P20Y';
    const { notice } = policyOutputs(policy);
    // The summary says 'de wet'; the retention table names it.
    expect(notice.nl).toContain(
      'Cliëntdossier: bewaartermijn 20 jaar na de laatste wijziging van het dossier (zo rekent de wet).',
    );
    // With the law's start, as the law's: the rule names none (notice8 review, finding 3).
    expect(notice.nl).toContain(
      `| **Cliëntdossier** | 20 jaar | De laatste wijziging van het dossier (zo rekent de wet) | ${wgbo} |`,
    );
  });
});

describe("the summary's receivers line is the whole list only where the statement names no receivers in its own words", () => {
  const line = (notice: string, start: string): string => notice.split('\n').find((l) => l.startsWith(start)) ?? '';
  const withRecipient = (): PolicySource => {
    const policy = miniPolicy();
    policy.recipients = [{ id: 'insurer', name: text('Zorgverzekeraars', 'Health insurers'), type: 'insurer' }];
    return policy;
  };

  it('says the list may not be complete where the statement speaks of sharing in its own words (Dental Clinics: "hosting … en andere diensten")', () => {
    const policy = withRecipient();
    policy.sharing = text(
      'Wij gebruiken derden voor hosting en andere diensten.',
      'We use third parties for hosting and other services.',
    );
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, 'Uw gegevens gaan')).toBe(
      'Uw gegevens gaan onder meer naar: [zorgverzekeraars](#wie-uw-gegevens-ontvangt)',
    );
    expect(line(notice.en, 'Among others')).toBe(
      'Among others, these parties receive your data: [health insurers](#who-receives-your-data)',
    );
  });

  it('gives the list as the whole where every receiver is named by id', () => {
    const { notice } = policyOutputs(withRecipient());
    expect(line(notice.nl, 'Ook deze partijen')).toBe(
      'Ook deze partijen krijgen uw gegevens: [zorgverzekeraars](#wie-uw-gegevens-ontvangt)',
    );
  });
});

describe('the summary writes a category of recipients with a small letter inside its sentence, a name as written (first-user review, finding 14)', () => {
  const receivers = (recipients: PolicySource['recipients']): { nl: string; en: string } => {
    const policy = miniPolicy();
    policy.recipients = recipients;
    const { notice } = policyOutputs(policy);
    const line = (doc: string, start: string): string => doc.split('\n').find((l) => l.startsWith(start)) ?? '';
    return { nl: line(notice.nl, 'Ook deze partijen'), en: line(notice.en, 'These parties') };
  };

  const recipient = (id: string, nl: string, en: string, type: RecipientSource['type']): RecipientSource => ({
    id,
    name: text(nl, en),
    type,
  });

  it.each([
    {
      recipients: [
        recipient('insurers', 'Zorgverzekeraars', 'Health insurers', 'insurer'),
        recipient('post', 'De huisartsenpost', 'The out-of-hours GP service', 'care-provider'),
        recipient('auth', 'Relevante autoriteiten', 'Relevant authorities', 'authority'),
        // The same in both languages: a proper name.
        recipient('google', 'Google', 'Google', 'third-party'),
      ],
      nl: '[zorgverzekeraars, de huisartsenpost, relevante autoriteiten en Google]',
      en: '[health insurers, the out-of-hours GP service, relevant authorities and Google]',
    },
    {
      recipients: [
        recipient('others', 'Andere zorgverleners', 'Other care providers', 'care-provider'),
        // A capitalised word after the first: an organisation's name is in it.
        recipient('zk', 'Zorgverzekeraar Zilveren Kruis', 'Health insurer Zilveren Kruis', 'insurer'),
        recipient('tax', 'Belastingdienst', 'Dutch Tax Administration', 'authority'),
      ],
      nl: '[andere zorgverleners, Zorgverzekeraar Zilveren Kruis en Belastingdienst]',
      en: '[other care providers, Health insurer Zilveren Kruis and Dutch Tax Administration]',
    },
    {
      // An authority named in one word (in either language) keeps its capital in both.
      recipients: [
        recipient('police', 'Politie', 'Police', 'authority'),
        recipient('ggd', 'GGD', 'Municipal health services', 'authority'),
      ],
      nl: '[Politie en GGD]',
      en: '[Police and Municipal health services]',
    },
  ])('a translated category starts small, an organisation keeps its capital: $nl', ({ recipients, nl, en }) => {
    const line = receivers(recipients);
    expect(line.nl).toContain(nl);
    expect(line.en).toContain(en);
  });
});

describe('the recipients table names its column for what it holds (first-user review, finding 15)', () => {
  it("a recipient's description is under 'Wat, wanneer en waarom', a processor's service under 'Dienst'", () => {
    const policy = miniPolicy();
    policy.recipients = [
      {
        id: 'insurers',
        name: text('Zorgverzekeraars', 'Health insurers'),
        type: 'insurer',
        description: text('Alleen als dit wettelijk vereist is.', 'Only when required by law.'),
        country: 'NL',
      },
    ];
    policy.processors = [{ id: 'hoster', name: 'Hoster B.V.', service: text('Hosting', 'Hosting'), country: 'NL' }];
    policy.purposes[0]!.recipients = ['insurers'];
    policy.purposes[0]!.processors = ['hoster'];
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('| Naam | Soort | Wat, wanneer en waarom | Gevestigd in |');
    expect(notice.nl).toContain(
      '| **Zorgverzekeraars** | Zorgverzekeraar | Alleen als dit wettelijk vereist is. | Nederland |',
    );
    expect(notice.en).toContain('| Name | Type | What, when and why | Established in |');
    expect(notice.nl).toContain('| Naam | Dienst | Gevestigd in |');
  });
});

describe("the person cared for and their file in the organisation's own word (metadata.careRecipient)", () => {
  const careProvider = (careRecipient?: 'patient' | 'client'): PolicySource => {
    const policy = miniPolicy();
    policy.controller.isCareProvider = true;
    if (careRecipient) policy.metadata.careRecipient = careRecipient;
    return policy;
  };
  const patientWords = /patiënt|medisch dossier/i;

  it('says cliënt and dossier where the organisation says client (Zorgburo, BIB, iPractice), in Dutch and English', () => {
    const { notice } = policyOutputs(careProvider('client'));
    expect(notice.nl).toContain('### Uw rechten als cliënt\n\nVoor uw dossier gelden ook de rechten uit de Wet op');
    expect(notice.nl).toContain('U kunt ons vragen uw dossier of een deel ervan te vernietigen (te wissen).');
    expect(notice.nl).toContain(
      'Voor uw dossier gelden ook de rechten uit de Wet op de geneeskundige behandelingsovereenkomst (WGBO)',
    );
    expect(notice.nl).toContain('Is een cliënt overleden?');
    expect(notice.nl).not.toMatch(patientWords);
    expect(notice.en).toContain('### Your rights as a client\n\nFor your file, the rights under');
    expect(notice.en).toContain('If a client has died');
    expect(notice.en).not.toMatch(/patient|medical file/i);
    const informal = careProvider('client');
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain('### Je rechten als cliënt\n\nVoor je dossier gelden');
  });

  it('says patiënt and medisch dossier by default and where it says patient', () => {
    for (const policy of [careProvider(), careProvider('patient')]) {
      const { notice } = policyOutputs(policy);
      expect(notice.nl).toContain('### Uw rechten als patiënt\n\nVoor uw medisch dossier gelden ook de rechten');
      expect(notice.nl).not.toContain('cliënt');
      expect(notice.en).toContain('### Your rights as a patient');
    }
  });
});

describe('a contract purpose without a requirement (notice7 review, F1)', () => {
  it('does not make up what refusing means (13(2)(e)): it says the statement does not say, as art13/requirement-missing does', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).not.toContain('niet sluiten of uitvoeren');
    expect(notice.en).not.toContain('cannot enter into or perform');
    expect(notice.nl).toContain(
      '**Kunt u weigeren?** Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.\n',
    );
    expect(notice.en).toContain(
      '**Can you refuse?** This notice does not say whether you must provide this data, or what happens if you do not.\n',
    );
  });

  it('gives the consequence where the author states it, and no gap beside it', () => {
    const { notice } = policyOutputs(
      withPurpose({ requirement: { type: 'contract-prerequisite', consequence: text('ZONDER-NL', 'WITHOUT-EN') } }),
    );
    expect(notice.nl).toContain(
      '**Kunt u weigeren?** Het verstrekken van deze gegevens is nodig om een overeenkomst te sluiten. ZONDER-NL\n',
    );
    expect(notice.nl).not.toContain('wat er gebeurt als u dat niet doet');
  });

  it("in the seeds: Doctolib's account (an optional photo) and Zorgburo's contract purposes claim no consequence", () => {
    for (const id of ['doctolib', 'zorgburo-de-liemers', 'dental-clinics', 'cosmetic-clinic']) {
      const policy: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8'));
      const { notice } = policyOutputs(policy);
      expect(notice.nl, id).not.toContain('niet sluiten of uitvoeren');
      expect(notice.nl, id).toMatch(/weigeren\?\*\* Deze verklaring zegt niet of (u|je) deze gegevens moet geven/);
    }
  });
});

describe('the retention intro above a rule that ends before the legal minimum (notice7 review, F2)', () => {
  const seed = (id: string): PolicySource =>
    JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8')) as PolicySource;
  const section = (md: string, heading: string): string => md.split(`## ${heading}`)[1]!.split('\n## ')[0]!;

  it.each(['cosmetic-clinic', 'bernhoven', 'zorgburo-de-liemers'])(
    '%s: no promise to keep data as long as the law requires, only what the table holds',
    (id) => {
      const { notice } = policyOutputs(seed(id));
      expect(notice.nl).not.toContain('tenzij de wet ons verplicht ze langer te bewaren');
      expect(notice.en).not.toContain('unless the law requires us to keep it longer');
      expect(
        section(
          notice.nl,
          seed(id).metadata.formality === 'informal'
            ? 'Hoe lang wij je gegevens bewaren'
            : 'Hoe lang wij uw gegevens bewaren',
        ),
      ).toContain('Hieronder staat per soort gegevens hoe lang wij ze bewaren:\n\n|');
      expect(notice.en).toContain('How long we keep each kind of data:\n\n|');
    },
  );

  it('keeps the promise where every rule keeps at least the legal minimum', () => {
    const policy = seed('zorgburo-de-liemers');
    policy.retention!.find((r) => r.id === 'client-file')!.period = 'P20Y';
    expect(policyOutputs(policy).notice.nl).toContain('tenzij de wet ons verplicht ze langer te bewaren');
  });
});

describe('a DPO the law requires for the sector, not named (notice7 review, F7)', () => {
  const dpoSection = (md: string, heading: string): string | undefined =>
    md.split(`### ${heading}\n\n`)[1]?.split('\n\n')[0];

  it('Bernhoven (a hospital, dpo/mandatory-for-sector) says under the DPO heading that the statement names none', () => {
    const policy: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'policies/bernhoven/policy.json'), 'utf8'));
    const { notice } = policyOutputs(policy);
    expect(dpoSection(notice.nl, 'Functionaris voor gegevensbescherming')).toBe(
      'In deze verklaring staat geen functionaris voor gegevensbescherming.',
    );
    expect(dpoSection(notice.en, 'Data protection officer')).toBe(
      'This notice does not name a data protection officer.',
    );
  });

  it('a sector for which the law data make none mandatory stays silent; a statement that none is appointed keeps its reason', () => {
    const hospital = (sector: 'hospital' | 'gp-practice', dpo?: PolicySource['dpo']): string => {
      const policy = miniPolicy();
      policy.controller = { ...policy.controller, careSector: sector };
      if (dpo) policy.dpo = dpo;
      return policyOutputs(policy).notice.nl;
    };
    expect(hospital('hospital')).toContain('In deze verklaring staat geen functionaris');
    expect(hospital('gp-practice')).not.toContain('Functionaris voor gegevensbescherming');
    const none = hospital('hospital', { appointed: false, reason: text('REDEN', 'REASON') });
    expect(none).toContain('Wij hebben geen functionaris voor gegevensbescherming aangesteld.\n\nREDEN');
    expect(none).not.toContain('In deze verklaring staat geen functionaris');
  });
});

describe('purposes without a basis leave the basis-dependent rights open, and the rights section says so (notice7 review, F4)', () => {
  const rightsSection = (md: string): string => md.split('## Welke rechten u hebt')[1]!.split('\n## ')[0]!;
  const rightsSectionEn = (md: string): string => md.split('## Which rights you have')[1]!.split('\n## ')[0]!;

  it('names the purposes and what the statement leaves open, above the list of rights', () => {
    const policy = withPurpose({ legalBasis: undefined });
    policy.purposes.push({ ...policy.purposes[0]!, id: 'second', name: text('TWEEDE', 'SECOND') });
    const { notice } = policyOutputs(policy);
    expect(rightsSection(notice.nl)).toContain(
      'Bij de volgende doelen staat in deze verklaring geen grondslag:\n\n- Verbindingen leggen\n- TWEEDE\n\nDaarom staat er ook niet of u daarbij bezwaar kunt maken, uw gegevens kunt laten overdragen of uw toestemming kunt intrekken.\n\nU hebt deze rechten:',
    );
    expect(rightsSectionEn(notice.en)).toContain(
      'This notice states no legal basis for the following purposes:\n\n- Making connections\n- SECOND\n\nSo this notice also does not say whether you can object, have your data transferred or withdraw your consent.\n\nYou have these rights:',
    );
  });

  it('one purpose in the singular; a right the policy sets aside is not named; a purpose with a basis is not listed', () => {
    const policy = withPurpose({ legalBasis: undefined });
    policy.purposes.push({ ...policy.purposes[0]!, id: 'based', name: text('MET GRONDSLAG'), legalBasis: '6(1)(b)' });
    policy.rights = {
      notApplicable: [{ right: 'withdraw-consent', reason: text('REDEN', 'REASON'), article: 'GDPR 11(2)' }],
    };
    const section = rightsSection(policyOutputs(policy).notice.nl);
    expect(section).toContain(
      'Bij het volgende doel staat in deze verklaring geen grondslag:\n\n- Verbindingen leggen\n\nDaarom staat er ook niet of u daarbij bezwaar kunt maken of uw gegevens kunt laten overdragen.',
    );
    expect(section).not.toContain('- MET GRONDSLAG\n\nDaarom');
    // Said once: the lead names the notice, the next sentence does not repeat it ('staat in deze verklaring', twice).
    expect(section.match(/in deze verklaring/g)).toHaveLength(1);
    // Direct marketing brings the objection of 21(2) whatever the basis: that purpose is in the objection's list.
    const marketing = withPurpose({ legalBasis: undefined, directMarketing: true });
    expect(rightsSection(policyOutputs(marketing).notice.nl)).not.toContain('staat in deze verklaring geen grondslag:');
  });

  it('says nothing where every purpose states its basis, in the Article 6 terms or in words', () => {
    expect(policyOutputs(miniPolicy()).notice.nl).not.toContain('staat in deze verklaring geen grondslag:');
    const inWords = withPurpose({
      legalBasis: undefined,
      legalBasisStatement: { text: text('WIJ MOETEN', 'WE MUST') },
    });
    expect(policyOutputs(inWords).notice.nl).not.toContain('staat in deze verklaring geen grondslag:');
  });

  it('in BIB Verloskundigen, whose five purposes state no basis, in the informal register', () => {
    const policy: unknown = JSON.parse(
      readFileSync(path.join(repoRoot, 'policies/bib-verloskundigen/policy.json'), 'utf8'),
    );
    const nl = policyOutputs(policy).notice.nl;
    expect(nl).toContain('- Onze zorg evalueren en verbeteren\n');
    expect(nl).toContain(
      'Daarom staat er ook niet of je daarbij bezwaar kunt maken, je gegevens kunt laten overdragen of je toestemming kunt intrekken.\n\nJe hebt deze rechten:',
    );
  });
});

describe("the summary's first line where the notice gives no way to reach us (notice7 review, F14)", () => {
  const summary = (md: string): string => md.split('## In het kort\n\n')[1] ?? md.split('## In short\n\n')[1]!;
  const firstLine = (md: string): string => summary(md).split('\n')[0]!;
  const withoutContact = (): PolicySource => {
    const policy = miniPolicy();
    delete policy.controller.contact;
    return policy;
  };

  it('says that the statement gives no contact details, and links to what the reader can still do', () => {
    const { notice } = policyOutputs(withoutContact());
    expect(firstLine(notice.nl)).toBe(
      'Mini B.V. is verantwoordelijk voor uw gegevens. Contactgegevens staan niet in deze verklaring. [Zo kunt u toch een verzoek doen](#hoe-u-uw-rechten-uitoefent).',
    );
    expect(firstLine(notice.en)).toBe(
      'Mini B.V. is responsible for your data. This notice gives no contact details. [How you can still make a request](#how-to-exercise-your-rights).',
    );
    const informal = withoutContact();
    informal.metadata.formality = 'informal';
    expect(firstLine(policyOutputs(informal).notice.nl)).toContain('[Zo kun je toch een verzoek doen]');
  });

  it('not where the summary gives an e-mail address, nor where the notice gives our address', () => {
    expect(policyOutputs(miniPolicy()).notice.nl).not.toContain('Contactgegevens staan niet');
    const addressed = withoutContact();
    addressed.controller.address = { street: 'Straat 1', postalCode: '1234 AB', city: 'Hoorn', country: 'NL' };
    expect(policyOutputs(addressed).notice.nl).not.toContain('Contactgegevens staan niet');
  });

  it('in BIB Verloskundigen, whose statement gives no contact at all', () => {
    const policy: unknown = JSON.parse(
      readFileSync(path.join(repoRoot, 'policies/bib-verloskundigen/policy.json'), 'utf8'),
    );
    expect(firstLine(policyOutputs(policy).notice.nl)).toBe(
      'BIB verloskundigen is verantwoordelijk voor je gegevens. Contactgegevens staan niet in deze verklaring. [Zo kun je toch een verzoek doen](#hoe-je-je-rechten-uitoefent).',
    );
  });
});

describe("the summary's receivers of the people the notice is mostly about (notice7 review, F3)", () => {
  const summary = (md: string): string => md.split('\n## ')[1]!;
  const line = (md: string, start: string): string =>
    summary(md)
      .split('\n')
      .find((l) => l.startsWith(start)) ?? '';
  const withVisitors = (): PolicySource => {
    const policy = miniPolicy();
    policy.dataSubjects.push({ id: 'visitors', name: text('Websitebezoekers', 'Website visitors') });
    policy.recipients = [
      { id: 'insurer', name: text('Zorgverzekeraars', 'Health insurers'), type: 'insurer' },
      { id: 'ads', name: text('ADVERTEERDER'), type: 'third-party' },
    ];
    const base = policy.purposes[0]!;
    policy.purposes = [
      { ...base, recipients: ['insurer'] },
      { ...base, id: 'support', name: text('Hulp', 'Support') },
      { ...base, id: 'cookies', name: text('Cookies'), dataSubjects: ['visitors'], recipients: ['ads'] },
    ];
    return policy;
  };

  it('leaves out a receiver of website visitors only, and then says "among others"; the body still names it', () => {
    const { notice } = policyOutputs(withVisitors());
    expect(line(notice.nl, 'Uw gegevens gaan')).toBe(
      'Uw gegevens gaan onder meer naar: [zorgverzekeraars](#wie-uw-gegevens-ontvangt)',
    );
    expect(line(notice.en, 'Among others')).toBe(
      'Among others, these parties receive your data: [health insurers](#who-receives-your-data)',
    );
    expect(summary(notice.nl)).not.toContain('ADVERTEERDER');
    expect(notice.nl).toContain('ADVERTEERDER');
  });

  it('names it where it also gets the data of those people, as before', () => {
    const policy = withVisitors();
    policy.purposes[2]!.dataSubjects = ['visitors', 'users'];
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, 'Ook deze partijen')).toBe(
      'Ook deze partijen krijgen uw gegevens: [zorgverzekeraars en ADVERTEERDER](#wie-uw-gegevens-ontvangt)',
    );
  });

  // secondread7 item 6: a purpose that names no data subjects may be about anyone, the patients too.
  const withUnnamedSubjects = (): PolicySource => {
    const policy = miniPolicy();
    policy.recipients = [
      { id: 'insurer', name: text('Zorgverzekeraars', 'Health insurers'), type: 'insurer' },
      { id: 'lab', name: text('LABORATORIUM'), type: 'third-party' },
    ];
    const base = policy.purposes[0]!;
    policy.purposes = [
      { ...base, recipients: ['insurer'] },
      { ...base, id: 'tests', name: text('Onderzoek', 'Tests'), dataSubjects: [], recipients: ['lab'] },
    ];
    return policy;
  };

  it('names the receiver of a purpose that names no data subjects: it may get the data of those people', () => {
    const { notice } = policyOutputs(withUnnamedSubjects());
    expect(line(notice.nl, 'Ook deze partijen')).toBe(
      'Ook deze partijen krijgen uw gegevens: [zorgverzekeraars en LABORATORIUM](#wie-uw-gegevens-ontvangt)',
    );
  });

  it('names every receiver where no purpose names any data subjects, instead of only pointing to the section', () => {
    const policy = withUnnamedSubjects();
    policy.purposes = [{ ...policy.purposes[0]!, dataSubjects: [], recipients: ['insurer', 'lab'] }];
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, 'Ook deze partijen')).toBe(
      'Ook deze partijen krijgen uw gegevens: [zorgverzekeraars en LABORATORIUM](#wie-uw-gegevens-ontvangt)',
    );
    expect(line(notice.en, 'These parties')).toBe(
      'These parties also receive your data: [health insurers and LABORATORIUM](#who-receives-your-data)',
    );
  });

  it("Dental Clinics: Google and Facebook, which get website visitors' cookie data only, are not among the patient's receivers", () => {
    const policy: unknown = JSON.parse(
      readFileSync(path.join(repoRoot, 'policies/dental-clinics/policy.json'), 'utf8'),
    );
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, 'Je gegevens gaan')).toBe(
      'Je gegevens gaan onder meer naar: [zorgverzekeraars, relevante autoriteiten en Microsoft](#wie-je-gegevens-ontvangt)',
    );
    expect(summary(notice.nl)).not.toMatch(/Google|Facebook/);
  });
});

describe('where an "ask us" sentence sends the reader: the first part of the notice with our contact details (secondread11 F3)', () => {
  const email = { email: 'privacy@mini.example' };
  // Each case: where the policy gives a way to reach us, and the heading the cookie sentence must then link to.
  const cases: Array<[string, (p: PolicySource) => void, string]> = [
    [
      'the controller’s contact details',
      (p) => (p.controller.contact = email),
      'Wie verantwoordelijk is voor uw gegevens',
    ],
    ['only a contact section', (p) => (p.contact = email), 'Waar u met vragen terechtkunt'],
    ['only a contact for rights', (p) => (p.rights = { ...p.rights, contact: email }), 'Hoe u uw rechten uitoefent'],
    [
      'only the DPO’s details',
      (p) => (p.dpo = { name: 'F. Gegevens', contact: email }),
      'Functionaris voor gegevensbescherming',
    ],
    [
      'a contact for rights and the DPO’s details: the rights contact first',
      (p) => {
        p.rights = { ...p.rights, contact: email };
        p.dpo = { name: 'F. Gegevens', contact: email };
      },
      'Hoe u uw rechten uitoefent',
    ],
    [
      'only our postal address',
      (p) => (p.controller.address = { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Ergens', country: 'NL' }),
      'Wie verantwoordelijk is voor uw gegevens',
    ],
  ];
  it.each(cases)('%s', (_, give, heading) => {
    const policy = miniPolicy();
    delete (policy.controller as { contact?: unknown }).contact;
    policy.cookies = { used: true, description: { nl: 'Lees ons cookiebeleid.', en: 'Read our cookie policy.' } };
    give(policy);
    const nl = policyOutputs(policy).notice.nl;
    const link =
      /Wilt u weten waar ons cookiebeleid staat\? Vraag het ons: onze contactgegevens staan onder ‘\[([^\]]+)\]\(#([^)]+)\)’\./.exec(
        nl,
      );
    expect(link?.[1]).toBe(heading);
    expect(link?.[2]).toBe(heading.toLowerCase().replaceAll(' ', '-'));
    // The link lands on a heading of that name in the same notice.
    expect(nl).toMatch(new RegExp(`\\n#{2,3} ${heading}\\n`));
  });
});
