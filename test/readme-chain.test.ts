import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicyc } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * The README's chain section as a user follows it (review chain2, finding 7): its base example written to
 * shared/chain.json, its init command, and its practice example, in a folder of their own.
 */
const tempDir = tempDirs('policyc-readme-chain-');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const chainSection = readme.slice(readme.indexOf('## Shared policies for chains'));
const jsonBlocks = [...chainSection.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
const practiceExample = jsonBlocks[0] as { extends: string[]; id: string };
const baseExample = jsonBlocks[1] as Record<string, unknown>;

/** Every placeholder in a value, by JSON pointer. */
function placeholders(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return value.startsWith('FILL-IN:') ? [at] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => placeholders(v, `${at}/${key}`));
}

describe("the README's chain example", () => {
  it('init --base, as the README runs it, writes the base the example fills in', () => {
    const dir = tempDir();
    const command = /npx policyc (init --base shared\/chain\.json --sector [a-z]+)\n/
      .exec(chainSection)![1]!
      .split(' ');
    expect(runPolicyc(command, dir).status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'shared/chain.json'), 'utf8')) as Record<string, unknown>;
    expect(written.extends).toBe(baseExample.extends);
    // The example gives every key init wrote (and the chain-wide e-mail address), and leaves no other placeholder.
    expect(Object.keys(written).every((key) => key in baseExample)).toBe(true);
    expect(Object.keys(baseExample).filter((key) => !(key in written))).toEqual(['controller']);
    const left = placeholders(baseExample);
    expect(left).toEqual(['/recipients/0/description']);
    expect(placeholders(written)).toContain(left[0]);
    // Neither names a practice: no id, no name, KvK number, address or phone.
    for (const base of [written, baseExample]) {
      expect(base).not.toHaveProperty('id');
      expect(Object.keys((base.controller ?? {}) as object)).not.toContain('name');
    }
  });

  it('the base example, extended by init as the README says, leaves the practice its own details to fill in', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared/chain.json'), JSON.stringify(baseExample, null, 2));
    const command = /npx policyc (init --extends shared\/chain\.json --id [a-z-]+)\n/
      .exec(chainSection)![1]!
      .split(' ');
    expect(runPolicyc(command, dir).status).toBe(0);
    const id = command.at(-1)!;
    const written = JSON.parse(readFileSync(path.join(dir, 'policies', id, 'policy.json'), 'utf8'));
    // The practice example extends the base by the path init writes.
    expect(practiceExample.extends).toEqual([written.extends]);

    const check = runPolicyc(['check', '--format', 'compact'], dir);
    const lines = check.stderr.trim().split('\n');
    // Every placeholder is in the practice: its own details, and the LSP text the base leaves open. None for the
    // e-mail address: the base gives the chain-wide one (review platform, finding 10).
    expect(lines.every((l) => l.startsWith(`policies/${id}/policy.json:`) && l.includes('[policy/fill-in]'))).toBe(
      true,
    );
    expect(lines.map((l) => l.split(' ')[2])).toEqual([
      '/controller/name',
      '/controller/kvkNumber',
      '/controller/address/street',
      '/controller/address/postalCode',
      '/controller/address/city',
      '/controller/contact/phone',
      '/recipients/0/description',
    ]);
  });

  it('the practice example loads on the base example', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared/chain.json'), JSON.stringify(baseExample, null, 2));
    mkdirSync(path.join(dir, 'policies', practiceExample.id), { recursive: true });
    writeFileSync(path.join(dir, 'policies', practiceExample.id, 'policy.json'), JSON.stringify(practiceExample));
    const check = runPolicyc(['check', '--format', 'compact'], dir);
    expect(check.stderr).not.toContain('[extends/');
    // In the base only the LSP text it leaves open, which this practice does not give.
    const inBase = check.stderr.split('\n').filter((l) => l.startsWith('shared/'));
    expect(inBase).toHaveLength(1);
    expect(inBase[0]).toMatch(
      / \/recipients\/0\/description .*\(for policies\/de-linde-utrecht\/policy\.json\) \[policy\/fill-in\]$/,
    );
  });
});
