import { describe, expect, it } from 'vitest';
import { textIn } from '../../src/i18n/text-in.js';

describe('textIn: the one reading of a text in a language', () => {
  it('reads the language asked for', () => {
    expect(textIn({ nl: 'Huisarts', en: 'GP' }, 'en', 'nl')).toBe('GP');
    expect(textIn({ nl: 'Huisarts', en: 'GP' }, 'nl')).toBe('Huisarts');
  });

  it('falls back to the source language, before the order the author wrote', () => {
    // With policyc's two languages the step shows only for a third language (a cast here).
    expect(textIn({ en: 'GP', nl: 'Huisarts' } as never, 'de' as never, 'nl')).toBe('Huisarts');
  });

  it('without a source language, falls back to the first language the text has', () => {
    expect(textIn({ en: 'GP' }, 'nl')).toBe('GP');
    expect(textIn({ en: 'GP' }, 'nl', 'nl')).toBe('GP');
  });

  it('reads an absent text as the empty string', () => {
    expect(textIn(undefined, 'nl')).toBe('');
    expect(textIn({}, 'en', 'nl')).toBe('');
  });

  it('keeps an authored empty string rather than falling back', () => {
    expect(textIn({ nl: '', en: 'GP' }, 'nl')).toBe('');
  });
});
