import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.js';
import { durationInDays } from '../../src/law/durations.js';
import { formatDuration, formatLawReference, retentionPhrase } from '../../src/render/retention-phrase.js';
import type { RetentionRuleSource } from '../../src/policy/policy-types.js';

const nl = messagesFor('nl');
const nlInformal = messagesFor('nl', 'informal');
const en = messagesFor('en');
const rule = (r: Partial<RetentionRuleSource>): RetentionRuleSource => ({ id: 'r', name: { nl: 'x', en: 'x' }, ...r });

describe('retention written out', () => {
  it('durations, with plurals', () => {
    expect(formatDuration('P20Y', nl)).toBe('20 jaar');
    expect(formatDuration('P1Y', en)).toBe('1 year');
    expect(formatDuration('P4W', nl)).toBe('4 weken');
    expect(formatDuration('P1M', nl)).toBe('1 maand');
    expect(formatDuration('P30D', en)).toBe('30 days');
    expect(formatDuration('P1Y6M', nl)).toBe('1 jaar en 6 maanden');
    expect(formatDuration('P1Y2M3D', en)).toBe('1 year, 2 months and 3 days');
  });

  it('the WGBO term, in both languages', () => {
    const wgbo = rule({ period: 'P20Y', from: 'last-file-change', legalSource: { law: 'wgbo' } });
    expect(retentionPhrase(wgbo, nl)).toBe(
      '20 jaar na de laatste wijziging van het dossier, op grond van de Wet op de geneeskundige behandelingsovereenkomst (WGBO)',
    );
    expect(retentionPhrase(wgbo, en)).toBe(
      '20 years after the last change to the file, under the Medical Treatment Contracts Act (WGBO)',
    );
  });

  it('a legal source with its own article', () => {
    expect(retentionPhrase(rule({ period: 'P7Y', legalSource: { law: 'awr', article: 'art. 52 lid 4' } }), nl)).toBe(
      '7 jaar, op grond van de Algemene wet inzake rijksbelastingen (artikel 52, lid 4, AWR)',
    );
  });

  it('the secrecy laws by name: Wet BIG with its article, the Jeugdwet without repeating its name as abbreviation', () => {
    expect(formatLawReference({ law: 'wet-big', article: 'art. 88' }, nl)).toBe(
      'Wet op de beroepen in de individuele gezondheidszorg (artikel 88 Wet BIG)',
    );
    expect(formatLawReference({ law: 'wet-big' }, en)).toBe('Individual Healthcare Professions Act (Wet BIG)');
    expect(formatLawReference({ law: 'jeugdwet' }, nl)).toBe('Jeugdwet');
    expect(formatLawReference({ law: 'jeugdwet', article: '7.3.11' }, en)).toBe('Youth Act (Article 7.3.11 Jeugdwet)');
    expect(formatLawReference({ law: 'wkkgz' }, nl)).toBe('Wet kwaliteit, klachten en geschillen zorg (Wkkgz)');
  });

  it('maximum, consent extension and objection, with the informal Dutch register', () => {
    expect(retentionPhrase(rule({ period: 'P30D', maximum: true }), en)).toBe('no longer than 30 days');
    expect(retentionPhrase(rule({ period: 'P4W', from: 'end-of-application', withConsent: 'P1Y' }), nl)).toBe(
      '4 weken na het einde van de sollicitatieprocedure; met uw toestemming ten hoogste 1 jaar',
    );
    expect(retentionPhrase(rule({ period: 'P4W', from: 'end-of-application', withConsent: 'P1Y' }), nlInformal)).toBe(
      '4 weken na het einde van de sollicitatieprocedure; met je toestemming ten hoogste 1 jaar',
    );
    expect(retentionPhrase(rule({ period: 'P2Y', from: 'last-website-visit', endsOnObjection: true }), en)).toBe(
      '2 years after the last visit to the website, or earlier if you object',
    );
  });

  it('criteria instead of periods', () => {
    expect(retentionPhrase(rule({ condition: 'treatment-duration' }), nl)).toBe('zolang de behandeling duurt');
    expect(retentionPhrase(rule({ condition: 'until-deletion-request' }), nlInformal)).toBe(
      'totdat je om verwijdering vraagt',
    );
  });

  it('compares periods in days', () => {
    expect(durationInDays('P20Y')! > durationInDays('P15Y')!).toBe(true);
    expect(durationInDays('P6M')! < durationInDays('P1Y')!).toBe(true);
    expect(durationInDays('P4W')).toBe(28);
    expect(durationInDays('nonsense')).toBeUndefined();
  });

  it('the earliest of several terms reads as a sentence, not a list after a colon (issue 10)', () => {
    const earliest = rule({
      earliestOf: [
        { period: 'P3Y', from: 'last-contact' },
        { condition: 'until-objection' },
        { condition: 'until-deletion-request' },
      ],
    });
    expect(retentionPhrase(earliest, nl)).toBe(
      '3 jaar na het laatste contact, of eerder als u bezwaar maakt of om verwijdering vraagt',
    );
    expect(retentionPhrase(earliest, en)).toBe(
      '3 years after the last contact, or earlier if you object or ask for deletion',
    );
    const criteria = rule({ earliestOf: [{ condition: 'until-objection' }, { condition: 'until-deletion-request' }] });
    expect(retentionPhrase(criteria, nl)).toBe('totdat u bezwaar maakt of om verwijdering vraagt');
    expect(retentionPhrase(criteria, en)).toBe('until you object or ask for deletion');
  });
});
