import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicycInProcess } from '../support/cli.js';
import { diffFixtures } from './support.js';

/**
 * From the chain review of 2026-12-07, finding 1: a practice that starts leaving one of its base's recipients out
 * (`remove`) had that list reported as a material change of its own, and the letter to patients said
 * "Onze privacyverklaring noemt voortaan “weggelaten onderdelen, ontvangers”: insurer". What the practice now
 * leaves out is reported as the recipient it no longer gives data to; the `remove` list itself is how it says so.
 */
let dir: string;
const write = (name: string, value: unknown): void =>
  writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'policyc-diff-remove-'));
  const base = JSON.parse(readFileSync(path.join(diffFixtures, 'newsletter-v1', 'policy.json'), 'utf8'));
  delete base.$schema;
  write('base.json', base);
  write('old.json', { id: 'eik', extends: 'base.json' });
  write('new.json', {
    id: 'eik',
    extends: 'base.json',
    remove: { recipients: ['insurer'] },
    purposes: [
      { id: 'treatment', recipients: [] },
      { id: 'invoicing', recipients: [] },
    ],
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policyc diff of a practice that leaves out an item of its base', () => {
  it('reports the recipient it no longer gives data to, and not its remove list', async () => {
    const run = await runPolicycInProcess(['diff', 'old.json', 'new.json', '--message-lang', 'nl'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Wij geven uw gegevens niet langer aan Uw zorgverzekeraar');
    expect(run.stdout).not.toContain('weggelaten onderdelen');
    expect(run.stdout).not.toMatch(/voortaan[^\n]*insurer/);
  });

  it('does not count the remove list as a change (JSON)', async () => {
    const run = await runPolicycInProcess(['diff', 'old.json', 'new.json', '--format', 'json'], dir);
    const changes = (JSON.parse(run.stdout) as { changes: { pointer: string }[] }).changes;
    expect(changes.some((c) => c.pointer.startsWith('/recipients/'))).toBe(true);
    expect(changes.filter((c) => c.pointer.startsWith('/remove'))).toEqual([]);
  });
});
