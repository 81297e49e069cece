import { describe, expect, it } from 'vitest';
import { idCopyAdvice } from '../../src/law/guidance.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';
import { rulePointers } from '../support/seed-output.js';

/**
 * rights/id-copy-requested (GDPR 5(1)(c), 12(6)): from the patients' review of 2026-12-07 (F8). Doctolib asks
 * whoever exercises a right for "een kopie van een identiteitsbewijs (identiteitskaart of paspoort)"; the AP advises
 * a copy only where there is no other way, and then with the BSN and photo masked.
 */
function found(nl: string, en: string, field: 'howToExercise' | 'notes' = 'howToExercise'): string[] {
  const policy = miniPolicy();
  const text = { nl, en };
  policy.rights = field === 'howToExercise' ? { howToExercise: text } : { notes: { access: text } };
  const analysed = analyse(policy);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === 'rights/id-copy-requested').map((f) => f.message);
}

describe('rights/id-copy-requested', () => {
  it('reports a rights text that asks for a copy of an identity document, quoting it, as info', () => {
    expect(
      found(
        'Identificeer u met een kopie van een identiteitsbewijs (identiteitskaart of paspoort).',
        'Identify yourself with a copy of an identity document (identity card or passport).',
      ),
    ).toEqual([
      'This text asks for a copy of an identity document (“copy of an identity document”). The Autoriteit ' +
        'Persoonsgegevens advises asking for such a copy only when there is really no other way, and then having the ' +
        'citizen service number (BSN) and the passport photo masked. Add that the reader may make the BSN and photo ' +
        "unreadable, for example with the government's KopieID app.",
    ]);
    expect(found('Stuur een scan van je paspoort mee.', 'Attach a scan of your passport.', 'notes')).toHaveLength(1);
  });

  it('does not report a text that says to mask the BSN and photo, or that asks for no copy', () => {
    expect(
      found(
        'Stuur een kopie van uw identiteitsbewijs mee. Maak daarop uw BSN en pasfoto onleesbaar (app KopieID).',
        'Include a copy of your identity document. Mask your BSN and photo on it.',
      ),
    ).toEqual([]);
    expect(
      found(
        'Wij vragen geen kopie van uw identiteitsbewijs: u laat het zien aan de balie.',
        'We do not need a copy of your passport: you show it at the desk.',
      ),
    ).toEqual([]);
    expect(found('Wij controleren uw identiteit aan de balie.', 'We check your identity at the desk.')).toEqual([]);
  });

  it("cites the AP's advice page in the explanation, from the law data", () => {
    const m = messagesFor('nl');
    expect(m.t('rules:rights/id-copy-requested.explanation')).toContain(idCopyAdvice.url);
    expect(idCopyAdvice.url).toMatch(/^https:\/\/autoriteitpersoonsgegevens\.nl\//);
  });

  it("on the policies: Doctolib's how-to-exercise text, and nothing else", () => {
    const ids = ['bib-verloskundigen', 'bernhoven', 'cosmetic-clinic', 'dental-clinics', 'dijklander'];
    const of = (id: string) => rulePointers(id, 'rights/id-copy-requested');
    expect(of('doctolib')).toEqual(['/rights/howToExercise']);
    for (const id of [...ids, 'ies', 'ipractice', 'zorgburo-de-liemers']) expect(of(id), id).toEqual([]);
  });
});
