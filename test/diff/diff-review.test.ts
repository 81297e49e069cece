import { describe, expect, it } from 'vitest';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { model, modelWith } from './support.js';

/** From the diff review of 2026-12-06. 'P20Y' rewritten as 'P240M' was a material change with a draft letter. */
describe('a retention period written in other units', () => {
  const withPeriod = (period: string) =>
    modelWith('clinic-v1/policy.json', (source) => {
      source.retention[0].period = period;
    });

  it('is no change when it measures the same', () => {
    // clinic-v1 keeps its medical file P15Y.
    expect(diffPolicies(model('clinic-v1/policy.json'), withPeriod('P180M'))).toEqual([]);
    expect(diffPolicies(withPeriod('P20Y'), withPeriod('P240M'))).toEqual([]);
  });

  it('is still longer or shorter when it does not', () => {
    expect(diffPolicies(withPeriod('P240M'), withPeriod('P252M')).map((c) => c.kind)).toEqual(['retention-longer']);
    expect(diffPolicies(withPeriod('P20Y'), withPeriod('P228M')).map((c) => c.kind)).toEqual(['retention-shorter']);
  });
});

describe('the article of a change follows what changed', () => {
  it("the DPO's contact details are 13(1)(b); withdrawing consent is 13(2)(c)", () => {
    const withDpo = (email: string) =>
      modelWith('clinic-v1/policy.json', (source) => {
        source.dpo = { name: 'FG', contact: { email } };
      });
    const dpo = diffPolicies(withDpo('fg@old.example'), withDpo('fg@new.example'));
    expect(dpo.map((c) => [c.kind, c.article])).toEqual([['contact-changed', 'GDPR 13(1)(b)']]);
    const onConsent = modelWith('clinic-v1/policy.json', (source) => {
      source.purposes[0].legalBasis = '6(1)(a)';
    });
    const rights = diffPolicies(model('clinic-v1/policy.json'), onConsent).filter((c) => c.kind === 'right-added');
    expect(rights.map((c) => [c.new?.value, c.article])).toContainEqual(['withdraw-consent', 'GDPR 13(2)(c)']);
  });
});

describe('the data protection officer', () => {
  const withDpo = modelWith('clinic-v1/policy.json', (source) => {
    source.dpo = { name: 'FG', contact: { email: 'fg@clinic.example' } };
  });

  it('named or no longer named is material (13(1)(b), as the schema classes it); a new address is editorial', () => {
    const base = model('clinic-v1/policy.json');
    expect(diffPolicies(withDpo, base).map((c) => [c.kind, c.class, c.article])).toEqual([
      ['dpo-removed', 'material', 'GDPR 13(1)(b)'],
    ]);
    expect(diffPolicies(base, withDpo).map((c) => [c.kind, c.class])).toEqual([['dpo-added', 'material']]);
    const moved = modelWith('clinic-v1/policy.json', (source) => {
      source.dpo = { name: 'FG', contact: { email: 'fg@new.example' } };
    });
    expect(diffPolicies(withDpo, moved).map((c) => [c.kind, c.class])).toEqual([['contact-changed', 'editorial']]);
  });
});

describe('a recipient no longer given data', () => {
  it('is said without a verb that must agree with the name ("Zorgverzekeraars ontvangt")', () => {
    const without = modelWith('clinic-v1/policy.json', (source) => {
      source.recipients = [];
      for (const purpose of source.purposes) delete purpose.recipients;
    });
    const removed = diffPolicies(model('clinic-v1/policy.json'), without).find((c) => c.kind === 'recipient-removed')!;
    expect(changeWords(removed, messagesFor('nl')).sentence).toMatch(
      /^De organisatie geeft geen gegevens meer aan .+\.$/,
    );
    expect(changeWords(removed, messagesFor('en')).sentence).toMatch(/^The organisation no longer gives data to .+\.$/);
  });
});

describe("a retention rule's law", () => {
  it('citing its article is a change of the law reference, not of the period', () => {
    const cited = modelWith('clinic-v1/policy.json', (source) => {
      source.retention[0].legalSource = { ...source.retention[0].legalSource, article: '7:454' };
    });
    const changes = diffPolicies(model('clinic-v1/policy.json'), cited);
    expect(changes.map((c) => c.kind)).not.toContain('retention-changed');
    expect(changes.map((c) => [c.kind, c.pointer])).toEqual([['changed', '/retention/0/legalSource/article']]);
  });
});

describe('the kind of care provider (controller.careSector)', () => {
  it('is an editorial change, told in words, not as its id', () => {
    const hospital = modelWith('clinic-v1/policy.json', (source) => {
      source.controller.careSector = 'hospital';
    });
    const [change] = diffPolicies(model('clinic-v1/policy.json'), hospital);
    expect(change).toMatchObject({ kind: 'changed', class: 'editorial' });
    // In words, lower-case mid-sentence: 'soort zorgaanbieder is voortaan ziekenhuis'.
    expect(changeWords(change!, messagesFor('nl')).sentence).toContain('is voortaan ziekenhuis');
    expect(changeWords(change!, messagesFor('en')).sentence).toContain('hospital');
  });

  it('keeps an abbreviation that starts the words as it is (not "gP out-of-hours post")', () => {
    const post = modelWith('clinic-v1/policy.json', (source) => {
      source.controller.careSector = 'gp-out-of-hours';
    });
    const [change] = diffPolicies(model('clinic-v1/policy.json'), post);
    expect(changeWords(change!, messagesFor('en')).sentence).toContain('GP out-of-hours post');
    expect(changeWords(change!, messagesFor('nl')).sentence).toContain('huisartsenpost');
    expect(changeWords(change!, messagesFor('en')).sentence).not.toContain('gp-out-of-hours');
  });
});
