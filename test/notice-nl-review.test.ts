import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { messagesFor } from '../src/i18n/messages.js';
import { renderNotice } from '../src/render/render-notice.js';
import { formatLawReference } from '../src/render/retention-phrase.js';
import { laws } from '../src/law/laws.js';
import type { LawReference } from '../src/policy/policy-types.js';
import { analyse, miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/** The Dutch privacy lawyer's review of the notices (2026-12-06): each verified finding, fixed. */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function careProvider(extra: Partial<PolicySource> = {}): PolicySource {
  const policy = miniPolicy();
  policy.controller = { ...policy.controller, isCareProvider: true };
  return { ...policy, ...extra };
}

describe('an authored erasure note at a care provider (review item 1)', () => {
  const note = text('EIGEN-NOTITIE tenzij een wettelijke plicht.', 'OWN-NOTE unless a legal obligation.');

  it('is followed by the pointer to the WGBO patient rights, which it must not hide', () => {
    const { notice } = policyOutputs(careProvider({ rights: { notes: { erasure: note } } }));
    // The general sentence and the destruction right first (patient3 review, F2: the destruction right itself now
    // stands here), then how to ask, then the pointer (Dutch review 3, finding 3: it stood between the right and how
    // to ask), then the note as the organisation's explanation (English review 2).
    expect(notice.nl).toContain(
      'Hoe u uw verzoek indient, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.\n\nUw andere rechten voor uw medisch dossier staan verderop, onder ‘[Uw rechten als patiënt](#uw-rechten-als-patiënt)’.\n\n**Onze toelichting:**\n\nEIGEN-NOTITIE tenzij een wettelijke plicht.',
    );
    expect(notice.en).toContain(
      'How to make your request is explained under ‘[How to exercise your rights](#how-to-exercise-your-rights)’.\n\nYour other rights for your medical file are set out below, under ‘[Your rights as a patient](#your-rights-as-a-patient)’.\n\n**Our explanation:**\n\nOWN-NOTE unless a legal obligation.',
    );
  });

  it('without a note, the general sentence is unchanged', () => {
    const { notice } = policyOutputs(careProvider());
    // With the limit of 17(3) outside the file (Dutch review 3, finding 4).
    expect(notice.nl).toContain(
      '### Gegevens laten wissen (recht op gegevenswissing)\n\nU mag ons vragen uw gegevens te wissen. Voor gegevens buiten uw medisch dossier moeten wij dat doen in de gevallen die de AVG noemt, onder meer als wij ze niet meer nodig hebben, als u uw toestemming intrekt en wij geen andere grondslag hebben, als uw bezwaar slaagt of als wij ze niet mochten gebruiken. Wij mogen weigeren in de gevallen die de AVG toestaat, onder meer als de wet ons verplicht de gegevens te bewaren of als wij ze nodig hebben voor een rechtsvordering, zoals een rechtszaak (artikel 17 AVG).\n\n',
    );
    // The law named before the right it gives, the pointer to the rest after it (English review 2, finding 4).
    expect(notice.nl).toContain(
      'Voor uw medisch dossier geeft de Wet op de geneeskundige behandelingsovereenkomst (WGBO) u een eigen recht:\n\n- **Vernietiging van uw dossier (artikel 7:455 BW):**',
    );
    expect(notice.nl).toContain(
      'Uw andere rechten voor uw medisch dossier staan verderop, onder ‘[Uw rechten als patiënt](#uw-rechten-als-patiënt)’.',
    );
  });

  it('is not followed by it where the organisation is no care provider', () => {
    const policy = miniPolicy();
    policy.rights = { notes: { erasure: note } };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('EIGEN-NOTITIE');
    expect(notice.nl).not.toContain('WGBO');
  });
});

describe("the patient's rights of a child aged 12 to 15 (review item 4)", () => {
  const { notice } = policyOutputs(careProvider());

  it('say only what both readings of BW 7:465 agree on: the child acts, parents may ask, refused where it does not fit good care', () => {
    expect(notice.nl).toContain('Vanaf 12 jaar doet het kind dat zelf.');
    expect(notice.nl).toContain(
      'Is het kind 12 tot 16 jaar? Dan kunnen de ouders met gezag of de voogd ook om inzage of een kopie vragen. Wij geven die niet als dat niet past bij goede zorg voor het kind, bijvoorbeeld als het kind dat niet wil en dat goed kan overzien.',
    );
    expect(notice.nl).not.toContain('alleen in met toestemming van het kind');
    expect(notice.en).toContain('We refuse where that would not be consistent with good care for the child');
    expect(notice.en).not.toContain("only with the child's consent");
  });
});

describe("the patient's file after death, BW 7:458a (review item 3)", () => {
  const { notice } = policyOutputs(careProvider());
  /** The item in the Markdown, its lists joined to its lead (notice8 review, finding 9: a lead and two lists). */
  const deceased = (md: string): string => {
    const lines = md.split('\n');
    const at = lines.findIndex((l) => l.includes('7:458a'));
    const end = lines.findIndex((l, i) => i > at && l !== '' && !l.startsWith('  '));
    return lines.slice(at, end).join(' ').replace(/\s+/g, ' ');
  };

  it('names the three grounds of 7:458a(1) and the parents of 7:458a(2), without the presumed consent the law dropped', () => {
    const nl = deceased(notice.nl);
    expect(nl).toContain('schriftelijk of elektronisch toestemming kreeg toen de patiënt nog leefde');
    expect(nl).toContain(
      'melding kreeg van een incident in de zorg (artikel 10, lid 3, van de Wet kwaliteit, klachten en geschillen zorg, Wkkgz)',
    );
    expect(nl).toContain('voor zover dat nodig is voor dat incident');
    expect(nl).toContain(
      'iemand die goed kan uitleggen dat hij of zij een zwaarwegend (heel belangrijk) belang heeft en de gegevens daarvoor nodig heeft',
    );
    expect(nl).toContain('- de ouders met gezag of de voogd, als de patiënt jonger was dan 16 jaar');
    expect(nl).not.toMatch(/geen bezwaar tegen zou hebben gehad|aannemelijk is dat de patiënt/);
    const en = deceased(notice.en);
    expect(en).toContain('(Article 10(3) of the Healthcare Quality, Complaints and Disputes Act, Wkkgz)');
    expect(en).not.toContain('would not have objected');
  });

  it("states lid 2's exception for good care, and lid 4's refusal and another's privacy for every route (verify2 review, item 8)", () => {
    // It applied the patient's refusal to the third route only ('Dat doen wij niet als de patiënt heeft laten weten
    // dat niet te willen', without the written or electronic record lid 4 asks for), to the parents of a child under
    // 16 as the child's own, and left out lid 2's 'tenzij dit in strijd is met de zorg van een goed hulpverlener' and
    // lid 4's privacy of another. Changed on purpose: the test above pinned the first two. Lid 4 as a question, as the
    // bullet's other routes: 'vanaf 12 jaar … dat niet te willen' read as 'from age 12 on' (Dutch review 4, finding 7).
    const nl = deceased(notice.nl);
    expect(nl).not.toContain('Dat doen wij niet als de patiënt heeft laten weten');
    // The sentences became a lead and two lists (notice8 review, finding 9): the same conditions, item by item.
    expect(nl).toMatch(
      /- iemand die .* de gegevens daarvoor nodig heeft - de ouders met gezag of de voogd, als de patiënt jonger was dan 16 jaar, behalve als dat niet past bij goede zorg Wij geven geen inzage of afschrift: - als de patiënt, toen hij of zij 12 jaar of ouder was, schriftelijk of elektronisch heeft laten vastleggen dat hij of zij dit niet wilde, en dat toen goed kon overzien - voor zover dat de privacy van een ander zou schaden/,
    );
    const en = deceased(notice.en);
    expect(en).toMatch(
      /and need the data for it - the parents with parental authority or the guardian, if the patient was under 16, unless that would not be consistent with good care We refuse inspection and copies: - if the patient had it recorded in writing or electronically that they did not want this, provided they were 12 or older and able to understand what that meant - to the extent that it would harm the privacy of someone else/,
    );
  });

  it('reads the same in a notice written with "je": it speaks of the patient, not of the reader', () => {
    const policy = careProvider();
    policy.metadata = { ...policy.metadata, formality: 'informal' };
    expect(deceased(policyOutputs(policy).notice.nl)).toBe(deceased(notice.nl));
  });
});

describe('how to exercise the rights, when the statement names no contact (review item 5)', () => {
  /** The rights policy without any contact: Bernhoven, BIB, Zorgburo. */
  function noContact(): PolicySource {
    const policy = miniPolicy();
    policy.controller = { name: 'Mini B.V.' };
    return policy;
  }
  const noticeOf = (policy: PolicySource, lang: 'nl' | 'en' = 'nl') => {
    const { model } = analyse(policy);
    return renderNotice(model!, messagesFor(lang, model!.source.metadata.formality));
  };

  const ask =
    'Wilt u een van deze rechten gebruiken? Neem dan contact op met Mini B.V. Wij moeten u helpen uw rechten uit te oefenen (artikel 12, lid 2, AVG).';

  it("gives the controller's address as its address, not as 'send your request by post' (Dijklander)", () => {
    const policy = noContact();
    policy.controller.address = { street: 'Maelsonstraat 3', postalCode: '1624 NP', city: 'Hoorn', country: 'NL' };
    const nl = noticeOf(policy);
    const address = 'Ons adres is Maelsonstraat 3, 1624 NP Hoorn, Nederland.';
    expect(nl.markdown).toContain(`### Hoe u uw rechten uitoefent\n\n${ask}\n\n${address}\n`);
    expect(nl.html).toContain(address);
    expect(nl.fragment).toContain(address);
    const en = noticeOf(policy, 'en').markdown;
    expect(en).toContain(
      'Ask Mini B.V. We must help you exercise your rights (Article 12(2) GDPR).\n\nOur address is Maelsonstraat 3, 1624 NP Hoorn, the Netherlands.\n',
    );
    for (const text of [nl.markdown, en])
      expect(text).not.toMatch(
        /per post|by post|In deze verklaring staat geen adres, e-mailadres of telefoonnummer|gives no address/,
      );
  });

  it('where the statement gives no contact and no address: ask us, we must help (12), and no address is named', () => {
    const nl = noticeOf(noContact());
    // With that a request needs no form (English review 1, finding 15): changed on purpose, the sentence was alone.
    const none =
      'In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor uw verzoek. U kunt uw verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig.';
    expect(nl.markdown).toContain(`### Hoe u uw rechten uitoefent\n\n${ask}\n\n${none}\n`);
    expect(nl.html).toContain(ask);
    expect(nl.fragment).toContain(none);
    expect(nl.markdown).not.toContain('vermeldt niet hoe');
    const informal = noContact();
    informal.metadata.formality = 'informal';
    expect(noticeOf(informal).markdown).toContain(
      '### Hoe je je rechten uitoefent\n\nWil je een van deze rechten gebruiken? Neem dan contact op met Mini B.V. Wij moeten je helpen je rechten uit te oefenen (artikel 12, lid 2, AVG).\n\nIn deze verklaring staat geen adres, e-mailadres of telefoonnummer voor je verzoek. Je kunt je verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig.\n',
    );
    expect(noticeOf(noContact(), 'en').markdown).toContain(
      '### How to exercise your rights\n\nDo you want to use one of these rights? Ask Mini B.V. We must help you exercise your rights (Article 12(2) GDPR).\n\nThis notice gives no address, e-mail address or telephone number for requests. You can still make a request in any way you like, for example in person, by letter or by e-mail, and you do not need a special form.\n',
    );
  });

  it('points to the DPO where the notice gives the DPO contact details, and then does not say none are named', () => {
    const policy = noContact();
    policy.dpo = { contact: { email: 'fg@mini.example' } };
    const nl = noticeOf(policy).markdown;
    expect(nl).toContain(
      'Neem dan contact op met Mini B.V. Wij moeten u helpen uw rechten uit te oefenen (artikel 12, lid 2, AVG).\n\nU kunt ook contact opnemen met onze functionaris voor gegevensbescherming (artikel 38, lid 4, AVG). De contactgegevens staan onder [Functionaris voor gegevensbescherming](#functionaris-voor-gegevensbescherming).\n',
    );
    expect(nl).toContain('### Functionaris voor gegevensbescherming');
    expect(noticeOf(policy).fragment).toContain(
      'De contactgegevens staan onder <a href="#policyc-dpo">Functionaris voor gegevensbescherming</a>.',
    );
    expect(noticeOf(policy).fragment).toContain('id="policyc-dpo"');
    expect(nl).not.toContain('staat geen adres');
    expect(noticeOf(policy, 'en').markdown).toContain(
      'You can also contact our data protection officer (Article 38(4) GDPR). Their contact details are under [Data protection officer](#data-protection-officer).\n',
    );
    // A DPO without contact details is no place to turn to.
    policy.dpo = { name: 'J. Jansen' };
    expect(noticeOf(policy).markdown).toContain(
      'In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor uw verzoek',
    );
  });

  it('keeps the contact where there is one, and says nothing is missing', () => {
    const nl = noticeOf(miniPolicy()).markdown;
    expect(nl).toContain('U kunt uw verzoek indienen via:\n\n- **E-mail:** <privacy@mini.example>');
    expect(nl).not.toContain('vermeldt niet hoe');
    expect(nl).not.toContain('per post');
  });
});

describe('citations as Dutch writes them (review items 6a and 6b)', () => {
  const nl = messagesFor('nl');
  const en = messagesFor('en');

  it('an article with a paragraph: "artikel 30, lid 2, AVG", as the bases are cited; English keeps 30(2)', () => {
    expect(formatLawReference({ law: 'gdpr', article: 'art. 30(2)' }, nl)).toBe(
      'Algemene verordening gegevensbescherming (artikel 30, lid 2, AVG)',
    );
    expect(formatLawReference({ law: 'wgbo', article: '7:454(3)' }, nl)).toContain('(artikel 7:454, lid 3, BW)');
    expect(formatLawReference({ law: 'gdpr', article: '6(1)(c)' }, nl)).toContain('(artikel 6, lid 1, onder c, AVG)');
    expect(formatLawReference({ law: 'gdpr', article: 'art. 30(2)' }, en)).toContain('(Article 30(2) GDPR)');
    expect(formatLawReference({ law: 'awr', article: 'art. 52 lid 4' }, en)).toContain('(Article 52(4) AWR)');
    // What is no article with a paragraph stays as the author wrote it.
    expect(formatLawReference({ law: 'jeugdwet', article: '7.3.11' }, nl)).toBe('Jeugdwet (artikel 7.3.11 Jeugdwet)');
  });

  it('a basis that covers part of the data: no capital after the colon, as in the plain-language line', () => {
    const policy = miniPolicy();
    policy.purposes[0] = {
      ...policy.purposes[0]!,
      legalBasis: undefined,
      // Two bases: the scope of a single one is said on its plain-language line only (Dutch review 2, finding 14).
      legalBases: [
        { basis: '6(1)(b)', appliesTo: text('Voor het account', 'For the account') },
        { basis: '6(1)(a)', appliesTo: text('Voor het adresboek', 'For the address book') },
      ],
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '- **Waarom dat mag:**\n  - Voor het account: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG)',
    );
    expect(notice.en).toContain('- **Why we may do this:**\n  - For the account: because it is needed for a contract');
  });
});

describe('plain Dutch (review items 6c–6g, 6j)', () => {
  function withPurpose(extra: Partial<PolicySource['purposes'][number]>): PolicySource {
    const policy = miniPolicy();
    policy.purposes[0] = { ...policy.purposes[0]!, ...extra };
    return policy;
  }

  it('6c: data kept for a legal dispute, not "ter bescherming tegen rechtsvorderingen"', () => {
    const policy = withPurpose({ retention: ['keep'] });
    policy.retention = [
      {
        id: 'keep',
        name: text('Accountgegevens', 'Account data'),
        condition: 'contract-duration',
        legalClaimsHold: { period: 'P5Y', from: 'end-of-contract' },
      },
    ];
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'Voor het geval er een juridisch geschil ontstaat, kunnen wij een deel van de gegevens bewaren tot 5 jaar na het einde van de overeenkomst',
    );
    expect(notice.nl).toContain('of wij ze nodig hebben voor een (mogelijke) rechtszaak. Per soort gegevens:');
    expect(notice.nl).not.toMatch(/ter bescherming tegen/i);
    expect(notice.en).toContain('If a legal dispute arises, we may keep some of the data for up to 5 years');
  });

  it('6d: legitimate interests in plain words', () => {
    const { notice } = policyOutputs(
      withPurpose({ legalBasis: '6(1)(f)', legitimateInterest: text('belang', 'interest') }),
    );
    expect(notice.nl).toContain('**Waarom dat mag:** Omdat wij daar een gerechtvaardigd belang bij hebben');
    expect(notice.en).toContain('**Why we may do this:** Because we have a legitimate interest in it');
  });

  it('6e: "Kunt u weigeren?" under a contract says the statement does not say what refusing means, when the person gives the data', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).toContain(
      '**Kunt u weigeren?** Deze verklaring zegt niet of u deze gegevens moet geven, en ook niet wat er gebeurt als u dat niet doet.',
    );
    expect(notice.en).toContain(
      'This notice does not say whether you must provide this data, or what happens if you do not.',
    );
    // Data from elsewhere (14(2)(f)) cannot be withheld: the notice does not claim that they can.
    const sourced = miniPolicy();
    sourced.dataCategories[1]!.source = { description: text('uw huisarts', 'your GP') };
    expect(policyOutputs(sourced).notice.nl).toContain(
      '**Kunt u weigeren?** Wij hebben deze gegevens nodig voor de overeenkomst met u.',
    );
  });

  it("6f and 6g: the art. 9 label says what it answers; the AVG's own terms for beliefs and orientation", () => {
    const policy = withPurpose({ specialCategoryCondition: { condition: '9(2)(h)' } });
    policy.dataCategories[0]!.special = 'health';
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      '**Waarom wij deze bijzondere persoonsgegevens mogen gebruiken (artikel 9 AVG):** Gezondheidszorg',
    );
    expect(notice.nl).not.toContain('Uitzondering voor bijzondere persoonsgegevens');
    const none = miniPolicy();
    none.collectsSpecialCategories = false;
    const said = policyOutputs(none).notice;
    expect(said.nl).toContain(
      'zoals gegevens over gezondheid, ras of etnische afkomst, religieuze of levensbeschouwelijke overtuigingen of seksuele gerichtheid.',
    );
    expect(said.en).toContain('religious or philosophical beliefs or sexual orientation');
  });

  it('6j: the controller heading is indirect, as the others are', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).toContain('## Wie verantwoordelijk is voor uw gegevens\n');
    expect(notice.nl).not.toContain('Wie is verantwoordelijk');
  });
});

describe('a law cited without stacked brackets (review item 6h)', () => {
  it.each(['nl', 'en'] as const)('no law reads "… (Zuid-Afrika) (POPIA)" or "(…) (artikel …)" (%s)', (lang) => {
    const m = messagesFor(lang);
    for (const law of Object.keys(laws) as Array<LawReference['law'] & string>) {
      for (const ref of [{ law }, { law, article: '5' }]) expect(formatLawReference(ref, m)).not.toMatch(/\) \(/);
    }
    expect(formatLawReference({ law: 'popia' }, messagesFor('nl'))).toBe(
      'Zuid-Afrikaanse Protection of Personal Information Act, 2013 (POPIA)',
    );
  });
});

describe('the summary counts each receiver once (review item 6i)', () => {
  it('two processor rows of one party (Doctolib: Salesforce twice) are one name in the list and the count', () => {
    const policy = miniPolicy();
    const processor = (id: string, name: string) => ({ id, name, service: text('Dienst', 'Service') });
    policy.processors = ['A', 'Salesforce', 'B', 'C', 'D', 'Salesforce'].map((name, i) => processor(`p${i}`, name));
    const { notice } = policyOutputs(policy);
    const line = notice.nl
      .split('\n')
      .find((l) => l.startsWith('Dienstverleners die voor ons werken, krijgen uw gegevens'))!;
    expect(line).toContain('[A, Salesforce, B, C en D](');
    expect(line.split('Salesforce')).toHaveLength(2);
  });
});

describe('generated text the notice-language review found twice, incomplete or out of order', () => {
  const withStorage = (statement: string, en: string): PolicySource => {
    const policy = miniPolicy();
    policy.transfers = { storageLocations: ['EU'], statement: text(statement, en) };
    return policy;
  };

  it("leaves out where the data is stored when the statement's words name the place (iPractice, IES), not otherwise", () => {
    const said = policyOutputs(
      withStorage(
        'We slaan uw gegevens op servers binnen de Europese Unie op.',
        'We store it within the European Union.',
      ),
    );
    expect(said.notice.nl).not.toContain('Wij slaan uw gegevens op in de Europese Unie.');
    expect(said.notice.en).not.toContain('We store your data in the European Union.');
    expect(said.register.nl).toContain('de Europese Unie'); // the field still reaches the register
    const unsaid = policyOutputs(withStorage('Wij geven niets door.', 'We transfer nothing.'));
    expect(unsaid.notice.nl).toContain('Wij slaan uw gegevens op in de Europese Unie.\n\nWij geven niets door.');
  });

  it("leaves out the notice period when the statement's words give it, 'vijftien (15) dagen' too (Doctolib)", () => {
    const policy = miniPolicy();
    policy.changes = {
      noticePeriod: 'P15D',
      statement: text(
        'Wij melden het ten minste vijftien (15) dagen vooraf.',
        'We tell you at least fifteen (15) days ahead.',
      ),
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).not.toContain('Wij informeren u ten minste 15 dagen');
    expect(notice.en).not.toContain('We inform you at least 15 days');
    policy.changes.statement = text('Wij kunnen deze verklaring wijzigen.', 'We may change this notice.');
    expect(policyOutputs(policy).notice.nl).toContain('Wij informeren u ten minste 15 dagen voordat');
    delete policy.changes.statement;
    expect(policyOutputs(policy).notice.nl).toContain('Wij informeren u ten minste 15 dagen voordat');
  });

  it('gives the cases of art. 18(1) for restriction, the one pending an objection only where 21(1) applies', () => {
    const grounds = (notice: string): string[] =>
      notice.split('### Het gebruik van gegevens laten beperken')[1]!.split('###')[0]!.match(/^- .*/gm) ?? [];
    expect(grounds(policyOutputs(miniPolicy()).notice.nl)).toEqual([
      '- zolang wij controleren of uw gegevens kloppen, als u zegt dat ze niet kloppen',
      '- als wij uw gegevens gebruiken terwijl dat niet mag, en u niet wilt dat wij ze wissen, maar wel dat wij het gebruik beperken',
      '- als wij uw gegevens niet meer nodig hebben, maar u ze nodig hebt voor een rechtsvordering, zoals een rechtszaak',
    ]);
    const interest = miniPolicy();
    interest.purposes[0] = { ...interest.purposes[0]!, legalBasis: '6(1)(f)', legitimateInterest: text('belang') };
    const { notice } = policyOutputs(interest);
    expect(grounds(notice.nl)).toHaveLength(4);
    expect(grounds(notice.nl)[3]).toBe(
      '- zolang wij beoordelen of uw bezwaar tegen het gebruik van uw gegevens slaagt',
    );
    expect(notice.en).toContain(
      'You may ask us to restrict the use of your data. You can do so in these cases:\n\n- while we check whether',
    );
    expect(notice.nl).toContain(
      'U mag ons vragen het gebruik van uw gegevens te beperken. Dat kan in deze gevallen:\n\n- zolang',
    );
    expect(notice.en).toContain(
      '- if we no longer need your data, but you need it to bring, pursue or defend a legal claim\n',
    );
    expect(notice.nl).not.toContain('bijvoorbeeld zolang wij controleren');
  });

  it("gives the response time right after the statement's words, before where to send (Dental Clinics' 'de termijn hieronder')", () => {
    const policy = miniPolicy();
    policy.controller.contact = { email: 'privacy@example.nl' };
    policy.rights = {
      howToExercise: text('EIGEN binnen de termijn hieronder.', 'OWN within the term below.'),
      responseTime: 'P1M',
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'EIGEN binnen de termijn hieronder.\n\nWij reageren binnen een maand op uw verzoek.\n\nU kunt uw verzoek indienen via:',
    );
  });

  it("leaves a party's unknown establishment or storage blank ('—', not 'niet vermeld'); a transfer safeguard links to the statement's own", () => {
    const policy = miniPolicy();
    const service = text('Dienst', 'Service');
    policy.processors = [
      { id: 'unknown', name: 'Onbekend', service },
      { id: 'abroad', name: 'Overzee', service, country: 'US' },
    ];
    policy.recipients = [{ id: 'insurer', name: text('Verzekeraar', 'Insurer'), type: 'insurer' }];
    const row = (notice: string, name: string): string =>
      notice.split('\n').find((l) => l.startsWith(`| **${name}**`))!;
    const without = policyOutputs(policy).notice.nl;
    expect(row(without, 'Onbekend')).toBe('| **Onbekend** | Dienst | — | — | — |');
    expect(row(without, 'Verzekeraar')).toBe('| **Verzekeraar** | Zorgverzekeraar | — | — |');
    expect(row(without, 'Overzee')).toBe(
      '| **Overzee** | Dienst | Verenigde Staten | — | Niet vermeld in deze verklaring |',
    );
    policy.transfers = { mechanisms: [{ mechanism: 'scc' }] };
    expect(row(policyOutputs(policy).notice.nl, 'Overzee')).toBe(
      '| **Overzee** | Dienst | Verenigde Staten | — | [Zie ‘doorgifte buiten de EER’ hieronder](#wanneer-uw-gegevens-naar-landen-buiten-de-eer-gaan-doorgifte) |',
    );
  });
});

/**
 * The accessibility review of 2026-12-07 (findings 5 and 6): abbreviations written out where first used (WCAG
 * 3.1.4, AVG art. 12), and generated Dutch brought to B1 without losing the law.
 */
describe('abbreviations written out, legal Dutch in plain words (accessibility review 2026-12-07)', () => {
  const nl = policyOutputs(careProvider()).notice.nl;

  it('writes out the AVG in the controller statement, unless the introduction above it has', () => {
    expect(nl).toContain(
      'In de privacywet (de Algemene verordening gegevensbescherming, AVG) heet dat de verwerkingsverantwoordelijke.',
    );
    const introduced = careProvider({
      introduction: text('Wij volgen de Algemene verordening gegevensbescherming (AVG).', 'We follow the GDPR.'),
    });
    const own = policyOutputs(introduced).notice.nl;
    expect(own).toContain('(in de AVG: de verwerkingsverantwoordelijke)');
    expect(own).not.toContain('In de privacywet');
  });

  it('names the Burgerlijk Wetboek beside the WGBO, and a copy of the file as a kopie (afschrift)', () => {
    expect(nl).toContain('(WGBO), een deel van het Burgerlijk Wetboek (BW)');
    expect(nl).toContain('uw dossier inzien en er een kopie (afschrift) van krijgen');
  });

  it('says when destruction may be refused in plain words', () => {
    expect(nl).toContain('als het bewaren heel belangrijk is voor iemand anders dan u');
    expect(nl).not.toContain('van aanmerkelijk belang is voor een ander dan u');
  });
});

/** In-page pointers are links (the accessibility review of 2026-12-07, finding 7). */
describe('a sentence that points to another section links to it', () => {
  it('the complaint right to the complaints section, the erasure right to the patient rights (Markdown and HTML)', () => {
    const policy = careProvider();
    const nl = policyOutputs(policy).notice.nl;
    expect(nl).toContain('staat onder ‘[Waar u een klacht kunt indienen](#waar-u-een-klacht-kunt-indienen)’.');
    expect(nl).toContain('staan verderop, onder ‘[Uw rechten als patiënt](#uw-rechten-als-patiënt)’.');
    const { model } = analyse(policy);
    const html = renderNotice(model!, messagesFor('nl', model!.source.metadata.formality)).fragment;
    expect(html).toContain('onder ‘<a href="#policyc-complaints">Waar u een klacht kunt indienen</a>’');
    expect(html).toContain('onder ‘<a href="#policyc-patient-rights">Uw rechten als patiënt</a>’');
    expect(html).toContain('id="policyc-patient-rights"');
  });
});
