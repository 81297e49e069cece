import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { repoRoot } from '../support/cli.js';

export const diffFixtures = path.join(repoRoot, 'test/fixtures/diff');

/** A fixture policy, resolved; fails the test if it is not valid. */
export function model(relative: string): PolicyModel {
  const file = path.join(diffFixtures, relative);
  const analysed = analysePolicy(readFileSync(file, 'utf8'), file);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.model!;
}

/** A fixture policy changed in memory, then resolved as a file would be; fails the test if it is not valid. */
export function modelWith(relative: string, patch: (source: Record<string, any>) => void): PolicyModel {
  const file = path.join(diffFixtures, relative);
  const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  patch(source);
  const analysed = analysePolicy(JSON.stringify(source, null, 2), file);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.model!;
}
