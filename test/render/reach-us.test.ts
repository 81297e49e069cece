import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { miniPolicy } from '../support/mini-policy.js';
import { policyOutputs } from '../support/policy-outputs.js';
import { policyPath } from '../support/seed-output.js';

/**
 * How to reach us, worked out once (src/render/reach-us.ts) for the rights section, the complaints section and the
 * summary (second-read review 2, findings 2, 3 and 4). The probes of that review are Bernhoven's policy with a
 * controller e-mail and either a disputes body (p1) or a rights contact that is only a note (p4).
 */
const corpus = (id: string): PolicySource => JSON.parse(readFileSync(policyPath(id), 'utf8')) as PolicySource;

/** Bernhoven with a controller e-mail: p4 without its note. */
function bernhoven(): PolicySource {
  const policy = corpus('bernhoven');
  policy.controller.contact = { email: 'privacy@bernhoven.example' };
  return policy;
}

/** Probe p1: and a disputes body, but no complaints text or officer of its own. */
function p1(): PolicySource {
  const policy = bernhoven();
  policy.complaints = {
    disputesBody: { name: 'Geschilleninstantie Zorg', contact: { url: 'https://example.nl/geschil' } },
  };
  return policy;
}

/** Probe p4: and a rights contact that is only a note. */
function p4(): PolicySource {
  const policy = bernhoven();
  policy.rights = {
    contact: {
      note: {
        nl: 'Stuur uw verzoek via het formulier op onze website.',
        en: 'Send your request through the form on our website.',
      },
    },
  };
  return policy;
}

/** The Markdown from a level-2 or -3 heading to the next heading of that level or higher. */
function part(md: string, heading: string): string {
  const start = md.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const next = md.slice(start + heading.length).search(new RegExp(`\\n#{2,${level}} `));
  return md.slice(start, next < 0 ? undefined : start + heading.length + next);
}
const summary = (md: string): string => md.slice(0, md.indexOf('\n## ', md.indexOf('\n## ') + 1));

const complaintsNl = '## Waar u een klacht kunt indienen';
const complaintsEn = '## Where you can complain';
const howToNl = '### Hoe u uw rechten uitoefent';
const howToEn = '### How to exercise your rights';

describe("a rights contact that is only a note does not hide the controller's e-mail (finding 4, probe p4)", () => {
  it('the complaints section offers the e-mail, as it does without the note', () => {
    const { notice } = policyOutputs(p4());
    expect(part(notice.nl, complaintsNl)).toContain(
      'Laat het ons dan weten:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nU kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:',
    );
    expect(part(notice.en, complaintsEn)).toContain(
      'You can tell us:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nYou can also lodge a complaint',
    );
  });

  it('the rights section gives the e-mail for a request, and the note after it', () => {
    const { notice } = policyOutputs(p4());
    expect(part(notice.nl, howToNl)).toContain(
      'U kunt uw verzoek indienen via:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nStuur uw verzoek via het formulier op onze website.',
    );
    expect(part(notice.en, howToEn)).toContain(
      'You can make your request through:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nSend your request through the form on our website.',
    );
  });

  it('a note with no way to reach us anywhere is shown, but counts as no way: no "how to ask" links, no "tell us"', () => {
    const policy = p4();
    delete policy.controller.contact;
    const { notice } = policyOutputs(policy);
    const nl = part(notice.nl, howToNl);
    // Not 'U kunt uw verzoek indienen via:' with a note after it that names no address.
    expect(nl).not.toContain('indienen via');
    expect(nl).toContain(
      'Stuur uw verzoek via het formulier op onze website.\n\nU kunt voor elk van deze rechten bij ons terecht.',
    );
    expect(nl).toContain('In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor uw verzoek.');
    expect(part(notice.en, howToEn)).toContain(
      'Send your request through the form on our website.\n\nYou can contact us about any of these rights.',
    );
    expect(summary(notice.nl)).not.toContain('Zo gebruikt u uw rechten');
    expect(summary(notice.en)).not.toContain('How to use your rights');
    // Not the access and erasure rights' 'Hoe u … vraagt, leest u onder'; the line under the rights heading says first
    // that the statement gives no contact details (notice8 review, finding 9: changed on purpose, it had no link at all).
    expect(notice.nl).not.toMatch(/Hoe u (om inzage|uw verzoek indient)[^\n]*onder ‘\[Hoe u uw rechten uitoefent\]/);
    expect(notice.nl).toContain(
      'Contactgegevens staan niet in deze verklaring. Hoe u toch een verzoek doet, leest u onder ‘[Hoe u uw rechten uitoefent]',
    );
    expect(part(notice.nl, complaintsNl)).not.toContain('ons dan weten');
    expect(summary(notice.nl)).not.toContain('Meld het bij ons');
  });
});

describe("the summary's 'Klaag bij ons' only where the complaints section offers a route to us (finding 3, probe p1)", () => {
  it('beside a disputes body alone, the section tells how to reach us first, as the rest of the notice does', () => {
    // Changed on purpose: the section gave the disputes body's 'Komen wij er samen niet uit?' and no way to reach us,
    // and the summary only the authority. A disputes body is outside us; the shared way to reach us comes first, as an
    // option: the authority is still 'also', never after us (art. 77).
    const { notice } = policyOutputs(p1());
    expect(part(notice.nl, complaintsNl)).toContain(
      'Laat het ons dan weten:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nKomen wij er samen niet uit? Dan kunt u uw klacht voorleggen aan Geschilleninstantie Zorg.',
    );
    expect(part(notice.nl, complaintsNl)).toContain(
      'U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens:',
    );
    expect(part(notice.en, complaintsEn)).toContain(
      'You can tell us:\n\n- **E-mail:** <privacy@bernhoven.example>\n\nIf we cannot resolve it together, you can bring your complaint to Geschilleninstantie Zorg.',
    );
    expect(part(notice.nl, complaintsNl)).not.toMatch(/eerst/i);
    expect(part(notice.en, complaintsEn)).not.toMatch(/first/i);
    expect(summary(notice.nl)).toContain(
      'Klacht over privacy? [Meld het bij ons of bij de Autoriteit Persoonsgegevens](#',
    );
    expect(summary(notice.en)).toContain('[Complain to us or to the Dutch Data Protection Authority](#');
  });

  it('a disputes body alone and no way to reach us: no "tell us", and the summary names the authority', () => {
    const policy = p1();
    delete policy.controller.contact;
    const { notice } = policyOutputs(policy);
    expect(part(notice.nl, complaintsNl)).not.toContain('ons dan weten');
    expect(part(notice.nl, complaintsNl)).toContain('Geschilleninstantie Zorg');
    expect(summary(notice.nl)).not.toContain('Meld het bij ons');
    expect(summary(notice.nl)).toContain(
      'Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens: [zo dient u een klacht in](#waar-u-een-klacht-kunt-indienen)',
    );
    expect(summary(notice.en)).not.toContain('Complain to us');
  });

  it('without the disputes body, the section tells how to reach us and the summary says so', () => {
    const { notice } = policyOutputs(bernhoven());
    expect(part(notice.nl, complaintsNl)).toContain('Laat het ons dan weten:');
    expect(summary(notice.nl)).toContain(
      'Klacht over privacy? [Meld het bij ons of bij de Autoriteit Persoonsgegevens](#',
    );
    expect(summary(notice.en)).toContain('[Complain to us or to the Dutch Data Protection Authority](#');
  });
});

describe("'Hoe u ons vraagt …, staat onder' only where that section gives a way to ask (finding 2)", () => {
  it('Cosmetic Clinic: its section names no address, so access and erasure do not point to it', () => {
    const { notice } = policyOutputs(corpus('cosmetic-clinic'));
    expect(part(notice.nl, howToNl)).toContain('In deze verklaring staat geen adres, e-mailadres of telefoonnummer');
    // The rights heading's line says the statement gives no contact details (notice8 review, finding 9).
    expect(notice.nl).not.toMatch(/Hoe u (om inzage|uw verzoek indient)[^\n]*onder ‘\[Hoe u uw rechten uitoefent\]/);
    expect(notice.nl).toContain('Contactgegevens staan niet in deze verklaring. Hoe u toch een verzoek doet');
    expect(notice.en).not.toContain('is explained under ‘[How to exercise your rights]');
  });

  it('Bernhoven with an e-mail: access and erasure point to it, in both languages', () => {
    const { notice } = policyOutputs(bernhoven());
    expect(notice.nl).toContain(
      'Hoe u om inzage of een kopie vraagt, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.',
    );
    expect(notice.nl).toContain(
      'Hoe u uw verzoek indient, leest u onder ‘[Hoe u uw rechten uitoefent](#hoe-u-uw-rechten-uitoefent)’.',
    );
    expect(notice.en).toContain('How to ask for access or a copy is explained under ‘[How to exercise your rights](#');
    expect(notice.en).toContain('How to make your request is explained under ‘[How to exercise your rights](#');
  });
});

/**
 * Whether the organisation's own words give a way to reach it (reach-us.ts: reachableFor), judged once for the
 * complaints section, its summary line and the rights section (second-read review 4, findings 2–4).
 */
const deadEnd = 'In deze verklaring staat niet hoe u ons bereikt met een klacht.';
const toUs = 'Klacht over privacy? [Meld het bij ons of bij de Autoriteit Persoonsgegevens]';
const onlyAuthority = 'Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens';

/** A policy that gives no contact details of ours, with this complaints text. */
const complaining = (internal: string): PolicySource => {
  const policy = miniPolicy();
  delete policy.controller.contact;
  policy.complaints = { internal: { nl: internal, en: internal } };
  return policy;
};

describe('a complaints text that gives a way to reach us (second-read review 4, findings 2–3)', () => {
  it.each([
    [
      'a postal address',
      'Stuur uw klacht per brief naar Postbus 123, 1000 AB Amsterdam, ter attentie van de directie.',
    ],
    ['a postcode and place', 'Schrijf ons: Kerkstraat 1, 1234AB Utrecht.'],
    ['a .be site', 'Klachten kunt u indienen via ons klachtenformulier op cosmetic-clinic.be/klachten.'],
    ['a .zorg site', 'Gebruik het formulier op https://kliniek.zorg/klacht.'],
  ])('%s: no dead-end note, and the summary offers us', (_, internal) => {
    const { notice } = policyOutputs(complaining(internal));
    expect(notice.nl).toContain(internal);
    expect(notice.nl).not.toContain(deadEnd);
    expect(notice.nl).toContain(toUs);
    expect(notice.en).not.toContain('This notice does not say how to reach us with a complaint.');
  });

  const fgFirst = 'Neem contact op met onze functionaris voor gegevensbescherming. Komt u er niet uit, dan kunt u ';
  it.each([
    ["the authority's site", `${fgFirst}naar de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).`],
    ["the authority's site with www.", `${fgFirst}naar www.autoriteitpersoonsgegevens.nl.`],
    ["the authority's postal address", `${fgFirst}schrijven naar Postbus 93374, 2509 AJ Den Haag.`],
    ["the disputes body's site", `${fgFirst}naar https://www.geschillen.example/zorg.`],
    [
      "an e-mail address at the authority's domain",
      `${fgFirst}naar de AP (zie ook klachten@autoriteitpersoonsgegevens.nl).`,
    ],
    // A subdomain of another body's host is that body's: the e-mail domain was compared exactly (fixes, item 1).
    [
      "an e-mail address at a subdomain of the authority's domain",
      `${fgFirst}naar de AP (zie ook klachten@mail.autoriteitpersoonsgegevens.nl).`,
    ],
    [
      "an e-mail address at a subdomain of the disputes body's site",
      `${fgFirst}mailen naar info@zorg.geschillen.example.`,
    ],
    ['a file name', `${fgFirst}onze klachtenregeling.pdf lezen.`],
  ])('only %s: the dead-end note, and the summary offers the authority alone', (_, internal) => {
    const policy = complaining(internal);
    policy.complaints!.disputesBody = { name: 'Geschillen Zorg', contact: { url: 'https://geschillen.example' } };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(deadEnd);
    expect(notice.nl).not.toContain(toUs);
    expect(notice.nl).toContain(onlyAuthority);
  });
});

describe('after the dead-end note the authority is named once (second-read review 4, finding 4)', () => {
  it('its contact details follow, not a second offer to complain to it', () => {
    const { notice } = policyOutputs(complaining('Neem contact op met onze functionaris voor gegevensbescherming.'));
    expect(notice.nl).toContain(
      'u mag meteen een klacht indienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG).\n\nContactgegevens van de Autoriteit Persoonsgegevens:',
    );
    expect(notice.nl).not.toContain('U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens');
    expect(notice.en).toContain(
      'straight away (Article 77 GDPR).\n\nContact details of the Dutch Data Protection Authority (Autoriteit Persoonsgegevens):',
    );
  });
});

describe("the rights section judges the organisation's own words as the complaints section does (review 4, finding 3)", () => {
  it("a postal address in the words on asking: not 'In deze verklaring staat geen adres, …'", () => {
    const policy = complaining('Mail klachten@mini.example.');
    const own = 'Stuur uw verzoek per brief naar Postbus 123, 1000 AB Amsterdam.';
    policy.rights = { howToExercise: { nl: own, en: own } };
    expect(policyOutputs(policy).notice.nl).not.toContain(
      'In deze verklaring staat geen adres, e-mailadres of telefoonnummer',
    );
  });

  it("'onze website' beside only the authority's site: that the notice does not name ours", () => {
    const policy = miniPolicy();
    policy.purposes[0]!.legalBasis = '6(1)(a)';
    const note = 'Zie onze website, of autoriteitpersoonsgegevens.nl.';
    policy.rights = { notes: { 'withdraw-consent': { nl: note, en: note } } };
    expect(policyOutputs(policy).notice.nl).toContain(
      `${note}\n\nWilt u het adres van die website weten? Vraag het ons:`,
    );
  });
});
