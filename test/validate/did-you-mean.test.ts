import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/validate/did-you-mean.js';

const retentionKeys = ['id', 'name', 'dataCategories', 'period', 'maximum', 'minimum', 'from', 'condition', 'note'];

describe('didYouMean suggests only a plausible real key or value', () => {
  it('corrects a typo of one edit, or an adjacent swap', () => {
    expect(didYouMean('retenton', ['retention', 'recipients'])).toBe('retention');
    expect(didYouMean('maximun', retentionKeys)).toBe('maximum');
    expect(didYouMean('minimun', retentionKeys)).toBe('minimum');
    expect(didYouMean('form', retentionKeys)).toBe('from');
    expect(didYouMean('Period', retentionKeys)).toBe('period');
  });

  it('allows two edits only in a word of eight letters or more', () => {
    expect(didYouMean('dataCatgory', ['dataCategories', 'dataSubjects'])).toBeUndefined();
    expect(didYouMean('dataCategores', ['dataCategories', 'dataSubjects'])).toBe('dataCategories');
    expect(didYouMean('conditoin', retentionKeys)).toBe('condition');
  });

  it('never turns a word into a different word of opposite meaning', () => {
    expect(editDistance('minimum', 'maximum')).toBe(2);
    expect(didYouMean('minimum', ['id', 'name', 'period', 'maximum', 'from'])).toBeUndefined();
    expect(didYouMean('maximum', ['id', 'name', 'period', 'minimum', 'from'])).toBeUndefined();
  });

  it('suggests nothing when several candidates are equally close', () => {
    expect(didYouMean('6(1)(g)', ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)'])).toBeUndefined();
    expect(didYouMean('cat', ['bat', 'hat'])).toBeUndefined();
  });

  it('suggests nothing far from every candidate, or the input itself', () => {
    expect(didYouMean('colour', retentionKeys)).toBeUndefined();
    expect(didYouMean('period', retentionKeys)).toBeUndefined();
  });
});
