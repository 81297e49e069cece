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

    it('passes `policyc check` schema validation and reference resolution', () => {
      // The compliance rules may (rightly) report the statement's own defects; this is about well-formedness.
      const run = runPolicyc(['check', `policies/${seed.id}/policy.json`, '--format', 'json']);
      expect(run.status === 0 || run.status === 1).toBe(true);
      const diagnostics = JSON.parse(run.stdout) as Array<{ ruleId: string; severity: string }>;
      expect(diagnostics.filter((d) => /^(json|schema|reference|file)\//.test(d.ruleId))).toEqual([]);
    });

    for (const lang of ['nl', 'en'] as const) {
      describe(`${lang} notice`, () => {
        for (const file of noticeFiles) {
          it.each(seed.facts[lang])(`${file} states: %s`, (fact) => {
            expect(output.text(lang, file)).toContain(fact);
          });
          it.each(seed.links)(`${file} links to %s`, (url) => {
            const raw = output.raw(lang, file);
            if (!file.endsWith('.md')) return expect(raw).toContain(`href="${url}"`);
            // A Markdown link, or an autolink when the text is the address itself.
            const autolink = `<${url.replace(/^mailto:/, '')}>`;
            expect(raw.includes(`](${url})`) || raw.includes(autolink), `${url} in ${file}`).toBe(true);
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
