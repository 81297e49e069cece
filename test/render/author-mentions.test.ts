import { describe, expect, it } from 'vitest';
import { mentionsDuration, mentionsName } from '../../src/render/author-mentions.js';

/** When the notice leaves a generated sentence out because the author's words say it already. */
describe('author-mentions', () => {
  it('finds a place by its name without the article, as a whole word', () => {
    expect(mentionsName('op servers binnen de Europese Unie op', 'de Europese Unie')).toBe(true);
    expect(mentionsName('in a secure data centre in the Netherlands', 'the Netherlands')).toBe(true);
    expect(mentionsName('volgens de Nederlandse wet', 'Nederland')).toBe(false);
    expect(mentionsName('iets anders', 'Nederland')).toBe(false);
    expect(mentionsName('Wij slaan (1+1) op', '(1+1)')).toBe(true); // the name is text, not a pattern
  });

  it('finds a period by its number and unit, also written out with the number in brackets', () => {
    expect(mentionsDuration('ten minste vijftien (15) dagen vóór', '15 dagen')).toBe(true);
    expect(mentionsDuration('at least 15 days before', '15 days')).toBe(true);
    expect(mentionsDuration('binnen 115 dagen', '15 dagen')).toBe(false);
    expect(mentionsDuration('15 dagenlang', '15 dagen')).toBe(false);
    expect(mentionsDuration('30 dagen', '15 dagen')).toBe(false);
    expect(mentionsDuration('een maand', 'een maand')).toBe(true);
    expect(mentionsDuration('anything', '')).toBe(false);
  });
});
