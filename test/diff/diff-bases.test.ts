import { describe, expect, it } from 'vitest';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import { messagesFor } from '../../src/i18n/messages.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { modelWith } from './support.js';

/** From the diff review of 2026-12-06, defect 2: legal-basis changes told falsely. */
const invoicing = (bases: Array<Record<string, unknown>>) =>
  modelWith('clinic-v1/policy.json', (s) => {
    const purpose = s.purposes[1];
    delete purpose.legalBasis;
    delete purpose.legalObligation;
    purpose.legalBases = bases;
  });
const c = { basis: '6(1)(c)', dataCategories: ['contact'], legalObligation: { law: 'awr', article: '52' } };
const b = { basis: '6(1)(b)', dataCategories: ['contact'] };
const f = { basis: '6(1)(f)', dataCategories: ['contact'], legitimateInterest: { nl: 'Innen', en: 'Collecting' } };

const report = (oldModel: PolicyModel, newModel: PolicyModel, lang: 'nl' | 'en'): string[] =>
  diffPolicies(oldModel, newModel).map((x) => changeWords(x, messagesFor(lang)).sentence);
const letter = (oldModel: PolicyModel, newModel: PolicyModel, lang: 'nl' | 'en'): string[] =>
  noticeDraft(newModel, diffPolicies(oldModel, newModel), { oldModel })!.texts.find((t) => t.lang === lang)!.changes;

describe('the legal bases of a purpose are compared as a set', () => {
  it('one basis dropped and one added while another stays: one change, never "(none)" nor "now stated"', () => {
    const before = invoicing([b, c]);
    const after = invoicing([c, f]);
    const changes = diffPolicies(before, after).filter((x) => x.kind === 'legal-basis-changed');
    expect(changes).toHaveLength(1);
    expect(report(before, after, 'en')).toContain(
      'The legal basis for Invoicing becomes: legal obligation (Article 6(1)(c) GDPR) and legitimate interests (Article 6(1)(f) GDPR) (was: performance of a contract (Article 6(1)(b) GDPR) and legal obligation (Article 6(1)(c) GDPR)).',
    );
    const nl = letter(before, after, 'nl').join('\n');
    expect(nl).toContain(
      'Voor Facturering verwerken wij uw gegevens voortaan op grond van wettelijke verplichting (artikel 6, lid 1, onder c, AVG) en gerechtvaardigd belang (artikel 6, lid 1, onder f, AVG) (was: uitvoering van een overeenkomst (artikel 6, lid 1, onder b, AVG) en wettelijke verplichting (artikel 6, lid 1, onder c, AVG)).',
    );
    expect(nl).not.toMatch(/\(geen\)|noemen wij voortaan de grondslag/);
    expect(letter(before, after, 'en').join('\n')).not.toMatch(/\(none\)|now state the legal basis/);
  });

  it('a basis dropped while another stays is one change too', () => {
    const text = letter(invoicing([b, c]), invoicing([c]), 'en').join('\n');
    expect(text).toContain('on the basis of legal obligation (Article 6(1)(c) GDPR) (was: performance of a contract');
    expect(text).not.toContain('(none)');
  });

  it('another article of the cited law is the law cited, not another legal basis', () => {
    const before = invoicing([c]);
    const after = invoicing([{ ...c, legalObligation: { law: 'awr', article: '53' } }]);
    const changes = diffPolicies(before, after);
    expect(changes.map((x) => x.kind)).toEqual(['basis-law-changed']);
    const [sentence] = report(before, after, 'en');
    expect(sentence).toMatch(
      /^The law cited for Invoicing \(.*\) becomes General Tax Act \(Article 53 AWR\) \(was: General Tax Act \(Article 52 AWR\)\)\.$/,
    );
    expect(letter(before, after, 'nl')[0]).toContain('Voor Facturering noemen wij een andere wet: voortaan');
    expect(letter(before, after, 'nl')[0]).not.toContain('grondslag');
  });
});
