import { describe, expect, it } from 'vitest';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { modelWith } from './support.js';

/**
 * consentBy (whose consent a basis part rests on) compared like the other references of a basis:
 * named by its data subjects, never as the resolved object (the diff review of 2026-12-06 found
 * '{"id":"users",…,"pointer":"/dataSubjects/0"}' in a draft letter to patients).
 */
const withConsentPart = (consentBy?: string[]) =>
  modelWith('clinic-v1/policy.json', (source) => {
    source.dataSubjects.push({ id: 'relatives', name: { nl: 'Naasten', en: 'Relatives' } });
    const purpose = source.purposes[0];
    delete purpose.legalBasis;
    purpose.dataSubjects = ['patients', 'relatives'];
    purpose.legalBases = [{ basis: '6(1)(a)', ...(consentBy ? { consentBy } : {}) }];
  });

describe('diff of consentBy', () => {
  it("naming who gives the consent is one material change, worded with the group's name", () => {
    const changes = diffPolicies(withConsentPart(), withConsentPart(['patients']));
    expect(changes.map((c) => [c.kind, c.class])).toEqual([['consent-giver-added', 'material']]);
    const nl = changeWords(changes[0]!, messagesFor('nl'));
    const en = changeWords(changes[0]!, messagesFor('en'));
    expect(nl.sentence).toBe(
      'De toestemming voor Tandheelkundige behandeling wordt voortaan ook gegeven door Patiënten.',
    );
    expect(en.sentence).toBe('The consent for Dental treatment is now also given by Patients.');
    expect(`${nl.summary} ${en.summary}`).not.toMatch(/consentBy|\{|\[object/);
  });

  it('the same consentBy on both sides is no change', () => {
    expect(diffPolicies(withConsentPart(['patients']), withConsentPart(['patients']))).toEqual([]);
  });
});
