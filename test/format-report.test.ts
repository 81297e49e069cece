import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { formatReport } from '../src/diagnostics/format-report.js';

const diagnostics: Diagnostic[] = [
  {
    ruleId: 'rights/response-time-missing',
    severity: 'warning',
    message: 'No response time.',
    file: 'b/policy.json',
    pointer: '/rights/responseTime',
    line: 9,
    column: 3,
    article: 'GDPR 12(3)',
  },
  {
    ruleId: 'art6/basis-missing',
    severity: 'error',
    message: 'No basis.',
    file: 'a/policy.json',
    pointer: '/purposes/2/legalBasis',
    line: 127,
    column: 5,
    article: 'GDPR 6(1)',
  },
  {
    ruleId: 'dpo/likely-mandatory',
    severity: 'info',
    message: 'DPO likely.',
    file: 'a/policy.json',
    pointer: '/controller',
    line: 23,
    column: 17,
  },
];

describe('formatReport', () => {
  it('groups per file, in source order, with the pointer under each finding', () => {
    expect(formatReport(diagnostics, { cwd: '/' }).split('\n')).toEqual([
      'a/policy.json',
      '  23:17  info     DPO likely.  dpo/likely-mandatory',
      '                  /controller',
      '  127:5  error    No basis.  GDPR 6(1)  art6/basis-missing',
      '                  /purposes/2/legalBasis',
      '',
      'b/policy.json',
      '  9:3  warning  No response time.  GDPR 12(3)  rights/response-time-missing',
      '                /rights/responseTime',
    ]);
  });

  it('colours severities only when asked to', () => {
    expect(formatReport(diagnostics, { cwd: '/' })).not.toContain('\u001b[');
    const coloured = formatReport(diagnostics, { cwd: '/', color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
  });
});

describe('formatReport: docs links and acknowledged findings', () => {
  it('links each catalogue rule to its documentation and shows the reason of an acknowledged finding', () => {
    const acknowledged: Diagnostic = {
      ...diagnostics[0]!,
      acknowledged: { reason: 'Agreed with the DPO.', source: 'config' },
    };
    const docsPath = (id: string): string | undefined =>
      id === 'rights/response-time-missing' ? `docs/rules.md#en-${id.replace('/', '-')}` : undefined;
    expect(formatReport([acknowledged], { cwd: '/', docsPath, acknowledgedLabel: 'acknowledged' }).split('\n')).toEqual(
      [
        'b/policy.json',
        '  9:3  warning  No response time.  GDPR 12(3)  rights/response-time-missing',
        '                /rights/responseTime  docs/rules.md#en-rights-response-time-missing',
        '                acknowledged: Agreed with the DPO.',
      ],
    );
  });
});
