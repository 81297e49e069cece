import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatReport } from '../../src/diagnostics/format-report.js';

const diagnostics: Diagnostic[] = [
  {
    ruleId: 'rights/response-time-missing',
    severity: 'warning',
    messageId: 'rules:rights/response-time-missing.message',
    file: 'b/policy.json',
    pointer: '/rights/responseTime',
    line: 9,
    column: 3,
    article: 'GDPR 12(3)',
  },
  {
    ruleId: 'art6/basis-missing',
    severity: 'error',
    messageId: 'rules:art6/basis-missing.message',
    data: { purpose: { nl: 'Nieuwsbrief', en: 'Newsletter' } },
    file: 'a/policy.json',
    pointer: '/purposes/2/legalBasis',
    line: 127,
    column: 5,
    article: 'GDPR 6(1)',
  },
  {
    ruleId: 'dpo/likely-mandatory',
    severity: 'info',
    messageId: 'rules:dpo/likely-mandatory.message',
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
      '  23:17  info     This care provider processes health data but names no data protection officer; a DPO is mandatory when that processing is large-scale: always for hospitals, GP out-of-hours posts and care groups (give controller.careSector); for other care providers, the Autoriteit Persoonsgegevens counts it so when more than 10,000 patients are registered or treated a year in one information system. Check which applies. If no DPO is required, state that with "dpo": {"appointed": false, "reason": …}.  dpo/likely-mandatory',
      '                  /controller',
      '  127:5  error    The policy names no legal basis of art. 6(1) for the purpose “Newsletter”; the notice must state one for each purpose. Name the basis that applies among the six of art. 6(1).  GDPR 6(1)  art6/basis-missing',
      '                  /purposes/2/legalBasis',
      '',
      'b/policy.json',
      '  9:3  warning  The policy does not say within what time requests to exercise rights are answered.  GDPR 12(3)  rights/response-time-missing',
      '                /rights/responseTime',
    ]);
  });

  it('gives a syntax error, with no value to point at and no rule page, no second line', () => {
    const { article: _, ...first } = diagnostics[0]!;
    const syntax: Diagnostic = { ...first, ruleId: 'json/syntax', messageId: 'diagnostics:json.invalid', pointer: '' };
    const lines = formatReport([syntax], { cwd: '/', docsPath: () => undefined }).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^  9:3  warning  the file is not valid JSON  json\/syntax$/);
    // A finding on the whole policy with a rule page keeps its line: '/' then where the rule is documented.
    const whole = formatReport([{ ...syntax, ruleId: 'art6/basis-missing' }], {
      cwd: '/',
      docsPath: () => 'docs/x.md',
    });
    expect(whole.split('\n')[2]).toBe('                /  docs/x.md');
  });

  it('writes the messages in the language asked for, from messageId and data', () => {
    const nl = formatReport(diagnostics, { cwd: '/', lang: 'nl' });
    expect(nl).toContain(
      'Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “Nieuwsbrief”; de privacyverklaring moet voor elk doel de grondslag vermelden. Noem welke van de zes grondslagen van art. 6, lid 1, van toepassing is.  art. 6, lid 1, AVG',
    );
    expect(nl).not.toContain('Newsletter');
  });

  it("writes the severities and the acknowledged label in the language asked for, the locales' words, as the CLI does", () => {
    const acknowledged: Diagnostic = {
      ...diagnostics[0]!,
      acknowledged: { reason: 'Met de FG besproken.', source: 'config' },
    };
    const lines = formatReport([...diagnostics.slice(1), acknowledged], { cwd: '/', lang: 'nl' }).split('\n');
    expect(lines.filter((line) => /^  \d/.test(line)).map((line) => line.split(/  +/).slice(1, 3))).toEqual([
      ['23:17', 'info'],
      ['127:5', 'fout'],
      ['9:3', 'waarschuwing'],
    ]);
    // Each word padded to the longest (waarschuwing), so the messages line up.
    expect(lines).toContain(
      '  127:5  fout          Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “Nieuwsbrief”; de privacyverklaring moet voor elk doel de grondslag vermelden. Noem welke van de zes grondslagen van art. 6, lid 1, van toepassing is.  art. 6, lid 1, AVG  art6/basis-missing',
    );
    expect(lines).toContain('                     geaccepteerd: Met de FG besproken.');
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
        '  9:3  warning  The policy does not say within what time requests to exercise rights are answered.  GDPR 12(3)  rights/response-time-missing',
        '                /rights/responseTime  docs/rules.md#en-rights-response-time-missing',
        '                acknowledged: Agreed with the DPO.',
      ],
    );
  });
});
