import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/messages.js';
import { runPolicyc } from './cli.js';
import { compileSeed, noticeFiles, withChange } from './seed-output.js';

export interface SeedFacts {
  /** The policy id: policies/<id>/policy.json. */
  id: string;
  /** Facts from the source statement that every notice file of the language must show, as a reader sees them. */
  facts: Record<Language, readonly string[]>;
  /**
   * Rows of the retention table (data | how long | counted from | basis and
   * notes, '—' where empty) that every notice file of the language must show,
   * each row whole.
   */
  retention?: Record<Language, readonly RetentionRow[]>;
  /** Links that must be real links (href) in every notice file. */
  links: readonly string[];
  /**
   * Proof that the fact checks can fail: each change to the policy must make
   * `absent` disappear from every output of `lang`: a text, or a retention
   * row given by its first cells.
   */
  mutations: ReadonlyArray<{ pointer: string; value?: unknown; lang: Language; absent: string | readonly string[] }>;
}

/** One row of the retention table as a reader sees it. */
export type RetentionRow = readonly [data: string, howLong: string, countedFrom: string, basisAndNotes: string];

/** Whether the table rows hold a row that begins with these cells. */
function hasRow(rows: readonly (readonly string[])[], start: readonly string[]): boolean {
  return rows.some((row) => start.every((cell, i) => row[i] === cell));
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
          it.each((seed.retention?.[lang] ?? []).map((row) => ({ row, name: row.join(' | ') })))(
            `${file} has the retention row $name`,
            ({ row }) => {
              const rows = output.rows(lang, file);
              expect(
                rows.filter((r) => r[0] === row[0]),
                `rows for "${row[0]}"`,
              ).toContainEqual([...row]);
            },
          );
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

    it.each(seed.mutations)(
      'a policy changed at $pointer no longer states "$absent" ($lang)',
      ({ pointer, value, lang, absent }) => {
        const rows = seed.retention?.[lang] ?? [];
        if (typeof absent === 'string') {
          const stated =
            seed.facts[lang].some((f) => f.includes(absent)) ||
            rows.some((row) => row.some((cell) => cell.includes(absent)));
          expect(stated || seed.links.includes(absent)).toBe(true);
        } else expect(hasRow(rows, absent)).toBe(true);
        const changed = compileSeed(seed.id, withChange(seed.id, pointer, value));
        expect(changed.compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const file of noticeFiles) {
          if (typeof absent === 'string') expect(changed.text(lang, file)).not.toContain(absent);
          else expect(hasRow(changed.rows(lang, file), absent), `${file}: ${absent.join(' | ')}`).toBe(false);
        }
      },
    );
  });
}
