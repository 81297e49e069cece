import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { runPolicycHere } from '../support/cli.js';
import { readFixture } from '../support/fixtures.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('policyc-json-syntax-');

/** The one 'json/syntax' diagnostic of a text JSON.parse refuses, with its message in `lang`. */
function syntaxDiagnostic(text: string, lang: 'en' | 'nl' = 'en') {
  const { diagnostics } = analysePolicy(text, 'p.json', lang);
  expect(diagnostics.map((d) => d.ruleId)).toEqual(['json/syntax']);
  return diagnostics[0]!;
}

/** 1-based line and column of the `occurrence`-th `needle` in text (the place the message must point at). */
function at(text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" not in ${text}`);
  const before = text.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

const NOT_JSON = 'the file is not valid JSON';

/** [text, English message after "the file is not valid JSON", where it points]. */
const cases: Array<[string, string, string]> = [
  ['', ': it is empty', '1:1'],
  ['{"a": 1,}', ': no comma may follow the last item; remove this comma before "}"', at('{"a": 1,}', ',')],
  ['{"a": [1, 2,\n]}', ': no comma may follow the last item; remove this comma before "]"', '1:12'],
  ['{"a": 1', ': it ends before the "{" at line 1, column 1 is closed with "}"', '1:8'],
  ['{"id": "x",\n  "metadata": {\n', ': it ends before the "{" at line 2, column 15 is closed with "}"', '2:16'],
  ['[1,2', ': it ends before the "[" at line 1, column 1 is closed with "]"', '1:5'],
  ['{"a": "abc', ': it ends inside the text that starts at line 1, column 7; a closing " is missing', '1:11'],
  // A missing comma is pointed at where it belongs, at the end of the value before it.
  ['{"a": "x"\n "b": "y"}', ': a comma is missing at the end of line 1, after "x"', '1:10'],
  [
    '{\n  "address": {\n    "street": "Lindenlaan 12"\n    "postalCode": "8011 AB"\n  }\n}',
    ': a comma is missing at the end of line 3, after "Lindenlaan 12"',
    '3:30',
  ],
  ['{"a": [true],\n  "b": {"c": 1}\n  "d": 2}', ': a comma is missing at the end of line 2, after "}"', '2:16'],
  ['{"a": "x" "b": "y"}', ': a comma is missing between "x" and "b"', '1:10'],
  ['{"a" 1}', ': a colon is missing between the name and its value', '1:6'],
  ['{"a": 1,, "b": 2}', ': a value is missing before this ","', '1:9'],
  ['{"a": 1,\n "b": }', ': a value is missing before this "}"', '2:7'],
  ['{"a": [1, 2}', ': this "}" cannot close the "[" at line 1, column 7, which needs a "]" first', '1:12'],
  [
    '{"a": 1}\n{"b": 2}',
    ': the JSON is already complete before this; the file must hold one object, { … }, so a bracket is missing or one too many',
    '2:1',
  ],
  ["{'a': 1}", ': texts and names take double quotes ("), not single ones', '1:2'],
  ['// a comment\n{}', ': JSON has no comments', '1:1'],
  ['{"a": "\\q"}', ': "\\q" is not an escape JSON knows; write \\\\ for a backslash', '1:8'],
  ['{"a": "\\u12"}', ': "\\u12" is not an escape JSON knows; write \\\\ for a backslash', '1:8'],
  [
    '{"a": tru}',
    ': "tru" needs double quotes around it; the only words JSON knows without them are true, false and null',
    '1:7',
  ],
  [
    '{name: "x"}',
    ': "name" needs double quotes around it; the only words JSON knows without them are true, false and null',
    '1:2',
  ],
  ['{"a": 01}', ': "01" is not a number as JSON writes them (such as 12, -3 or 0.5)', '1:7'],
  ['{"a": .5}', ': ".5" is not a number as JSON writes them (such as 12, -3 or 0.5)', '1:7'],
  ['{"a":\u00a01}', ': an invisible character (U+00A0) stands here, outside any text; delete it', '1:6'],
  ['{"a": 1 :}', ': ":" cannot stand here', '1:9'],
  ['{"a": 1 @}', ': "@" cannot stand here', '1:9'],
  ['{"a": "x\u0001"}', ': a control character (U+0001) cannot stand in a text; delete it', '1:9'],
  ['{"a": "x\ty"}', ': a tab inside a text is written \\t in JSON', '1:9'],
  // A paragraph pasted into a text: momoa accepts the line break, JSON.parse does not; the message points at it.
  [
    '{"id": "a",\n  "name": "Huisarts\nDe Linde"}',
    ': a text cannot run over two lines; join the lines, or write \\n where the line breaks',
    '2:20',
  ],
  // A closing quote left out (review cli7, finding 10): the line ends as a value does, or the next starts with a name.
  // Where the quote goes is pointed at: before the comma that ends the line (the comma is no part of the text, which
  // "add it at the end of the text" did not say), or at the end of the line, with a comma after it.
  [
    '{"id": "a",\n  "city": "Utrecht,\n  "zip": "1234"}',
    ': the text that starts at line 2, column 11 has no closing "; put one before this "," at the end of the line. A text meant to run over two lines takes \\n where the line breaks',
    '2:19',
  ],
  [
    '{\n  "id": "x",\n  "name": "abc,  \n  "x": 1\n}',
    ': the text that starts at line 3, column 11 has no closing "; put one before this "," at the end of the line. A text meant to run over two lines takes \\n where the line breaks',
    '3:15',
  ],
  [
    '{"a": ["x", "y]\n}',
    ': the text that starts at line 1, column 13 has no closing "; put one before this "]" at the end of the line. A text meant to run over two lines takes \\n where the line breaks',
    '1:15',
  ],
  // A line that ends in several of them (secondread9 N1): the quote goes before the first, '"b"],', not '"b]",'.
  [
    '{\n  "ids": ["a", "b],\n  "x": 1\n}\n',
    ': the text that starts at line 2, column 16 has no closing "; put one before this "]," at the end of the line. A text meant to run over two lines takes \\n where the line breaks',
    '2:18',
  ],
  [
    '{"a": [{"b": "c}] ,\n "d": 1}',
    ': the text that starts at line 1, column 14 has no closing "; put one before this "}] ," at the end of the line. A text meant to run over two lines takes \\n where the line breaks',
    '1:16',
  ],
  [
    '{"a": {"city": "Utrecht\r\n  "zip": "1"}}',
    ': the text that starts at line 1, column 16 has no closing "; put one at the end of the line, and a comma after it: the next line starts another item. A text meant to run over two lines takes \\n where the line breaks',
    '1:24',
  ],
  // The first mistake is named, not a later one.
  ['{"a": 1,} @', ': no comma may follow the last item; remove this comma before "}"', '1:8'],
  ['{"a": [1 2] @', ': a comma is missing between "1" and "2"', '1:9'],
  ['{"id": "a",\r\n  "name": "x",\r\n}', ': no comma may follow the last item; remove this comma before "}"', '2:14'],
];

describe('a syntax error is named in the author’s terms, where it is', () => {
  it.each(cases)('%j', (text, message, where) => {
    const d = syntaxDiagnostic(text);
    expect(d.message).toBe(NOT_JSON + message);
    expect(`${d.line}:${d.column}`).toBe(where);
    expect(d.pointer).toBe('');
  });

  it('says a closing quote left out in Dutch too (review cli7, finding 10)', () => {
    const d = syntaxDiagnostic('{"id": "a",\n  "city": "Utrecht,\n  "zip": "1234"}', 'nl');
    expect(d.message).toBe(
      'het bestand is geen geldige JSON: de tekst die begint op regel 2, kolom 11 heeft geen afsluitend "; zet er een vóór deze "," aan het eind van de regel. Moet de tekst over twee regels lopen, schrijf dan \\n waar de regel afbreekt',
    );
    expect(`${d.line}:${d.column}`).toBe('2:19');
    expect(syntaxDiagnostic('{\n  "ids": ["a", "b],\n  "x": 1\n}\n', 'nl').message).toBe(
      'het bestand is geen geldige JSON: de tekst die begint op regel 2, kolom 16 heeft geen afsluitend "; zet er een vóór deze "]," aan het eind van de regel. Moet de tekst over twee regels lopen, schrijf dan \\n waar de regel afbreekt',
    );
    expect(syntaxDiagnostic('{"a": {"city": "Utrecht\n  "zip": "1"}}', 'nl').message).toBe(
      'het bestand is geen geldige JSON: de tekst die begint op regel 1, kolom 16 heeft geen afsluitend "; zet er een aan het eind van de regel, met een komma erachter: op de volgende regel begint een nieuw onderdeel. Moet de tekst over twee regels lopen, schrijf dan \\n waar de regel afbreekt',
    );
  });

  it('says it in Dutch, with nothing of the parser’s English', () => {
    const d = syntaxDiagnostic('{"id": "x",\n  "metadata": {', 'nl');
    expect(d.message).toBe(
      'het bestand is geen geldige JSON: het houdt op voordat de "{" op regel 2, kolom 15 is gesloten met "}"',
    );
    expect(syntaxDiagnostic('{"a": "x"\n "b": "y"}', 'nl').message).toBe(
      'het bestand is geen geldige JSON: aan het eind van regel 1, na "x", ontbreekt een komma',
    );
    expect(syntaxDiagnostic('{"a": "x" "b": "y"}', 'nl').message).toBe(
      'het bestand is geen geldige JSON: tussen "x" en "b" ontbreekt een komma',
    );
    expect(syntaxDiagnostic('{"a": 1,}', 'nl').message).toBe(
      'het bestand is geen geldige JSON: na het laatste onderdeel mag geen komma staan; haal deze komma voor "}" weg',
    );
  });

  it('reaches the command line: `policyc check --lang nl` on a text with a line break in it', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'policies/a'), { recursive: true });
    writeFileSync(path.join(dir, 'policies/a/policy.json'), '{ "id": "a",\n  "name": "x\ny" }\n');
    const run = await runPolicycHere(['check', '--lang', 'nl'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      'policies/a/policy.json\n  2:13  fout          het bestand is geen geldige JSON: een tekst kan niet over twee regels lopen',
    );
  });
});

/** One edit of a real policy: a character deleted or inserted, or the file cut short. */
const edit = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(length - 1) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(length),
      text: fc.constantFrom(
        ',',
        ':',
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        '\\',
        '\n',
        '\t',
        'x',
        '0',
        '/',
        '\u00a0',
        '\u0001',
      ),
    }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(length - 1) }),
  );

function applied(text: string, e: { kind: 'delete' | 'insert' | 'cut'; at: number; text?: string }): string {
  if (e.kind === 'delete') return text.slice(0, e.at) + text.slice(e.at + 1);
  if (e.kind === 'cut') return text.slice(0, e.at);
  return text.slice(0, e.at) + e.text! + text.slice(e.at);
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

describe('any broken policy gets one positioned, specific message (property)', () => {
  const policy = readFixture('minimal/policy.json');

  it('in both languages, inside the file, near or after the edit, never the parser’s English', () => {
    fc.assert(
      fc.property(edit(policy.length), fc.constantFrom('en' as const, 'nl' as const), (e, lang) => {
        const text = applied(policy, e);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        fc.pre(!parses);
        const d = syntaxDiagnostic(text, lang);
        const line = d.line ?? 0;
        const lines = text.split(/\r\n|\r|\n/);
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(d.column).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
        // The text before the edit was valid so far: the error is on the edit's line, or the one before it
        // (a comma left before a closing bracket that the edit removed the item after).
        expect(line).toBeGreaterThanOrEqual(lineOf(text, e.at) - 1);
        expect(d.message).toMatch(
          lang === 'en' ? /^the file is not valid JSON: / : /^het bestand is geen geldige JSON: /,
        );
        expect(d.message).not.toMatch(/\{\{|Unexpected|found\.|LBrace|RBrace|undefined/);
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });
});
