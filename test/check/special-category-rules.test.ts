import { describe, expect, it } from 'vitest';
import { specialCategoryWords } from '../../src/law/special-category-words.js';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { miniPolicy } from '../support/mini-policy.js';

/**
 * art9/category-undeclared: a data category that names a special category of art. 9(1) (BIB verloskundigen:
 * "godsdienst" among its medical data) that no data category declares. Tight on purpose: these pin its reach,
 * including the seed texts that must not be reported (docs/seed-findings.md).
 */
type Category = PolicySource['dataCategories'][number];
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function undeclared(categories: Category[], lang: 'en' | 'nl' = 'en'): string[] {
  const policy = miniPolicy();
  policy.dataCategories = categories;
  policy.purposes![0]!.dataCategories = categories.map((c) => c.id);
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'art9/category-undeclared')
    .map((f) => `${f.pointer} ${f.message}`);
}
const medical = (nl: string, en = nl, extra: Partial<Category> = {}): Category => ({
  id: 'medical',
  name: text('Medische gegevens', 'Medical data'),
  description: text(nl, en),
  special: 'health',
  ...extra,
});
const bib = medical(
  'Denk aan je medische voorgeschiedenis en huidige gezondheid, godsdienst, lengte, gewicht, leefstijl.',
  'For example your medical history and current health, religion, height, weight, lifestyle.',
);

describe('art9/category-undeclared', () => {
  it("reports BIB's religion among its medical data, at the description, in both languages", () => {
    expect(undeclared([bib])).toEqual([
      '/dataCategories/0/description The data category “Medical data” names religious or philosophical beliefs (“religion”), a special category of its own under art. 9(1), but no data category of the policy is declared as such: the notice and the register give it only as data concerning health. Make it a data category of its own (special: religious-beliefs), and check that the purposes that use it state an exception of art. 9(2) that covers it.',
    ]);
    expect(undeclared([bib], 'nl')).toEqual([
      '/dataCategories/0/description De gegevenscategorie “Medische gegevens” noemt religieuze of levensbeschouwelijke overtuigingen (“godsdienst”), een eigen bijzondere categorie van persoonsgegevens volgens artikel 9, lid 1, maar geen gegevenscategorie van het beleid is als zodanig aangegeven: de privacyverklaring en het register geven deze gegevens alleen als gegevens over gezondheid. Maak er een eigen gegevenscategorie van (special: religious-beliefs) en ga na of de doelen die haar gebruiken een uitzondering van artikel 9, lid 2, noemen die haar dekt.',
    ]);
  });

  it('reports a special category named in a category that is not special, or in its name, one finding per kind', () => {
    const intake: Category = {
      id: 'intake',
      name: text('Intakeformulier', 'Intake form'),
      description: text('Uw naam, uw etnische afkomst en uw vakbond.', 'Your name, your ethnic origin and your union.'),
    };
    expect(undeclared([intake], 'nl')).toEqual([
      expect.stringMatching(
        /^\/dataCategories\/0\/description .*ras of etnische afkomst \(“etnische”\).*markeren deze gegevens niet als bijzonder/,
      ),
      expect.stringMatching(/^\/dataCategories\/0\/description .*lidmaatschap van een vakbond \(“vakbond”\)/),
    ]);
    expect(undeclared([{ id: 'dna', name: text('DNA-profiel', 'DNA profile') }])).toEqual([
      expect.stringMatching(/^\/dataCategories\/0\/name .*genetic data \(“DNA”\).*do not mark it/),
    ]);
  });

  it('does not report a special category that another data category declares', () => {
    const religion: Category = { id: 'religion', name: text('Godsdienst', 'Religion'), special: 'religious-beliefs' };
    expect(undeclared([bib, religion])).toEqual([]);
  });

  it('does not report a negation, a definition of the special categories (IES), health words, or hereditary illness', () => {
    expect(undeclared([medical('Wij vragen niet naar uw godsdienst.', 'We do not ask about your religion.')])).toEqual(
      [],
    );
    const ies =
      'Gegevens uit speciale categorieën omvatten details over ras of etniciteit, politieke opvattingen, religieuze en filosofische overtuigingen, lidmaatschap van een vakbond, genetische gegevens, biometrische gegevens, gegevens over gezondheid of seksleven en seksuele geaardheid.';
    expect(
      undeclared([{ id: 'account', name: text('Accountgegevens', 'Account data'), description: text(ies) }]),
    ).toEqual([]);
    const insurance: Category = {
      id: 'insurance',
      name: text('Zorgverzekeringsgegevens', 'Health insurance details'),
      description: text('Uw zorgverzekeraar en polisnummer.', 'Your health insurer and policy number.'),
    };
    expect(undeclared([insurance])).toEqual([]);
    expect(
      undeclared([
        medical(
          'Erfelijke aandoeningen in uw familie en seksueel overdraagbare aandoeningen.',
          'Hereditary conditions in your family and sexually transmitted infections.',
        ),
      ]),
    ).toEqual([]);
  });

  // The rule reads a whole text with each pattern before splitting it into sentences (special-category-rules.ts,
  // namedIn): sound only while no pattern anchors, looks behind or keeps state, so that a match in a sentence is a
  // match in the text around it.
  it.each(specialCategoryWords.map(([kind, pattern]) => [kind, pattern] as const))(
    '%s: its words match the same in a sentence as in its text',
    (_kind, pattern) => {
      expect(pattern.flags).not.toMatch(/[gym]/);
      expect(pattern.source).not.toMatch(/(?<!\[)\^|\$|\(\?<[=!]/);
    },
  );

  it('a negation counts only before the word, when it is one, and when not taken back (officer review 2, M2: the v8 probe)', () => {
    const intake = (nl: string): Category => ({
      id: 'intake',
      name: text('Intakegegevens', 'Intake data'),
      description: text(nl, 'Ask us.'),
    });
    for (const nl of [
      'Wij vragen naar uw godsdienst en of u wel of niet rookt.',
      'Uw etnische achtergrond (niet verplicht).',
      'Wij vragen niet naar uw godsdienst, tenzij u dat zelf wilt.',
    ])
      expect(undeclared([intake(nl)]), nl).toHaveLength(1);
    // Still silent: a negation before a list of special words.
    expect(
      undeclared([
        intake('Wij verwerken geen gegevens over uw ras, etnische afkomst, politieke opvattingen of godsdienst.'),
      ]),
    ).toEqual([]);
  });

  it('does not read ocular biometry as biometric identification, but does read biometric data (officer review 2, finding 4)', () => {
    const eye = medical(
      'Uw medische gegevens, zoals de biometrie van uw oog voor een staaroperatie.',
      'Your medical data, such as the biometry of your eye for a cataract operation.',
    );
    expect(undeclared([eye])).toEqual([]);
    const access: Category = {
      id: 'access',
      name: text('Toegangsgegevens', 'Access data'),
      description: text('Uw vingerafdruk voor de toegang.', 'Biometric data to let you in.'),
    };
    expect(undeclared([access])).toEqual([
      expect.stringMatching(/uniquely identifying a natural person \(“Biometric data”\)/),
    ]);
  });
});
