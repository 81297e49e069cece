import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/i18n/messages.js';
import { analysePolicy } from '../../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../../src/policy/policy-types.js';
import { registerToHtml } from '../../../src/render/register/register-html.js';
import { registerToMarkdown } from '../../../src/render/register/register-markdown.js';
import { buildRegister, statedOnce } from '../../../src/render/register/register-model.js';
import { registerToXlsx } from '../../../src/render/register/register-xlsx.js';
import { underHeadOffice } from '../../support/head-office.js';
import { policyPath } from '../../support/seed-output.js';

function register(policy: PolicySource) {
  const { model } = analysePolicy(JSON.stringify(policy), 'policy.json');
  if (!model) throw new Error('does not compile');
  return buildRegister(model, messagesFor('nl', model.source.metadata.formality));
}

/**
 * The pages that state an organisation-wide column once left out a column that every row held the same, though not
 * the organisation's: with every purpose under a head office, register.md, the printed workbook and the HTML page
 * named no controller of any activity (second-read review 3, finding 7).
 */
describe('organisation-wide columns stated once only where every row holds what the organisation states', () => {
  const head = register(underHeadOffice());
  const table = head.tables[0]!;
  const controller = table.columns.findIndex((c) => c.key === 'controller');

  it('keeps the controller column where every activity is under the head office', () => {
    expect(statedOnce(table).has(controller)).toBe(false);
    // The organisation's details name Bernhoven, not the head office.
    expect(head.organisation.facts.map((f) => f.value).join('\n')).not.toContain('Hoofdkantoor');
  });

  it('names the head office on the HTML page', () => {
    expect(registerToHtml(head)).toContain('Hoofdkantoor Zorggroep B.V.');
  });

  it('names the head office in register.md and the printed columns of the workbook', () => {
    expect(registerToMarkdown(head)).toContain('Hoofdkantoor Zorggroep B.V.');
    const workbook = new TextDecoder().decode(unzipSync(registerToXlsx(head))['xl/workbook.xml']);
    const area = /name="_xlnm\.Print_Area" localSheetId="1">[^<]*!\$([A-Z]+)\$1/.exec(workbook)![1]!;
    const letter = String.fromCharCode(65 + controller);
    expect(area <= letter).toBe(true);
  });

  it('still states it once where every row holds the organisation itself (Bernhoven as it is)', () => {
    const own = register(JSON.parse(readFileSync(policyPath('bernhoven'), 'utf8')) as PolicySource);
    const index = own.tables[0]!.columns.findIndex((c) => c.key === 'controller');
    expect(statedOnce(own.tables[0]!).has(index)).toBe(true);
    expect(registerToMarkdown(own)).not.toMatch(/\| Verwerkingsverantwoordelijke \|/);
  });
});
