import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules.js';
import { formatReference } from '../../src/diagnostics/format-reference.js';
import { changeKinds } from '../../src/diff/change-kinds.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { citedLaws, parseReference } from '../../src/law/legal-reference.js';
import { narrowings } from '../../src/law/rights-limits.js';
import { retentionMinimums } from '../../src/law/retention-minimums.js';
import { repoRoot } from '../support/cli.js';

const nl = (notation: string) => formatReference(notation, messagesFor('nl'));
const en = (notation: string) => formatReference(notation, messagesFor('en'));

/** Every string literal in the sources of findings that opens with a law the notation knows ('GDPR 13(1)(a)'). */
function referencesInSources(): string[] {
  const opening = new RegExp(`^(?:${citedLaws.map((l) => l.notation.replace(/[.()]/g, '\\$&')).join('|')})(?: |$)`);
  const files = [
    ...['src/check', 'src/audit'].flatMap((dir) => readdirSync(path.join(repoRoot, dir)).map((f) => path.join(dir, f))),
    'src/diff/change-kinds.ts',
    'src/law/rights-limits.ts',
    'src/law/retention-minimums.ts',
  ];
  return files.flatMap((file) =>
    [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/'([^'\n]+)'/g)]
      .map((m) => m[1]!)
      .filter((s) => opening.test(s)),
  );
}

/** Every reference a finding or a change can carry (a wording change carries none: ''). */
const catalogue = [
  ...new Set([
    ...rules.map((r) => r.article),
    ...narrowings.map((n) => n.article),
    ...retentionMinimums.map((m) => m.article),
    ...Object.values(changeKinds).map((k) => k.article),
    ...referencesInSources(),
  ]),
].filter((notation) => notation !== '');

describe('legal references', () => {
  it('every reference of the catalogue is in the notation, and English cites it as written', () => {
    expect(catalogue.length).toBeGreaterThan(80);
    for (const notation of catalogue) {
      expect([notation, parseReference(notation) !== undefined]).toEqual([notation, true]);
      // The parts keep every article, paragraph, point and range: written back they give the notation.
      expect(en(notation)).toBe(notation);
    }
  });

  it('Dutch cites an article as the check messages do: art. 13, lid 1, onder a, AVG', () => {
    expect(nl('GDPR 13(1)(a)')).toBe('art. 13, lid 1, onder a, AVG');
    expect(nl('GDPR 6(1)')).toBe('art. 6, lid 1, AVG');
    expect(nl('GDPR 26')).toBe('art. 26 AVG');
    expect(nl('BW 7:454(3)')).toBe('art. 7:454, lid 3, BW');
    expect(nl('Telecommunicatiewet 11.7a; GDPR 6(1)(a)')).toBe(
      'art. 11.7a Telecommunicatiewet; art. 6, lid 1, onder a, AVG',
    );
  });

  it('several provisions of one law, and several laws', () => {
    expect(nl('GDPR 13(1)(a), 14(1)(a)')).toBe('art. 13, lid 1, onder a, en art. 14, lid 1, onder a, AVG');
    expect(en('GDPR 13(1)(a), 14(1)(a)')).toBe('GDPR 13(1)(a), 14(1)(a)');
    expect(nl('GDPR 13, 14, 30(1)')).toBe('art. 13, art. 14 en art. 30, lid 1, AVG');
    expect(nl('Wkkgz 13(4), 15, 18')).toBe('art. 13, lid 4, art. 15 en art. 18 Wkkgz');
    expect(nl('GDPR 6(1)(c), 6(3), 21(2)')).toBe('art. 6, lid 1, onder c, en lid 3, en art. 21, lid 2, AVG');
    expect(nl('UAVG 46; Wabvpz')).toBe('art. 46 UAVG; Wabvpz');
    expect(nl('GDPR 9(2)(j); UAVG 24; BW 7:458')).toBe('art. 9, lid 2, onder j, AVG; art. 24 UAVG; art. 7:458 BW');
  });

  // secondread10 finding 5: Dutch repeated the article ('art. 9, lid 1, en art. 9, lid 2, AVG', 'art. 44 en art. 45
  // AVG' while the range 44-45 gave 'art. 44 en 45') and wrote 'lid' for several paragraphs.
  const oneArticle: Array<[notation: string, dutch: string]> = [
    ['GDPR 9(1), 9(2)', 'art. 9, leden 1 en 2, AVG'],
    ['GDPR 21(2), 21(3)', 'art. 21, leden 2 en 3, AVG'],
    ['GDPR 37(1)(c), 37(7)', 'art. 37, lid 1, onder c, en lid 7, AVG'],
    ['GDPR 9(3); UAVG 30(3)(a), 30(4)', 'art. 9, lid 3, AVG; art. 30, lid 3, onder a, en lid 4, UAVG'],
    ['GDPR 13(1)(e), 13(1)(f)', 'art. 13, lid 1, onder e en f, AVG'],
    ['GDPR 30(1)(b), 30(2)(b)', 'art. 30, lid 1, onder b, en lid 2, onder b, AVG'],
    ['GDPR 44, 45', 'art. 44 en 45 AVG'],
    ['GDPR 13, 14, 15', 'art. 13, 14 en 15 AVG'],
    ['GDPR 9(2)(h), 9(3), 30(1)', 'art. 9, lid 2, onder h, en lid 3, en art. 30, lid 1, AVG'],
    // A range stands alone, with its article.
    ['GDPR 12(3)-(4), 12(5)', 'art. 12, leden 3 en 4, en art. 12, lid 5, AVG'],
  ];
  it.each(oneArticle)('Dutch writes an article once for its consecutive provisions: %s', (notation, dutch) => {
    expect(nl(notation)).toBe(dutch);
    expect(en(notation)).toBe(notation);
  });

  it('two whole articles cite alike as a list and as a range', () => {
    expect(nl('GDPR 44, 45')).toBe(nl('GDPR 44-45'));
  });

  it('ranges of points and of articles; a range of two adjacent items is a pair ("b en c")', () => {
    expect(nl('GDPR 30(1)(b)-(c), 13(1)(c)')).toBe('art. 30, lid 1, onder b en c, en art. 13, lid 1, onder c, AVG');
    expect(nl('GDPR 30(1)(b)-(d)')).toBe('art. 30, lid 1, onder b tot en met d, AVG');
    expect(nl('GDPR 44-45')).toBe('art. 44 en 45 AVG');
    expect(nl('GDPR 12(3)-(4)')).toBe('art. 12, leden 3 en 4, AVG');
    expect(en('GDPR 30(1)(b)-(c), 13(1)(c)')).toBe('GDPR 30(1)(b)-(c), 13(1)(c)');
    expect(nl('GDPR 44-46, 13(1)(f)')).toBe('art. 44 tot en met 46 en art. 13, lid 1, onder f, AVG');
    expect(en('GDPR 44-46, 13(1)(f)')).toBe('GDPR 44-46, 13(1)(f)');
    expect(nl('GDPR 10; UAVG 31-33')).toBe('art. 10 AVG; art. 31 tot en met 33 UAVG');
  });

  it('recitals, cases, guidance and EU acts by their Dutch names', () => {
    expect(nl('GDPR 12(2); recital 59')).toBe('art. 12, lid 2, AVG; overweging 59');
    expect(nl('GDPR 44, 45; CJEU C-311/18')).toBe('art. 44 en 45 AVG; HvJ EU C-311/18');
    expect(nl('GDPR 12(1); WP260 rev.01')).toBe('art. 12, lid 1, AVG; WP260 rev.01');
    expect(nl('Reg. (EU) 536/2014 art. 58')).toBe('art. 58 Verordening (EU) 536/2014');
    expect(nl('Dir. 2002/98/EC art. 14(3); Dir. 2004/23/EC art. 8(4)')).toBe(
      'art. 14, lid 3, Richtlijn 2002/98/EG; art. 8, lid 4, Richtlijn 2004/23/EG',
    );
  });

  it('text outside the notation is shown as written', () => {
    expect(parseReference('GDPR 13(1)(a) and more')).toBeUndefined();
    expect(nl('GDPR 13(1)(a) and more')).toBe('GDPR 13(1)(a) and more');
    expect(parseReference('GDPR 30(1)-(c)')).toBeUndefined();
  });
});
