import { describe, expect, it } from 'vitest';
import { diagnosticSink, type SinkSettings } from '../../src/cli/diagnostic-sink.js';
import type { LocalisedDiagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * The text and compact sinks (review secondread2, finding 7): without folding (build, diff) each part is written when it
 * is given, as JSON is, and holds nothing; with folding (check) the report is written at the end, a finding
 * repeated in policies' own files once, and the bytes are those of the whole report either way. build's folding
 * ('streamed') writes each part when given, leaving out what an earlier part had, and names the others at the end.
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

    it(`${format}: folding, a finding repeated in three policies' files is written once, at the end`, () => {
      const { sink: folding, written } = sink(format, 'whole');
      for (const file of ['a', 'b', 'c'])
        folding.files([finding(`/work/${file}.json`, 1), finding(`/work/${file}.json`, 2, `own ${file}`)]);
      expect(written).toEqual([]);
      folding.end();
      const text = written.join('');
      expect(text.match(/m1/g)).toHaveLength(1);
      expect(text).toContain('m1 (in 3 policies: ');
      expect(text.indexOf('own a')).toBeLessThan(text.indexOf('own b'));
      expect(text.indexOf('own b')).toBeLessThan(text.indexOf('own c'));
    });

    it(`${format}: streamed folding writes each part when given, a repeat only at the end, in one line`, () => {
      const { sink: streaming, written } = sink(format, 'streamed');
      const parts = () => written.join('');
      for (const file of ['a', 'b', 'c', 'd', 'e']) {
        streaming.files([finding(`/work/${file}.json`, 1), finding(`/work/${file}.json`, 2, `own ${file}`)]);
        expect(parts()).toContain(`own ${file}`);
      }
      expect(parts().match(/m1/g)).toHaveLength(1);
      expect(parts()).not.toContain('policies');
      streaming.end();
      const lines = parts().trimEnd().split('\n');
      expect(lines.at(-1)).toBe(
        'The same finding (art13/x at /work/a.json:1:1, “m1”) is also in 4 more policies: ' +
          '/work/b.json, /work/c.json, /work/d.json and 1 more.',
      );
      expect(parts().match(/m1/g)).toHaveLength(2);
    });
  }

  it('streamed folding: one repeat, in Dutch, and a long message cut at a word', () => {
    const message = 'Deze zorgaanbieder (Tandartspraktijk) verwerkt gezondheidsgegevens maar noemt geen functionaris';
    const { sink: streaming, written } = sink('compact', 'streamed', 'nl');
    streaming.files([finding('/work/a.json', 1, message)]);
    streaming.files([finding('/work/b.json', 1, message)]);
    streaming.end();
    expect(written.join('').trimEnd().split('\n').at(-1)).toBe(
      'Dezelfde bevinding (art13/x in /work/a.json:1:1, “Deze zorgaanbieder (Tandartspraktijk) verwerkt…”) ' +
        'staat ook in 1 ander beleidsbestand: /work/b.json.',
    );
  });
});

describe('streamed folding over many policies (its table grows past its first size)', () => {
  it('prints each distinct finding once, at its first file, and closes with the repeats in the order printed', () => {
    const { sink: streaming, written } = sink('compact', 'streamed');
    // 300 files × 20 findings: 6,000 distinct (own messages) and 4 repeated in every third file from file 7 on.
    const expectedFirsts: string[] = [];
    for (let f = 0; f < 300; f++) {
      const file = `/work/p${f}.json`;
      const own = Array.from({ length: 20 }, (_, i) => finding(file, 100 + i, `own ${f}.${i}`));
      const shared = f >= 7 && f % 3 === 1 ? [1, 2, 3, 4].map((line) => finding(file, line, `shared ${line}`)) : [];
      streaming.files([...shared, ...own]);
      if (f === 7) expectedFirsts.push(...shared.map((d) => d.message));
      expectedFirsts.push(...own.map((d) => d.message));
    }
    streaming.end();
    const lines = written.join('').trimEnd().split('\n');
    const printed = lines
      .filter((l) => !l.startsWith('The same finding'))
      .map((l) => / (own [\d.]+|shared \d) \[/.exec(l)?.[1]);
    expect(printed).toEqual(expectedFirsts);
    const closing = lines.filter((l) => l.startsWith('The same finding'));
    expect(closing).toEqual(
      [1, 2, 3, 4].map(
        (line) =>
          `The same finding (art13/x at /work/p7.json:${line}:1, “shared ${line}”) is also in 97 more policies: ` +
          '/work/p10.json, /work/p13.json, /work/p16.json and 94 more.',
      ),
    );
  });
});
