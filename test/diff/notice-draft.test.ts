import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { model, modelWith } from './support.js';

/**
 * The notes for whoever sends the draft: each is true for the change at hand.
 * clinic-v1 states version 2024.1, effective 1 March 2024, and a notice period.
 */
const oldModel = model('clinic-v1/policy.json');

function notes(newModel: PolicyModel, lang: 'en' | 'nl' = 'en'): string[] {
  const draft = noticeDraft(newModel, diffPolicies(oldModel, newModel), { oldModel });
  expect(draft, 'a material change makes a draft').toBeDefined();
  return draft!.texts.find((t) => t.lang === lang)!.senderNotes;
}

/** clinic-v1 with a new processor, a new version label and date, and no notice period. */
const withProcessor = (source: Record<string, any>): void => {
  source.metadata.version = '2024.2';
  source.metadata.effectiveDate = '2024-06-01';
  delete source.changes.noticePeriod;
  source.processors.push({ id: 'mailer', name: 'Mailer B.V.', service: { en: 'E-mail.', nl: 'E-mail.' } });
};

describe('the sender notes of a notice draft', () => {
  it('cite GDPR 13(3) only when a purpose is new, not for a new processor', () => {
    const processor = notes(modelWith('clinic-v1/policy.json', withProcessor));
    expect(processor).toEqual([
      'The policy states no notice period (changes.noticePeriod); the draft counts from the day it is sent (1 February 2024).',
    ]);
    const purpose = notes(
      modelWith('clinic-v1/policy.json', (source) => {
        withProcessor(source);
        source.purposes.push({ ...structuredClone(source.purposes[0]), id: 'research' });
      }),
    );
    expect(purpose[0]).toMatch(/GDPR 13\(3\) requires informing people before data is processed for a new purpose\.$/);
  });

  it('say when the changed policy still carries the old version label and effective date', () => {
    const unchanged = modelWith('clinic-v1/policy.json', (source) => {
      withProcessor(source);
      source.metadata.version = '2024.1';
      source.metadata.effectiveDate = '2024-03-01';
    });
    expect(notes(unchanged).slice(1)).toEqual([
      'The new version has the same version as the old one (2024.1): give it a version of its own (metadata.version) before it is published.',
      'The new version states the same effective date as the old one (1 March 2024): give it a date of its own (metadata.effectiveDate).',
    ]);
    expect(notes(unchanged, 'nl').slice(1)).toEqual([
      'De nieuwe versie heeft hetzelfde versienummer als de oude (2024.1): geef haar een eigen versienummer (metadata.version) voordat ze wordt gepubliceerd.',
      'De nieuwe versie noemt dezelfde ingangsdatum als de oude (1 maart 2024): geef haar een eigen ingangsdatum (metadata.effectiveDate).',
    ]);
  });
});
