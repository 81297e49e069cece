import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localesDir } from '../../src/paths.js';

/**
 * The AP's 10,000-patient line and the kinds of care provider it counts as large-scale always live once, in
 * law/legal-thresholds.ts (largeScaleCare); the messages name them by i18n/law-values.ts, each language writing the
 * number its own way. Changed in the law data, every message that names them changes with it.
 */
afterEach(() => {
  vi.doUnmock('../../src/law/legal-thresholds.js');
  vi.resetModules();
});

/** The messages, read with law data whose line is 12,345 patients and whose always-kinds are two others. */
async function messagesWithOtherLaw(lang: 'en' | 'nl') {
  vi.resetModules();
  vi.doMock('../../src/law/legal-thresholds.js', async (importOriginal) => {
    const law = await importOriginal<typeof import('../../src/law/legal-thresholds.js')>();
    const sectors = new Set(['hospital', 'pharmacy'] as const);
    return { ...law, largeScaleCare: { ...law.largeScaleCare, patientsAbove: 12_345, sectors } };
  });
  const { messagesFor } = await import('../../src/i18n/messages.js');
  return messagesFor(lang);
}

describe('the law values in messages', () => {
  it('the DPO messages, their explanations and the pharmacy preset take the number and the kinds from the law data', async () => {
    const en = await messagesWithOtherLaw('en');
    expect(en.t('rules:dpo/likely-mandatory.message')).toContain(
      'always for hospitals and pharmacies (give controller.careSector); for other care providers, the Autoriteit Persoonsgegevens counts it so when more than 12,345 patients',
    );
    expect(en.t('rules:dpo/likely-mandatory.patientCount', { sector: 'GP practice' })).toContain(
      'more than 12,345 patients',
    );
    expect(en.t('rules:dpo/likely-mandatory.otherCare')).toContain('has named hospitals and pharmacies as large-scale');
    expect(en.t('rules:dpo/likely-mandatory.explanation')).toContain(
      'counts hospitals and pharmacies always, and practices and pharmacies above 12,345 patients',
    );
    expect(en.t('rules:dpo/mandatory-for-sector.explanation')).toContain('above 12,345 patients');
    expect(en.t('diagnostics:fillInWhat.pharmacy-dpo-email')).toContain('more than 12,345 patients');
    const nl = await messagesWithOtherLaw('nl');
    expect(nl.t('rules:dpo/likely-mandatory.message')).toContain(
      'altijd bij ziekenhuizen en apotheken (vul controller.careSector in); bij andere zorgaanbieders volgens de Autoriteit Persoonsgegevens als er meer dan 12.345 patiënten',
    );
    expect(nl.t('rules:dpo/mandatory-for-sector.explanation')).toContain(
      'ziet de verwerking door ziekenhuizen en apotheken',
    );
    expect(nl.t('diagnostics:fillInWhat.pharmacy-dpo-email')).toContain('meer dan 12.345 patiënten');
  });

  it('no message writes the figure out itself', () => {
    const written = (['nl', 'en'] as const).flatMap((lang) =>
      readdirSync(path.join(localesDir, lang))
        .filter((f) => /10[.,]000/.test(readFileSync(path.join(localesDir, lang, f), 'utf8')))
        .map((f) => `${lang}/${f}`),
    );
    expect(written).toEqual([]);
  });
});
