import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceListKeys } from '../src/load/extends.js';
import { repoRoot, runPolicycHere as runPolicyc } from './support/cli.js';
import { fixturesDir, positionOfText } from './support/fixtures.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** The extends fixtures in a temporary folder, `edits` made ([file, from, to]); the texts of the edited files. */
function chain(edits: [string, string, string][]): { root: string; texts: Record<string, string> } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-lists-'));
  temps.push(root);
  cpSync(path.join(fixturesDir, 'extends'), root, { recursive: true });
  const texts: Record<string, string> = {};
  for (const [file, from, to] of edits) {
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(path.join(root, file), (texts[file] = text.replace(from, to)));
  }
  return { root, texts };
}

async function leftOut(root: string, policy: string): Promise<string[]> {
  const run = await runPolicyc(['check', policy, '--format', 'compact'], root);
  return run.stderr.split('\n').filter((l) => l.includes('[inherited/ids-left-out]'));
}

describe('a list of ids a policy gives in place of its base’s', () => {
  it('is reported at the policy’s list when it leaves out ids the base’s list has, naming them and the base’s list', async () => {
    // practice-b's appointments give processors ["agenda", "sms"] and retention ["contact"]; without its
    // `remove` of mail, the base's ["agenda", "mail"] and (edited) ["contact", "invoices"] lose "mail" and "invoices".
    const { root, texts } = chain([
      ['practice-b/policy.json', ',\n  "remove": { "processors": ["mail"] }', ''],
      ['shared/base.json', '"retention": ["contact"]', '"retention": ["contact", "invoices"]'],
    ]);
    const child = texts['practice-b/policy.json']!;
    const base = texts['shared/base.json']!;
    const at = (text: string, needle: string, occurrence = 1) => {
      const p = positionOfText(text, needle, occurrence);
      return `${p.line}:${p.column}`;
    };
    expect(await leftOut(root, 'practice-b')).toEqual([
      `practice-b/policy.json:${at(child, '["agenda", "sms"]')} info /purposes/0/processors This list replaces the one in shared/base.json:${at(base, '["agenda", "mail"]')} and leaves out "mail": those do not apply to this policy, and nor will any id added to the base's list later. Add them here if they apply; to take the base's list, leave this one out. {GDPR 13, 14, 30(1)} [inherited/ids-left-out]`,
      `practice-b/policy.json:${at(child, '["contact"]', 2)} info /purposes/0/retention This list replaces the one in shared/base.json:${at(base, '["contact", "invoices"]')} and leaves out "invoices": those do not apply to this policy, and nor will any id added to the base's list later. Add them here if they apply; to take the base's list, leave this one out. {GDPR 13, 14, 30(1)} [inherited/ids-left-out]`,
    ]);
  });

  it('is not reported for ids the policy removes, for a list it does not give, or for one that keeps every id', async () => {
    const { root } = chain([['practice-b/policy.json', '"processors": ["agenda", "sms"]', '"processors": ["sms"]']]);
    // practice-b removes mail: only agenda, which its purpose now leaves out, is reported.
    expect((await leftOut(root, 'practice-b')).map((l) => l.includes('leaves out "agenda":'))).toEqual([true]);
    const unchanged = chain([]).root;
    expect(await leftOut(unchanged, 'practice-b')).toEqual([]); // leaves out only "mail", which it removes
    expect(await leftOut(unchanged, 'practice-a')).toEqual([]); // gives no list of its own
    const kept = chain([
      ['practice-b/policy.json', '"processors": ["agenda", "sms"]', '"processors": ["sms", "agenda"]'],
    ]);
    expect(await leftOut(kept.root, 'practice-b')).toEqual([]);
  });

  it('knows every list of ids the schema has (arrays of #/$defs/ref)', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8')) as unknown;
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, { type?: string; items?: { $ref?: string } }> })
        .properties;
      for (const [key, sub] of Object.entries(properties ?? {}))
        if (sub.type === 'array' && sub.items?.$ref === '#/$defs/ref') found.add(key);
      Object.values(node).forEach(walk);
    };
    walk(schema);
    expect([...referenceListKeys].sort()).toEqual([...found].sort());
  });
});
