import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { repoRoot } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';

/**
 * The shipped schema as an editor reads it, file by file: a policy that
 * extends a base gives only what it changes, so it needs none of a whole
 * policy's top-level fields; one that extends nothing needs them all.
 * policyc itself validates the merged policy, which needs them all either way.
 */
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);
const fixture = (relative: string): unknown => JSON.parse(readFileSync(path.join(fixturesDir, relative), 'utf8'));
const missing = (value: unknown): string[] =>
  validate(value)
    ? []
    : (validate.errors ?? []).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty as string);

describe('the shipped schema in an editor', () => {
  it('takes a policy that extends a base without the fields it inherits', () => {
    expect(missing(fixture('extends/practice-a/policy.json'))).toEqual([]);
    expect(missing(fixture('extends/practice-b/policy.json'))).toEqual([]);
  });

  it('still asks a policy that extends nothing for every top-level field', () => {
    const { metadata: _m, purposes: _p, ...partial } = fixture('minimal/policy.json') as Record<string, unknown>;
    expect(missing(partial).sort()).toEqual(['metadata', 'purposes']);
  });

  it('policyc still refuses a merged policy that lacks one (the base gave no purposes)', () => {
    const child = JSON.stringify({ extends: 'base.json', id: 'x' });
    const base = path.join(fixturesDir, 'extends/shared/base.json');
    const { purposes: _p, ...withoutPurposes } = JSON.parse(readFileSync(base, 'utf8')) as Record<string, unknown>;
    // analysePolicy reads bases from disk: the test gives the child a base of its own through a reader.
    const found = analysePolicy(child, 'child.json', 'en', {
      path: path.join(fixturesDir, 'extends/shared/child.json'),
      reader: { exists: () => true, read: () => ({ text: JSON.stringify(withoutPurposes) }) },
    }).diagnostics;
    expect(found.map((d) => `${d.ruleId} ${d.message}`)).toContain(
      'schema/required missing required property "purposes"',
    );
  });
});
