import { describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/analyse-policy.js';
import { messagesFor } from '../src/i18n/messages.js';
import { renderNotice } from '../src/render/render-notice.js';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * Three patients reading the Dutch notice on a phone (patient4 review): a parent looking for a 13-year-old's file,
 * who sees the file, who to complain to, the authority's link and one word for one act.
 */
const careProvider = (formality?: 'informal'): PolicySource => {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  if (formality) policy.metadata.formality = formality;
  return policy;
};

/** The Markdown from `heading` to the next heading of any level. */
const part = (md: string, heading: string): string => {
  const from = md.indexOf(heading);
  expect(from).toBeGreaterThanOrEqual(0);
  const end = md.indexOf('\n#', from + heading.length);
  return md.slice(from, end < 0 ? undefined : end);
};

const summary = (md: string): string => part(md, '## In het kort');

describe('the access right at a care provider answers a parent (patient4 review, F1)', () => {
  it("says who asks to see a child's file or for a copy, and links to the list where the rest stands", () => {
    const { notice } = policyOutputs(careProvider());
    const access = part(notice.nl, '### Uw gegevens inzien en een kopie krijgen');
    expect(access).toContain(
      'Gaat het om het dossier van uw kind jonger dan 16 jaar? Dan kunt u als ouder met gezag of als voogd om inzage of een kopie vragen (artikelen 7:457 en 7:465 BW). Past inzage of een kopie niet bij goede zorg voor uw kind? Dan krijgt u die niet. Vanaf 12 jaar mag uw kind het ook zelf vragen. Meer leest u onder ‘Kinderen’, bij ‘[Uw rechten als patiënt](#uw-rechten-als-patiënt)’.',
    );
    const en = part(policyOutputs(careProvider()).notice.en, '### Seeing your data and getting a copy');
    // Not the Dutch 'Gaat het om …? Dan …' in English, and 'themselves', not 'personally' (English review 2, findings 2, 3).
    expect(en).toContain(
      'If your child is under 16, you can ask to see their file or to get a copy, as a parent with parental authority or as guardian (Articles 7:457 and 7:465 BW). We will refuse if that would not be consistent with good care for your child. From 12, your child can also ask themselves.',
    );
    expect(en).toContain('More under ‘Children’, in ‘[Your rights as a patient](#your-rights-as-a-patient)’.');
    const informal = part(policyOutputs(careProvider('informal')).notice.nl, '### Je gegevens inzien');
    expect(informal).toContain('Dan kun je als ouder met gezag of als voogd om inzage of een kopie vragen');
  });

  it('not at a controller that is no care provider: it lists no patient rights', () => {
    expect(policyOutputs(miniPolicy()).notice.nl).not.toContain('dossier van uw kind jonger dan 16 jaar');
  });

  it("the Children item says 'inzage of een kopie', as 7:457(3) has it, and cites 7:457", () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain('**Kinderen (artikelen 7:447, 7:450, 7:457 en 7:465 BW):**');
    expect(notice.nl).toContain('Dan kunnen de ouders met gezag of de voogd ook om inzage of een kopie vragen.');
    expect(notice.en).toContain('may also ask to inspect the file or for a copy.');
  });
});

describe("'Wie ziet uw dossier?' (patient4 review, F3)", () => {
  it('the list of patient rights starts with confidentiality, where the summary link lands', () => {
    const { notice } = policyOutputs(careProvider());
    const list = part(notice.nl, '### Uw rechten als patiënt');
    const firstItem = list.slice(list.indexOf('\n- '), list.indexOf('\n', list.indexOf('\n- ') + 1));
    expect(firstItem).toContain('**Geheimhouding (artikel 7:457 BW):**');
  });

  it("the summary says what the law obliges, as the body does, not what it 'permits'", () => {
    const { notice } = policyOutputs(careProvider());
    expect(summary(notice.nl)).toContain('Alleen wie aan uw zorg werkt, en wie u of de wet aanwijst.');
    expect(summary(notice.nl)).not.toContain('toelaat');
    expect(notice.en).toContain('others only with your consent or where the law requires it.');
  });
});

describe('the summary complaint line is about privacy (patient4 review, F6)', () => {
  it('both lines, nl and en', () => {
    const reachable = policyOutputs(careProvider()).notice;
    expect(summary(reachable.nl)).toContain('Klacht over privacy? [Meld het bij ons');
    expect(reachable.en).toContain('A privacy complaint? [Complain to us');
    const unreachable = miniPolicy();
    delete unreachable.controller.contact;
    const nl = summary(policyOutputs(unreachable).notice.nl);
    expect(nl).toContain('Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens');
    expect(nl).not.toContain('Niet tevreden?');
    // In English with a verb, and still about privacy: 'Unhappy with us?' would send a complaint about care to the AP
    // (English review 2, finding 1). The line with both routes keeps 'A privacy complaint?': with 'Unhappy with how
    // we use your data?' it took a third line and Dental Clinics' summary 750 px of a 740 px screen.
    const en = policyOutputs(unreachable).notice.en;
    expect(en).toContain('Unhappy with how we use your data? You can complain to the Dutch Data Protection Authority');
    expect(en).not.toContain('You can turn to');
  });
});

describe("the authority's complaint page (patient4 review, F7)", () => {
  it('is linked by what it is for, with the site written out beside it: the page has no address to read aloud', () => {
    const { model } = analyse(JSON.stringify(miniPolicy()), 'policy.json');
    const { html } = renderNotice(model!, messagesFor('nl', 'formal'));
    expect(html).toContain(
      '<a href="https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap">Een klacht indienen bij de Autoriteit Persoonsgegevens</a> (autoriteitpersoonsgegevens.nl)',
    );
    expect(html).not.toContain('autoriteitpersoonsgegevens.nl/…');
  });
});

describe('words (patient4 review, F9)', () => {
  it("erasure is 'wissen', as the AVG has it; the WGBO's 'vernietigen' says once that it is the same", () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain('### Gegevens laten wissen (recht op gegevenswissing)');
    expect(summary(notice.nl)).toContain('gegevens laten verbeteren of wissen');
    expect(notice.nl).toContain('U kunt ons vragen uw medisch dossier of een deel ervan te vernietigen (te wissen).');
    expect(notice.nl).not.toMatch(/verwijder/);
  });

  it("'informatie', not 'inlichtingen' (B1)", () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain('Anderen dan u krijgen alleen informatie over u');
    expect(notice.nl).not.toContain('inlichtingen');
  });
});

describe('own texts that send the reader somewhere the notice does not give (patient4 review, F5)', () => {
  const unreachable = (internal: string): PolicySource => {
    const policy = miniPolicy();
    delete policy.controller.contact;
    policy.complaints = { internal: { nl: internal, en: internal } };
    return policy;
  };
  const fgFirst =
    'Neem contact op met onze functionaris voor gegevensbescherming. Komt u er niet uit, dan kunt u naar de Autoriteit Persoonsgegevens.';

  it("after 'go to our DPO first' with no way to reach us: that the notice does not say how, and that the AP may be asked straight away", () => {
    const { notice } = policyOutputs(unreachable(fgFirst));
    expect(notice.nl).toContain(
      `${fgFirst}\n\nIn deze verklaring staat niet hoe u ons bereikt met een klacht. U hoeft niet eerst bij ons te klagen, ook niet bij een functionaris of commissie van ons: u mag meteen een klacht indienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG).`,
    );
    // 'bij ons' did not plainly include 'onze functionaris' just named: an officer or committee of ours is named too,
    // true whoever the text names, as no officer need be named (Dutch review 4, finding 4).
    // 'also' weakened the correction of 'go to our DPO first' (English review 2, finding 9).
    expect(notice.en).toContain(
      'This notice does not say how to reach us with a complaint. You do not have to complain to us first, nor to an officer or committee of ours: you may complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens) straight away (Article 77 GDPR).',
    );
  });

  it('not where the text or the notice gives a way to reach us', () => {
    const withMail = unreachable('Mail klachten@mini.example. Komt u er niet uit, dan kunt u naar de AP.');
    expect(policyOutputs(withMail).notice.nl).not.toContain('U hoeft niet eerst bij ons te klagen');
    const withWeb = unreachable('Gebruik het formulier op www.mini.example.nl.');
    expect(policyOutputs(withWeb).notice.nl).not.toContain('U hoeft niet eerst bij ons te klagen');
    const reachable = unreachable(fgFirst);
    reachable.controller.contact = { email: 'privacy@mini.example' };
    expect(policyOutputs(reachable).notice.nl).not.toContain('U hoeft niet eerst bij ons te klagen');
  });

  const withConsent = (note: string, url?: string): PolicySource => {
    const policy = miniPolicy();
    policy.purposes[0]!.legalBasis = '6(1)(a)';
    if (url) policy.controller.contact = { email: 'privacy@mini.example', url };
    policy.rights = { notes: { 'withdraw-consent': { nl: note, en: note } } };
    return policy;
  };

  it("after a note that points to 'onze website' where the notice gives none: to ask us for it", () => {
    const note = 'U kunt contact met ons opnemen via de gegevens op onze website.';
    const { notice } = policyOutputs(withConsent(note));
    // Not 'we do not give our address', as if we withheld it (English review 2, finding 13); with a way to reach us,
    // a way to ask for it rather than the gap in the organisation's voice (patient10 review, F15).
    expect(notice.nl).toContain(`${note}\n\nWilt u het adres van die website weten? Vraag het ons:`);
    expect(notice.en).toContain("To find out that website's address, ask us: our contact details are under");
    expect(policyOutputs(withConsent(note, 'https://mini.example/contact')).notice.nl).not.toContain(
      'adres van die website',
    );
    expect(policyOutputs(withConsent('Zie www.mini.example.nl, onze website.')).notice.nl).not.toContain(
      'adres van die website',
    );
  });

  it("another body's website named in the own text: no note that the notice does not name it", () => {
    // 'die website' is the authority's, whose address the text gives: the note would be false (final read, finding 1).
    const note =
      'Meer hierover staat op de website van de Autoriteit Persoonsgegevens: www.autoriteitpersoonsgegevens.nl.';
    expect(policyOutputs(withConsent(note)).notice.nl).toContain(note);
    expect(policyOutputs(withConsent(note)).notice.nl).not.toContain('adres van die website');
  });

  it("an e-mail address beside 'onze website' does not name the website: the note stays", () => {
    // The one judgement of own words (reachableFor) counts the e-mail address as a way to reach us, but the text
    // still sends the reader to a website the notice does not give (lead's follow-up to secondread4's fixes).
    const note = 'Mail privacy@mini.example of kijk op onze website.';
    expect(policyOutputs(withConsent(note)).notice.nl).toContain(
      `${note}\n\nWilt u het adres van die website weten? Vraag het ons:`,
    );
  });
});
