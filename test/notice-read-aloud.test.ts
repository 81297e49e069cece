import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { repoRoot } from './support/cli.js';
import { policyOutputs } from './support/policy-outputs.js';

/** The Dutch notices of the nine policies read aloud (2026-12-07): generated words a patient would stumble on. */
const seed = (id: string): PolicySource =>
  JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8')) as PolicySource;
const row = (notice: string, name: string): string => notice.split('\n').find((l) => l.startsWith(`| **${name}**`))!;

describe("a recipient's kind in the notice", () => {
  it("is 'Derde partij', not 'Derde' (a patient reads 'third'): Dental Clinics' Google and Facebook, IES's recipients", () => {
    const dental = policyOutputs(seed('dental-clinics')).notice;
    expect(row(dental.nl, 'Google')).toMatch(/^\| \*\*Google\*\* \| Derde partij \| /);
    expect(row(dental.en, 'Google')).toMatch(/^\| \*\*Google\*\* \| Third party \| /);
    const ies = policyOutputs(seed('ies')).notice.nl;
    expect(row(ies, 'Een ander bedrijf bij een bedrijfsoverdracht')).toContain('| Derde partij |');
  });
});
