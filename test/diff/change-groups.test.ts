import { describe, expect, it } from 'vitest';
import { changeGroup, changeGroups } from '../../src/diff/change-groups.js';
import { changeKinds, type ChangeKind } from '../../src/diff/change-kinds.js';
import { positionWords } from '../../src/diff/change-position.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { model } from './support.js';

/** Kinds that can be about any part of the policy: grouped by where they are. */
const generic = new Set<string>(['renamed', 'wording', 'changed', 'contact-changed']);

describe('the group of a change', () => {
  it('is fixed by the kind for every kind that is about one thing', () => {
    for (const kind of Object.keys(changeKinds) as ChangeKind[]) {
      if (generic.has(kind)) continue;
      // The same kind anywhere in the document lands in the same group, and never in 'other'.
      const groups = new Set(['', '/contact/email', '/purposes/0'].map((pointer) => changeGroup({ kind, pointer })));
      expect([kind, groups.size]).toEqual([kind, 1]);
      // The organisation's own name and number are not 'who gets my data' (diff review defect 8), nor are the
      // notice's languages (improvement 8): 'other'.
      if (!/^(processor-activity|language)-/.test(kind) && kind !== 'controller-changed')
        expect([kind, [...groups][0]]).not.toEqual([kind, 'other']);
    }
  });

  it('follows the pointer for the kinds that can be about anything', () => {
    expect(changeGroup({ kind: 'wording', pointer: '/processors/1/service' })).toBe('who');
    expect(changeGroup({ kind: 'changed', pointer: '/retention/0/from' })).toBe('howLong');
    expect(changeGroup({ kind: 'contact-changed', pointer: '/rights/contact/email' })).toBe('rights');
    expect(changeGroup({ kind: 'contact-changed', pointer: '/contact/email' })).toBe('other');
    expect(changeGroup({ kind: 'wording', pointer: '' })).toBe('other');
  });

  it('has a heading in both languages for every group', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const group of changeGroups) expect(messagesFor(lang).has(`diff:group.${group}`)).toBe(true);
    }
  });
});

describe('the position of a change in words', () => {
  const v2 = model('newsletter-v2/policy.json');
  it('names the items on the way by kind and name, and fields by their labels', () => {
    expect(positionWords({ pointer: '/purposes/2/processors/0' }, v2.source, messagesFor('nl'))).toBe(
      'Doel “Nieuwsbrief”, verwerker “The Rocket Science Group LLC (Mailchimp)”',
    );
    expect(positionWords({ pointer: '/retention/2/period' }, v2.source, messagesFor('en'))).toBe(
      'Retention period “Newsletter data”, period',
    );
    expect(positionWords({ pointer: '/contact/email' }, v2.source, messagesFor('nl'))).toBe('Contactgegevens, e-mail');
    expect(positionWords({ pointer: '' }, v2.source, messagesFor('en'))).toBe('The whole policy');
    // An index the document does not have (a stale pointer) is not given a made-up name.
    expect(positionWords({ pointer: '/purposes/9' }, v2.source, messagesFor('en'))).toBe('Purposes');
  });
});

describe('the notice draft', () => {
  it('has a plain sentence for every material kind, in both languages', () => {
    const material = Object.entries(changeKinds)
      .filter(([, facts]) => facts.class === 'material')
      .map(([kind]) => kind);
    for (const lang of ['nl', 'en'] as const) {
      expect(material.filter((kind) => !messagesFor(lang).has(`diff:notice.change.${kind}`))).toEqual([]);
    }
  });
});

describe('the report', () => {
  it('has a plain sentence for every kind, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      expect(Object.keys(changeKinds).filter((kind) => !messagesFor(lang).has(`diff:sentence.${kind}`))).toEqual([]);
    }
  });
});
