import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { diffFixtures } from './support.js';

/** From the diff review of 2026-12-06, defect 4: transfers without a valid ground, and a country moved. */
const file = path.join(diffFixtures, 'clinic-v1/policy.json');
const text = (patch: (source: Record<string, any>) => void = () => {}): string => {
  const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  patch(source);
  return JSON.stringify(source, null, 2);
};
const draft = (after: string, lang: 'nl' | 'en') => {
  const compared = comparePolicies(
    { text: text(), label: 'old.json', path: file },
    { text: after, label: 'new.json', path: file },
  );
  return compared.value!.notice!.texts.find((t) => t.lang === lang)!;
};

describe('a transfer in the letter', () => {
  const toUs = text((s) => {
    s.metadata.version = '2';
    s.recipients[0].country = 'US';
  });

  it('a country that replaces the old one is told in its place, not as "also"', () => {
    const nl = draft(toUs, 'nl');
    expect(nl.changes[0]).toBe(
      'Uw zorgverzekeraar gaat uw gegevens voortaan in de Verenigde Staten verwerken, buiten de Europese Economische Ruimte, in plaats van in Nederland. Dit geldt voor: Patiënten.',
    );
    expect(nl.changes.join('\n')).not.toMatch(/\book\b/);
  });

  it('without a stated transfer ground, the sender is told to settle it first', () => {
    const en = draft(toUs, 'en');
    expect(en.senderNotes).toContainEqual(
      'The new version has an error the old one did not have (policyc check, new.json:134:5): “Your health insurer” is outside the EEA (US) without a valid transfer mechanism. Fix it before sending this notice.',
    );
  });

  it('on the invalidated Privacy Shield, the sender is told too; the letter does not say "(none)"', () => {
    const shield = text((s) => {
      s.metadata.version = '2';
      s.recipients[0].country = 'US';
      s.recipients[0].transfer = { mechanism: 'privacy-shield' };
    });
    const nl = draft(shield, 'nl');
    expect(nl.senderNotes.join('\n')).toContain('Privacy Shield');
    expect(nl.senderNotes.join('\n')).toContain('Los die op voordat u dit bericht verstuurt.');
    expect(nl.changes.join('\n')).not.toContain('(geen)');
  });
});

describe('a party moved to another purpose (review improvement 9)', () => {
  it("is told with its country and the transfer: it is new to that purpose's people", () => {
    const usProcessor = (purpose: number) =>
      text((s) => {
        s.metadata.version = String(purpose);
        Object.assign(s.processors[0], { country: 'US', serverLocations: ['US'], transfer: { mechanism: 'scc' } });
        for (const p of s.purposes) p.processors = [];
        s.purposes[purpose].processors = ['practice-software'];
      });
    const compared = comparePolicies(
      { text: usProcessor(0), label: 'old.json', path: file },
      { text: usProcessor(1), label: 'new.json', path: file },
    );
    const nl = compared.value!.notice!.texts.find((t) => t.lang === 'nl')!.changes.join('\n');
    expect(nl).toContain(
      'Wij werken met Praktijksoftware B.V. voortaan voor Facturering in plaats van voor Tandheelkundige behandeling.',
    );
    expect(nl).toContain(
      'Deze partij is gevestigd in de Verenigde Staten. Uw gegevens gaan daarbij naar de Verenigde Staten',
    );
  });
});
