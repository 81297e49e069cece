/**
 * The schema additions seeds 001 and 002 needed: an undated statement, a DPO
 * without contact details, cookie categories with a consent link, and the
 * right to information when the policy explains it.
 */
import { describe, expect, it } from 'vitest';
import { compileNotices, readingText } from '../support/seed-output.js';

const base = {
  id: 'mini',
  metadata: {
    version: '3',
    effectiveDate: '2025-01-31',
    languages: ['nl', 'en'],
    sourceLanguage: 'nl',
    formality: 'informal',
  },
  controller: { name: 'Praktijk Mini B.V.' },
  dataSubjects: [{ id: 'patients', name: { nl: 'Patiënten', en: 'Patients' } }],
  dataCategories: [{ id: 'contact', name: { nl: 'Contactgegevens', en: 'Contact details' } }],
  purposes: [
    {
      id: 'care',
      name: { nl: 'Zorg', en: 'Care' },
      legalBasis: '6(1)(b)',
      dataSubjects: ['patients'],
      dataCategories: ['contact'],
    },
  ],
};

function notice(policy: object, lang: 'nl' | 'en'): string {
  const compiled = compileNotices(JSON.stringify(policy, null, 2), 'mini/policy.json');
  expect(compiled.diagnostics).toEqual([]);
  const md = compiled.outputs.find((o) => o.path === `mini/${lang}/privacy.md`);
  return readingText(String(md!.contents), 'privacy.md');
}

describe('an undated statement', () => {
  it('shows the version without an effective date', () => {
    const { effectiveDate: _dropped, ...metadata } = base.metadata;
    const undated = { ...base, metadata };
    expect(notice(undated, 'en')).toContain('Version 3. ');
    expect(notice(undated, 'en')).not.toContain('effective from');
    expect(notice(undated, 'nl')).toContain('Versie 3. ');
    expect(notice(base, 'en')).toContain('Version 3, effective from 31 January 2025.');
  });
});

describe('a DPO without contact details', () => {
  it('is valid and says the contact details are not stated', () => {
    const policy = { ...base, dpo: {} };
    expect(notice(policy, 'en')).toContain('Data protection officer Contact details: Not stated in this notice.');
    expect(notice(policy, 'nl')).toContain(
      'Functionaris voor gegevensbescherming Contactgegevens: Niet vermeld in deze verklaring.',
    );
  });

  it('shows the contact details when they are given', () => {
    const text = notice({ ...base, dpo: { contact: { email: 'fg@mini.nl' } } }, 'en');
    expect(text).toContain('Data protection officer E-mail: fg@mini.nl');
    expect(text).not.toContain('Contact details: Not stated in this notice');
  });
});

describe('cookie categories', () => {
  const cookies = {
    used: true,
    consentUrl: 'https://mini.nl/cookies',
    categories: [
      {
        id: 'needed',
        name: { nl: 'Noodzakelijke cookies', en: 'Necessary cookies' },
        consentRequired: false,
        canBeDisabled: false,
      },
      {
        id: 'ads',
        name: { nl: 'Advertentiecookies', en: 'Advertising cookies' },
        description: { nl: 'Voor advertenties.', en: 'For ads.' },
        consentRequired: true,
        canBeDisabled: true,
      },
      { id: 'stats', name: { nl: 'Statistische cookies', en: 'Statistical cookies' } },
    ],
  };

  it('lists each category with what the policy says about consent and switching off', () => {
    const en = notice({ ...base, cookies }, 'en');
    expect(en).toContain(
      'We use these kinds of cookies: Necessary cookies: We place these cookies without asking for your consent. These cookies cannot be switched off.',
    );
    expect(en).toContain(
      'Advertising cookies: For ads. We place these cookies only with your consent. You can switch these cookies off.',
    );
    expect(en).toContain(
      'You can switch these cookies off. Statistical cookies You can change or withdraw your consent to cookies at https://mini.nl/cookies.',
    );
  });

  it('uses the informal Dutch register', () => {
    const nl = notice({ ...base, cookies }, 'nl');
    expect(nl).toContain(
      'Noodzakelijke cookies: Deze cookies plaatsen wij zonder je toestemming te vragen. Deze cookies kunnen niet worden uitgeschakeld.',
    );
    expect(nl).toContain(
      'Advertentiecookies: Voor advertenties. Deze cookies plaatsen wij alleen met je toestemming. Je kunt deze cookies uitschakelen.',
    );
    expect(nl).toContain('Je kunt je toestemming voor cookies wijzigen of intrekken op https://mini.nl/cookies.');
  });

  it('reports a category without a name at its position', () => {
    const policy = { ...base, cookies: { used: true, categories: [{ id: 'x' }] } };
    const compiled = compileNotices(JSON.stringify(policy, null, 2), 'mini/policy.json');
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      ruleId: 'schema/required',
      pointer: '/cookies/categories/0/name',
      message: 'missing required property "name"',
    });
    const lines = JSON.stringify(policy, null, 2).split('\n');
    const line = lines.findIndex((l) => l.includes('"id": "x"'));
    // The category object opens on the line before its "id".
    expect(errors[0]!.line).toBe(line);
    expect(errors[0]!.column).toBe(lines[line - 1]!.indexOf('{') + 1);
  });

  it('reports a consent link that is not http(s) at its position', () => {
    const policy = { ...base, cookies: { used: true, consentUrl: 'javascript:alert(1)' } };
    const text = JSON.stringify(policy, null, 2);
    const errors = compileNotices(text, 'mini/policy.json').diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.pointer)).toContain('/cookies/consentUrl');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"consentUrl"'));
    const error = errors.find((d) => d.pointer === '/cookies/consentUrl')!;
    expect(error.line).toBe(line + 1);
    expect(error.column).toBe(lines[line]!.indexOf('"javascript') + 1);
  });
});

describe('the right to information', () => {
  it('is listed only when the policy explains it', () => {
    expect(notice(base, 'en')).not.toContain('(right to be informed)');
    const noted = {
      ...base,
      rights: { notes: { information: { nl: 'Je mag weten wat we doen.', en: 'You may know what we do.' } } },
    };
    const en = notice(noted, 'en');
    // The general text first, the organisation's own after it: it no longer replaces it (English review 2).
    expect(en).toContain(
      'Knowing what we do with your data (right to be informed) You have the right to be told how we process your personal data; this notice gives you that information. Our explanation: You may know what we do.',
    );
    expect(en.indexOf('(right to be informed)')).toBeLessThan(en.indexOf('(right of access)'));
    expect(notice(noted, 'nl')).toContain('Onze toelichting: Je mag weten wat we doen.');
  });
});
