import { describe, expect, it } from 'vitest';
import type { Language } from '../src/i18n/messages.js';
import { buildRegister } from '../src/render/register/register-model.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { messagesFor } from '../src/i18n/messages.js';
import { compileSeed } from './support/seed-output.js';
import { csvIn, registerIn, seedModel } from './support/register-of.js';

/**
 * The privacy officer's review of the register (officer11, F6/R3): where the notice tells the patient a retention
 * term is shorter than the law's, the register — the officer's document — says so in the same words, in every format.
 */
describe('a retention term shorter than the law asks: the register carries the notice’s remark (officer11 F6/R3)', () => {
  const model = seedModel('bernhoven');
  for (const lang of ['nl', 'en'] as const satisfies readonly Language[]) {
    it(`Bernhoven (15 years from recording; the law asks 20 from the last change), ${lang}`, () => {
      const notice = compileSeed('bernhoven').text(lang, 'privacy.md');
      // The notice's remark, as the notice's retention table gives it: from 'Let op:'/'Note:' to its full stop.
      const start = messagesFor(lang).t('layout:retention.legalMinimumEnd', { requirement: '' }).split('.')[0]!;
      const said = new RegExp(`${start}\\. [^.]*(?:\\.\\d[^.]*)*\\.`).exec(notice)?.[0];
      expect(said).toBeDefined();
      // The same words, but that the register does not say which code BW is (English review 1, finding 13).
      const remark = said!.replace(' of the Dutch Civil Code, BW)', ' BW)');
      const cell = registerIn(model, lang).tables[0]!.rows[0]!;
      expect(cell.some((lines) => lines.some((line) => line.endsWith(remark!)))).toBe(true);
      expect(registerToMarkdown(buildRegister(model, messagesFor(lang)))).toContain(remark);
      const csv = csvIn(model, lang)[0]!;
      expect(Object.values(csv).some((value) => value.includes(remark!))).toBe(true);
    });
  }

  it('no remark where the term meets the law (iPractice: 20 years)', () => {
    const cells = registerIn(seedModel('ipractice'), 'nl').tables[0]!.rows.flat(2);
    expect(cells.join('\n')).not.toContain('Let op');
  });
});
