import { describe, expect, it } from 'vitest';
import { ruleMetadata } from '../../src/check/rule-metadata.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatCompact, formatJson } from '../../src/diagnostics/format-diagnostics.js';
import { formatReport } from '../../src/diagnostics/format-report.js';
import { formatSarif } from '../../src/diagnostics/format-sarif.js';
import { localiseDiagnostic } from '../../src/diagnostics/render-message.js';

/**
 * Finding N3 (privacy officer): the Dutch report cited 'AVG 13(1)(a), 14(1)(a)', an international shorthand. It now
 * cites as the check messages do ('art. 13, lid 1, onder a, …, AVG'); tools keep the language-neutral `article`.
 */
const finding: Diagnostic = {
  ruleId: 'controller/address-missing',
  severity: 'info',
  messageId: 'rules:controller/address-missing.message',
  data: { name: 'Kliniek', place: 'Hilversum' },
  file: 'policy.json',
  pointer: '/controller/address',
  line: 36,
  column: 16,
  article: 'GDPR 13(1)(a), 14(1)(a)',
};

describe('the reference in the outputs', () => {
  it('the text report cites it in the message language', () => {
    expect(formatReport([finding], { lang: 'nl' })).toContain(
      '  art. 13, lid 1, onder a, en art. 14, lid 1, onder a, AVG  controller/address-missing',
    );
    expect(formatReport([finding], { lang: 'en' })).toContain('  GDPR 13(1)(a), 14(1)(a)  controller/address-missing');
  });

  it('JSON, SARIF and compact keep `article` language-neutral; JSON and SARIF add the citation', () => {
    const local = localiseDiagnostic(finding, 'nl');
    expect([local.article, local.citation]).toEqual([
      'GDPR 13(1)(a), 14(1)(a)',
      'art. 13, lid 1, onder a, en art. 14, lid 1, onder a, AVG',
    ]);
    const [json] = JSON.parse(formatJson([finding], 'nl')) as { article: string; citation: string }[];
    expect([json!.article, json!.citation]).toEqual([local.article, local.citation]);
    const sarif = JSON.parse(
      formatSarif([finding], ruleMetadata('nl'), { name: 'policyc', version: '0' }, '/repo', 'nl'),
    ) as {
      runs: { results: { properties: object }[]; tool: { driver: { rules: { id: string; properties: object }[] } } }[];
    };
    expect(sarif.runs[0]!.results[0]!.properties).toEqual({ article: local.article, citation: local.citation });
    expect(sarif.runs[0]!.tool.driver.rules.find((r) => r.id === finding.ruleId)!.properties).toEqual({
      article: local.article,
      citation: local.citation,
    });
    expect(formatCompact([finding], '/', 'nl')).toContain(' {GDPR 13(1)(a), 14(1)(a)} [controller/address-missing]');
  });
});
