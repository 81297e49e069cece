import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/check/rules-doc.js';
import { rules } from '../../src/check/rules.js';
import { repoRoot } from '../support/cli.js';

describe('docs/rules.md', () => {
  it('is generated from the catalogue and up to date (run npm run docs)', () => {
    expect(readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc());
  });

  it('lists every rule in both languages, with no missing text', () => {
    const doc = renderRulesDoc();
    for (const rule of rules) expect(doc.split(`### \`${rule.id}\``).length - 1).toBe(2);
    expect(doc).not.toContain('⟦missing');
    expect(doc).toContain(
      'Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “{{purpose}}”; de privacyverklaring moet voor elk doel de grondslag vermelden. Noem welke van de zes grondslagen van art. 6, lid 1, van toepassing is.',
    );
  });
});
