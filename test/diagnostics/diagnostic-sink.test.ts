import { describe, expect, it } from 'vitest';
import { diagnosticSink, type SinkSettings } from '../../src/cli/diagnostic-sink.js';
import type { LocalisedDiagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * The text and compact sinks (review secondread2, finding 7): each part is written when it is given, as JSON is, and
 * holds nothing; the bytes are those of the whole report either way. Folding (check and build) writes a finding
 * repeated in policies' own files in full at the first and, in each later policy's part, a reference to it
 * (officer11, F5: a folded finding was missing from the other policies' parts, and "and 3 more" hid which).
 */
const finding = (file: string, line: number, message = `m${line}`): LocalisedDiagnostic => ({
  ruleId: 'art13/x',
  severity: 'warning',
  messageId: 'm',
  message,
  file,
  pointer: `/p/${line}`,
  line,
  column: 1,
});

function sink(format: string, fold?: SinkSettings['fold'], lang: SinkSettings['lang'] = 'en') {
  const written: string[] = [];
  const settings: SinkSettings = {
    format,
    cwd: '/work',
    stdout: () => {},
    stderr: (text) => void written.push(text),
    lang,
    tool: () => ({ version: '0' }),
    ...(fold ? { fold } : {}),
  };
  return { sink: diagnosticSink(settings), written };
}

describe('the text and compact sinks', () => {
  for (const format of ['text', 'compact']) {
    it(`${format}: without folding, each part is written when given, the same bytes as at once`, () => {
      const parts = sink(format);
      parts.sink.files([finding('/work/a.json', 1)]);
      expect(parts.written.join('')).toContain('m1');
      parts.sink.files([finding('/work/b.json', 2)]);
      expect(parts.written.join('')).toContain('m2');
      parts.sink.end();
      const whole = sink(format);
      whole.sink.files([finding('/work/a.json', 1), finding('/work/b.json', 2)]);
      whole.sink.end();
      expect(parts.written.join('')).toBe(whole.written.join(''));
    });

    it(`${format}: folding writes a repeated finding in full at the first policy, a reference in each other's part`, () => {
      const { sink: folding, written } = sink(format, true);
      const parts = () => written.join('');
      for (const file of ['a', 'b', 'c']) {
        folding.files([finding(`/work/${file}.json`, 1), finding(`/work/${file}.json`, 2, `own ${file}`)]);
        expect(parts()).toContain(`own ${file}`);
      }
      folding.end();
      const text = parts();
      expect(text.match(/m1/g)).toHaveLength(3);
      expect(text).not.toMatch(/and \d+ more/);
      for (const file of ['b', 'c']) {
        // The reference is in b's and c's own part: after their file's name (text) or on their line (compact).
        const part = format === 'text' ? text.slice(text.indexOf(`\n${file}.json\n`)) : text;
        expect(part).toContain('The same finding as under a.json above: “m1”');
        if (format === 'compact')
          expect(text).toContain(
            `${file}.json:1:1 warning /p/1 The same finding as under a.json above: “m1” [art13/x]`,
          );
      }
      expect(text.indexOf('own a')).toBeLessThan(text.indexOf('own b'));
      expect(text.indexOf('own b')).toBeLessThan(text.indexOf('own c'));
    });
  }

  it('folding in Dutch quotes a long message cut at a word', () => {
    const message = 'Deze zorgaanbieder (Tandartspraktijk) verwerkt gezondheidsgegevens maar noemt geen functionaris';
    const { sink: streaming, written } = sink('compact', true, 'nl');
    streaming.files([finding('/work/a.json', 1, message)]);
    streaming.files([finding('/work/b.json', 1, message)]);
    streaming.end();
    expect(written.join('').trimEnd().split('\n').at(-1)).toBe(
      'b.json:1:1 warning /p/1 Dezelfde bevinding als bij a.json hierboven: ' +
        '“Deze zorgaanbieder (Tandartspraktijk) verwerkt…” [art13/x]',
    );
  });
});

describe('streamed folding over many policies (its table grows past its first size)', () => {
  it('writes each distinct finding in full once, at its first file, and a reference to it at each repeat', () => {
    const { sink: streaming, written } = sink('compact', true);
    // 300 files × 20 findings: 6,000 distinct (own messages) and 4 repeated in every third file from file 7 on.
    const expected: string[] = [];
    for (let f = 0; f < 300; f++) {
      const file = `/work/p${f}.json`;
      const own = Array.from({ length: 20 }, (_, i) => finding(file, 100 + i, `own ${f}.${i}`));
      const shared = f >= 7 && f % 3 === 1 ? [1, 2, 3, 4].map((line) => finding(file, line, `shared ${line}`)) : [];
      streaming.files([...shared, ...own]);
      const sharedLines = shared.map((d) =>
        f === 7 ? d.message : `p${f}.json The same finding as under p7.json above: “${d.message}”`,
      );
      expected.push(...sharedLines, ...own.map((d) => d.message));
    }
    streaming.end();
    const lines = written.join('').trimEnd().split('\n');
    const shown = lines.map((l) => {
      const [, file, message] = /^(\S+?):\d+:1 warning \/p\/\d+ (.+) \[art13\/x\]$/.exec(l)!;
      return message!.startsWith('The same finding') ? `${file} ${message}` : message;
    });
    expect(shown).toEqual(expected);
  });
});
