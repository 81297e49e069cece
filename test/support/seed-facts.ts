import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/messages.js';
import { runPolicyc } from './cli.js';
import { compileSeed, noticeFiles, withChange } from './seed-output.js';

export interface SeedFacts {
  /** The policy id: policies/<id>/policy.json. */
  id: string;
  /** Facts from the source statement that every notice file of the language must show, as a reader sees them. */
  facts: Record<Language, readonly string[]>;
  /** Links that must be real links (href) in every notice file. */
  links: readonly string[];
  /**
   * Proof that the fact checks can fail: each change to the policy must make
   * `absent` disappear from every output of `lang`.
   */
  mutations: ReadonlyArray<{ pointer: string; value?: unknown; lang: Language; absent: string }>;
}

/** The standard checks for one seed policy: it is valid, compiles, and shows the source's key facts in both languages. */
export function describeSeedFacts(seed: SeedFacts): void {
  describe(`seed policy ${seed.id}`, () => {
    const output = compileSeed(seed.id);

    it('compiles without errors', () => {
      expect(output.compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('passes `policyc check` (schema and references)', () => {
      const run = runPolicyc(['check', `policies/${seed.id}/policy.json`]);
      expect(run.stderr + run.stdout).toContain('1 policy checked: 0 error(s)');
      expect(run.status).toBe(0);
    });

    for (const lang of ['nl', 'en'] as const) {
      describe(`${lang} notice`, () => {
        for (const file of noticeFiles) {
          it.each(seed.facts[lang])(`${file} states: %s`, (fact) => {
            expect(output.text(lang, file)).toContain(fact);
          });
          it.each(seed.links)(`${file} links to %s`, (url) => {
            const raw = output.raw(lang, file);
            expect(raw).toContain(file.endsWith('.md') ? `](${url})` : `href="${url}"`);
          });
        }
      });
    }

    it.each(seed.mutations)('a policy changed at $pointer no longer states "$absent" ($lang)', ({ pointer, value, lang, absent }) => {
      expect(seed.facts[lang].some((f) => f.includes(absent)) || seed.links.includes(absent)).toBe(true);
      const changed = compileSeed(seed.id, withChange(seed.id, pointer, value));
      expect(changed.compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const file of noticeFiles) expect(changed.text(lang, file)).not.toContain(absent);
    });
  });
}
