import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Language, type Messages } from '../src/i18n/messages.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { formatDate } from '../src/render/format.js';
import { registerToCsv } from '../src/render/register/register-csv.js';
import { registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import { buildRegister, standaloneTable, type Register } from '../src/render/register/register-model.js';
import { repoRoot } from './support/cli.js';
import { analyse, miniPolicy } from './support/mini-policy.js';
import { readRegisterMarkdown, type MarkdownRegister } from './support/register-markdown.js';
import { seedPolicies } from './support/seed-pages.js';

interface Seed {
  id: string;
  lang: Language;
  model: PolicyModel;
  m: Messages;
  register: Register;
  markdown: string;
  read: MarkdownRegister;
}

/** Each seed (the nine policies in policies/) in each of its languages, its register built once for all the tests of this file. */
const seeds: Seed[] = seedPolicies().flatMap((file) => {
  const id = path.basename(path.dirname(file));
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const { model, findings } = analysePolicy(text, 'policy.json');
  return model!.languages.map((lang) => {
    const m = messagesFor(lang, model!.source.metadata.formality);
    const register = buildRegister(model!, m, findings);
    const markdown = registerToMarkdown(register);
    return {
      id,
      lang,
      model: model!,
      m,
      register,
      markdown,
      read: readRegisterMarkdown(markdown, register.noneStated),
    };
  });
});
const named = seeds.map((seed) => [`${seed.id} ${seed.lang}`, seed] as const);

/** Blanks as one space: a reader folds them, as the page does. */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A CSV cell as written: without the apostrophe that keeps a spreadsheet from reading it as a formula. */
const unguarded = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * register.md as one section per activity, as register.html is (register5 finding 9): a pipe table of twelve to
 * sixteen columns wrapped to a word a line in a wiki, on a git host or in a Markdown viewer, or scrolled sideways.
 */
describe('register.md: one section per activity, as register.html (register5 finding 9)', () => {
  it('reads every seed policy', () => expect(new Set(seeds.map((seed) => seed.id)).size).toBeGreaterThanOrEqual(9));

  it.each(named)(
    '%s: every value of every CSV cell is in the Markdown, in its activity or (stated once) the organisation',
    (_, seed) => {
      const { register, model, m, read } = seed;
      // The organisation's details, as the CSV's lines that they state once: an organisation-wide column's line in
      // other case ('contactgegevens: niet vermeld' beside the controller, 'Contactgegevens: niet vermeld' there).
      const organisation = words(read.organisation).toLowerCase();
      const [before, after] = m.t('register:cell.organisationWide', { entry: '\u0000' }).split('\u0000') as [
        string,
        string,
      ];
      // An organisation entry as the CSV marks it in every row ('… (organisatiebreed)'), led by the fact it is among
      // ('Algemene waarborg of afwijking: standaardbepalingen …', one item of 'Algemene waarborgen of afwijkingen voor doorgifte aan derde landen').
      const unmarked = (line: string): string =>
        (line.startsWith(before) && line.endsWith(after)
          ? line.slice(before.length, line.length - after.length)
          : line
        ).toLowerCase();
      const stated = (line: string): boolean =>
        organisation.includes(unmarked(line)) || organisation.includes(unmarked(line).replace(/^[^:]*: /, ''));
      for (const table of register.tables) {
        const record = read.records.find((r) => r.caption === table.caption)!;
        expect(record.activities.map((a) => a.name)).toEqual(table.rows.map((row) => words(row[table.rowHeader]![0]!)));
        const [headers, ...rows] = parse(registerToCsv(standaloneTable(table, model, m))) as string[][];
        const missing: string[] = [];
        rows.forEach((row, r) => {
          const activity = words(record.activities[r]!.text);
          row.forEach((cell, c) => {
            const column = table.columns[c];
            // The author's ids are keys for tools: the pages for people leave them out (README), before this change too.
            if (column?.identifier || !cell) return;
            for (const line of unguarded(cell).split('\n').map(words)) {
              const found = column
                ? activity.includes(line) ||
                  (!!(column.organisationWide || column.organisationEntries) && stated(line)) ||
                  // A blank the CSV says 'niet vermeld' for (officer8 R7): named once for the record, or a line the
                  // pages leave out where blank (joint controllers; a processor's retention, which 30(2) does not ask).
                  (line === register.notStated && (record.unfilled.includes(column.header) || !!column.omitWhenEmpty))
                : // The policy's id, version and dates: the organisation's details; a date as the page writes it.
                  organisation.includes(
                    (/^\d{4}-\d{2}(-\d{2})?$/.test(line) ? formatDate(line, m) : line).toLowerCase(),
                  );
              if (!found) missing.push(`${table.kind} row ${r + 1}, ${headers![c]}: ${line}`);
            }
          });
        });
        expect(missing).toEqual([]);
      }
    },
  );

  it.each(named)(
    "%s: each activity a heading and a list of the HTML page's facts, no pipe table; the unfilled columns named once",
    (_, seed) => {
      const html = registerToHtml(seed.register);
      const blocks = [...html.matchAll(/<section class="register-activity"[^>]*>([\s\S]*?)<\/section>/g)].map((b) =>
        [...b[1]!.matchAll(/<dt>([^<]*)<\/dt>/g)].map((dt) => unescapeHtml(dt[1]!)),
      );
      const records = seed.read.records.filter((r) => seed.register.tables.some((t) => t.caption === r.caption));
      expect(records).toHaveLength(seed.register.tables.length);
      expect(records.flatMap((r) => r.activities.map((a) => a.facts.map((f) => f.label)))).toEqual(blocks);
      const unfilled = [...html.matchAll(/<div class="register-unfilled">([\s\S]*?)<\/div>/g)].map((u) =>
        [...u[1]!.matchAll(/<li>([^<]*)<\/li>/g)].map((li) => unescapeHtml(li[1]!)),
      );
      expect(records.map((r) => r.unfilled).filter((u) => u.length)).toEqual(unfilled);
      for (const record of records) expect(record.kinds).not.toContain('table');
    },
  );

  it.each(named)('%s: passes markdownlint with the committed config', (name, seed) => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, '.markdownlint.json'), 'utf8'));
    const problems = lint({ strings: { [name]: seed.markdown }, config })[name] ?? [];
    expect(problems.map((p) => `${p.lineNumber} ${p.ruleNames.join('/')} ${p.errorDetail ?? ''}`)).toEqual([]);
  });

  it("a value's lines stay lines (a hard break, a URL at a line's end kept a link); several values an item each; all escaped", () => {
    const { model } = analyse(miniPolicy());
    const register = structuredClone(buildRegister(model!, messagesFor('nl')));
    const table = register.tables[0]!;
    const purpose = table.columns.findIndex((c) => c.key === 'purpose');
    const subjects = table.columns.findIndex((c) => c.key === 'dataSubjects');
    table.rows[0]![table.rowHeader] = ['Behandeling\n# Geen rechten <script>alert(1)</script> | *x*'];
    table.rows[0]![purpose] = ['Zie https://zorg.example/privacy\n- geen lijst\nEerste alinea. \\'];
    table.rows[0]![subjects] = ['Patiënten.', '*Bezoekers*', '1. Geen lijst'];
    const md = registerToMarkdown(register);
    expect(md).toContain('\n### Behandeling # Geen rechten \\<script\\>alert(1)\\</script\\> \\| \\*x\\*\n');
    expect(md).toContain(
      '- **Verwerkingsdoeleinden**: Zie https://zorg.example/privacy \\\n  \\- geen lijst \\\n  Eerste alinea. \\\\\n',
    );
    expect(md).toContain(
      '- **Categorieën van betrokkenen**:\n  - Patiënten.\n  - \\*Bezoekers\\*\n  - 1\\. Geen lijst\n',
    );
    // Read back, each reads as written: the heading's text, the lines, the values.
    const [activity] = readRegisterMarkdown(md, register.noneStated).records[0]!.activities;
    expect(activity!.name).toBe('Behandeling # Geen rechten <script>alert(1)</script> | *x*');
    expect(activity!.facts.find((f) => f.label === 'Verwerkingsdoeleinden')!.values).toEqual([
      'Zie https://zorg.example/privacy\n- geen lijst\nEerste alinea. \\',
    ]);
    expect(activity!.facts.find((f) => f.label === 'Categorieën van betrokkenen')!.values).toEqual([
      'Patiënten.',
      '*Bezoekers*',
      '1. Geen lijst',
    ]);
  });

  it("a name ending in '#' keeps it in its heading: not read as the closing sequence (second-read review 4, finding 7)", () => {
    const { model } = analyse(miniPolicy());
    const register = structuredClone(buildRegister(model!, messagesFor('nl')));
    const table = register.tables[0]!;
    table.rows[0]![table.rowHeader] = ['Nazorg #'];
    const md = registerToMarkdown(register);
    expect(md).toContain('\n### Nazorg \\#\n');
    const [activity] = readRegisterMarkdown(md, register.noneStated).records[0]!.activities;
    expect(activity!.name).toBe('Nazorg #');
  });
});

/** The few entities Handlebars writes. */
function unescapeHtml(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|#x27|#x60|#x3D);/g, (_, name: string) => ENTITIES[name]!);
}
const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  '#x27': "'",
  '#x60': '`',
  '#x3D': '=',
};
