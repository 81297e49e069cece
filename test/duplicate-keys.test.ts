import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { runPolicycInProcess as runPolicyc } from './support/cli.js';
import { fixturesDir, positionOfText, readFixture } from './support/fixtures.js';

/**
 * JSON.parse keeps the last of two members with the same key and drops the
 * first without a word; a block pasted twice in a merge would lose content.
 * Every authored field reaches an output or is refused: a repeated key is
 * json/duplicate-key at the second key, naming the first one's line.
 */
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a key written twice in one object is refused', () => {
  it('in a policy: at the second key, naming the line of the first', () => {
    const text = readFixture('minimal/policy.json').replace(
      '"sourceLanguage": "nl"',
      '"sourceLanguage": "nl",\n    "version": "2"',
    );
    const { diagnostics, model } = analysePolicy(text, 'policy.json');
    expect(model).toBeUndefined();
    const first = positionOfText(text, '"version"');
    expect(diagnostics).toMatchObject([
      {
        ruleId: 'json/duplicate-key',
        severity: 'error',
        file: 'policy.json',
        pointer: '/metadata/version',
        ...positionOfText(text, '"version"', 2),
        message: `the key "version" is written twice in this object (first at line ${first.line}); JSON keeps only the last, so the first would be lost without a word. Remove one or merge them`,
      },
    ]);
    const nl = analysePolicy(text, 'policy.json', 'nl').diagnostics[0]!;
    expect(nl.message).toBe(
      `het veld "version" staat twee keer in dit object (eerst op regel ${first.line}); JSON houdt alleen het laatste, het eerste zou stilzwijgend verloren gaan. Verwijder er een of voeg ze samen`,
    );
  });

  it('a value that would fail validation is not hidden by a later valid one', () => {
    const text = readFixture('minimal/policy.json').replace(
      '"id": "minimal",',
      '"id": "minimal",\n  "formality": "bogus",\n  "formality": "formal",',
    );
    const ids = analysePolicy(text, 'policy.json').diagnostics.map((d) => `${d.ruleId} ${d.pointer} ${d.line}`);
    expect(ids).toEqual(['json/duplicate-key /formality 4']);
  });

  it('only the key repeated is reported, not each member of a repeated object', () => {
    const text = readFixture('minimal/policy.json').replace(
      '"controller": {',
      '"controller": { "name": "A", "contact": { "email": "a@b.nl" } },\n  "controller": {',
    );
    const found = analysePolicy(text, 'policy.json').diagnostics;
    expect(found.map((d) => `${d.ruleId} ${d.pointer}`)).toEqual(['json/duplicate-key /controller']);
  });

  it('the same key in two different objects is no duplicate', () => {
    const text = readFixture('minimal/policy.json');
    expect(text.match(/"name"/g)!.length).toBeGreaterThan(1);
    expect(analysePolicy(text, 'policy.json').diagnostics.filter((d) => d.ruleId === 'json/duplicate-key')).toEqual([]);
  });

  it('in a base a policy extends, and in the config file', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-dupkeys-'));
    temps.push(root);
    cpSync(path.join(fixturesDir, 'extends'), root, { recursive: true });
    const base = path.join(root, 'shared/base.json');
    const baseText = readFileSync(base, 'utf8').replace(
      '"version": "2026-01",',
      '"version": "2026-01", "version": "2026-02",',
    );
    writeFileSync(base, baseText);
    const run = await runPolicyc(['check', 'practice-a', '--format', 'compact'], root);
    expect(run.status).toBe(1);
    const at = positionOfText(baseText, '"version"', 2);
    expect(run.stderr).toContain(
      `shared/base.json:${at.line}:${at.column} error /metadata/version the key "version" is written twice`,
    );
    expect(run.stderr).toContain('[json/duplicate-key]');

    writeFileSync(base, baseText.replace(' "version": "2026-02",', ''));
    const config = '{\n  "languages": ["nl"],\n  "languages": ["en"]\n}\n';
    writeFileSync(path.join(root, 'policyc.config.json'), config);
    const configured = await runPolicyc(['check', 'practice-a', '--format', 'compact'], root);
    expect(configured.stderr).toContain(
      'policyc.config.json:3:3 error /languages the key "languages" is written twice in this object (first at line 2)',
    );
    expect(configured.status).toBe(2);
  });
});
