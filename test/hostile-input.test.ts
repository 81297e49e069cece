import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/pipeline/compile.js';
import { escapeMarkdownText } from '../src/render/markdown-inline.js';
import { authorMarkdownToHtml, isPlainText } from '../src/render/author-html.js';
import { markdownToPlainText } from '../src/render/register/plain-text.js';
import { mayHoldHazards } from '../src/validate/markdown-safety.js';
import { repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { miniPolicy, positionIn } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

/** The mini policy with a Markdown description on its purpose, as 2-space JSON text. */
function withDescription(markdown: string): { text: string; policy: ReturnType<typeof miniPolicy> } {
  const policy = miniPolicy();
  policy.purposes[0]!.description = { nl: 'Beschrijving.', en: markdown };
  return { policy, text: JSON.stringify(policy, null, 2) };
}

const output = (result: Awaited<ReturnType<typeof compile>>, file: string): string | Uint8Array | undefined =>
  result.outputs.find((o) => o.path === `mini/${file}`)?.contents;

describe('inputs that used to crash compile()', () => {
  it.each(['1970-01-01', '2150-06-01'])(
    'an effective date of %s gives a workbook (the zip carries a fixed time, not the policy date)',
    async (date) => {
      const policy = miniPolicy();
      policy.metadata.effectiveDate = date;
      const result = await compile(policy);
      expect(result.diagnostics).toEqual([]);
      const xlsx = output(result, 'en/register.xlsx') as Uint8Array;
      expect(xlsx[0]).toBe(0x50); // 'PK': a zip
      expect(xlsx.length).toBeGreaterThan(1000);
    },
  );

  it.each([
    ['block quotes', '>'.repeat(3000) + ' x'],
    ['ordered lists', '1. '.repeat(3000) + 'x'],
    ['indented lists', Array.from({ length: 200 }, (_, k) => ' '.repeat(2 * k) + '- x').join('\n')],
  ])('Markdown %s nested thousands deep: a positioned diagnostic, quickly', async (_name, markdown) => {
    const { text } = withDescription(markdown);
    const started = Date.now();
    const result = await compile(text);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.outputs).toEqual([]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({
      ruleId: 'schema/unsafe-markdown',
      pointer: '/purposes/0/description/en',
      message: 'nests block quotes or lists more than 32 levels deep; flatten the structure',
    });
    // At the first line too deep: the start of the text, or the list item whose content starts past column 128.
    const deepLine = markdown.includes('\n ') ? markdown.indexOf('\n' + ' '.repeat(128) + '-') + 1 : 0; // 128 + the space after '-'
    const shift = JSON.stringify(markdown.slice(0, deepLine)).length - 1;
    expect({ line: diagnostic!.line, column: diagnostic!.column }).toEqual(
      positionIn(text, JSON.stringify(markdown).slice(0, 20), 1, shift),
    );
  });

  it('Markdown nested 20 deep still works', async () => {
    const result = await compile(withDescription('> '.repeat(20) + 'deep').text);
    expect(result.diagnostics).toEqual([]);
    expect(output(result, 'en/privacy.html') as string).toContain('deep');
  });

  it.each([2000, 6000])('JSON nested %i deep is json/too-deep at the bracket, not "invalid JSON"', async (depth) => {
    const result = await compile('['.repeat(depth) + ']'.repeat(depth));
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'json/too-deep',
        severity: 'error',
        file: 'policy.json',
        pointer: '',
        line: 1,
        column: 65,
        messageId: 'diagnostics:json.tooDeep',
        data: { limit: 64 },
        message: 'arrays and objects are nested more than 64 levels deep here; a policy needs far fewer',
      },
    ]);
  });

  it('a cyclic object or a BigInt is a diagnostic, not an exception', async () => {
    const cyclic: Record<string, unknown> = { id: 'x' };
    cyclic.self = cyclic;
    for (const input of [cyclic, { id: 'x', n: 1n }]) {
      const result = await compile(input);
      expect(result.outputs).toEqual([]);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ ruleId: 'input/not-json', line: 1, column: 1 });
      expect(result.diagnostics[0]!.message).toMatch(
        /^the policy object cannot be written as JSON \(.+\); pass plain JSON data \(no cycles, no BigInt\)$/,
      );
    }
  });
});

describe('regular expressions on author text run in linear time', () => {
  const spaces = ' '.repeat(1_000_000);
  const text = `A${spaces}B\nC${spaces}D`;

  it.each([
    ['escapeMarkdownText', () => escapeMarkdownText(text)],
    ['isPlainText', () => isPlainText(`A${spaces}B`)],
    ['authorMarkdownToHtml', () => authorMarkdownToHtml(`A${spaces}B`)],
    ['markdownToPlainText', () => markdownToPlainText(text)],
    ['mayHoldHazards', () => mayHoldHazards(`${'-'.repeat(1_000_000)}x`)],
  ])('%s on 1 MB of spaces (dashes for mayHoldHazards)', (_name, run) => {
    const started = Date.now();
    run();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a policy with 1 MB of whitespace in every text field compiles in a few seconds', async () => {
    const policy = miniPolicy();
    const pad = (value: string): string => `A${spaces}B ${value}`;
    policy.controller.name = pad(policy.controller.name as string);
    for (const list of [policy.dataSubjects, policy.dataCategories, policy.purposes]) {
      for (const item of list) item.name = { nl: pad(item.name.nl!), en: pad(item.name.en!) };
    }
    policy.purposes[0]!.description = { nl: pad('Beschrijving.'), en: pad('Description.') };
    const started = Date.now();
    const result = await compile(policy);
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs.length).toBeGreaterThan(10);
    // Linear now (the quadratic regexes would take hours on 1 MB): about 4 s on the 2-core machine
    // for some 190 MB of output text, most of it building, zipping and slugging those outputs; 19-20 s
    // in a fresh clone's npm test, where it runs beside the static checks and Chromium, hence the margin.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('injection into the register and the Markdown', () => {
  it('register.csv neutralises cells that a spreadsheet would run as formulas', async () => {
    const policy = miniPolicy();
    policy.purposes[0]!.name = { nl: '=HYPERLINK("https://evil.example","klik")', en: '+SUM(1)' };
    policy.dataCategories[0]!.name = { nl: '@cmd', en: '-2+3' };
    const result = await compile(policy);
    // The Dutch register.csv is written for Dutch Excel: semicolons and a byte-order mark.
    const rows = parse(output(result, 'nl/register.csv') as string, { delimiter: ';', bom: true }) as string[][];
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("https://evil.example","klik")`);
    expect(cells.some((c) => c.startsWith("'@cmd"))).toBe(true);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it.each(['\r', '\r\n', '\u2028', '\u2029'])('the Markdown escaper treats %j as a line break', async (br) => {
    expect(escapeMarkdownText(`Treatment${br}# You have no rights`)).toBe('Treatment # You have no rights');
    const policy = miniPolicy();
    policy.purposes[0]!.name = { nl: 'Behandeling', en: `Treatment${br}# You have no rights` };
    const md = output(await compile(policy), 'en/privacy.md') as string;
    expect(md).not.toMatch(/^# You have no rights/m);
    expect(md).toContain('Treatment # You have no rights');
  });

  it('an unclosed code fence in author Markdown is refused at its position', async () => {
    const markdown = 'Intro.\n\n```\nthe rest of the notice would be code';
    const { text } = withDescription(markdown);
    const result = await compile(text);
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'schema/unsafe-markdown',
        pointer: '/purposes/0/description/en',
        ...positionIn(text, '```'),
        message:
          'opens a code block (```) that is never closed; it would swallow the rest of the notice. Close it with the same fence',
      }),
    ]);
  });

  it('a closed code fence is accepted', async () => {
    const result = await compile(withDescription('Intro.\n\n~~~~\ncode\n~~~~').text);
    expect(result.diagnostics).toEqual([]);
  });

  it.each(['\uFFFE', '\u0001', '\uD800'])('the XML-illegal character %j is refused at its position', async (c) => {
    const policy = miniPolicy();
    policy.dataCategories[1]!.name = { nl: 'Contacten', en: `Address${c}book` };
    const text = JSON.stringify(policy, null, 2);
    const result = await compile(text);
    expect(result.outputs).toEqual([]);
    const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'schema/illegal-character',
        severity: 'error',
        file: 'policy.json',
        pointer: '/dataCategories/1/name/en',
        ...positionIn(text, 'Address', 1, 7),
        messageId: 'diagnostics:schema.illegalCharacter',
        data: { codePoint: code },
        message: `contains the character ${code}, which no notice, register or workbook may hold (a control character or non-character); remove it`,
      },
    ]);
  });
});

describe('encodings', () => {
  const tmp = tempDirs('policyc-hostile-');

  it('a UTF-8 byte-order mark is accepted', async () => {
    const text = JSON.stringify(miniPolicy(), null, 2);
    expect((await compile('\uFEFF' + text)).diagnostics).toEqual([]);
    const dir = tmp();
    writeFileSync(path.join(dir, 'policy.json'), '\uFEFF' + text);
    const run = await runPolicyc(['check', path.join(dir, 'policy.json'), '--format', 'json']);
    // Compliance findings (the mini policy has no retention rules) are not about the encoding.
    expect(JSON.parse(run.stdout).filter((d: { ruleId: string }) => /^(file|json|schema)\//.test(d.ruleId))).toEqual(
      [],
    );
  });

  it('invalid UTF-8 is reported at its position, not turned into U+FFFD', async () => {
    const dir = tmp();
    const text = JSON.stringify(miniPolicy(), null, 2);
    const at = text.indexOf('Gebruikers');
    writeFileSync(
      path.join(dir, 'policy.json'),
      Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]),
    );
    const run = await runPolicyc(['check', path.join(dir, 'policy.json'), '--format', 'json']);
    const diagnostics = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'file/invalid-utf8',
        severity: 'error',
        ...positionIn(text, 'Gebruikers'),
        message: 'the file is not valid UTF-8 from here on; save it as UTF-8',
      }),
    ]);
    expect(run.status).toBe(1);
  });

  const utf16 =
    "the file is saved as UTF-16 (Windows PowerShell's > and Out-File save text that way); save it as UTF-8";
  const le = (text: string): Buffer => Buffer.from(text, 'utf16le');
  it.each([
    ['UTF-16LE with its byte-order mark (PowerShell 5)', (text: string) => le('\uFEFF' + text)],
    ['UTF-16LE without one', le],
    ['UTF-16BE without one', (text: string) => le(text).swap16()],
  ])('a policy saved as %s is reported as UTF-16 at 1:1, with what to do', async (_, encode) => {
    const dir = tmp();
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, encode(JSON.stringify({ ...miniPolicy(), name: 'Praktijk Één' }, null, 2)));
    const run = await runPolicyc(['check', file, '--format', 'compact']);
    expect(run.stderr).toBe(`${path.relative(repoRoot, file)}:1:1 error / ${utf16} [file/invalid-utf8]\n`);
    expect(run.status).toBe(1);
  });

  it('so is a config file saved as UTF-16, before anything is read', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'policyc.config.json'), le('\uFEFF{ "out": "site/privacy" }\n'));
    const run = await runPolicyc(['build'], dir);
    expect(run.stderr).toBe(
      `policyc.config.json\n  1:1  error    ${utf16}  file/invalid-utf8\nThe config file has errors; fix them first.\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['policyc.config.json']);
  });
});
