import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { repoRoot } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { compileSeed } from './support/seed-output.js';

/**
 * The words the notice writes itself, where the statement leaves a gap: a missing fact is said to be missing
 * from this statement; the GDPR is written out where the English notice first names it, as the Dutch writes
 * out the AVG.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
const row = (notice: string, name: string): string => notice.split('\n').find((l) => l.startsWith(`| **${name}**`))!;
/** The nine real policies. */
const seeds = readdirSync(path.join(repoRoot, 'policies')).sort();

/** A policy with every gap the notice fills with 'not stated': another controller's unnamed DPO, a transfer with no third country and no safeguard. */
function withGaps(): PolicySource {
  const policy = miniPolicy();
  policy.controllers = [{ id: 'partner', name: 'Partner B.V.', dpo: { contact: { email: 'fg@partner.example' } } }];
  policy.purposes[0] = { ...policy.purposes[0]!, controller: 'partner' };
  const service = text('Dienst', 'Service');
  policy.processors = [
    { id: 'clauses', name: 'Clausules', service, transfer: { mechanism: 'scc' } },
    { id: 'abroad', name: 'Overzee', service, country: 'US' },
  ];
  return policy;
}

describe("a fact the statement does not give reads 'niet vermeld in deze verklaring', never bare 'niet vermeld'", () => {
  const { notice, register } = policyOutputs(withGaps());

  it("another controller's unnamed DPO", () => {
    expect(notice.nl).toContain('**Functionaris voor gegevensbescherming:** niet vermeld in deze verklaring\n');
    expect(notice.en).toContain('**Data protection officer:** not stated in this notice\n');
  });

  it("a party's unstated third country and safeguard, in its table cells (with a capital) and in the transfers list", () => {
    expect(row(notice.nl, 'Clausules')).toMatch(
      /^\| \*\*Clausules\*\* \| Dienst \| Niet vermeld in deze verklaring \| Niet vermeld in deze verklaring \| /,
    );
    expect(row(notice.nl, 'Overzee')).toBe(
      '| **Overzee** | Dienst | de Verenigde Staten | — | Niet vermeld in deze verklaring |',
    );
    expect(row(notice.en, 'Overzee')).toMatch(/ \| Not stated in this notice \|$/);
    expect(notice.nl).toContain('\n- Clausules: land niet vermeld in deze verklaring — standaardbepalingen');
    expect(notice.en).toContain('\n- Clausules: country not stated in this notice — standard');
  });

  it('nowhere in the notice without saying it is this statement that does not state it', () => {
    expect(notice.nl).not.toMatch(/niet vermeld(?! in deze verklaring)/i);
    expect(notice.en).not.toMatch(/not stated(?! in this notice)/i);
  });

  it("the register keeps 'niet vermeld': the privacy officer reads the check beside it", () => {
    expect(register.nl).toContain('Clausules: niet vermeld — ');
    expect(register.nl).not.toContain('in deze verklaring');
  });
});

describe('the GDPR written out where the notice first names it', () => {
  const firstUse = (notice: string, abbreviation: string): string =>
    notice.slice(0, notice.indexOf(abbreviation) + abbreviation.length);

  it.each(seeds)(
    '%s: the first "GDPR" of the English notice, and the first "AVG" of the Dutch, is written out',
    (id) => {
      const seed = compileSeed(id);
      expect(firstUse(seed.text('en', 'privacy.md'), 'GDPR').toLowerCase()).toContain(
        'general data protection regulation',
      );
      expect(firstUse(seed.text('nl', 'privacy.md'), 'AVG').toLowerCase()).toContain(
        'algemene verordening gegevensbescherming',
      );
    },
  );

  it('in the controller statement, unless the introduction has written it out already', () => {
    const policy = miniPolicy();
    expect(policyOutputs(policy).notice.en).toContain(
      'Mini B.V. is responsible for what happens to your personal data. In the privacy law, the General Data Protection Regulation (GDPR), this is called the controller.',
    );
    policy.introduction = text(
      'Wij volgen de Algemene verordening gegevensbescherming (AVG).',
      'We follow the General Data Protection Regulation (GDPR).',
    );
    expect(policyOutputs(policy).notice.en).toContain(
      'Mini B.V. is responsible for what happens to your personal data (in the GDPR: the controller).',
    );
  });
});
