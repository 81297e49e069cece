import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compilePolicy } from '../../src/pipeline/compile-policy.js';
import { ruleFixtureBase } from '../support/rule-fixtures.js';
import { workerChromium, type Browser } from '../support/browser.js';

/**
 * The printed register.html of a small GP practice with two acknowledged findings (first-time user review, 17):
 * the assessments' heading and what they are printed alone at the foot of page 2, the findings on page 3.
 * They print on one page with the first finding.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-assessments-print-'));
let browser: Browser;

beforeAll(async () => {
  const policy = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
  policy.controller.careSector = 'gp-practice';
  policy.dpo = { appointed: false, reason: { nl: 'Niet verplicht: 4 medewerkers.', en: 'Not required: 4 staff.' } };
  delete policy.security;
  delete policy.rights.responseTime;
  policy.metadata.acknowledged = [
    { rule: 'security/measures-missing', reason: { nl: 'In ons beveiligingsbeleid.', en: 'In our security policy.' } },
    { rule: 'rights/response-time-missing', reason: { nl: 'Binnen een maand.', en: 'Within a month.' } },
  ];
  const compiled = await compilePolicy(JSON.stringify(policy, null, 2), 'policy.json', { groups: ['register'] });
  for (const file of ['register.html', 'register.css'])
    writeFileSync(path.join(dir, file), compiled.outputs.find((o) => o.path.endsWith(`/nl/${file}`))!.contents);
  browser = await workerChromium();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the assessments heading prints on the page of the first finding', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`file://${path.join(dir, 'register.html')}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(dir, 'register.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'register.pdf'), '-'], {
      encoding: 'utf8',
    }).split('\f');
    const headed = pages.find((p) => p.includes('Vastgelegde afwegingen bij de controle'));
    expect(headed).toBeDefined();
    expect(headed).toContain('Bevinding van de controle');
    expect(headed).toContain('In ons beveiligingsbeleid.');
  } finally {
    await page.close();
  }
});
