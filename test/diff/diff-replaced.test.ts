import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { model, modelWith } from './support.js';

/** From the diff review of 2026-12-06, defect 5: a 'replacement' between parties of different kinds. */
const v1 = model('clinic-v1/policy.json');
const swapped = (type: string) =>
  modelWith('clinic-v1/policy.json', (s) => {
    s.recipients = [{ id: 'lab', name: { nl: 'Tandtechnisch lab', en: 'Dental lab' }, type, country: 'NL' }];
    for (const p of s.purposes) p.recipients = (p.recipients ?? []).map(() => 'lab');
  });

describe('a party replaced by another', () => {
  it('of another type is a removal and an addition, not a replacement', () => {
    const kinds = diffPolicies(v1, swapped('care-provider')).map((c) => c.kind);
    expect(kinds).not.toContain('recipient-replaced');
    expect(kinds).toEqual(expect.arrayContaining(['recipient-added', 'recipient-removed']));
  });

  it('of the same type is still one replacement', () => {
    expect(diffPolicies(v1, swapped('insurer')).map((c) => c.kind)).toContain('recipient-replaced');
  });

  it('a processor for another kind of service is not a replacement; one without a category fits', () => {
    const processor = (category: string | undefined) =>
      modelWith('clinic-v1/policy.json', (s) => {
        s.processors[0].serviceCategory = { nl: 'Software', en: 'Software' };
        if (category === undefined) return;
        s.processors.push({
          id: 'other',
          name: 'Other B.V.',
          service: { nl: 'Dienst', en: 'Service' },
          country: 'NL',
          serviceCategory: { nl: category, en: category },
        });
        s.processors.shift();
        for (const p of s.purposes) p.processors = (p.processors ?? []).map(() => 'other');
      });
    expect(diffPolicies(processor(undefined), processor('Hosting')).map((c) => c.kind)).not.toContain(
      'processor-replaced',
    );
    expect(diffPolicies(processor(undefined), processor('Software')).map((c) => c.kind)).toContain(
      'processor-replaced',
    );
  });
});
