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
