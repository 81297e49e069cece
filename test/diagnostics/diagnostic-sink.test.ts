import { describe, expect, it } from 'vitest';
import { diagnosticSink, type SinkSettings } from '../../src/cli/diagnostic-sink.js';
import type { LocalisedDiagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * The text and compact sinks (review secondread2, finding 7): without folding (build, diff) each part is written when it
 * is given, as JSON is, and holds nothing; with folding (check) the report is written at the end, a finding
 * repeated in policies' own files once, and the bytes are those of the whole report either way.
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

function sink(format: string, fold: boolean) {
  const written: string[] = [];
  const settings: SinkSettings = {
    format,
    cwd: '/work',
    stdout: () => {},
    stderr: (text) => void written.push(text),
    lang: 'en',
    tool: () => ({ version: '0' }),
    fold,
  };
  return { sink: diagnosticSink(settings), written };
}

describe('the text and compact sinks', () => {
  for (const format of ['text', 'compact']) {
    it(`${format}: without folding, each part is written when given, the same bytes as at once`, () => {
      const parts = sink(format, false);
      parts.sink.files([finding('/work/a.json', 1)]);
      expect(parts.written.join('')).toContain('m1');
      parts.sink.files([finding('/work/b.json', 2)]);
      expect(parts.written.join('')).toContain('m2');
      parts.sink.end();
      const whole = sink(format, false);
      whole.sink.files([finding('/work/a.json', 1), finding('/work/b.json', 2)]);
      whole.sink.end();
      expect(parts.written.join('')).toBe(whole.written.join(''));
    });

    it(`${format}: folding, a finding repeated in three policies' files is written once, at the end`, () => {
      const { sink: folding, written } = sink(format, true);
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
  }
});
