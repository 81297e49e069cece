import { describe, expect, it } from 'vitest';
import { changeGroup } from '../../src/diff/change-groups.js';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { model, modelWith } from './support.js';

/** From the diff review of 2026-12-06, defect 8: labels, per-language merge, removal, groups, double counting. */
const v1 = model('clinic-v1/policy.json');
const en = messagesFor('en');

describe('the report counts and words each change once', () => {
  it('a note per right removed in both languages is one change, told as removed', () => {
    const withNote = modelWith('clinic-v1/policy.json', (s) => {
      s.rights = { notes: { erasure: { nl: 'Wissen kan niet altijd.', en: 'Erasure is not always possible.' } } };
    });
    const changes = diffPolicies(withNote, v1);
    expect(changes).toHaveLength(1);
    expect(changeWords(changes[0]!, en).sentence).toBe(
      'The policy no longer states rights, notes, having data deleted (right to erasure).',
    );
  });

  it('a text removed is not "the wording changed"', () => {
    const withSecurity = modelWith('clinic-v1/policy.json', (s) => {
      s.security = { description: { nl: 'Versleuteld.', en: 'Encrypted.' } };
    });
    const [change] = diffPolicies(withSecurity, v1);
    expect(changeWords(change!, en).sentence).toBe('The policy no longer states security, description.');
  });

  it("the controller's own address is not under 'who gets my data'", () => {
    const moved = modelWith('clinic-v1/policy.json', (s) => {
      s.controller.address.street = 'Eikenlaan 5';
    });
    expect(diffPolicies(v1, moved).map(changeGroup)).toEqual(['other']);
  });

  it('a new processor is one material change, with the purposes it serves', () => {
    const added = modelWith('clinic-v1/policy.json', (s) => {
      s.processors.push({ id: 'mail', name: 'Mail B.V.', service: { nl: 'E-mail', en: 'E-mail' }, country: 'NL' });
      s.purposes[0].processors.push('mail');
    });
    const changes = diffPolicies(v1, added);
    expect(changes.map((c) => [c.kind, c.class])).toEqual([['processor-added', 'material']]);
    expect(changeWords(changes[0]!, en).sentence).toBe(
      'Mail B.V. is engaged as a new processor. This is for: Dental treatment.',
    );
  });
});

describe('the languages of the notice (review improvement 8)', () => {
  it('dropping one is a material change, and its readers get the letter too', () => {
    const dutchOnly = modelWith('clinic-v1/policy.json', (s) => {
      s.metadata.languages = ['nl'];
    });
    const changes = diffPolicies(v1, dutchOnly);
    expect(changes.map((c) => [c.kind, c.class])).toEqual([['language-removed', 'material']]);
    expect(changeWords(changes[0]!, en).sentence).toBe('The notice is no longer in English.');
    const draft = noticeDraft(dutchOnly, changes, { oldModel: v1 })!;
    expect(draft.texts.map((t) => t.lang)).toEqual(['nl', 'en']);
    expect(draft.texts[0]!.changes).toEqual(['Onze privacyverklaring is niet langer in het Engels beschikbaar.']);
  });
});
