import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import { renderNotice } from '../src/render/render-notice.js';
import { analyse, miniPolicy } from './support/mini-policy.js';

/** The notice8 review of the generated notices: its findings 7–9 and 12–16, each fixed. */

function careProvider(extra: Partial<PolicySource> = {}): PolicySource {
  const policy = miniPolicy();
  policy.controller = { ...policy.controller, isCareProvider: true };
  return { ...policy, ...extra };
}

/** The notice's page fragment, Markdown and the notice in both forms, per language. */
function notices(policy: PolicySource): Record<Language, { html: string; md: string }> {
  const { model } = analyse(policy);
  const out = {} as Record<Language, { html: string; md: string }>;
  for (const lang of model!.languages) {
    const rendered = renderNotice(model!, messagesFor(lang, model!.source.metadata.formality));
    out[lang] = { html: rendered.fragment, md: rendered.markdown };
  }
  return out;
}

/** The <dd> of the fact whose label starts with `label`. */
const factValue = (html: string, label: string): string => {
  const at = html.indexOf(`<dt>${label}`);
  expect(at, label).toBeGreaterThan(-1);
  return html.slice(html.indexOf('<dd>', at), html.indexOf('</dd>', at) + '</dd>'.length);
};

const listItems = (html: string): string[] => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);

describe('finding 9: the WGBO item after death on a phone', () => {
  it('is a lead with who may see the file as a list, then when we refuse as a list, each condition kept', () => {
    const { nl, en } = notices(careProvider());
    const dd = factValue(nl.html, 'Na overlijden');
    expect(dd).toMatch(
      /^<dd>Is een patiënt overleden\? Dan geven wij inzage in het dossier of een afschrift aan:\n<ul>/,
    );
    expect(dd).toContain('<p>Wij geven geen inzage of afschrift:</p>');
    expect(listItems(dd)).toEqual([
      'iemand die daarvoor van de patiënt schriftelijk of elektronisch toestemming kreeg toen de patiënt nog leefde',
      'een nabestaande of vertegenwoordiger die van ons een melding kreeg van een incident in de zorg (artikel 10, lid 3, van de Wet kwaliteit, klachten en geschillen zorg, Wkkgz), voor zover dat nodig is voor dat incident',
      'iemand die goed kan uitleggen dat hij of zij een zwaarwegend (heel belangrijk) belang heeft en de gegevens daarvoor nodig heeft',
      'de ouders met gezag of de voogd, als de patiënt jonger was dan 16 jaar, behalve als dat niet past bij goede zorg',
      'als de patiënt, toen hij of zij 12 jaar of ouder was, schriftelijk of elektronisch heeft laten vastleggen dat hij of zij dit niet wilde, en dat toen goed kon overzien',
      'voor zover dat de privacy van een ander zou schaden',
    ]);
    const enDd = factValue(en.html, 'After death');
    expect(enDd).toContain('<p>We refuse inspection and copies:</p>');
    expect(listItems(enDd)).toHaveLength(6);
    // In Markdown a blank line before the second lead ends the first list (secondread9 D1: an HTML comment there
    // made marked and markdown-it merge both lists): without it the lead would join the list's last item.
    expect(nl.md).toContain(
      'behalve als dat niet past bij goede zorg\n\n  Wij geven geen inzage of afschrift:\n  - als de patiënt',
    );
  });

  it("says 'cliënt' where the policy's care recipient is a client", () => {
    const policy = careProvider();
    policy.metadata = { ...policy.metadata, careRecipient: 'client' };
    const dd = factValue(notices(policy).nl.html, 'Na overlijden');
    expect(dd).toContain('Is een cliënt overleden?');
    expect(dd).not.toContain('patiënt');
  });
});

describe('finding 7: after death, the independent doctor of BW 7:458b', () => {
  it('names the article and says what someone refused on the third route can do, in both languages', () => {
    const { nl, en } = notices(careProvider());
    expect(nl.html).toContain('<dt>Na overlijden (artikelen 7:458a en 7:458b BW)</dt>');
    expect(factValue(nl.html, 'Na overlijden')).toMatch(
      /<p>Vroeg iemand met een zwaarwegend belang om inzage of een afschrift omdat hij of zij denkt dat er een medische fout is gemaakt, en weigeren wij dat\? Dan kan hij of zij een onafhankelijke arts aanwijzen\. Die arts krijgt van ons inzage of een afschrift en beoordeelt of onze weigering terecht is\. Vindt de arts de weigering niet terecht\? Dan geven wij alsnog inzage of een afschrift\.<\/p>\s*<\/dd>$/,
    );
    expect(en.html).toContain('<dt>After death (Articles 7:458a and 7:458b BW)</dt>');
    expect(factValue(en.html, 'After death')).toContain(
      '<p>If we refuse someone with a substantial interest who asks to inspect the file or for a copy because they suspect a medical error, they can name an independent doctor. We let that doctor inspect the file or receive a copy, and the doctor judges whether our refusal is justified. If the doctor finds it is not, we let the person who asked inspect the file or receive a copy after all.</p>',
    );
  });
});

describe('finding 8: who acts for an adult who cannot judge their own interests (BW 7:465(2)–(5))', () => {
  it('names the curator or mentor, then the person authorised in writing, then the partner, then the family', () => {
    const { nl, en } = notices(careProvider());
    const dd = factValue(
      nl.html,
      'Volwassenen die het zelf niet goed kunnen overzien (artikel 7:465, leden 2 tot en met 5, BW)',
    );
    expect(dd).toBe(
      '<dd>Kan een volwassen patiënt zijn of haar eigen belangen hierbij niet goed overzien? Dan oefent zijn of haar curator of mentor deze rechten uit. Heeft de patiënt geen curator of mentor? Dan doet degene het die de patiënt daarvoor schriftelijk heeft gemachtigd. Is die er niet, of doet die het niet? Dan doet de echtgenoot, de geregistreerde partner of een andere levenspartner het, tenzij die dat niet wil. Is er ook geen partner? Dan doet een ouder, kind, broer, zus, grootouder of kleinkind het, tenzij die dat niet wil. Wie dit doet, betrekt de patiënt er zoveel mogelijk bij. Wij doen niet wat zo iemand vraagt als dat niet past bij goede zorg voor de patiënt.</dd>',
    );
    // After the children's item, before the item after death.
    expect(nl.html.indexOf('<dt>Kinderen')).toBeLessThan(nl.html.indexOf('<dt>Volwassenen'));
    expect(nl.html.indexOf('<dt>Volwassenen')).toBeLessThan(nl.html.indexOf('<dt>Na overlijden'));
    expect(factValue(en.html, 'Adults who cannot judge this themselves (Article 7:465(2) to (5) BW)')).toContain(
      'their court-appointed guardian (curator or mentor) exercises these rights. If the patient has neither, the person the patient authorised in writing to act for them does so.',
    );
    // BW 7:465(3) 'tenzij deze persoon dat niet wenst': the partner and the family act unless they do not wish to.
    expect(factValue(en.html, 'Adults who cannot judge this themselves (Article 7:465(2) to (5) BW)')).toContain(
      'the spouse, registered partner or other life partner does so, unless they do not wish to. If there is no partner either, a parent, child, brother, sister, grandparent or grandchild does so, unless they do not wish to.',
    );
  });

  it("says 'cliënt' where the policy's care recipient is a client", () => {
    const policy = careProvider();
    policy.metadata = { ...policy.metadata, careRecipient: 'client' };
    const { nl, en } = notices(policy);
    const dd = factValue(nl.html, 'Volwassenen');
    expect(dd).toContain('Kan een volwassen cliënt zijn of haar eigen belangen hierbij niet goed overzien?');
    expect(dd).not.toContain('patiënt');
    expect(factValue(en.html, 'Adults')).not.toContain('patient');
  });
});

describe('finding 9: a link to how to exercise the rights under the rights heading', () => {
  it('stands first in every notice, care provider or not, formal or informal, linking to the real anchor', () => {
    const plain = notices(miniPolicy());
    expect(plain.nl.html).toMatch(
      /<h\d id="policyc-rights">Welke rechten u hebt<\/h\d>\n<p>Hoe u een verzoek doet, leest u onder ‘<a href="#policyc-exercising-rights">Hoe u uw rechten uitoefent<\/a>’\.<\/p>/,
    );
    expect(plain.nl.html).toContain('id="policyc-exercising-rights">Hoe u uw rechten uitoefent<');
    expect(plain.en.md).toContain(
      '## Which rights you have\n\nHow to make a request: see ‘[How to exercise your rights](#how-to-exercise-your-rights)’.\n\n',
    );
    const informal = miniPolicy();
    informal.metadata = { ...informal.metadata, formality: 'informal' };
    expect(notices(informal).nl.md).toContain(
      '## Welke rechten je hebt\n\nHoe je een verzoek doet, lees je onder ‘[Hoe je je rechten uitoefent](#hoe-je-je-rechten-uitoefent)’.\n\n',
    );
    expect(notices(careProvider()).nl.md).toContain('## Welke rechten u hebt\n\nHoe u een verzoek doet');
  });

  it('says first that the statement gives no contact details where that part has none to give', () => {
    const policy = careProvider();
    delete policy.controller.contact;
    const { nl, en } = notices(policy);
    expect(nl.md).toContain(
      '## Welke rechten u hebt\n\nContactgegevens staan niet in deze verklaring. Hoe u toch een verzoek doet, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.\n\n',
    );
    expect(en.md).toContain(
      '## Which rights you have\n\nThis notice gives no contact details. How you can still make a request: see ‘[How to exercise your rights](#how-to-exercise-your-rights)’.\n\n',
    );
  });
});

describe('finding 12: a summary with no e-mail or phone but a postal address', () => {
  const summary = (md: string): string => md.slice(0, md.indexOf('\n## ', md.indexOf('## ') + 3));

  it('says where to write, in both languages', () => {
    const policy = careProvider();
    delete policy.controller.contact;
    policy.controller.address = { street: 'Maelsonstraat 3', postalCode: '1624 NP', city: 'Hoorn', country: 'NL' };
    const { nl, en } = notices(policy);
    expect(summary(nl.md)).toContain(
      'Mini B.V. is verantwoordelijk voor uw gegevens. Vragen? Schrijf naar Maelsonstraat 3, 1624 NP Hoorn, Nederland.',
    );
    expect(summary(en.md)).toContain('Questions? Write to Maelsonstraat 3, 1624 NP Hoorn, the Netherlands.');
  });

  it('keeps the e-mail first where there is one, and the contact-gap sentence where there is no way at all', () => {
    const withMail = careProvider();
    withMail.controller.address = { street: 'Maelsonstraat 3', postalCode: '1624 NP', city: 'Hoorn', country: 'NL' };
    expect(summary(notices(withMail).nl.md)).not.toContain('Schrijf naar');
    const none = careProvider();
    delete none.controller.contact;
    delete none.controller.address;
    const md = summary(notices(none).nl.md);
    expect(md).not.toContain('Vragen?');
    expect(md).toContain('Contactgegevens staan niet in deze verklaring.');
  });
});

describe('finding 16: a cookie description that points to a cookie policy the notice gives no address for', () => {
  const withCookies = (
    policyUrl?: string,
    description = {
      nl: 'Op onze website gebruiken we cookies; meer daarover lees je in ons cookiebeleid.',
      en: 'We use cookies on our website; our cookie policy tells you more.',
    },
  ): PolicySource => {
    const policy = miniPolicy();
    policy.cookies = {
      used: true,
      description,
      ...(policyUrl ? { policyUrl } : {}),
    };
    return policy;
  };

  it('tells the reader to ask us where it is, in both languages', () => {
    const { nl, en } = notices(withCookies());
    expect(nl.md).toContain(
      // With a way to reach us, the reader is asked to ask us rather than told of the gap (patient10 review, F15).
      'meer daarover lees je in ons cookiebeleid.\n\nWilt u weten waar ons cookiebeleid staat? Vraag het ons: onze contactgegevens staan onder',
    );
    expect(en.md).toContain(
      'our cookie policy tells you more.\n\nTo find out where our cookie policy is, ask us: our contact details are under',
    );
  });

  it('says nothing of the kind where cookies.policyUrl gives it', () => {
    const { nl, en } = notices(withCookies('https://mini.example/cookies'));
    expect(nl.md).not.toContain('aar ons cookiebeleid staat');
    expect(en.md).not.toContain('where our cookie policy is');
  });

  // secondread9 D3: the sentence contradicted a text that is itself the cookie statement, or says there is none.
  it.each([
    [
      'the notice itself',
      'Dit is onze privacy- en cookieverklaring: hieronder staat welke cookies wij gebruiken.',
      'This is our privacy and cookie statement: below you can read which cookies we use.',
    ],
    [
      'no separate policy',
      'Wij hebben geen apart cookiebeleid; alles over cookies staat in dit hoofdstuk.',
      'We have no separate cookie policy; everything about cookies is in this section.',
    ],
  ])('says nothing of the kind where the text points to %s', (_, nlText, enText) => {
    const { nl, en } = notices(withCookies(undefined, { nl: nlText, en: enText }));
    expect(nl.md).toContain(nlText);
    expect(en.md).toContain(enText);
    expect(nl.md).not.toContain('aar ons cookiebeleid staat');
    expect(en.md).not.toContain('where our cookie policy is');
  });
});

describe('finding 15: transfer grounds of art. 46(3)(a), and a note that is only a condition', () => {
  const policy = miniPolicy();
  policy.transfers = {
    mechanisms: [
      { mechanism: 'scc', note: { nl: 'Indien nodig.', en: 'Where needed.' } },
      {
        mechanism: 'ad-hoc-clauses',
        note: { nl: 'Gelijkwaardige ad-hocbepalingen.', en: 'Equivalent ad-hoc clauses.' },
      },
    ],
  };
  const { nl, en } = notices(policy);

  it('labels ad-hoc clauses as needing the authority’s authorisation, not as having it', () => {
    expect(nl.md).toContain(
      '- Eigen contractbepalingen, waarvoor toestemming van de toezichthoudende autoriteit nodig is (artikel 46, lid 3, onder a, AVG). Gelijkwaardige ad-hocbepalingen.\n',
    );
    expect(en.md).toContain(
      "- Contractual clauses of our own, which need the supervisory authority's authorisation (Article 46(3)(a) GDPR). Equivalent ad-hoc clauses.\n",
    );
    expect(nl.md).not.toContain('met toestemming van de toezichthoudende autoriteit');
  });

  it("goes on the ground's line with 'Indien nodig.' as its continuation, not as a sentence of its own", () => {
    expect(nl.md).toContain(
      '- Standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG), indien nodig.\n',
    );
    expect(en.md).toContain('(Article 46(2)(c) GDPR), where needed.\n');
  });

  // secondread9 N5: one list, one ending. A list with notes ends every ground with a full stop: without one,
  // '…, indien nodig' and '…. Gelijkwaardige ad-hocbepalingen' read as fragments (patient10 review, F12).
  it('ends every ground of the list alike, with one full stop', () => {
    for (const md of [nl.md, en.md]) {
      const grounds = md.split('\n').filter((l) => /^- .*\((artikel|Article) 46/.test(l));
      expect(grounds).toHaveLength(2);
      for (const line of grounds) expect(line).toMatch(/[^.]\.$/);
    }
  });
});

describe('finding 14: wording details', () => {
  it("words the objection as the AVG does, 'in verband met uw specifieke situatie', in the right as on the card", () => {
    const policy = miniPolicy();
    policy.purposes[0]!.legalBasis = '6(1)(f)';
    const { nl } = notices(policy);
    expect(nl.md).toContain('Dan mag u daartegen bezwaar maken in verband met uw specifieke situatie.');
    expect(nl.md).not.toContain('om redenen die te maken hebben met');
  });

  it('says in English without redundancy that a purpose without a basis leaves the basis rights open', () => {
    const policy = miniPolicy();
    delete (policy.purposes[0] as { legalBasis?: string }).legalBasis;
    const { en } = notices(policy);
    expect(en.md).toContain(
      'So this notice also does not say whether you can object, have your data transferred or withdraw your consent.',
    );
    expect(en.md).not.toContain('where it states no basis');
  });

  it('lists the laws the statement refers to only where it names one besides the AVG', () => {
    const gdprOnly = miniPolicy();
    gdprOnly.applicableLaws = [{ law: 'gdpr' }];
    expect(notices(gdprOnly).nl.md).not.toContain('Deze verklaring verwijst naar deze wetten');
    const withPopia = miniPolicy();
    withPopia.applicableLaws = [{ law: 'gdpr' }, { law: 'popia' }];
    expect(notices(withPopia).nl.md).toContain(
      'Deze verklaring verwijst naar deze wetten:\n\n- Algemene verordening gegevensbescherming (AVG)\n- ',
    );
  });

  it("writes 'Bron: het telefoonboek' after the colon, but keeps a name's capital", () => {
    const policy = miniPolicy();
    policy.dataCategories[1]!.source = {
      description: { nl: 'Het telefoonboek van de Gebruiker.', en: "The user's phone book." },
    };
    policy.dataCategories[0]!.source = {
      description: { nl: 'De Nederlandsche Bank.', en: 'The Hague Court.' },
    };
    const { nl, en } = notices(policy);
    expect(nl.md).toContain('Bron: het telefoonboek van de Gebruiker.');
    expect(en.md).toContain("Source: the user's phone book.");
    expect(nl.md).toContain('Bron: De Nederlandsche Bank.');
    expect(en.md).toContain('Source: The Hague Court.');
  });
});
