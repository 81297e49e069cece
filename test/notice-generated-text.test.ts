import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { compileSeed } from './support/seed-output.js';

/**
 * The words the notice writes itself: the GDPR is written out where the English notice first names it,
 * as the Dutch writes out the AVG.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
/** The nine real policies. */
const seeds = readdirSync(path.join(repoRoot, 'policies')).sort();

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
