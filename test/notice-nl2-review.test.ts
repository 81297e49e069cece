import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { messagesFor } from '../src/i18n/messages.js';
import { renderNotice } from '../src/render/render-notice.js';
import { repoRoot } from './support/cli.js';
import { analyse } from './support/mini-policy.js';
import { occurrences, policyOutputs } from './support/policy-outputs.js';

/** The second Dutch review of the notices (nl2-review.md, 2026-12-06): each verified finding, fixed. */
const seed = (id: string): PolicySource =>
  JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8')) as PolicySource;

describe('where the data is stored, beside a statement that names the place in another sense (defect 1)', () => {
  it('is kept where the statement names the EU only as where data does not go', () => {
    const policy = seed('ipractice');
    policy.transfers!.statement = {
      nl: 'In principe geven we nooit persoonsgegevens door naar landen buiten de Europese Unie.',
      en: 'In principle we never transfer personal data to countries outside the European Union.',
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('Wij slaan je gegevens op in de Europese Unie.');
    expect(notice.en).toContain('We store your data in the European Union.');
  });

  it("is still left out where the statement says where it stores the data (iPractice's and IES's own words)", () => {
    for (const [id, nl, en] of [
      ['ipractice', 'Wij slaan je gegevens op in de Europese Unie.', 'We store your data in the European Union.'],
      ['ies', 'Wij slaan uw gegevens op in Nederland.', 'We store your data in the Netherlands.'],
    ] as const) {
      const { notice } = policyOutputs(seed(id));
      expect(notice.nl, id).not.toContain(nl);
      expect(notice.en, id).not.toContain(en);
    }
  });
});

describe('the notice period, beside a statement that gives the same days for another reason (defect 2)', () => {
  it('is kept where the days are how long earlier versions stay online', () => {
    const policy = seed('doctolib');
    policy.changes!.statement = {
      nl: 'Doctolib kan deze verklaring wijzigen. Eerdere versies blijven na een wijziging nog 15 dagen op deze pagina staan.',
      en: 'Doctolib may change this statement. Earlier versions stay on this page for 15 days after a change.',
    };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'Wij informeren u ten minste 15 dagen voordat een belangrijke wijziging van deze verklaring ingaat.',
    );
    expect(notice.en).toMatch(/at least 15 days before/);
  });

  it("is still left out where the statement gives it as advance notice (Doctolib's 'vijftien (15) dagen vóór')", () => {
    const { notice } = policyOutputs(seed('doctolib'));
    expect(notice.nl).not.toContain('Wij informeren u ten minste 15 dagen');
    expect(notice.nl).toContain('ten minste vijftien (15) dagen vóór de ingangsdatum');
  });
});

describe("the summary's receivers where the statement says its list is complete (defect 3)", () => {
  const line = (notice: string, start: string): string => notice.split('\n').find((l) => l.startsWith(start)) ?? '';
  const only = (): PolicySource => {
    const policy = seed('dental-clinics');
    policy.sharing = {
      nl: 'Wij delen je gegevens alleen met de partijen in de tabellen hieronder, en met niemand anders.',
      en: 'We share your data only with the parties in the tables below, and with no one else.',
    };
    return policy;
  };

  it("lists them without 'onder meer' where the author says so (recipientsComplete)", () => {
    const policy = only();
    policy.recipientsComplete = true;
    // Google and Facebook get only website visitors' data, and the summary leaves them out (notice7 F3): the
    // list is then not all, whatever the author says of it. Here they are not named by their one purpose.
    const cookies = policy.purposes.find((p) => p.id === 'cookies')!;
    const all = policyOutputs(policy).notice;
    expect(line(all.nl, 'Je gegevens gaan')).toMatch(/^Je gegevens gaan onder meer naar: \[/);
    delete cookies.recipients;
    const { notice } = policyOutputs(policy);
    expect(line(notice.nl, 'Ook deze partijen')).toMatch(/^Ook deze partijen krijgen je gegevens: \[/);
    expect(line(notice.en, 'These parties')).toMatch(/^These parties also receive your data: \[/);
  });

  it("is not read from the sharing text: 'uitsluitend' and 'only' also say other things (Doctolib, iPractice)", () => {
    const { notice } = policyOutputs(only());
    expect(line(notice.nl, 'Je gegevens gaan')).toMatch(/^Je gegevens gaan onder meer naar: \[/);
  });
});

describe('how to exercise the rights: own words but no address (defect 4)', () => {
  const howTo = (notice: string, heading: string): string =>
    notice.split(heading)[1]!.split('\n[')[0]!.split('\n### ')[0]!;

  it("adds, after the Cosmetic Clinic's own words, that every right may be asked of us and that no address is named", () => {
    const { notice } = policyOutputs(seed('cosmetic-clinic'));
    expect(howTo(notice.nl, '### Hoe u uw rechten uitoefent')).toBe(
      '\n\nWilt u uw gegevens inzien, neem dan contact op met onze functionaris voor gegevensbescherming.\n\n' +
        'Wij reageren binnen een maand op uw verzoek.\n\n' +
        'U kunt voor elk van deze rechten bij ons terecht. Wij moeten u helpen uw rechten uit te oefenen (artikel 12, lid 2, AVG).\n\n' +
        // With that a request needs no form (English review 1, finding 15): changed on purpose. At a care provider the
        // destruction of the file (BW 7:455(1)) is the exception (verify2 review, item 1): changed on purpose again.
        'In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor uw verzoek. U kunt uw verzoek toch op elke manier doen, bijvoorbeeld persoonlijk, per brief of per e-mail. Een speciaal formulier is niet nodig. Wilt u uw dossier laten vernietigen? Vraag dat dan schriftelijk of elektronisch, bijvoorbeeld met een brief of e-mail (artikel 7:455, lid 1, BW).\n',
    );
    expect(notice.en).toContain(
      'You can contact us about any of these rights. We must help you exercise your rights (Article 12(2) GDPR).\n\nThis notice gives no address',
    );
  });

  it('names the address, after the own words, where the statement gives one but no contact for requests', () => {
    const policy = seed('cosmetic-clinic');
    policy.controller.address = { street: 'Straat 1', postalCode: '1000 AA', city: 'Amsterdam', country: 'NL' };
    const { notice } = policyOutputs(policy);
    expect(howTo(notice.nl, '### Hoe u uw rechten uitoefent')).toMatch(
      /bij ons terecht\. Wij moeten u helpen uw rechten uit te oefenen \(artikel 12, lid 2, AVG\)\.\n\nOns adres is Straat 1, 1000 AA Amsterdam, Nederland\.\n$/,
    );
    expect(notice.nl).not.toContain('per post');
    expect(notice.nl).not.toContain('staat geen adres, e-mailadres of telefoonnummer voor uw verzoek');
  });
});

describe('the organisation named where a request goes to it (improvement 3)', () => {
  it("says 'Neem dan contact op met' with the name the organisation uses for itself, 'Vraag het ons' where it has none", () => {
    const policy = seed('ipractice');
    policy.rights = {};
    policy.controller = { name: 'iPractice Zorg B.V.', shortName: 'iPractice' };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain(
      'Wil je een van deze rechten gebruiken? Neem dan contact op met iPractice. Wij moeten je helpen',
    );
    expect(notice.en).toContain('Do you want to use one of these rights? Ask iPractice. We must help you');
    expect(notice.nl).toContain('In deze verklaring staat geen adres, e-mailadres of telefoonnummer voor je verzoek.');
  });
});

describe("a period of one unit in running text is 'een maand' (improvement 8)", () => {
  it('in the response time and the notice period; other periods keep their number', () => {
    const policy = seed('ipractice');
    policy.rights = { ...policy.rights, responseTime: 'P1M' };
    policy.changes = { noticePeriod: 'P1M' };
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('Wij reageren binnen een maand op je verzoek.');
    expect(notice.nl).toContain('Wij informeren je ten minste een maand voordat');
    expect(notice.en).toContain('We respond to your request within one month.');
    policy.changes = { noticePeriod: 'P2M' };
    expect(policyOutputs(policy).notice.nl).toContain('Wij informeren je ten minste 2 maanden voordat');
  });

  it("still leaves the notice period out where the statement gives it as '1 maand vooraf' or 'een maand vooraf'", () => {
    const policy = seed('ipractice');
    for (const nl of ['Wij laten het je 1 maand vooraf weten.', 'Wij laten het je een maand vooraf weten.']) {
      policy.changes = { noticePeriod: 'P1M', statement: { nl, en: 'We tell you one month ahead.' } };
      expect(policyOutputs(policy).notice.nl, nl).not.toContain('Wij informeren je ten minste');
    }
  });
});

describe('the introduction in the contents (improvement 7)', () => {
  it('is their first entry, linking to its heading in Markdown, page and fragment', () => {
    const policy = seed('bernhoven');
    const { model } = analyse(policy);
    const notice = renderNotice(model!, messagesFor('nl', model!.source.metadata.formality));
    expect(notice.markdown).toContain('## Inhoud\n\n- [Inleiding](#inleiding)\n- [Wie verantwoordelijk');
    expect(notice.markdown).toContain('\n## Inleiding\n');
    expect(notice.fragment).toMatch(/<ol>\n<li><a href="#policyc-introduction">Inleiding<\/a><\/li>/);
    expect(notice.fragment).toContain('id="policyc-introduction"');
    expect(notice.html).toMatch(/<ol>\n<li><a href="#introduction">Inleiding<\/a><\/li>/);
  });

  it('is not an entry where the statement has none', () => {
    const policy = seed('bernhoven');
    delete policy.introduction;
    expect(policyOutputs(policy).notice.nl).not.toContain('Inleiding');
  });
});

describe("a way to send a request the statement's own words give already (improvement 8, Dental Clinics)", () => {
  const howTo = (notice: string): string => notice.split('### Hoe je je rechten uitoefent')[1]!.split('\n[Terug')[0]!;

  it('is not listed again, and is no reason for the no-address sentence', () => {
    const section = howTo(policyOutputs(seed('dental-clinics')).notice.nl);
    expect(occurrences(section, 'https://www.dentalclinics.nl/tandarts/')).toBe(1);
    expect(section).not.toContain('Je kunt je verzoek indienen via:');
    expect(section).not.toContain('staat geen adres');
    expect(section).not.toContain('bij ons terecht');
  });

  it('is listed where the text gives another page or only a part of its address', () => {
    for (const url of ['https://www.dentalclinics.nl/privacy/', 'https://www.dentalclinics.nl/']) {
      const policy = seed('dental-clinics');
      policy.controller.contact = { ...policy.controller.contact, url };
      const section = howTo(policyOutputs(policy).notice.nl);
      expect(section, url).toContain(`Je kunt je verzoek indienen via:\n\n- **Contactpagina:** <${url}>`);
    }
  });
});
