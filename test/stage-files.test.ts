import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCompileJob } from '../src/cli/compile-job.js';
import { repoRoot } from './support/cli.js';
import { snapshot } from './support/snapshot.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A build's compile jobs write their outputs into the staging folder on the
 * thread that compiled them (CompileJob.stageInto), rather than sending them
 * to the build's thread: the files are those the job would have returned,
 * and a job never makes the staging folder itself.
 */
const tempDir = tempDirs('policyc-stage-files-');
const file = path.join(repoRoot, 'test/fixtures/minimal/policy.json');
const job = { index: 0, file, displayPath: 'policy.json' };

describe('a compile job with a staging folder', () => {
  it('writes the outputs it would return there, and returns their organisation and number instead', async () => {
    const inMemory = await runCompileJob(job);
    expect(inMemory.outputs.length).toBeGreaterThan(10);
    const staging = tempDir();
    const staged = await runCompileJob({ ...job, stageInto: staging });
    expect(staged.outputs).toEqual([]);
    expect(staged.staged).toEqual({
      organisations: ['minimal'],
      files: inMemory.outputs.length,
      sha256: Object.fromEntries(
        inMemory.outputs.map((file) => [file.path, createHash('sha256').update(file.contents).digest('hex')]),
      ),
    });
    expect(staged.diagnostics).toEqual(inMemory.diagnostics);
    const files = snapshot(staging);
    expect([...files.keys()].sort()).toEqual(inMemory.outputs.map((o) => o.path).sort());
    for (const output of inMemory.outputs)
      expect(files.get(output.path)!.equals(Buffer.from(output.contents)), output.path).toBe(true);
  });

  it('says why when the staging folder is gone (an aborted build), and does not make it again', async () => {
    const staging = path.join(tempDir(), '.policyc-staging-gone');
    mkdirSync(staging);
    rmSync(staging, { recursive: true });
    const result = await runCompileJob({ ...job, stageInto: staging });
    expect(result.outputs).toEqual([]);
    expect(result.staged).toEqual({ error: expect.stringContaining('ENOENT') });
    expect(existsSync(staging)).toBe(false);
  });
});
