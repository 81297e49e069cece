import { describe, expect, it } from 'vitest';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { noticeOutline } from '../../src/render/notice-outline.js';
import type { Inline } from '../../src/render/outline.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * The first layer ("In het kort") in the order patients ask (the phone review of 2026-12-06): who and
 * how to reach them, purposes (second since English review 1, finding 1), the rights and how to ask, how long,
 * who receives, abroad, complaint.
 */
type RetentionRule = NonNullable<PolicySource['retention']>[number];
const both = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

/** The summary's lines as text, and the first in-page or contact link of each. */
function summary(policy: PolicySource, lang: Language = 'nl'): { lines: string[]; links: string[] } {
  const { model, diagnostics } = analyse(policy);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const outline = noticeOutline(model!, messagesFor(lang, model!.source.metadata.formality));
  const paragraphs = outline.summary!.blocks.map((b) => ('paragraph' in b ? b.paragraph : []));
  const textOf = (inlines: Inline[]): string => inlines.map((i) => i.text).join('');
  return {
    lines: paragraphs.map(textOf),
    links: paragraphs.map((p) => p.find((i) => i.href)?.href ?? ''),
  };
}

/** A care provider's policy with every line of the summary to say. */
function fullPolicy(): PolicySource {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  policy.dataCategories[0]!.special = 'health';
  policy.purposes.push({ ...policy.purposes[0]!, id: 'second', name: both('Tweede doel', 'Second purpose') });
  policy.purposes[0]!.retention = ['file'];
  policy.retention = [
    {
      id: 'file',
      name: both('Medisch dossier', 'Medical file'),
      dataCategories: ['phone'],
      period: 'P20Y',
      legalSource: { law: 'wgbo' },
    },
  ];
  policy.rights = { howToExercise: both('Stuur ons een e-mail.', 'Send us an e-mail.') };
  policy.processors = [{ id: 'host', name: 'Hoster', service: both('Hosting'), country: 'US' }];
  policy.complaints = { internal: both('Bel onze klachtenfunctionaris.', 'Call our complaints officer.') };
  return policy;
}

describe('the summary', () => {
  it('goes who, purposes, rights and how to ask, who sees the file, how long, who receives, abroad, complaint', () => {
    const { links } = summary(fullPolicy());
    expect(links).toEqual([
      'mailto:privacy@mini.example',
      '#purposes',
      '#rights',
      '#patient-rights',
      '#retention',
      '#recipients',
      '#transfers',
      '#complaints',
    ]);
  });

  it('states how long the medical file is kept, but not a period shorter than the law requires (English review 1)', () => {
    const kept = (policy: PolicySource, lang: Language): string | undefined =>
      summary(policy, lang).lines.find((line) => /bewaard|kept|bewaartermijn|retention period/i.test(line));
    expect(kept(fullPolicy(), 'nl')).toBe(
      'Medisch dossier: bewaartermijn 20 jaar na de laatste wijziging van het dossier (zo rekent de wet). Alle bewaartermijnen',
    );
    const short = fullPolicy();
    // Patients' health data: the medical file (staff's would not be, officer8 review D5).
    short.dataSubjects[0]!.name = both('Patiënten', 'Patients');
    // Cosmetic Clinic: 'no longer than 6 months', its note 'and as long as the law requires' left out of one line.
    short.retention![0] = {
      id: 'file',
      name: both('Medisch dossier', 'Medical file'),
      dataCategories: ['phone'],
      period: 'P6M',
      maximum: true,
      note: both('En zo lang als de wet vereist.', 'And as long as the law requires.'),
    };
    const { lines, links } = summary(short, 'en');
    expect(lines.join('\n')).not.toContain('6 months');
    expect(lines).toContain('Retention periods for each kind of data');
    expect(links).toContain('#retention');
    expect(summary(short, 'nl').lines).toContain('Bewaartermijnen per soort gegevens');
  });

  it("does not call a list of terms the law's when one of them ends before the law's 20 years (final read)", () => {
    const policy = fullPolicy();
    policy.dataSubjects[0]!.name = both('Patiënten', 'Patients');
    const { period: _period, ...rule } = policy.retention![0]!;
    policy.retention![0] = { ...rule, earliestOf: [{ period: 'P20Y' }, { period: 'P15Y' }] };
    const { lines, links } = summary(policy, 'nl');
    expect(lines.join('\n')).not.toContain('15 jaar');
    expect(lines).toContain('Bewaartermijnen per soort gegevens');
    expect(links).toContain('#retention');
  });

  it('says a condition or a list of terms so that it reads, not as a period (secondread7 item 7)', () => {
    const keptAs = (term: Partial<RetentionRule>, lang: Language): string => {
      const policy = fullPolicy();
      const { period: _period, legalSource: _law, ...rest } = policy.retention![0]!;
      policy.retention![0] = { ...rest, ...term };
      return summary(policy, lang).lines.find(
        (line) => line.startsWith('Medisch dossier') || line.startsWith('Medical file'),
      )!;
    };
    const untilAsked = { condition: 'until-deletion-request' } as const;
    expect(keptAs(untilAsked, 'nl')).toBe(
      'Medisch dossier: wij bewaren deze gegevens totdat u om verwijdering vraagt. Alle bewaartermijnen',
    );
    expect(keptAs(untilAsked, 'en')).toBe('Medical file: kept until you ask for deletion. All retention periods');
    expect(keptAs({ period: 'P20Y', longerForCare: true }, 'nl')).toBe(
      'Medisch dossier: wij bewaren deze gegevens in principe 20 jaar, of langer als dat voor goede zorg nodig is. Alle bewaartermijnen',
    );
    const either: Partial<RetentionRule> = {
      earliestOf: [{ period: 'P20Y', from: 'last-contact' }, { condition: 'contract-duration' }],
    };
    // One sentence with one colon, the list's own (it had two: 'bewaartermijn: wat het eerst komt: …').
    expect(keptAs(either, 'nl')).toBe(
      'Medisch dossier, met als bewaartermijn wat het eerst komt: 20 jaar na het laatste contact; zolang de overeenkomst duurt. Alle bewaartermijnen',
    );
    expect(keptAs(either, 'en')).toBe(
      'Medical file, whose retention period is whichever comes first: 20 years after the last contact; for the duration of the contract. All retention periods',
    );
    for (const lang of ['nl', 'en'] as const) expect(keptAs(either, lang).split(':')).toHaveLength(2);
    // A period that events end early starts with the period: 'bewaartermijn' holds.
    expect(keptAs({ earliestOf: [{ period: 'P20Y', from: 'last-contact' }, untilAsked] }, 'nl')).toBe(
      'Medisch dossier: bewaartermijn 20 jaar na het laatste contact, of eerder als u om verwijdering vraagt. Alle bewaartermijnen',
    );
  });

  it('names seeing the file and getting a copy: the medical file at a care provider, else the data (English review 15)', () => {
    const rightsLine = (policy: PolicySource, lang: Language): string =>
      summary(policy, lang).lines.find((line) => /rechten|rights/.test(line))!;
    expect(rightsLine(fullPolicy(), 'en')).toMatch(/^You can see your medical file or get a copy of it, /);
    expect(rightsLine(fullPolicy(), 'nl')).toMatch(/^U kunt uw medisch dossier inzien of er een kopie van krijgen, /);
    const client = fullPolicy();
    client.metadata.careRecipient = 'client';
    expect(rightsLine(client, 'en')).toMatch(/^You can see your file or get a copy of it, /);
    expect(rightsLine(miniPolicy(), 'en')).toMatch(
      /^You can see your data or get a copy of it, have it corrected or deleted/,
    );
    expect(rightsLine(miniPolicy(), 'nl')).toMatch(
      /^U kunt uw gegevens inzien of er een kopie van krijgen, ze laten verbeteren of wissen, /,
    );
  });

  it('links the rights line to how to ask, where the notice says how', () => {
    const { model } = analyse(fullPolicy());
    const outline = noticeOutline(model!, messagesFor('nl'));
    const rights = outline.summary!.blocks.find(
      (b) => 'paragraph' in b && b.paragraph.some((i) => i.href === '#rights'),
    );
    expect(rights && 'paragraph' in rights && rights.paragraph.map((i) => i.href ?? i.text)).toEqual([
      'U kunt uw medisch dossier inzien of er een kopie van krijgen, gegevens laten verbeteren of wissen, en meer: ',
      '#rights',
      '. ',
      '#exercising-rights',
      '.',
    ]);
    // The mini policy's controller has an e-mail address, which the rights section gives as where to ask.
    expect(summary(miniPolicy()).lines.join('\n')).toContain('Zo gebruikt u uw rechten');
    const unreachable = miniPolicy();
    delete unreachable.controller.contact;
    expect(summary(unreachable).lines.join('\n')).not.toContain('Zo gebruikt u uw rechten');
  });

  it('names the countries outside the EEA a party takes data to; says nothing when the policy says nothing', () => {
    const { lines } = summary(fullPolicy());
    expect(lines).toContain(
      'Sommige gegevens gaan naar de Verenigde Staten, buiten de Europese Economische Ruimte: welke gegevens, en hoe ze beschermd zijn',
    );
    const silent = summary(miniPolicy());
    expect(silent.links).not.toContain('#transfers');
    expect(silent.lines.join(' ')).not.toMatch(/buiten de Europese Economische Ruimte/);
  });

  it("points to the statement's own words on transfers, without claiming either way", () => {
    const policy = miniPolicy();
    policy.transfers = { statement: both('Wij geven in principe niets door.', 'In principle we transfer nothing.') };
    expect(summary(policy).lines).toContain('Uw gegevens en landen buiten de Europese Economische Ruimte');
    expect(summary(policy, 'en').lines).toContain('Your data and countries outside the European Economic Area');
  });

  it("names the organisation's own complaints route before the authority", () => {
    // Both routes in one link, two lines at 360 px: it took four, and the line on who sees the file needed them.
    // 'Meld het', not 'Klaag', which is curt and also means to moan (Dutch review 3, finding 8).
    expect(summary(fullPolicy()).lines).toContain(
      'Klacht over privacy? Meld het bij ons of bij de Autoriteit Persoonsgegevens.',
    );
    expect(summary(fullPolicy(), 'en').lines).toContain(
      'A privacy complaint? Complain to us or to the Dutch Data Protection Authority.',
    );
    // Without a route of its own but with a way to reach it, the complaints section offers that first (patient3 F4).
    expect(summary(miniPolicy()).lines).toContain(
      'Klacht over privacy? Meld het bij ons of bij de Autoriteit Persoonsgegevens.',
    );
    const unreachable = miniPolicy();
    delete unreachable.controller.contact;
    // With its full stop (Dutch review 3, finding 10).
    expect(summary(unreachable).lines).toContain(
      'Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens: zo dient u een klacht in.',
    );
    expect(summary(unreachable, 'en').lines).toContain(
      'Unhappy with how we use your data? You can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens): how to complain.',
    );
    // A care provider's complaints officer (Wkkgz) is its own route too, without a text of its own.
    const withOfficer = miniPolicy();
    withOfficer.complaints = { officer: { name: 'Klachtenbureau', contact: { url: 'https://klachten.example' } } };
    expect(summary(withOfficer).lines).toContain(
      'Klacht over privacy? Meld het bij ons of bij de Autoriteit Persoonsgegevens.',
    );
  });

  it('sends a complaint to us only where the notice says how to reach us: not after our own text alone (Dutch review 3, finding 9)', () => {
    // Cosmetic Clinic's text sends complaints to its DPO, whose details it does not give, and no contact of ours is
    // stated: 'Klaag bij ons' led to a dead end.
    const ownTextOnly = miniPolicy();
    delete ownTextOnly.controller.contact;
    ownTextOnly.complaints = { internal: both('Neem contact op met onze FG.', 'Contact our DPO.') };
    expect(summary(ownTextOnly).lines).toContain(
      'Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens: zo dient u een klacht in.',
    );
    expect(summary(ownTextOnly, 'en').lines.join('\n')).not.toContain('Complain to us');
    // An officer with no contact details of its own, and no way to reach us: the same.
    const officerOnly = miniPolicy();
    delete officerOnly.controller.contact;
    officerOnly.complaints = {
      officer: {
        name: 'Klachtenfunctionaris',
        contact: { note: both('Vraag ernaar bij de balie.', 'Ask at the desk.') },
      },
    };
    expect(summary(officerOnly).lines).toContain(
      'Klacht over privacy? Dan kunt u terecht bij de Autoriteit Persoonsgegevens: zo dient u een klacht in.',
    );
    // With a way to reach us, our own text is a route again.
    ownTextOnly.controller.contact = { email: 'privacy@mini.example' };
    expect(summary(ownTextOnly).lines).toContain(
      'Klacht over privacy? Meld het bij ons of bij de Autoriteit Persoonsgegevens.',
    );
  });

  it('at a care provider, says who sees the file as BW 7:457 has it, the question linked to the patient rights (patient3 F7)', () => {
    const at = (policy: PolicySource, lang: Language = 'nl'): number =>
      summary(policy, lang).links.indexOf('#patient-rights');
    const care = fullPolicy();
    // 'Wie u behandelt, tenzij u of de wet anders bepaalt' read as 'you may stop your doctor from seeing it'
    // (Dutch review 3, finding 1): the exception is for others.
    expect(summary(care).lines[at(care)]).toBe(
      'Wie ziet uw dossier? Alleen wie aan uw zorg werkt, en wie u of de wet aanwijst.',
    );
    expect(summary(care, 'en').lines[at(care, 'en')]).toBe(
      'Who sees your file? Those who work on your care, and others only with your consent or where the law requires it.',
    );
    care.metadata.formality = 'informal';
    expect(summary(care).lines[at(care)]).toBe(
      'Wie ziet je dossier? Alleen wie je zorg geeft, en wie jij of de wet aanwijst.',
    );
    // Not at an organisation that is no care provider: it has no such rule, nor a section for it.
    expect(summary(miniPolicy()).links).not.toContain('#patient-rights');
  });

  it('does not read processors alone as everyone who receives the data', () => {
    expect(summary(fullPolicy()).lines).toContain(
      'Dienstverleners die voor ons werken, krijgen uw gegevens, bijvoorbeeld Hoster',
    );
    expect(summary(fullPolicy(), 'en').lines).toContain(
      'Service providers who work for us also receive your data, for example: Hoster',
    );
  });

  it('names those who receive the data in about two lines (80 characters of names), the rest counted', () => {
    const policy = fullPolicy();
    policy.recipients = [
      'Eerste ontvanger met een lange naam',
      'Tweede ontvanger met een lange naam',
      'Derde',
      'Vierde',
    ].map((name, i) => ({ id: `r${i}`, name: both(name), type: 'authority' as const }));
    expect(summary(policy).lines).toContain(
      'Ook deze partijen krijgen uw gegevens: Eerste ontvanger met een lange naam, Tweede ontvanger met een lange naam, Derde en nog 2 andere partijen',
    );
  });

  it('points to a recipients section that has only the statement’s own words', () => {
    const policy = miniPolicy();
    policy.sharing = both('Wij delen gegevens met uw huisarts.', 'We share data with your GP.');
    const { lines, links } = summary(policy);
    expect(lines).toContain('Wie uw gegevens ontvangt');
    expect(links).toContain('#recipients');
  });

  it('keeps the purposes to one line, second: the one purpose by name, or how many there are', () => {
    expect(summary(miniPolicy()).lines[1]).toBe(
      'Waarvoor wij uw gegevens gebruiken, en waarom dat mag: Verbindingen leggen',
    );
    expect(summary(miniPolicy()).links[1]).toBe('#purpose-connect');
    expect(summary(fullPolicy()).lines[1]).toBe('Waarvoor wij uw gegevens gebruiken, en waarom dat mag: 2 doelen');
    expect(summary(fullPolicy(), 'en').lines[1]).toBe('What we use your data for, and why we may do so: 2 purposes');
  });
});
