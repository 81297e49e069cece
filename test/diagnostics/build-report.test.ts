import { describe, expect, it } from 'vitest';
import { BuildReport, type PolicyReport } from '../../src/cli/build-report.js';
import type { DiagnosticSink } from '../../src/cli/diagnostic-sink.js';
import {
  compareDiagnostics,
  type Diagnostic,
  type LocalisedDiagnostic,
  type Severity,
} from '../../src/diagnostics/diagnostic.js';
import { formatLocalisedReport } from '../../src/diagnostics/format-report.js';
import { diagnosticTexts, giveTexts, localiseDiagnostic, withTexts } from '../../src/diagnostics/render-message.js';
import { messagesFor } from '../../src/i18n/messages.js';

/** A finding at a line of a file, already written in a language. */
function finding(file: string, line: number, severity: Severity = 'warning', ruleId = 'art13/x'): LocalisedDiagnostic {
  return { ruleId, severity, messageId: 'm', message: `${ruleId} at ${line}`, file, pointer: `/p/${line}`, line };
}

/** A sink that keeps what it is given, call by call. */
function recordingSink() {
  const calls: LocalisedDiagnostic[][] = [];
  let ended = false;
  const sink: DiagnosticSink = {
    files: (sorted) => void calls.push([...sorted]),
    end: () => void (ended = true),
  };
  return { sink, calls, ended: () => ended };
}

const localise = (d: Parameters<typeof localiseDiagnostic>[0]) => localiseDiagnostic(d, 'en');

/**
 * Five policies, listed a–e; c extends p/ab-base.json (sorted between a and
 * b), whose findings come with c's; e has the id of a (a duplicate).
 */
const policies: PolicyReport[] = [
  {
    index: 0,
    displayPath: 'p/a.json',
    id: 'a',
    diagnostics: [],
    findings: [finding('p/a.json', 3), finding('p/a.json', 1)],
  },
  {
    index: 1,
    displayPath: 'p/b.json',
    id: 'b',
    diagnostics: [finding('p/b.json', 2, 'error', 'schema/x')],
    findings: [],
  },
  {
    index: 2,
    displayPath: 'p/c.json',
    id: 'c',
    diagnostics: [],
    findings: [finding('p/c.json', 5), finding('p/ab-base.json', 7, 'info')],
  },
  { index: 3, displayPath: 'p/d.json', id: 'd', diagnostics: [], findings: [] },
  {
    index: 4,
    displayPath: 'p/e.json',
    id: 'a',
    idPosition: { line: 2, column: 9 },
    diagnostics: [],
    findings: [finding('p/e.json', 4)],
  },
];
const sources = [['p/a.json'], ['p/b.json'], ['p/c.json', 'p/ab-base.json'], ['p/d.json'], ['p/e.json']];

function run(order: readonly number[]) {
  const recorded = recordingSink();
  const report = new BuildReport(sources, recorded.sink, localise);
  const afterEach: number[] = [];
  for (const i of order) {
    report.add(policies[i]!);
    afterEach.push(recorded.calls.flat().length);
  }
  report.finish();
  return { report, recorded, afterEach, all: recorded.calls.flat() };
}

describe('BuildReport', () => {
  it('writes, in any arrival order, exactly what sorting every diagnostic at the end would write', () => {
    const inOrder = run([0, 1, 2, 3, 4]);
    const everything = [...policies.flatMap((p) => [...p.diagnostics, ...p.findings])];
    const duplicate = inOrder.all.find((d) => d.ruleId === 'build/duplicate-policy-id');
    expect(duplicate).toMatchObject({ file: 'p/e.json', line: 2, column: 9, severity: 'error' });
    expect(duplicate!.message).toContain('p/a.json');
    const expected = [...everything, duplicate!].sort(compareDiagnostics);
    expect(inOrder.all).toEqual(expected);
    for (const order of [
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [1, 3, 0, 4, 2],
    ]) {
      expect(run(order).all).toEqual(expected);
    }
    expect(formatLocalisedReport(inOrder.all)).toContain('p/ab-base.json');
    expect(inOrder.recorded.ended()).toBe(true);
  });

  it('writes each file as soon as no policy still to come can report on it, and holds a base until its last user', () => {
    const { afterEach } = run([0, 1, 2, 3, 4]);
    // a's two findings are written when a arrives: no later policy reports on a file sorted before p/a.json.
    expect(afterEach[0]).toBe(2);
    // b sorts after p/ab-base.json, which c (still to come) reports on: b waits for c.
    expect(afterEach[1]).toBe(2);
    // c arrives: b, base and c are written; d has nothing; e waits for nothing.
    expect(afterEach[2]).toBe(5);
    expect(afterEach[4]).toBe(7);
  });

  it('holds a policy that arrives early until every policy listed before it is in (the first listed keeps an id)', () => {
    const { afterEach, all } = run([4, 3, 0, 1, 2]);
    expect(afterEach.slice(0, 2)).toEqual([0, 0]);
    expect(all.filter((d) => d.ruleId === 'build/duplicate-policy-id').map((d) => d.file)).toEqual(['p/e.json']);
  });

  it('keeps counts: problems by severity, unacknowledged findings, acknowledged ones apart', () => {
    const acknowledged = {
      ...finding('p/d.json', 1, 'error'),
      acknowledged: { reason: 'accepted', source: 'policy' as const },
    };
    const recorded = recordingSink();
    const report = new BuildReport(sources, recorded.sink, localise);
    for (const p of policies) report.add(p.index === 3 ? { ...p, findings: [acknowledged] } : p);
    report.finish();
    expect(report.problems).toEqual({ error: 2, warning: 0, info: 0 }); // b's schema error and e's duplicate id
    expect(report.findings).toEqual({ error: 0, warning: 4, info: 1 });
    expect(report.unacknowledged).toEqual({ error: 2, warning: 4, info: 1 });
    expect(report.acknowledged).toBe(1);
  });
});

describe('giveTexts', () => {
  it('gives a diagnostic it may change the same properties, in the same order, as withTexts makes', () => {
    const neutral: Diagnostic = {
      ruleId: 'schema/enum',
      severity: 'warning',
      messageId: 'diagnostics:schema.enum',
      data: { allowed: 'a, b' },
      hint: { messageId: 'diagnostics:didYouMean', data: { value: 'a' } },
      file: 'p/a.json',
      pointer: '/x',
      line: 3,
      acknowledged: { reason: { nl: 'geaccepteerd', en: 'accepted' }, source: 'config' },
      article: 'GDPR 13',
    };
    const texts = diagnosticTexts(neutral, messagesFor('en'));
    expect(texts.reason).toBe('accepted');
    const copy = structuredClone(neutral);
    const given = giveTexts(copy, texts);
    expect(given).toBe(copy);
    expect(JSON.stringify(given)).toBe(JSON.stringify(withTexts(neutral, texts)));
    expect(JSON.stringify(given)).toBe(JSON.stringify(localiseDiagnostic(neutral, 'en')));
  });
});
