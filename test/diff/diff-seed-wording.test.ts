import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { renderDiffText } from '../../src/diff/render-diff.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { repoRoot } from '../support/cli.js';

/** From the diff review of 2026-12-07: Dental Clinics (undated, no version label, a DPO without a name). */
type Source = Record<string, any>;
const file = path.join(repoRoot, 'policies/dental-clinics/policy.json');
const text = (patch: (source: Source) => void = () => {}): string => {
  const source = JSON.parse(readFileSync(file, 'utf8')) as Source;
  patch(source);
  return JSON.stringify(source, null, 2);
};
const compare = (before: string, after: string) => {
  const compared = comparePolicies(
    { text: before, label: 'dental-old.json', path: file },
    { text: after, label: 'dental-new.json', path: file },
  );
  expect(compared.value).toBeDefined();
  return compared.value!;
};
const report = (before: string, after: string, lang: 'nl' | 'en'): string =>
  renderDiffText(compare(before, after), messagesFor(lang));
const named = (name: string) => (s: Source) => {
  s.dpo.name = name;
};
/** Google no longer given data (the cookies purpose's third party): material, so a letter is drafted. */
const withoutGoogle = (s: Source) => {
  s.recipients = s.recipients.filter((r: { id: string }) => r.id !== 'google');
  for (const p of s.purposes) if (p.recipients) p.recipients = p.recipients.filter((r: string) => r !== 'google');
};

describe('a change to the data protection officer, as a sentence', () => {
  it('a new name reads as a sentence about the officer (nl, en)', () => {
    const before = text(named('Dhr. B. de Boer'));
    const after = text(named('Mw. A. Jansen'));
    expect(report(before, after, 'nl')).toContain(
      'De functionaris voor gegevensbescherming is voortaan Mw. A. Jansen (was: Dhr. B. de Boer).',
    );
    expect(report(before, after, 'en')).toContain(
      'The data protection officer is now Mw. A. Jansen (was: Dhr. B. de Boer).',
    );
  });

  it('a name given for the first time, or no longer, says that the notice names them (nl, en)', () => {
    const after = text(named('Mw. A. Jansen'));
    expect(report(text(), after, 'nl')).toContain(
      'De verklaring noemt voortaan de naam van de functionaris voor gegevensbescherming: Mw. A. Jansen.',
    );
    expect(report(after, text(), 'en')).toContain(
      'The notice no longer names the data protection officer (was: Mw. A. Jansen).',
    );
  });

  it('a new e-mail address of the officer likewise', () => {
    const after = text((s) => {
      s.dpo.contact.email = 'fg@dentalclinics.nl';
    });
    expect(report(text(), after, 'nl')).toContain(
      'Het e-mailadres van de functionaris voor gegevensbescherming wordt fg@dentalclinics.nl (was: privacy@dentalclinics.nl).',
    );
  });
});

describe('who speaks', () => {
  it('the report speaks of the organisation, the letter in its voice (nl, en)', () => {
    const result = compare(text(), text(withoutGoogle));
    expect(renderDiffText(result, messagesFor('nl'))).toContain('De organisatie geeft geen gegevens meer aan Google.');
    expect(renderDiffText(result, messagesFor('en'))).toContain('The organisation no longer gives data to Google.');
    const letter = (lang: 'nl' | 'en') => result.notice!.texts.find((t) => t.lang === lang)!.changes.join('\n');
    expect(letter('nl')).toContain('Wij geven je gegevens niet langer aan Google.');
    expect(letter('en')).toContain('We no longer give your data to Google.');
  });

  it("no sentence of the report is in the organisation's first person", () => {
    for (const lang of ['nl', 'en'] as const) {
      const locale = JSON.parse(readFileSync(path.join(repoRoot, `locales/${lang}/diff.json`), 'utf8')) as Source;
      const texts = (o: unknown): string[] =>
        typeof o === 'string' ? [o] : typeof o === 'object' && o ? Object.values(o).flatMap(texts) : [];
      const sentences = ['sentence', 'fieldSentence', 'flag', 'kind'].flatMap((section) => texts(locale[section]));
      expect(sentences.length).toBeGreaterThan(50);
      expect(sentences.filter((s) => /\b(wij|we|ons|onze|us|our)\b/i.test(s))).toEqual([]);
    }
  });
});

describe('versions that state neither a version label nor a date', () => {
  it('the report names the two files once', () => {
    const lines = report(text(), text(withoutGoogle), 'nl').split('\n');
    expect(lines[1]).toBe('Van dental-old.json naar dental-new.json.');
    expect(lines.filter((l) => l.includes('dental-old.json') && !l.includes(' · '))).toHaveLength(1);
  });

  it('with a version label, the files are still named beside it', () => {
    const lines = report(
      text(),
      text((s) => ((s.metadata.version = '2027.1'), withoutGoogle(s))),
      'en',
    ).split('\n');
    expect(lines[1]).toBe('From dental-old.json to version 2027.1.');
    expect(lines[2]).toBe('Old: dental-old.json. New: dental-new.json.');
  });

  it('tells the sender that readers cannot tell the new notice from the old', () => {
    const notes = (after: string, lang: 'nl' | 'en') =>
      compare(text(), after).notice!.texts.find((t) => t.lang === lang)!.senderNotes;
    expect(notes(text(withoutGoogle), 'nl')).toContain(
      'Geen van beide versies heeft een versienummer of datum (metadata.version, effectiveDate of lastModified): wie de privacyverklaring leest, kan de nieuwe niet van de oude onderscheiden. Geef de nieuwe versie een versienummer (metadata.version) of een ingangsdatum (metadata.effectiveDate) voordat ze wordt gepubliceerd.',
    );
    expect(notes(text(withoutGoogle), 'en').join('\n')).toContain(
      'readers cannot tell the new privacy notice from the old one',
    );
    const dated = text((s) => ((s.metadata.effectiveDate = '2027-03-01'), withoutGoogle(s)));
    expect(notes(dated, 'en').join('\n')).not.toContain('cannot tell');
  });
});
