import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { snapshot } from './support/snapshot.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-readme-outputs-');

/** The paths README.md lists under "`npm run build` writes, per organisation and language:". */
function readmeOutputs(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = /`npm run build` writes, per organisation and language:\n\n```\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]!);
}

describe("README's list of outputs", () => {
  it('is what a build writes, every file of it (iPractice, and IES with an art. 30(2) register)', async () => {
    const out = tmp();
    const run = await runPolicycInProcess(['build', 'policies/ipractice', 'policies/ies', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const written = [...snapshot(out).keys()].map((file) =>
      `dist/${file}`.replace(/^dist\/[^/]+\//, 'dist/<org>/').replace(/^dist\/<org>\/(nl|en)\//, 'dist/<org>/<lang>/'),
    );
    expect(readmeOutputs().sort()).toEqual([...new Set(written)].sort());
  });
});
