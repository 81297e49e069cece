import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { runPolicycInProcess } from '../support/cli.js';
import { diffFixtures } from './support.js';

/**
 * A chain's base is not a complete policy: the practices give their own id, name, address and contact
 * details, or fill in the placeholders the base leaves (policyc init --extends). Its privacy officer
 * still wants to see what changed in it.
 */
type Source = Record<string, any>;
let dir: string;
const write = (name: string, value: Source): void =>
  writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
/** A newsletter fixture as a hand-written base: no id, and a controller without name, address or contact. */
const handWritten = (fixture: string): Source => {
  const {
    $schema: _schema,
    id: _id,
    ...source
  } = JSON.parse(readFileSync(path.join(diffFixtures, fixture, 'policy.json'), 'utf8')) as Source;
  const { name: _name, address: _address, contact: _contact, ...controller } = source.controller as Source;
  return { ...source, controller };
};
/** A base on the dentists' preset, with its placeholders; the second version fills in the records system's supplier. */
const onPreset = (filled: boolean): Source => ({
  extends: 'preset:tandarts',
  id: 'chain-base',
  metadata: { version: filled ? '2025.2' : '2025.1', effectiveDate: '2025-01-01' },
  controller: { website: 'https://glimlach.example' },
  ...(filled ? { processors: [{ id: 'practice-system', name: 'Exquise B.V.', country: 'NL' }] } : {}),
});

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'policyc-thin-base-'));
  write('old-base.json', handWritten('newsletter-v1'));
  write('new-base.json', handWritten('newsletter-v2'));
  write('preset-old.json', onPreset(false));
  write('preset-new.json', onPreset(true));
  write('bad-base.json', { ...handWritten('newsletter-v2'), bogus: true });
  // A complete policy with an error: nothing of a base about it.
  write('invalid.json', {
    ...(JSON.parse(readFileSync(path.join(diffFixtures, 'newsletter-v2', 'policy.json'), 'utf8')) as Source),
    bogus: true,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policyc diff of a base that policies extend', () => {
  it('compares what the base states, says what it leaves open, and drafts no notice (exit 0)', async () => {
    const run = await runPolicycInProcess(['diff', 'old-base.json', 'new-base.json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Changes to new-base\.json\n/);
    expect(run.stdout).toContain(
      'Neither version is a complete policy on its own: each leaves details open (old-base.json: 2; new-base.json: 2)',
    );
    expect(run.stdout).toContain(
      '[Material] The processor The Rocket Science Group LLC (Mailchimp) takes the place of Laposta B.V.',
    );
    expect(run.stdout).toContain('The retention period for Newsletter data gets shorter: 1 year instead of 2 years.');
    expect(run.stdout).toContain('no notice is drafted and the compliance rules do not run');
    expect(run.stdout).toContain('policyc diff <revision> <folder of the policies>');
    expect(run.stdout).not.toContain('Subject:');
  });

  it('fails with --fail-on material like any comparison (exit 3)', async () => {
    const run = await runPolicycInProcess(['diff', 'old-base.json', 'new-base.json', '--fail-on', 'material'], dir);
    expect(run.status).toBe(3);
  });

  it('shows a placeholder as such, never as a name or a country (nl, en)', async () => {
    const en = await runPolicycInProcess(['diff', 'preset-old.json', 'preset-new.json'], dir);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain(
      'In place of [still to be filled in: the name of the supplier of the patient record system], the policy now names Exquise B.V.',
    );
    expect(en.stdout).toContain('instead of in [still to be filled in: the country where that supplier is established');
    expect(en.stdout).not.toContain('FILL-IN:processor');
    const nl = await runPolicycInProcess(['diff', 'preset-old.json', 'preset-new.json', '--lang', 'nl'], dir);
    expect(nl.stdout).toContain('[nog in te vullen: de naam van de leverancier van het patiëntendossier]');
    // The new side fills in two of the preset's details (the supplier's name and country); the preset's own count
    // changes whenever a preset gains a placeholder.
    const [, before, after] = /preset-old\.json: (\d+); preset-new\.json: (\d+)/.exec(nl.stdout) ?? [];
    expect(Number(before) - Number(after)).toBe(2);
  });

  it('gives in JSON what each side leaves open, where, and no notice', async () => {
    const run = await runPolicycInProcess(['diff', 'old-base.json', 'new-base.json', '--format', 'json'], dir);
    const json = JSON.parse(run.stdout) as {
      new: { leftOpen: Array<{ ruleId: string; pointer: string; line: number }> };
      changes: unknown[];
      notice: unknown;
    };
    expect(json.new.leftOpen.map((d) => [d.ruleId, d.pointer])).toEqual([
      ['schema/required', '/id'],
      ['schema/required', '/controller/name'],
    ]);
    expect(json.changes.length).toBe(3);
    expect(json.notice).toBeNull();
  });

  it('still refuses a side with any other problem (exit 1)', async () => {
    const run = await runPolicycInProcess(['diff', 'old-base.json', 'bad-base.json'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown property "bogus"');
    expect(run.stderr).toContain('Nothing compared');
  });

  it('then says how to see the change of such a base: through the policies that extend it', async () => {
    const run = await runPolicycInProcess(['diff', 'old-base.json', 'bad-base.json'], dir);
    expect(run.stderr).toContain(
      'Nothing compared: a side is not a valid policy (1 error).\nbad-base.json leaves details open, as a base that other policies extend may do; ' +
        'such a base is compared when those are its only problems. To see how the policies that extend it change: ' +
        'policyc diff <revision> <folder of the policies>, or policyc diff for one of them.\n',
    );
    const complete = await runPolicycInProcess(['diff', 'old-base.json', 'invalid.json'], dir);
    expect(complete.status).toBe(1);
    expect(complete.stderr).not.toContain('leaves details open');
  });

  it('is a base only when asked: the library and a folder diff compare complete policies', () => {
    const side = (name: string) => ({
      text: readFileSync(path.join(dir, name), 'utf8'),
      label: name,
      path: path.join(dir, name),
    });
    expect(comparePolicies(side('old-base.json'), side('new-base.json')).value).toBeUndefined();
    expect(comparePolicies(side('old-base.json'), side('new-base.json'), { base: true }).value).toBeDefined();
  });
});
