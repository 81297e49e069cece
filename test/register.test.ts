import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { compilePolicy } from '../src/pipeline/compile-policy.js';
import { findPolicies } from '../src/pipeline/find-policies.js';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import type { PolicySource } from '../src/policy/policy-types.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { registerToCsv } from '../src/render/register/register-csv.js';
import { cssString, registerStylesheet, registerToHtml } from '../src/render/register/register-html.js';
import { registerToMarkdown } from '../src/render/register/register-markdown.js';
import {
  buildRegister,
  standaloneTable,
  type Register,
  type RegisterTable,
  type StandaloneTable,
} from '../src/render/register/register-model.js';
import { printScale } from '../src/render/register/print-scale.js';
import { registerToXlsx } from '../src/render/register/register-xlsx.js';
import { partyCountries } from '../src/law/eea.js';
import { markdownToPlainText } from '../src/render/register/plain-text.js';
import { expectGolden } from './support/golden.js';
import { repoRoot } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

const registerDir = tempDirs('policyc-register-');
const sourceDir = tempDirs('policyc-register-src-');

/** The controller's name as the register shows it: the language's placeholder when the statement names none. */
const shownName = (source: PolicySource, lang: Language): string =>
  source.controller.placeholder ? messagesFor(lang).t('notice:placeholderName') : source.controller.name;

const fixture = path.join(repoRoot, 'test/fixtures/register-processor/policy.json');
const seeds = findPolicies([path.join(repoRoot, 'policies')]).files;
const policies = [...seeds, fixture];

async function compile(file: string, options: { csvBom?: boolean; csvDialect?: 'excel' | 'rfc4180' } = {}) {
  const text = readFileSync(file, 'utf8');
  const compiled = await compilePolicy(text, path.relative(repoRoot, file), { groups: ['register'], ...options });
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { compiled, model: compiled.model!, source: JSON.parse(text) as PolicySource };
}

function output(
  compiled: { outputs: Array<{ path: string; contents: string | Uint8Array }> },
  file: string,
): string | Uint8Array {
  const found = compiled.outputs.find((o) => o.path === file);
  if (!found) throw new Error(`no output ${file}; have ${compiled.outputs.map((o) => o.path).join(', ')}`);
  return found.contents;
}

function registerFor(model: PolicyModel, lang: Language): Register {
  return buildRegister(model, messagesFor(lang, model.source.metadata.formality));
}

/** The text of a {nl, en} value in one language. */
const inLang = (value: Partial<Record<Language, string>> | undefined, lang: Language): string => value?.[lang] ?? '';
/** A processor's name: a proper name, or a description per language. */
const processorName = (name: string | Partial<Record<Language, string>>, lang: Language): string =>
  typeof name === 'string' ? name : inLang(name, lang);

/**
 * Whether `check` finds a DPO missing where one is likely or surely mandatory (dpo/likely-mandatory,
 * dpo/mandatory-for-sector), asked of the checker itself.
 */
const dpoMandatory = new WeakMap<PolicySource, boolean>();
function dpoLikelyMandatory(source: PolicySource): boolean {
  let found = dpoMandatory.get(source);
  if (found === undefined) {
    const { findings } = analysePolicy(JSON.stringify(source), 'policy.json');
    dpoMandatory.set(
      source,
      (found = findings.some((f) => f.ruleId === 'dpo/likely-mandatory' || f.ruleId === 'dpo/mandatory-for-sector')),
    );
  }
  return found;
}

/** A row's own values: none where the blank cell points to the organisation's details ('Zie Organisatie: …'). */
function ownValues(cell: readonly string[], lang: Language): readonly string[] {
  const t = messagesFor(lang).t;
  const caption = t('register:organisation.caption');
  const pointer = t('register:cell.seeOrganisation', { caption, facts: '' });
  // A required element's pointer: 'Voor deze activiteit niet vermeld (zie ook Organisatie: …)' (register5 finding 3, officer8 R5).
  const notStatedPointer = t('register:cell.notStatedSeeAlso', { caption, facts: '' }).replace(/\)$/, '');
  return cell.length === 1 && (cell[0]!.startsWith(pointer) || cell[0]!.startsWith(notStatedPointer)) ? [] : cell;
}

/**
 * Checks one register table cell by cell against the policy source itself
 * (not against the register model): each column holds what the policy says.
 */
function expectTableMatchesPolicy(table: RegisterTable, source: PolicySource, lang: Language): void {
  const t = messagesFor(lang).t;
  const byId = <T extends { id: string }>(list: readonly T[] | undefined, id: string): T => {
    const item = list?.find((x) => x.id === id);
    if (!item) throw new Error(`no ${id}`);
    return item;
  };
  const column = (row: readonly (readonly string[])[], key: string): readonly string[] =>
    ownValues(row[table.columns.findIndex((c) => c.key === key)]!, lang);
  const activities = table.kind === 'controller' ? source.purposes : (source.processorActivities ?? []);
  expect(table.rows.map((row) => column(row, 'id')[0])).toEqual(activities.map((a) => a.id));
  for (const [i, row] of table.rows.entries()) {
    const activity = activities[i]!;
    expect(row).toHaveLength(table.columns.length);
    // 30(1)(c) requires the categories: a controller's row that names none says 'Niet vermeld' (register review defect 10).
    const notStated = [t('register:cell.notStated', { lng: lang })];
    const required = (values: string[]): string[] =>
      table.kind === 'controller' && values.length === 0 ? notStated : values;
    // 30(1)(d)–(f) too (register5 finding 1): a row that names none points to what the organisation states, or says 'Niet vermeld'.
    const requiredOrPointer = (key: string, values: string[]): string[] =>
      values.length || ownValues(row[table.columns.findIndex((c) => c.key === key)]!, lang).length === 0
        ? values
        : notStated;
    expect(column(row, 'dataSubjects')).toEqual(
      required((activity.dataSubjects ?? []).map((id) => inLang(byId(source.dataSubjects, id).name, lang))),
    );
    const categories = column(row, 'dataCategories');
    expect(categories).toHaveLength(
      table.kind === 'controller'
        ? Math.max(1, (activity.dataCategories ?? []).length)
        : (activity.dataCategories ?? []).length,
    );
    if (table.kind === 'controller' && !activity.dataCategories?.length) expect(categories).toEqual(notStated);
    for (const [j, id] of (activity.dataCategories ?? []).entries()) {
      const category = byId(source.dataCategories, id);
      expect(categories[j]).toContain(inLang(category.name, lang));
      // What the category holds and where it comes from, as the notice states them (register review improvement C).
      if (category.description) expect(categories[j]).toContain(inLang(category.description, lang).replace(/\.$/, ''));
      if (category.source)
        expect(categories[j]).toContain(inLang(category.source.description, lang).replace(/\.$/, ''));
      // Special data is marked; the category is named unless the data's own name already says it (issue 10: no tautology).
      // One special category or a list of them (patients' review 10, F11): the note names the first one first.
      const specials = category.special === undefined ? [] : [category.special].flat();
      if (specials.length)
        expect(categories[j]).toMatch(
          new RegExp(
            `\\(${t('register:cell.specialOnly', { lng: lang, count: specials.length })}(\\)|: ${t(`terms:specialCategory.${specials[0]}`, { lng: lang })})`,
          ),
        );
    }
    const retention = column(row, 'retention');
    // A purpose that names no rule: the rules that list one of its categories, marked so (register5 finding 2).
    const via = t('register:cell.retentionViaCategory', { lng: lang, rule: '' });
    const named = (activity.retention ?? []).map((id) => inLang(byId(source.retention, id).name, lang));
    const derived = (source.retention ?? [])
      .filter((r) => r.from !== 'deletion' && r.dataCategories?.some((c) => activity.dataCategories?.includes(c)))
      .map((r) => inLang(r.name, lang));
    const ruleNames = retention.map((r) => (r.startsWith(via) ? r.slice(via.length) : r).split(':')[0]!);
    if (table.kind === 'controller' && !named.length && derived.length) {
      for (const line of retention) expect(line.startsWith(via)).toBe(true);
      expect(ruleNames.map((r) => r.replace(/ \(.*$/, '')).sort()).toEqual(derived.sort());
    } else
      expect(ruleNames.map((r) => r.replace(/ \(.*$/, ''))).toEqual(
        table.kind === 'controller' ? requiredOrPointer('retention', named) : named,
      );
    const party = column(row, table.kind === 'controller' ? 'controller' : 'processor');
    expect(party[0]).toBe(shownName(source, lang));
    if (source.controller.contact?.email) expect(party).toContain(source.controller.contact.email);
    const dpoLines = [source.dpo?.name, source.dpo?.contact?.email].filter(Boolean);
    // A DPO named without contact details says so; none named where the check finds one likely mandatory: 'Niet vermeld'.
    if (source.dpo?.name && dpoLines.length === 1) dpoLines.push(t('register:cell.contactNotStated', { lng: lang }));
    expect(column(row, 'dpo').join('\n')).toBe(
      source.dpo && dpoLines.length === 0
        ? lang === 'nl'
          ? 'FG aangesteld; geen contactgegevens vermeld'
          : 'A DPO is appointed; no contact details stated'
        : !source.dpo && dpoLikelyMandatory(source)
          ? notStated[0]
          : dpoLines.join('\n'),
    );
    expect(column(row, 'representative')).toEqual(
      source.representative ? expect.arrayContaining([source.representative.name]) : [],
    );
    const measures = (source.security?.measures ?? []).map((x) => inLang(x, lang));
    for (const measure of measures) expect(column(row, 'security')).toContain(measure);
    if (table.kind === 'controller') {
      const p = source.purposes[i]!;
      expect(column(row, 'activity')).toEqual([inLang(p.name, lang)]);
      const basis = column(row, 'legalBasis').join('\n');
      // Every basis of the purpose: the single legalBasis, or each of legalBases.
      const bases = p.legalBases ? p.legalBases.map((b) => b.basis) : p.legalBasis ? [p.legalBasis] : [];
      for (const id of bases)
        // After what the basis covers ('Voor het account: uitvoering …') the name has no capital.
        expect(basis.toLowerCase()).toContain(
          t(`terms:legalBasis.${id.replace(/\((\w+)\)/g, '-$1')}.name`, { lng: lang }).toLowerCase(),
        );
      // No basis: the register says so (issue 10), with the author's explanation when there is one.
      if (bases.length === 0) expect(basis.startsWith(t('register:cell.notStated', { lng: lang }))).toBe(true);
      if (p.legalBases) expect(column(row, 'legalBasis')).toHaveLength(p.legalBases.length);
      const condition = column(row, 'specialCondition');
      if (p.specialCategoryCondition)
        expect(condition[0]).toContain(
          t(`terms:specialCondition.${p.specialCategoryCondition.condition.replace(/\((\w+)\)/g, '-$1')}.article`, {
            lng: lang,
          }),
        );
      // Special data and no exception named: 'Not stated', as the basis column says it; a blank reads as 'not applicable'.
      else if ((p.dataCategories ?? []).some((id) => byId(source.dataCategories, id).special))
        expect(condition).toEqual([t('register:cell.notStated', { lng: lang })]);
      // No special data: not applicable, said so (register5 finding 1: a blank read as 'Not stated' beside 'Niet vermeld').
      // No data categories named: a gap, said so (officer8 R1).
      else if (!(p.dataCategories ?? []).length)
        expect(condition).toEqual([t('register:cell.noDataCategories', { lng: lang })]);
      else expect(condition).toEqual([t('register:cell.noSpecialData', { lng: lang })]);
      // The purposes (30(1)(b)): the register's own description, else the purpose as the notice states it, marked
      // so — its description; never the name, which is the activity column (improvement B).
      const purpose = column(row, 'purpose');
      expect(purpose).toHaveLength(1);
      // Neither: the name, noted as all the notice gives (officer8 R1; the name alone read as a description, register5 finding 6).
      if (p.registerDescription) expect(purpose).toEqual([inLang(p.registerDescription, lang)]);
      else if (p.description)
        expect(purpose).toEqual([
          t('register:cell.fromNotice', {
            lng: lang,
            text: markdownToPlainText(inLang(p.description, lang)),
          }),
        ]);
      else expect(purpose).toEqual([t('register:cell.purposeNameOnly', { lng: lang, name: inLang(p.name, lang) })]);
      // Each recipient: its name, its type and country where its name does not say them, and what is shared and why.
      const recipients = column(row, 'recipients');
      if (!p.recipients?.length) expect(recipients).toEqual(requiredOrPointer('recipients', []));
      else expect(recipients).toHaveLength(p.recipients.length);
      for (const [j, id] of (p.recipients ?? []).entries()) {
        const recipient = byId(source.recipients, id);
        const shared = recipient.description ? `: ${inLang(recipient.description, lang)}` : '';
        expect(recipients[j]!.endsWith(shared)).toBe(true);
        expect(recipients[j]!.slice(0, recipients[j]!.length - shared.length).replace(/ \([^()]*\)$/, '')).toBe(
          inLang(recipient.name, lang),
        );
      }
      expect(column(row, 'processors').map((x) => x.replace(/( \(.*?\))?: .*$/s, ''))).toEqual(
        requiredOrPointer(
          'processors',
          (p.processors ?? []).map((id) => processorName(byId(source.processors, id).name, lang)),
        ),
      );
      expect(column(row, 'systems')).toEqual(p.systems ?? []);
      const leaving = [
        ...(p.processors ?? []).map((id) => byId(source.processors, id)),
        ...(p.recipients ?? []).map((id) => byId(source.recipients, id)),
      ].filter((x) => x.transfer || (x.country && !['NL', 'EU', 'DE', 'BE'].includes(x.country)));
      // A party with no ground of its own is followed by the policy-wide grounds, one line each.
      const general = leaving.some((x) => !x.transfer) ? (source.transfers?.mechanisms ?? []).length : 0;
      const parties = [
        ...(p.processors ?? []).map((id) => byId(source.processors, id)),
        ...(p.recipients ?? []).map((id) => byId(source.recipients, id)),
      ];
      const noTransfer = t('register:cell.noTransfer', { lng: lang, countries: '' }).replace(/: \)$/, '');
      // No transfer derived only where every party names its country (register5 finding 11).
      if (column(row, 'transfers')[0]?.startsWith(noTransfer)) {
        expect(parties.length).toBeGreaterThan(0);
        for (const x of parties) expect(partyCountries(x).length, p.id).toBeGreaterThan(0);
      } else if (leaving.length + general === 0)
        expect(column(row, 'transfers')).toEqual(requiredOrPointer('transfers', []));
      else expect(column(row, 'transfers')).toHaveLength(leaving.length + general);
      for (const [j, x] of leaving.entries())
        if (x.transfer)
          expect(column(row, 'transfers')[j]).toContain(
            t(`terms:transferMechanism.${x.transfer.mechanism}`, { lng: lang }),
          );
    } else {
      const a = (source.processorActivities ?? [])[i]!;
      expect(column(row, 'processing')[0]).toBe(inLang(a.name, lang));
      // The policy's description of the controllers, and that the list of each one's name and contact details (30(2)(a)) is not here.
      expect(column(row, 'controllers')).toEqual([
        inLang(a.controllers, lang),
        t('register:cell.controllersListElsewhere', { lng: lang }),
      ]);
      expect(column(row, 'subProcessors').map((x) => x.replace(/( \(.*?\))?: .*$/s, ''))).toEqual(
        (a.subProcessors ?? []).map((id) => processorName(byId(source.processors, id).name, lang)),
      );
    }
  }
}

describe('the art. 30 register', () => {
  it('is built for every seed policy in both languages, with the CSV read back matching the policy in every row and column', async () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const file of policies) {
      const { compiled, model, source } = await compile(file);
      for (const lang of model.languages) {
        const register = registerFor(model, lang);
        expect(register.tables.map((x) => x.kind)).toEqual(
          model.processorActivities.length ? ['controller', 'processor'] : ['controller'],
        );
        for (const table of register.tables) {
          expectTableMatchesPolicy(table, source, lang);
          const csv = output(compiled, `${model.id}/${lang}/${table.fileStem}.csv`) as string;
          // Written for Excel in the register's language (the default): ';' for Dutch, ',' for English, a BOM.
          const delimiter = lang === 'nl' ? ';' : ',';
          const records = parse(csv, { relax_column_count: false, delimiter, bom: true }) as string[][];
          // The CSV stands alone: the table's columns, then the policy's version and dates; each row with the
          // organisation-wide entries for its columns after its own values (register-review: the CSV lost them).
          const t = messagesFor(lang).t;
          expect(records[0]).toEqual([
            ...table.columns.map((c) => t(`register:column.${c.key}`)),
            t('register:column.policyId'),
            ...['version', 'effectiveDate', 'lastModified'].map((key) => t(`register:organisation.${key}`)),
          ]);
          const alone = standaloneTable(table, model, messagesFor(lang, model.source.metadata.formality));
          expect(records.slice(1)).toEqual(alone.rows.map((row) => row.map((cell) => cell.join('\n'))));
          const { version, effectiveDate, lastModified } = source.metadata;
          for (const [i, row] of table.rows.entries()) {
            const standalone = alone.rows[i]!;
            // A policy with no version or date: its version cell says so (officer3 finding 7).
            const undated = !version && !effectiveDate && !lastModified;
            expect(standalone.slice(table.columns.length)).toEqual([
              [source.id],
              undated ? [t('register:cell.notStated')] : version ? [version] : [],
              ...[effectiveDate, lastModified].map((x) => (x ? [x] : [])),
            ]);
            for (const [j, cell] of row.entries()) {
              const own = ownValues(cell, lang);
              expect(standalone[j]!.slice(0, own.length), `${table.fileStem} ${i}:${j}`).toEqual(own);
              // A required element's pointer: 'Voor deze activiteit niet vermeld' first, then the entries (register5
              // finding 3; a bare 'Niet vermeld' read as 'none', officer8 R5).
              const extras = standalone[j]!.slice(own.length);
              // Nothing at all (no pointer, no entries): 'Niet vermeld', never a blank (officer8 R7).
              if (!cell.length) expect(extras.splice(0)).toEqual([t('register:cell.notStated')]);
              if (cell === table.columns[j]!.pointer && table.columns[j]!.notStatedFirst)
                expect(extras.shift()).toBe(t('register:cell.notStatedForActivity'));
              for (const extra of extras)
                expect(extra).toMatch(lang === 'nl' ? / \(organisatiebreed\)$/s : / \(organisation-wide\)$/s);
            }
          }
        }
        for (const name of ['register.xlsx', 'register.html', 'register.md'])
          expect(output(compiled, `${model.id}/${lang}/${name}`).length).toBeGreaterThan(0);
      }
    }
  });

  it('has the same message keys in Dutch and English', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const read = (lang: string) =>
      keys(JSON.parse(readFileSync(path.join(repoRoot, `locales/${lang}/register.json`), 'utf8'))).sort();
    expect(read('nl')).toEqual(read('en'));
  });

  it('has the art. 30(1) columns in a stable order, with headers in the chosen language', async () => {
    const { model } = await compile(fixture);
    const keys = registerFor(model, 'en').tables[0]!.columns.map((c) => c.key);
    expect(keys).toEqual([
      'id',
      'activity',
      'controller',
      'jointControllers',
      'representative',
      'dpo',
      'purpose',
      'legalBasis',
      'specialCondition',
      'dataSubjects',
      'dataCategories',
      'recipients',
      'processors',
      'transfers',
      'retention',
      'security',
      'systems',
    ]);
    expect(registerFor(model, 'nl').tables[0]!.columns.map((c) => c.header)).toContain('Categorieën van betrokkenen');
    expect(registerFor(model, 'nl').tables[1]!.caption).toBe(
      'Verwerkingsactiviteiten als verwerker (artikel 30, lid 2, AVG)',
    );
  });

  it('spells out special categories, national identifiers, the 9(2) law, transfers and retention per data category', async () => {
    const { model } = await compile(fixture);
    const [controller, processor] = registerFor(model, 'nl').tables;
    const care = controller!.rows[0]!;
    const cell = (table: RegisterTable, row: readonly (readonly string[])[], key: string) =>
      row[table.columns.findIndex((c) => c.key === key)];
    expect(cell(controller!, care, 'dataCategories')).toEqual([
      'Contactgegevens',
      'Gezondheidsgegevens (bijzondere persoonsgegevens)',
      'Burgerservicenummer (nationaal identificatienummer)',
    ]);
    expect(cell(controller!, care, 'specialCondition')![0]).toContain('artikel 30, lid 3, UAVG');
    expect(cell(controller!, care, 'transfers')).toEqual([
      'CloudHost Inc.: Verenigde Staten — EU-VS Data Privacy Framework, adequaatheidsbesluit van 10 juli 2023 (artikel 45 AVG)',
    ]);
    expect(cell(controller!, care, 'retention')![0]).toMatch(
      /^Medisch dossier \(Gezondheidsgegevens, Contactgegevens\): 20 jaar/,
    );
    expect(cell(controller!, care, 'security')).toContain('Normen: NEN 7510 en ISO 27001');
    // The law on the basis's own line (it followed as a second 'Wettelijke verplichting: …' line: register review, improvement D).
    expect(cell(controller!, controller!.rows[1]!, 'legalBasis')).toEqual([
      expect.stringMatching(/^Wettelijke verplichting \(artikel 6, lid 1, onder c, AVG\): .*AWR/),
    ]);
    expect(cell(processor!, processor!.rows[0]!, 'transfers')![0]).toContain('SurveyTool Ltd: Verenigd Koninkrijk');
  });
});

describe('register.csv', () => {
  it("names the policy in every row, so that a chain can merge its practices' registers (both languages)", async () => {
    // Two practices extending one base share their activities' ids: merged, their rows could not be told apart.
    const merged: string[][] = [];
    for (const practice of ['practice-a', 'practice-b']) {
      const { compiled, model } = await compile(path.join(repoRoot, `test/fixtures/extends/${practice}/policy.json`));
      for (const lang of model.languages) {
        const csv = output(compiled, `${model.id}/${lang}/register.csv`) as string;
        const [head, ...rows] = parse(csv, { delimiter: lang === 'nl' ? ';' : ',', bom: true }) as string[][];
        const column = head!.indexOf(messagesFor(lang).t('register:column.policyId'));
        expect(column, lang).toBeGreaterThan(0);
        for (const row of rows) expect(row[column]).toBe(model.id);
        if (lang === 'nl') merged.push(...rows.map((row) => [row[column]!, row[0]!]));
      }
    }
    // The activities' ids alone repeat; with the policy's id, each row is one of its own.
    const keys = merged.map((key) => key.join(' '));
    expect(new Set(merged.map((key) => key[1])).size).toBeLessThan(merged.length);
    expect(new Set(keys).size).toBe(merged.length);
  });

  it('keeps a value with commas, quotes and newlines intact (RFC 4180 quoting, CRLF records; --csv rfc4180)', async () => {
    const { compiled } = await compile(fixture, { csvDialect: 'rfc4180' });
    const csv = output(compiled, 'register-processor/en/register.csv') as string;
    expect(csv).toContain('"Care, ""treatment"", and follow-up\nafter discharge"');
    expect(csv.split('\r\n')[0]).toMatch(/^ID,Processing activity,/);
    // Records end in CRLF; the only bare LF is inside a quoted value.
    expect(csv).toMatch(/\r\n$/);
    expect(csv.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n/);
    const records = parse(csv) as string[][];
    expect(records[1]![1]).toBe('Care, "treatment", and follow-up\nafter discharge');
    expect(records[1]![16]).toBe('EPD\nMail, calendar');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('round-trips any text through a CSV parser (formula starts neutralised)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }), { minLength: 2, maxLength: 2 }),
        (cells) => {
          const records = parse(registerToCsv(csvTable(['A', 'B, "b"'], cells)), { bom: true }) as string[][];
          expect(records).toEqual([['A', 'B, "b"'], cells.map((c) => neutralised(c.join('\n')))]);
        },
      ),
      { examples: [[[['\uFF0B31 6'], ['=1', '\uFF20x']]]] },
    );
  });

  it('starts an RFC 4180 file with a byte-order mark when asked (--csv rfc4180 --bom)', async () => {
    const { compiled } = await compile(fixture, { csvBom: true, csvDialect: 'rfc4180' });
    const csv = output(compiled, 'register-processor/nl/register.csv') as string;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect((parse(csv, { bom: true }) as string[][])[0]!.slice(0, 2)).toEqual(['Kenmerk', 'Verwerkingsactiviteit']);
  });

  it('is written by default for Excel in the register language: Dutch with semicolons, both with a byte-order mark', async () => {
    // Dutch Excel (list separator ';', a CSV without BOM read as Windows-1252) opened the nl file in one column
    // with broken characters (register review, 2026-12-06, defect 4).
    const { compiled, model } = await compile(fixture);
    const nl = output(compiled, 'register-processor/nl/register.csv') as string;
    expect(nl.charCodeAt(0)).toBe(0xfeff);
    expect(nl.slice(1).split('\r\n')[0]).toMatch(/^Kenmerk;Verwerkingsactiviteit;Verwerkingsverantwoordelijke;/);
    const records = parse(nl, { bom: true, delimiter: ';' }) as string[][];
    const alone = standaloneTable(registerFor(model, 'nl').tables[0]!, model, messagesFor('nl'));
    expect(records[0]).toEqual(alone.headers);
    expect(records.slice(1)).toEqual(alone.rows.map((row) => row.map((cell) => cell.join('\n'))));
    const en = output(compiled, 'register-processor/en/register.csv') as string;
    expect(en.charCodeAt(0)).toBe(0xfeff);
    expect(en.slice(1).split('\r\n')[0]).toMatch(/^ID,Processing activity,/);
  });

  it('quotes a value holding the separator, and round-trips any text in both separators', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }), { minLength: 2, maxLength: 2 }),
        fc.constantFrom(',' as const, ';' as const),
        (cells, separator) => {
          const csv = registerToCsv(csvTable(['A;a', 'B,b'], cells), { separator, bom: true });
          expect(csv.startsWith(separator === ';' ? '\uFEFF"A;a";B,b\r\n' : '\uFEFFA;a,"B,b"\r\n')).toBe(true);
          const records = parse(csv, { bom: true, delimiter: separator }) as string[][];
          expect(records).toEqual([['A;a', 'B,b'], cells.map((c) => neutralised(c.join('\n')))]);
        },
      ),
    );
  });
});

/** A two-column table of one row (`row`, a list of values per cell), for the CSV writer's property tests. */
const csvTable = (headers: [string, string], row: string[][]): StandaloneTable => ({ headers, rows: [row] });

/**
 * A cell that a spreadsheet would read as a formula comes back with the quote that neutralised it (OWASP),
 * full-width = + - @ included: Apple Numbers normalises them to the ASCII ones.
 */
const neutralised = (v: string): string => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v);

describe('register.xlsx', () => {
  it('reads back with exceljs: one sheet per record and one for the organisation, frozen header, filters, wrapped cells, every cell as in the policy', async () => {
    for (const file of policies) {
      const { compiled, model, source } = await compile(file);
      for (const lang of model.languages) {
        const register = registerFor(model, lang);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(
          Buffer.from(output(compiled, `${model.id}/${lang}/register.xlsx`) as Uint8Array) as unknown as ExcelJS.Buffer,
        );
        // The organisation first: title, version and controller before the activities, on screen and on paper.
        expect(workbook.worksheets.map((s) => s.name)).toEqual([
          register.organisation.sheetName,
          ...register.tables.map((x) => x.sheetName),
          // What the notice names that no activity processes, when it names any (iPractice).
          ...(register.withoutActivity ? [register.withoutActivity.sheetName] : []),
        ]);
        for (const table of register.tables) {
          expectTableMatchesPolicy(table, source, lang);
          const sheet = workbook.getWorksheet(table.sheetName)!;
          expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
          // The filter spans the header row over every column (A1 to the last column's letter).
          const lastColumn = sheet.getRow(1).getCell(table.columns.length).address.replace(/\d+$/, '');
          expect(sheet.autoFilter).toBe(`A1:${lastColumn}1`);
          expect(sheet.rowCount).toBe(table.rows.length + 1);
          expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.header)]);
          for (const [i, row] of table.rows.entries()) {
            for (const [j, cell] of row.entries()) {
              const actual = sheet.getRow(i + 2).getCell(j + 1);
              // A blank cell says 'Niet vermeld', as the CSV and the pages do (officer8 R7).
              expect(actual.value ?? '', `${table.sheetName} ${i + 2}:${j + 1}`).toBe(
                cell.length ? cell.join('\n') : register.notStated,
              );
              expect(actual.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
            }
          }
          // A column that some row fills is as wide as the register says, or, printed, narrowed to two pages across
          // (register5 finding 8); one that none fills is no wider; none narrower than its header's longest word (its
          // header row no taller than the others make it).
          const printed = printedRun(table);
          for (const [j, column] of table.columns.entries()) {
            const width = sheet.getColumn(j + 1).width!;
            if (table.rows.some((row) => row[j]!.length) && !(j >= printed.from && j <= printed.to))
              expect(width, column.header).toBe(column.width);
            else {
              expect(width, column.header).toBeLessThanOrEqual(column.width);
              expect(width, column.header).toBeGreaterThanOrEqual(
                Math.max(...column.header.split(' ').map((w) => w.length)) + 2,
              );
            }
          }
          expectPrintSetup(sheet, table, lastColumn);
        }
        const organisation = workbook.getWorksheet(register.organisation.sheetName)!;
        expect(organisation.pageSetup).toMatchObject({
          orientation: 'portrait',
          paperSize: 9,
          fitToPage: true,
          fitToWidth: 1,
          // As many pages tall as it takes: fitted to one, a large organisation printed small (register review, A).
          fitToHeight: 0,
          printArea: `A1:B${register.organisation.facts.length + 2}`,
          printTitlesRow: '1:1',
        });
        const facts = organisation
          .getSheetValues()
          .slice(3)
          .map((r) => (r as unknown[]).slice(1));
        expect(facts).toEqual(register.organisation.facts.map((f) => [f.label, f.value]));
        expect(facts[0]).toEqual([messagesFor(lang).t('register:organisation.name'), shownName(source, lang)]);
      }
    }
  });

  it("narrows a column no activity fills to its header, the header row no taller: Doctolib's 'Systemen'", async () => {
    // 24 characters wide on every printed page for a header and blanks; a page held that header alone.
    const { compiled, model } = await compile(path.join(repoRoot, 'policies/doctolib/policy.json'));
    const table = registerFor(model, 'nl').tables[0]!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(output(compiled, 'doctolib/nl/register.xlsx') as Uint8Array) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet(table.sheetName)!;
    const systems = table.columns.findIndex((c) => c.key === 'systems');
    expect(table.rows.every((row) => row[systems]!.length === 0)).toBe(true);
    expect(table.columns[systems]!.width).toBe(24);
    // As narrow as its header and its cells' 'Niet vermeld' on one line allow (officer8 R7: no blank cells).
    expect(sheet.getColumn(systems + 1).width).toBe('Niet vermeld'.length);
    expect(sheet.getColumn(systems + 1).width).toBeLessThan(24);
    expect(sheet.getRow(2).getCell(systems + 1).value).toBe('Niet vermeld');
  });

  it('prints at the largest scale that takes no more pages than its least (77%), whole rows to a page', () => {
    // Two 300-point rows: two pages tall at 100%, one at 77%; one page up to 84% (523 pt of rows a page, less the header's 20).
    const rows = [
      ['Name', 'A', 'B'],
      ['x', 'y', 'z'],
      ['x', 'y', 'z'],
    ];
    const columns = { repeatFrom: 0, repeatTo: 1, printFrom: 1, printTo: 3 };
    expect(printScale({ ...columns, widths: [10, 20, 20], heights: [20, 300, 300], rows })).toBe(84);
    // Small enough for one page at full size: full size.
    expect(printScale({ ...columns, widths: [10, 20, 20], heights: [20, 100, 100], rows })).toBe(100);
  });

  it('has sheet names Excel accepts in every language (at most 31 characters, none of []:*?/\\)', async () => {
    const { model } = await compile(fixture);
    for (const lang of ['nl', 'en'] as const) {
      const register = registerFor(model, lang);
      for (const name of [...register.tables.map((x) => x.sheetName), register.organisation.sheetName]) {
        expect(name.length, name).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it('is byte-identical across builds, and dated from the policy', async () => {
    const first = output((await compile(fixture)).compiled, 'register-processor/en/register.xlsx') as Uint8Array;
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2-second resolution of zip times
    const second = output((await compile(fixture)).compiled, 'register-processor/en/register.xlsx') as Uint8Array;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = new TextDecoder().decode(unzipSync(first)['docProps/core.xml']);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z</dcterms:modified>');
  });

  it("makes every column at least as wide as its header's longest word, in both languages", async () => {
    // 'Gezamenlijke verwerkingsverantwoordelijken' in its 28-wide column printed 'verwerkingsverantwoordelijke'
    // with a lone 'n' on the next line (LibreOffice; register review, 2026-12-06).
    const { model } = await compile(path.join(repoRoot, 'policies/ipractice/policy.json'));
    for (const lang of ['nl', 'en'] as const) {
      for (const table of registerFor(model, lang).tables) {
        for (const column of table.columns) {
          const longest = Math.max(...column.header.split(' ').map((word) => word.length));
          expect(column.width, column.header).toBeGreaterThanOrEqual(longest + 2);
        }
      }
    }
  });

  /** iPractice's Dutch register, its controller's record and the index of its 28-wide column of data subjects. */
  async function dataSubjectsColumn(): Promise<{ register: Register; table: RegisterTable; column: number }> {
    const { model } = await compile(path.join(repoRoot, 'policies/ipractice/policy.json'));
    const register = registerFor(model, 'nl');
    const table = register.tables[0]!;
    const column = table.columns.findIndex((c) => c.key === 'dataSubjects');
    expect(table.columns[column]!.width).toBe(28);
    return { register, table, column };
  }

  it('gives a row the lines its words wrap to, a word longer than its column on lines of its own', async () => {
    // A header's words now fit its column (above); a cell's need not: an author's long word, an address.
    // 'Gezamenlijke verwerkingsverantwoordelijken', bold, in the 28-wide column of data subjects wraps to three lines;
    // its length alone gave two, and the printed header that held it lost its last line (register review, 2026-12-06).
    const { register, table, column } = await dataSubjectsColumn();
    // That column's header (bold, as the header was): the header row's height is the cell's.
    const columns = table.columns.map((c, i) =>
      i === column ? { ...c, header: 'Gezamenlijke verwerkingsverantwoordelijken' } : { ...c, header: 'x' },
    );
    const tables = [{ ...table, columns, rows: [] }, ...register.tables.slice(1)];
    const sheet = (await readWorkbook(registerToXlsx({ ...register, tables }))).getWorksheet(table.sheetName)!;
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(3 * 13);
  });

  it('measures a line by its characters: narrow ones wrap later, wide ones sooner, than a count of characters says', async () => {
    // Every character counted as a digit's width, and two spare, made rows up to half as tall again as their
    // text (IES's Dutch workbook printed 24 pages, now 19; Bib Verloskundigen's 11, now 6).
    const { register, table, column } = await dataSubjectsColumn();
    const height = async (text: string): Promise<number | undefined> => {
      const row = table.columns.map((_, c) => (c === column ? [text] : []));
      const tables = [{ ...table, rows: [row] }, ...register.tables.slice(1)];
      return (await readWorkbook(registerToXlsx({ ...register, tables }))).getWorksheet(table.sheetName)!.getRow(2)
        .height;
    };
    // 49 characters, but 'i' and 'l' are half a digit wide: one line.
    expect(await height(Array(10).fill('illi').join(' '))).toBe(13 + 3);
    // 24 characters, but 'm' is one and a half: two lines.
    expect(await height(Array(5).fill('mmmm').join(' '))).toBe(2 * 13 + 3);
  });

  it("heads every printed page with the register's title and foots it with the version, an author's '&' doubled as header codes ask", async () => {
    // The version was on the organisation sheet only, its last page (register review, 2026-12-06, defect 6).
    const { model } = await compile(path.join(repoRoot, 'policies/ipractice/policy.json'));
    const register = registerFor(model, 'nl');
    expect(register.versionLine).not.toBe('');
    const sheets = (await readWorkbook(registerToXlsx(register))).worksheets;
    for (const sheet of sheets) {
      expect(sheet.headerFooter.oddHeader).toBe(`&L${register.title}`);
      expect(sheet.headerFooter.oddFooter).toBe(`&L${register.versionLine}&R&A — &P / &N`);
    }
    const ampersand = { ...register, title: 'Register — Jansen & Zn.', versionLine: 'Versie 1 & 2' };
    const printed = (await readWorkbook(registerToXlsx(ampersand))).worksheets[0]!.headerFooter;
    expect(printed.oddHeader).toBe('&LRegister — Jansen && Zn.');
    expect(printed.oddFooter).toBe('&LVersie 1 && 2&R&A — &P / &N');
    // Long texts are shortened with the doubling: no cut leaves a lone '&', which would start a header code,
    // and each fits Excel's 255 characters.
    const long = { ...register, title: `x${'&'.repeat(300)}`, versionLine: `v${'&'.repeat(300)}` };
    const cut = (await readWorkbook(registerToXlsx(long))).worksheets[0]!.headerFooter;
    expect(cut.oddHeader).toMatch(/^&Lx(&&)+$/);
    expect(cut.oddFooter).toMatch(/^&Lv(&&)+&R&A — &P \/ &N$/);
    expect(cut.oddHeader!.length).toBeLessThanOrEqual(255);
    expect(cut.oddFooter!.length).toBeLessThanOrEqual(255);
  });

  it('opens at the first record, the organisation sheet before it', () => {
    const register = syntheticRegister([['a', 'b']], '2025-01-01');
    const parts = unzipSync(registerToXlsx(register));
    const text = (part: string): string => new TextDecoder().decode(parts[part]);
    expect(text('xl/workbook.xml')).toContain('<workbookView activeTab="1"/>');
    expect(text('xl/workbook.xml')).toMatch(
      new RegExp(`<sheet name="${register.organisation.sheetName}" sheetId="1" r:id="rId1"/>`),
    );
    expect(text('xl/worksheets/sheet1.xml')).not.toContain('tabSelected');
    expect(text('xl/worksheets/sheet2.xml')).toContain('<sheetView tabSelected="1" workbookViewId="0">');
  });

  it('is the same in any time zone', async () => {
    const { runPolicyc } = await import('./support/cli.js');
    const builds = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
      const out = registerDir();
      const run = runPolicycTz(runPolicyc, tz, ['register', fixture, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(path.join(out, 'register-processor/nl/register.xlsx'));
    });
    expect(builds[1]!.equals(builds[0]!)).toBe(true);
    expect(builds[2]!.equals(builds[0]!)).toBe(true);
  });
});

/**
 * Lines of a cell at 10-point text that no font can wrap away: its own lines. A row must be at least
 * this many lines tall; that the wrapped lines fit too, LibreOffice's print shows (register-print.test.ts).
 */
const cellLines = (text: string): number => text.split('\n').length;

/** Landscape A4 fitted to a number of pages wide (any number tall), header row and activity columns repeated, rows tall enough for their text. */
function expectPrintSetup(sheet: ExcelJS.Worksheet, table: RegisterTable, lastColumn: string): void {
  expect(sheet.pageSetup).toMatchObject({
    orientation: 'landscape',
    paperSize: 9,
    // A scale, not fitted to pages: 77% or more (the text at 7.7 points or more), test/register-print.test.ts.
    fitToPage: false,
    // The author's ids (column A) are in the sheet, not on paper, nor are the organisation-wide columns that hold the
    // same in every row and those blank in every row (register5 finding 8): the print area runs from the first column
    // after the activity's name that is neither to the last; the activity's name is repeated on every page.
    printArea: `${letter(printedRun(table).from)}1:${letter(printedRun(table).to)}${table.rows.length + 1}`,
    printTitlesRow: '1:1',
    printTitlesColumn: `${letter(printedFrom(table))}:${letter(table.rowHeader)}`,
  });
  expect(lastColumn >= letter(printedRun(table).to)).toBe(true);
  expect(sheet.pageSetup.scale).toBeGreaterThanOrEqual(77);
  expect(sheet.pageSetup.scale).toBeLessThanOrEqual(100);
  expect(sheet.getRow(1).font).toMatchObject({ bold: true });
  expect(sheet.getRow(1).getCell(1).fill).toMatchObject({
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: 'FFE8EEF4' },
  });
  for (const [i, row] of table.rows.entries()) {
    const lines = Math.max(1, ...row.map((cell) => cellLines(cell.join('\n'))));
    expect(sheet.getRow(i + 2).height, `row ${i + 2}`).toBeGreaterThanOrEqual(Math.min(409, lines * 13));
  }
}

/** The first column a person reads: the first that holds no author's identifier. */
const printedFrom = (table: RegisterTable): number => table.columns.findIndex((c) => !c.identifier);

/**
 * The print area's columns, first and last: after the activity's name, those neither organisation-wide with one value
 * in every row (the organisation sheet states it) nor blank in every row.
 */
function printedRun(table: RegisterTable): { from: number; to: number } {
  const kept = table.columns
    .map((column, i) => i)
    .filter(
      (i) =>
        i > table.rowHeader &&
        !(
          table.columns[i]!.organisationWide &&
          table.rows.every((row) => row[i]!.join('\n') === table.rows[0]![i]!.join('\n'))
        ) &&
        table.rows.some((row) => row[i]!.length),
    );
  return { from: kept[0]!, to: kept.at(-1)! };
}
const letter = (index: number): string => String.fromCharCode(65 + index);

/** A register with one table of the given cells, for writer tests. */
function syntheticRegister(cells: string[][], date: string): Register {
  const columns = cells[0]!.map((_, i) => ({ key: `c${i}`, header: `Column ${i}`, width: 20 }));
  return {
    lang: 'en',
    title: 'Register & <test>',
    versionLine: 'v1',
    date,
    notStated: 'Not stated',
    noneStated: 'Not stated for any of these activities:',
    organisation: {
      caption: 'Organisation',
      sheetName: 'Organisation',
      head: ['Label', 'Value'],
      versionLabel: 'Origin of this register',
      facts: [{ label: 'Name', value: "O'Brien & Zn" }],
    },
    tables: [
      {
        kind: 'controller',
        caption: 'Register',
        sheetName: "Controller's record",
        fileStem: 'register',
        columns,
        rowHeader: 0,
        rows: cells.map((row) => row.map((c) => (c ? [c] : []))),
      },
    ],
  };
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('the XLSX writer', () => {
  it('stores any text exactly (XML specials, line breaks, emoji), dropping only characters XML 1.0 cannot carry', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 2, maxLength: 2 }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (cells) => {
          const workbook = await readWorkbook(registerToXlsx(syntheticRegister(cells, '2025-01-01')));
          const sheet = workbook.getWorksheet("Controller's record")!;
          const storable = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
          for (const [i, row] of cells.entries()) {
            // An empty cell says 'Not stated' (officer8 R7).
            for (const [j, text] of row.entries())
              expect(sheet.getRow(i + 2).getCell(j + 1).value ?? '').toBe(text ? storable(text) : 'Not stated');
          }
          expect(workbook.getWorksheet('Organisation')!.getRow(3).values).toEqual([undefined, 'Name', "O'Brien & Zn"]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('deflates the sheets and shared strings and stores the small fixed parts (fixed levels: the same bytes everywhere)', async () => {
    const { model } = await compile(fixture);
    const bytes = registerToXlsx(registerFor(model, 'nl'));
    // Each zip entry's local header: its compression method (0 stored, 8 deflated) and name.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const methods: Record<string, number> = {};
    for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
      const nameLength = view.getUint16(at + 26, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
      methods[name] = view.getUint16(at + 8, true);
      at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    const deflated = Object.keys(methods).filter((name) => methods[name] === 8);
    // The fixture has a 30(2) record too: the organisation, the controller's and the processor's sheets.
    expect(deflated.sort()).toEqual([
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(Object.keys(methods).filter((name) => methods[name] === 0)).toContain('xl/styles.xml');
    expect(Object.keys(methods)).toHaveLength(Object.keys(unzipSync(bytes)).length);
  });

  it('packs any document date, before 1980 or after 2099 too (zip entry times are fixed)', async () => {
    for (const date of ['1970-01-01', '2150-12-31']) {
      const bytes = registerToXlsx(syntheticRegister([['a', 'b']], date));
      const core = new TextDecoder().decode(unzipSync(bytes)['docProps/core.xml']);
      expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>`);
      expect((await readWorkbook(bytes)).title).toBe('Register & <test>');
    }
  });
});

function runPolicycTz(run: typeof import('./support/cli.js').runPolicyc, tz: string, args: string[]) {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return run(args);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('register.html and register.md', () => {
  it('renders the organisation once, then each activity as a block with every column, lists for several values, landscape print', async () => {
    const { model } = await compile(fixture);
    const html = registerToHtml(registerFor(model, 'en'), ['nl', 'en']);
    expect(html).toContain('<h2 id="controller">Processing activities as controller (Article 30(1) GDPR)</h2>');
    expect(html).toContain(
      '<section class="register-activity" id="controller-care">\n<table class="register-frame" role="presentation">\n<thead><tr><td>\n<h3>Care, &quot;treatment&quot;, and follow-up<br>after discharge</h3>\n</td></tr></thead>',
    );
    expect(html).toContain('<dt>Categories of data subjects</dt>\n<dd>Patients, &quot;walk-in&quot; and referred</dd>');
    expect(html).toContain('<ul><li>EPD</li><li>Mail, calendar</li></ul>');
    expect(html).toContain('<html lang="en">');
    // Controller, DPO and security measures are the organisation's, stated once: not a line in every activity.
    expect(html.match(/<dt>Data protection officer<\/dt>/g)).toHaveLength(1);
    expect(html.match(/<dt>Security measures<\/dt>/g)).toHaveLength(1);
    expect(html).not.toContain('<dt>Controller</dt>');
    // The purposes (30(1)(b)): none authored for the register, so the notice's wording, marked as such — never left out.
    expect(html).toContain(
      '<dt>Purposes</dt>\n<dd>From the privacy notice: We treat you.<br>We follow up after discharge.</dd>',
    );
    // With no description at all: the name, which is the purpose, and that the notice describes it no further (officer8 R1).
    expect(html).toContain('<dt>Purposes</dt>\n<dd>Billing (not described further in the privacy notice)</dd>');
    // The other language: hreflang in the head, a visible link in the page.
    expect(html).toContain('<link rel="alternate" hreflang="nl" href="../nl/register.html">');
    expect(html).toContain('<a href="../nl/register.html" hreflang="nl" lang="nl">Dit register in het Nederlands</a>');
    // The stylesheet is a file beside the page (strict CSP: no inline style), and prints landscape.
    expect(html).toContain('<link rel="stylesheet" href="register.css">');
    expect(html).not.toMatch(/<style|style=/);
    const register = registerFor(model, 'en');
    expect(registerStylesheet(register)).toMatch(/@media print \{\s*@page \{ size: A4 landscape;/);
    // Every printed page: title, version and page number in the page's margin boxes (register review, defect 8).
    expect(registerStylesheet(register)).toContain('@bottom-right { content: counter(page) " / " counter(pages);');
    expect(registerStylesheet(register)).toContain(
      `@top-left { content: ${cssString(register.title)}; } @top-right { content: ${cssString(register.versionLine)}; }`,
    );
    // The first page's boxes empty, not none: with none, Chromium printed its own date and title there when its
    // headers and footers were on (officer11 R1; seen in chromium-headless-shell --print-to-pdf).
    expect(registerStylesheet(register)).toContain(
      '@page :first { @top-left { content: ""; } @top-right { content: ""; } }',
    );
  });

  it("writes the printed pages' title and version as CSS strings no text can end", () => {
    expect(cssString('Zorg & Co — "Jansen"')).toBe('"Zorg & Co \\2014  \\22 Jansen\\22 "');
    const hostile = 'x"; } body { display: none } @page { content: "\\';
    const css = registerStylesheet({ title: hostile, versionLine: 'v\n1 😀' });
    // One string each: no quote, backslash or line break of the text is left as itself.
    expect(css).toContain('@top-left { content: "x\\22 ; } body { display: none } @page { content: \\22 \\5c "; }');
    expect(css).toContain('@top-right { content: "v\\a 1 \\1f600 "; }');
  });

  it('names a column that no activity of a record fills once, before the activities, not as a dash in each', async () => {
    // Printed, iPractice's register had 'Systemen —' under each of its three activities, Doctolib's 84 such lines.
    const { model } = await compile(path.join(repoRoot, 'policies/ipractice/policy.json'));
    const register = registerFor(model, 'nl');
    const html = registerToHtml(register);
    const record = html.slice(html.indexOf('<h2 id="controller">'));
    expect(record).toMatch(
      // Before the first activity, as in register.md (officer3 finding 3: after the last it read as that activity's);
      // kept with it in print (register.css: break-after: avoid), as the list once ended a page of its own (IES).
      /<h2 id="controller">[^<]*<\/h2>\n<div class="register-unfilled">\n<p>Voor geen van deze activiteiten vermeld:<\/p>\n<ul>\n(<li>[^<]*<\/li>\n)*<li>Systemen<\/li>\n<\/ul>\n<\/div>\n<section class="register-activity"/,
    );
    expect(record).not.toContain('<dt>Systemen</dt>');
    // Every row's cell in that column is blank: nothing authored is left out.
    const systems = register.tables[0]!.columns.findIndex((c) => c.key === 'systems');
    expect(register.tables[0]!.rows.map((row) => row[systems])).toEqual([[], [], []]);
    // A column that some activity fills says 'Niet vermeld' where another leaves a required element blank (and
    // the organisation states nothing for it: a blank retention cell points to the organisation's other periods).
    expect(record).toContain('<dt>Verwerkers</dt>\n<dd>Niet vermeld</dd>');
    // The Markdown, laid out as the page (register5 finding 9), names it once too, before the activities: after the
    // last one it would read as that activity's.
    const md = registerToMarkdown(register);
    expect(md).toContain(
      '## Verwerkingsactiviteiten als verwerkingsverantwoordelijke (artikel 30, lid 1, AVG)\n\nVoor geen van deze activiteiten vermeld:\n\n- Systemen\n\n### ',
    );
    expect(md).not.toContain('**Systemen**');
  });

  it("leaves the author's ids off the pages a person reads (HTML, Markdown), kept in the CSV as keys", async () => {
    // 'Kenmerk: treatment' in the Dutch register: an id the author chose, in English, with no Dutch (register review).
    const { compiled, model } = await compile(fixture);
    const register = registerFor(model, 'nl');
    const ids = model.purposes.map((p) => p.id);
    const html = registerToHtml(register);
    const shown = html.replace(/<[^>]*>/g, ' ');
    expect(html).not.toContain('<dt>Kenmerk</dt>');
    for (const id of ids) expect(shown.split(/\s+/), id).not.toContain(id);
    // The block keeps the id as its anchor (links to an activity stay stable across languages).
    expect(html).toContain('<section class="register-activity" id="controller-care">');
    const md = registerToMarkdown(register);
    expect(md).not.toContain('**Kenmerk**');
    for (const id of ids) expect(md.split(/\s+/), id).not.toContain(id);
    // An activity's section is headed by its name.
    expect(md).toContain(`\n### ${register.tables[0]!.rows[0]![register.tables[0]!.rowHeader]![0]!.split('\n')[0]}`);
    // The CSV, which tools import, keeps them: its first column.
    const csv = parse(output(compiled, 'register-processor/nl/register.csv') as string, {
      delimiter: ';',
      bom: true,
    }) as string[][];
    expect(csv.map((row) => row[0])).toEqual(['Kenmerk', ...ids]);
  });

  it('escapes author text in HTML and Markdown', async () => {
    const { model } = await compile(fixture);
    const hostile = structuredClone(model);
    hostile.purposes[0]!.name = { en: '<script>alert(1)</script> | *x*', nl: 'x' };
    const register = registerFor(hostile, 'en');
    const html = registerToHtml(register);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = registerToMarkdown(register);
    expect(md).toContain('\n### \\<script\\>alert(1)\\</script\\> \\| \\*x\\*\n');
    expect(md).not.toContain('<script>');
  });

  it("lists a fact's values an item each, a value's own lines a hard break apart, every value escaped", async () => {
    // In a table's cell the values ran on ('… met wie. Leeftijd', register5 finding 9); the section lists them as the
    // page does, and keeps a value's lines (paragraphs, a lead-in and its list) as the page's <br>.
    const { model } = await compile(fixture);
    const register = structuredClone(registerFor(model, 'nl'));
    const table = register.tables[0]!;
    const column = table.columns.findIndex((c) => c.key === 'systems');
    table.rows[0]![column] = [
      'Bewaard tot het einde.',
      'Contactgegevens',
      'Zorg B.V.',
      'Wij gebruiken:\nnaam\nadres',
      'Eerste alinea.\nTweede alinea.',
      '*x*',
    ];
    expect(registerToMarkdown(register)).toContain(
      '\n- **Systemen**:\n' +
        '  - Bewaard tot het einde.\n' +
        '  - Contactgegevens\n' +
        '  - Zorg B.V.\n' +
        '  - Wij gebruiken: \\\n    naam \\\n    adres\n' +
        '  - Eerste alinea. \\\n    Tweede alinea.\n' +
        '  - \\*x\\*\n',
    );
  });

  it('writes every activity of every record as a section: the record a heading, each activity a heading', async () => {
    const { model } = await compile(fixture);
    const register = registerFor(model, 'nl');
    const md = registerToMarkdown(register);
    for (const table of register.tables) {
      expect(md).toContain(`\n## ${table.caption}\n`);
      for (const row of table.rows) expect(md).toContain(`\n### ${row[table.rowHeader]![0]!.split('\n')[0]}`);
    }
    // No pipe table: a row of fourteen columns read a word a line (register5 finding 9).
    expect(md).not.toMatch(/^\|/m);
    // A blank says 'Niet vermeld', never '—', which read as 'none' (officer8 R7).
    expect(md).not.toContain('**: —\n');
    expect(md).toContain('**: Niet vermeld\n');
  });

  it('matches the golden files for iPractice', async () => {
    const { compiled } = await compile(path.join(repoRoot, 'policies/ipractice/policy.json'));
    for (const lang of ['nl', 'en']) {
      for (const name of ['register.md', 'register.html', 'register.csv', 'register-without-activity.csv']) {
        expectGolden(
          path.join(repoRoot, `test/golden/register/ipractice/${lang}/${name}`),
          output(compiled, `ipractice/${lang}/${name}`) as string,
        );
      }
    }
  });
});

describe('policyc register', () => {
  it('writes only the registers, leaving the notices of an earlier build in place', async () => {
    const { runPolicycInProcess } = await import('./support/cli.js');
    const { readdirSync } = await import('node:fs');
    const out = registerDir();
    expect((await runPolicycInProcess(['build', 'policies/ipractice', '--out', out, '--lang', 'nl'])).status).toBe(0);
    const notice = readFileSync(path.join(out, 'ipractice/nl/privacy.md'));
    const run = await runPolicycInProcess(['register', fixture, 'policies/ipractice', '--out', out, '--bom']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Built 2 policies');
    expect(readdirSync(path.join(out, 'ipractice/nl')).sort()).toEqual([
      'privacy.css',
      'privacy.fragment.css',
      'privacy.fragment.html',
      'privacy.html',
      'privacy.md',
      'register-without-activity.csv',
      'register.css',
      'register.csv',
      'register.html',
      'register.md',
      'register.xlsx',
    ]);
    expect(readFileSync(path.join(out, 'ipractice/nl/privacy.md')).equals(notice)).toBe(true);
    expect(readdirSync(path.join(out, 'register-processor/en')).sort()).toEqual([
      'register-processor.csv',
      'register.css',
      'register.csv',
      'register.html',
      'register.md',
      'register.xlsx',
    ]);
    expect(readFileSync(path.join(out, 'ipractice/en/register.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('removes a register file it no longer makes, and only that', async () => {
    const { runPolicycInProcess } = await import('./support/cli.js');
    const { readdirSync, writeFileSync, mkdirSync } = await import('node:fs');
    const out = registerDir();
    // The policy lives outside the output folder: policyc refuses to build into a folder holding policies.
    const policyDir = path.join(sourceDir(), 'src');
    mkdirSync(policyDir);
    const source = JSON.parse(readFileSync(fixture, 'utf8')) as PolicySource;
    writeFileSync(path.join(policyDir, 'policy.json'), JSON.stringify(source));
    expect((await runPolicycInProcess(['build', policyDir, '--out', out])).status).toBe(0);
    writeFileSync(path.join(out, 'register-processor/en/notes.txt'), 'kept');
    delete source.processorActivities;
    writeFileSync(path.join(policyDir, 'policy.json'), JSON.stringify(source));
    const run = await runPolicycInProcess(['register', policyDir, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    // The groups and data only the processing done as a processor named are now named without an activity.
    expect(readdirSync(path.join(out, 'register-processor/en')).sort()).toEqual([
      'notes.txt',
      'privacy.css',
      'privacy.fragment.css',
      'privacy.fragment.html',
      'privacy.html',
      'privacy.md',
      'register-without-activity.csv',
      'register.css',
      'register.csv',
      'register.html',
      'register.md',
      'register.xlsx',
    ]);
  });

  it('writes nothing for an invalid policy, and says where the problem is', async () => {
    const { runPolicycInProcess } = await import('./support/cli.js');
    const { existsSync, writeFileSync } = await import('node:fs');
    const out = registerDir();
    const bad = readFileSync(fixture, 'utf8').replace('"legalBasis": "6(1)(c)"', '"legalBasis": "6(1)(x)"');
    writeFileSync(path.join(out, 'policy.json'), bad);
    const run = await runPolicycInProcess([
      'register',
      path.join(out, 'policy.json'),
      '--out',
      path.join(out, 'dist'),
      '--format',
      'compact',
    ]);
    expect(run.status).toBe(1);
    const line = bad.split('\n').findIndex((l) => l.includes('6(1)(x)')) + 1;
    expect(run.stderr).toMatch(new RegExp(`policy\\.json:${line}:\\d+ error /purposes/1/legalBasis`));
    expect(existsSync(path.join(out, 'dist', 'register-processor'))).toBe(false);
  });

  it('is listed in the help', async () => {
    const { runPolicycInProcess } = await import('./support/cli.js');
    // The general help lists the command (its description below it); its options are in the command's own help.
    expect((await runPolicycInProcess(['--help'])).stdout).toMatch(
      /^ {2}register \[paths…\]\s+Write only the art\. 30 registers/m,
    );
    const help = (await runPolicycInProcess(['register', '--help'])).stdout;
    expect(help).toMatch(/^Usage: policyc register \[paths…\]/);
    expect(help).toMatch(/^ {2}--bom +Start CSV files with a UTF-8 byte-order mark/m);
  });
});
