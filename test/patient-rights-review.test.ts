import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * The patient's rights the law review found missing (item 10): the care
 * provider's confidentiality (BW 7:457), for every care provider, and the
 * right to object to research on the file without consent (BW 7:458), where
 * a purpose relies on that article.
 */
const careProvider = (): PolicySource => {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  return policy;
};

const withResearch = (article: string): PolicySource => {
  const policy = careProvider();
  policy.purposes.push({
    id: 'research',
    name: { nl: 'Wetenschappelijk onderzoek', en: 'Scientific research' },
    legalBasis: '6(1)(e)',
    publicTask: { law: 'wgbo', article },
    dataSubjects: ['users'],
    dataCategories: ['phone'],
  });
  return policy;
};

describe("the patient's rights of BW 7:457 and 7:458", () => {
  it('every care provider states confidentiality (7:457), in Dutch and English', () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain('Geheimhouding (artikel 7:457 BW)');
    expect(notice.nl).toContain(
      'Anderen dan u krijgen alleen informatie over u, inzage in uw dossier of een kopie ervan',
    );
    expect(notice.en).toContain('Confidentiality (Article 7:457 BW)');
    expect(notice.en).toContain('people directly involved in your treatment or standing in for your care provider');
  });

  it('limits the exception of 7:457(2) to what those people need for their work, in a grammatical sentence (Dutch review 2, 8)', () => {
    // It said "Wie … betrokken is, en wie hen vervangt, geldt daarbij niet als ander": "hen" had no plural to refer
    // to, and lid 2 holds only "voor zover de verstrekking noodzakelijk is voor de door hen in dat kader te
    // verrichten werkzaamheden".
    // Then 'geldt daarbij niet als ander', a legal category a B1 reader does not know (Dutch review 3, finding 5).
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'Voor deze mensen is uw toestemming niet nodig: wie rechtstreeks bij uw behandeling betrokken is of uw zorgverlener vervangt, voor zover die de gegevens voor dat werk nodig heeft;',
    );
    expect(notice.nl).not.toContain('wie hen vervangt');
    expect(notice.nl).not.toContain('niet als ander');
    // 'Your consent is not needed for: those …' did not parse as English (English review 2, finding 6).
    expect(notice.en).toContain(
      'We do not need your consent to share it with people directly involved in your treatment or standing in for your care provider, to the extent that they need the data for that work, or',
    );
  });

  it("states 7:457(1)'s last sentence: disclosure without consent where a law requires it (patient3 review, F1)", () => {
    // It said "alleen met uw toestemming" alone, beside recipients (insurers, authorities) that get data because a law
    // requires it. No example of such a law is named: which disclosures a law requires is not in the law data.
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'Anderen dan u krijgen alleen informatie over u, inzage in uw dossier of een kopie ervan als u daarvoor toestemming geeft, of als een wettelijke regel ons verplicht die te geven.',
    );
    expect(notice.nl).not.toContain('alleen met uw toestemming inlichtingen');
    expect(notice.en).toContain('only with your consent, or where the law requires us to give it.');
    const informal = careProvider();
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'als je daarvoor toestemming geeft, of als een wettelijke regel ons verplicht die te geven.',
    );
  });

  it('states 7:457(3): whoever must consent to the treatment (parents, a representative) is not an other either', () => {
    // Not 'uw vertegenwoordiger', which assumed the reader has one (Dutch review 3, finding 5).
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'en wie volgens de wet moet instemmen met uw behandeling, zoals de ouders van een kind of een wettelijk vertegenwoordiger.',
    );
    expect(notice.nl).not.toContain('uw vertegenwoordiger');
    expect(notice.en).toContain(
      "or with anyone whose consent the law requires for your treatment, such as a child's parents or a legal representative.",
    );
  });

  it('the right to object to research (7:458) only where a purpose cites 7:458', () => {
    expect(policyOutputs(careProvider()).notice.en).not.toContain('7:458 BW)');
    const { notice } = policyOutputs(withResearch('7:458'));
    expect(notice.en).toContain('Objecting to scientific research (Article 7:458 BW)');
    expect(notice.nl).toContain('U kunt tegen dat gebruik bezwaar maken.');
    // 7:458a (after death) is another article.
    expect(policyOutputs(withResearch('7:458a')).notice.en).not.toContain('Objecting to scientific research');
  });

  it('a controller that is no care provider states neither', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.en).not.toContain('7:457');
  });
});

/**
 * Wabvpz art. 15d and 15e (law review open item 3): electronic inspection and a free electronic copy, and who
 * viewed the data through the exchange system, when, and who made it available. Only where the policy names an
 * exchange system, as wabvpz/exchange-consent-missing finds it (law/dutch-care-law.ts namesExchangeSystem).
 */
describe('the Wabvpz right to electronic access, where data is exchanged between care providers', () => {
  const withExchange = (): PolicySource => {
    const policy = careProvider();
    policy.recipients = [
      {
        id: 'lsp',
        name: { nl: 'Landelijk Schakelpunt (LSP)', en: 'National switch point (LSP)' },
        type: 'care-provider',
      },
    ];
    policy.purposes[0]!.recipients = ['lsp'];
    return policy;
  };

  it('is stated, with its articles, and the intro names the Wabvpz beside the WGBO', () => {
    const { notice } = policyOutputs(withExchange());
    expect(notice.nl).toContain(
      'Elektronische inzage, afschrift en wie uw gegevens bekeek (artikelen 15d en 15e Wabvpz)',
    );
    expect(notice.nl).toContain('er gratis een elektronisch afschrift van krijgen');
    expect(notice.nl).toContain(
      'wie uw gegevens via dat systeem heeft bekeken, wanneer, en wie ze beschikbaar heeft gesteld',
    );
    expect(notice.nl).toContain(
      'Voor uw medisch dossier gelden ook de rechten uit de Wet op de geneeskundige behandelingsovereenkomst (WGBO), een deel van het Burgerlijk Wetboek (BW). Wisselen wij uw gegevens uit met andere zorgaanbieders? Dan gelden ook de rechten uit de Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg (Wabvpz):',
    );
    expect(notice.en).toContain('Electronic access, copy and who viewed your data (Articles 15d and 15e Wabvpz)');
    expect(notice.en).toContain(
      'also apply. If we exchange your data with other care providers, the rights under the Additional Provisions for the Processing of Personal Data in Healthcare Act (Wabvpz) apply as well:',
    );
    expect(notice.en).toContain('receive an electronic copy of it, free of charge');
  });

  it('is not stated, nor the Wabvpz named in the intro, by a care provider that names no exchange system', () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.en).not.toContain('Wabvpz');
    expect(notice.nl).not.toContain('Wabvpz');
    expect(notice.nl).toContain(
      'gelden ook de rechten uit de Wet op de geneeskundige behandelingsovereenkomst (WGBO), een deel van het Burgerlijk Wetboek (BW):',
    );
  });

  it("names the file in the organisation's own word when it says cliënt (metadata.careRecipient)", () => {
    const policy = withExchange();
    policy.metadata.careRecipient = 'client';
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('Voor uw dossier gelden ook de rechten uit de Wet op de geneeskundige');
    expect(notice.nl).toContain('persoonsgegevens in de zorg (Wabvpz):');
    expect(notice.nl).not.toContain('Voor uw medisch dossier');
    expect(notice.en).toContain('For your file, the rights under the Dutch Medical Treatment Contracts Act');
    expect(notice.en).not.toContain('For your medical file');
  });
});

/**
 * A parent who wants the child's file destroyed (patient3 review, F2 and F3): the erasure right of a care
 * provider states the WGBO's destruction right (BW 7:455) itself, who asks for a child, and how to ask, all
 * before the organisation's own note; the destruction right stood 4 to 8 phone screens further down, below a
 * note that read as its opposite ('als er geen andere reden is … zoals een wettelijke plicht').
 */
describe('the erasure right of a care provider', () => {
  const note = { nl: 'EIGEN-NOTITIE: zoals een wettelijke plicht.', en: 'OWN-NOTE: such as a legal obligation.' };
  const erasureSection = (md: string): string => md.slice(md.indexOf('### Gegevens laten wissen'));
  const withNote = (): PolicySource => {
    const policy = careProvider();
    policy.rights = { notes: { erasure: note } };
    return policy;
  };

  it('states the destruction right of 7:455 before the note', () => {
    const section = erasureSection(policyOutputs(withNote()).notice.nl);
    const destruction = section.indexOf(
      '**Vernietiging van uw dossier (artikel 7:455 BW):** U kunt ons vragen uw medisch dossier of een deel ervan te vernietigen (te wissen).',
    );
    expect(destruction).toBeGreaterThan(0);
    expect(section.indexOf('De wettelijke bewaartermijn is geen reden om te weigeren.')).toBeGreaterThan(destruction);
    expect(section.indexOf('EIGEN-NOTITIE')).toBeGreaterThan(destruction);
    expect(section.indexOf('EIGEN-NOTITIE')).toBeLessThan(section.indexOf('### Het gebruik van gegevens'));
  });

  it('says who asks for a child, with the age of BW 7:465(1) and the exception of 7:465(2)', () => {
    const { notice } = policyOutputs(withNote());
    const section = erasureSection(notice.nl);
    expect(section.indexOf('Gaat het om het dossier van uw kind?')).toBeLessThan(section.indexOf('EIGEN-NOTITIE'));
    // Each 'het' said what it meant: 'vraagt u het' left the request unsaid (Dutch review 3, finding 2).
    expect(notice.nl).toContain(
      'Is uw kind jonger dan 12 jaar? Dan dient u het verzoek in, als ouder met gezag of als voogd. Vanaf 12 jaar doet uw kind dat zelf. Kan uw kind nog niet goed overzien wat dit voor hem of haar betekent? Dan dient u het verzoek in.',
    );
    expect(notice.en).toContain("For your child's file: if your child is under 12, you make the request, as a parent");
  });

  it('links how to ask, as the right of access does, straight after the right: the pointer to the other WGBO rights last', () => {
    // The pointer stood between the right and how to ask for it (Dutch review 3, finding 3).
    const { notice } = policyOutputs(careProvider());
    const section = erasureSection(notice.nl);
    const howTo = section.indexOf(
      'Hoe u uw verzoek indient, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.',
    );
    expect(howTo).toBeGreaterThan(section.indexOf('Gaat het om het dossier van uw kind?'));
    expect(howTo).toBeLessThan(section.indexOf('Uw andere rechten voor uw medisch dossier staan verderop'));
    expect(section.indexOf('Uw andere rechten voor uw medisch dossier staan verderop')).toBeGreaterThan(0);
    // The law that gives the right is named before it (English review 2, finding 4).
    expect(
      section.indexOf('Voor uw medisch dossier geeft de Wet op de geneeskundige behandelingsovereenkomst'),
    ).toBeLessThan(section.indexOf('- **Vernietiging van uw dossier'));
    expect(section.indexOf('Voor uw medisch dossier geeft de Wet')).toBeGreaterThan(0);
  });

  it('is stated once: the list of patient rights points up to it', () => {
    const { notice } = policyOutputs(careProvider());
    expect(
      notice.nl.split('U kunt ons vragen uw medisch dossier of een deel ervan te vernietigen (te wissen).').length,
    ).toBe(2);
    expect(notice.nl).toContain(
      '**Vernietiging van uw dossier (artikel 7:455 BW):** Dit staat hierboven, onder ‘[Gegevens laten wissen (recht op gegevenswissing)](#gegevens-laten-wissen-recht-op-gegevenswissing)’.',
    );
  });

  it("in the organisation's own word for the file, and informally", () => {
    const client = careProvider();
    client.metadata.careRecipient = 'client';
    expect(erasureSection(policyOutputs(client).notice.nl)).toContain('U kunt ons vragen uw dossier of een deel ervan');
    const informal = careProvider();
    informal.metadata.formality = 'informal';
    const nl = policyOutputs(informal).notice.nl;
    expect(nl).toContain('Gaat het om het dossier van je kind?');
    expect(nl).toContain('Hoe je je verzoek indient, lees je onder');
  });

  it('of a controller that is no care provider: how to ask, and no WGBO', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.nl).toContain(
      'Hoe u ons vraagt uw gegevens te wissen, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.',
    );
    expect(notice.en).toContain('How to ask us to delete your data is explained under');
    expect(notice.nl).not.toContain('7:455');
    expect(notice.nl).not.toContain('dossier van uw kind');
  });
});

describe('the Children bullet (BW 7:465(2))', () => {
  it('says that the parents or guardian act for a child of 12 or older who cannot judge its interests', () => {
    const { notice } = policyOutputs(careProvider());
    // Straight after the rule from 12 it qualifies: after 'Vanaf 16 jaar …' the bullet went 12, 16, back to 12, and
    // 'hierbij' had nothing to refer to (Dutch review 3, finding 6).
    expect(notice.nl).toContain(
      'Vanaf 12 jaar doet het kind dat zelf. Kan het kind nog niet goed overzien wat dit voor hem of haar betekent? Dan doen de ouders met gezag of de voogd het. Is het kind 12 tot 16 jaar?',
    );
    expect(notice.en).toContain(
      'From 12, the child does so themselves. If the child cannot yet properly understand what this means for them, the parents with parental authority or the guardian do so. If the child is 12 to 15,',
    );
  });
});

/**
 * The legal source check (verify2 review): BW 7:455(1) in force since 2020 reads "De hulpverlener vernietigt de
 * gegevens uit het dossier na een daartoe strekkend schriftelijk of elektronisch verzoek van de patiënt" (item 1);
 * 7:465(4) lets the care provider decline to act for the parents where that does not fit good care (item 4).
 */
describe('the written or electronic request for destruction (BW 7:455(1)) and the parents under 7:465(4)', () => {
  const withoutContact = (make: () => PolicySource = careProvider): PolicySource => {
    const policy = make();
    // As Bernhoven, BIB and Zorgburo: no contact details, no address (notice-nl-review.test.ts).
    policy.controller = { name: 'Mini B.V.', isCareProvider: policy.controller.isCareProvider };
    return policy;
  };
  const howTo = (md: string, heading: string): string => md.split(heading)[1]!.split('\n[')[0]!;

  it('the destruction right says the request is written or electronic (nl formal, informal, cliënt; en)', () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'U kunt ons vragen uw medisch dossier of een deel ervan te vernietigen (te wissen). Dat doet u schriftelijk of elektronisch, bijvoorbeeld met een brief of e-mail. Wij mogen alleen weigeren',
    );
    expect(notice.en).toContain(
      'You may ask us to destroy (delete) your medical file or part of it. Make that request in writing, for example by letter or e-mail.',
    );
    const informal = careProvider();
    informal.metadata.formality = 'informal';
    informal.metadata.careRecipient = 'client';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Je kunt ons vragen je dossier of een deel ervan te vernietigen (te wissen). Dat doe je schriftelijk of elektronisch, bijvoorbeeld met een brief of e-mail.',
    );
  });

  it("where the notice names nowhere to send a request, 'in any way, for example in person' names destruction as the exception", () => {
    // It said 'U kunt uw verzoek op elke manier doen, bijvoorbeeld persoonlijk' beside the destruction right: a patient
    // who asked at the desk was not owed the destruction (Bernhoven, BIB, Cosmetic Clinic, Zorgburo). 'Any way' and
    // 'no special form' together, then the exception as a question (Dutch review 4, finding 5).
    const { notice } = policyOutputs(withoutContact());
    expect(howTo(notice.nl, '### Hoe u uw rechten uitoefent')).toContain(
      'U kunt uw verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig. Wilt u uw dossier laten vernietigen? Vraag dat dan schriftelijk of elektronisch, bijvoorbeeld met een brief of e-mail (artikel 7:455, lid 1, BW).\n',
    );
    expect(howTo(notice.en, '### How to exercise your rights')).toContain(
      'You can still make a request in any way you like, for example in person, by letter or by e-mail, and you do not need a special form. Only a request to destroy your file must be in writing, for example a letter or an e-mail (Article 7:455(1) BW).\n',
    );
    const informal = withoutContact();
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Je kunt je verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig. Wil je je dossier laten vernietigen? Vraag dat dan schriftelijk of elektronisch,',
    );
  });

  it('a controller that is no care provider keeps the sentence without the exception: it lists no destruction right', () => {
    const { notice } = policyOutputs(withoutContact(miniPolicy));
    expect(notice.nl).toContain(
      'U kunt uw verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig.',
    );
    expect(notice.nl).not.toContain('7:455');
  });

  it("the parent's request for a child: refused where destroying the file does not fit good care for the child (7:465(4))", () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain(
      'Kan uw kind nog niet goed overzien wat dit voor hem of haar betekent? Dan dient u het verzoek in. Wij weigeren uw verzoek ook als vernietigen niet past bij goede zorg voor uw kind.',
    );
    expect(notice.en).toContain(
      'you make the request. We will also refuse your request if destroying the file would not be consistent with good care for your child.',
    );
    const informal = careProvider();
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Wij weigeren je verzoek ook als vernietigen niet past bij goede zorg voor je kind.',
    );
  });
});

describe('an own note that refuses destruction of the file for good care (patient10 F10)', () => {
  const goodCare = {
    nl: "In uitzonderlijke situaties kunnen we je dossier niet vernietigen, bijvoorbeeld wanneer 'goed hulpverlenerschap' zich daartegen verzet.",
    en: "In exceptional situations we cannot delete your file, for example when 'good care' prevents it.",
  };
  const withNote = (erasure: { nl: string; en: string }, care = true): PolicySource => {
    const policy = care ? careProvider() : miniPolicy();
    policy.rights = { ...policy.rights, notes: { erasure } };
    return policy;
  };
  const pointerNl = 'Let op: vraagt u zelf om vernietiging van uw dossier, dan is goede zorg volgens de wet geen reden';

  it('is followed by the law’s answer and where its rule is (above, or a link from another right), in both languages and forms of address; no other note is', () => {
    const { notice } = policyOutputs(withNote(goodCare));
    expect(notice.nl).toContain(
      `${goodCare.nl}\n\n${pointerNl} om te weigeren. Wanneer wij wel mogen weigeren, staat hierboven, bij ‘Vernietiging van uw dossier (artikel 7:455 BW)’.\n`,
    );
    expect(notice.en).toContain(
      `${goodCare.en}\n\nNote: if you ask for your file to be destroyed yourself, good care is not a reason in law to refuse. When we may refuse is set out above, under ‘Destruction of your file (Article 7:455 BW)’.\n`,
    );
    // Under another right the rule is elsewhere: a link to the erasure section that holds it (secondread11, F2).
    const underAccess = careProvider();
    underAccess.rights = { ...underAccess.rights, notes: { access: goodCare } };
    expect(policyOutputs(underAccess).notice.nl).toContain(
      `${pointerNl} om te weigeren. Wanneer wij wel mogen weigeren, staat onder ‘[Vernietiging van uw dossier (artikel 7:455 BW)](#gegevens-laten-wissen-recht-op-gegevenswissing)’.\n`,
    );
    const informal = withNote(goodCare);
    informal.metadata.formality = 'informal';
    expect(policyOutputs(informal).notice.nl).toContain(
      'Let op: vraag je zelf om vernietiging van je dossier, dan is goede zorg volgens de wet geen reden om te weigeren.',
    );
    // Not where the note gives no such reason, speaks of a representative (7:465(4)), or the organisation gives no care.
    const other = { nl: 'Wij wissen je gegevens binnen een maand.', en: 'We delete your data within a month.' };
    const parent = {
      nl: 'Vraag je als ouder om vernietiging van het dossier van je kind, dan weigeren wij als dat niet past bij goede zorg.',
      en: 'If you ask as a parent for your child’s file to be destroyed, we refuse where that is not consistent with good care.',
    };
    for (const policy of [withNote(other), withNote(parent), withNote(goodCare, false)]) {
      const { notice } = policyOutputs(policy);
      expect(notice.nl).not.toContain('Let op: vraagt u zelf');
      expect(notice.en).not.toContain('Note: if you ask');
    }
  });
});
