import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { snapshot } from './support/snapshot.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A build's compile workers run with a cap on their heap (compile-many.ts);
 * a policy that needs more kills its worker (ERR_WORKER_OUT_OF_MEMORY), and
 * the build compiles it again on its own thread. Here POLICYC_WORKER_HEAP_MB
 * sets a cap under which a worker compiles the minimal fixture but not a
 * policy with a few MB of text.
 */
const tempDir = tempDirs('policyc-worker-oom-');
const CAP_MB = 16;
const minimal = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/minimal/policy.json'), 'utf8')) as {
  id: string;
  purposes: { registerDescription: Record<string, string> }[];
  dataCategories: { name: Record<string, string> }[];
};

/** Nine copies of the minimal fixture and one (`big`) with 900 KB in each of four texts. */
function project(): string {
  const dir = tempDir();
  const write = (id: string, policy: object): void => {
    mkdirSync(path.join(dir, 'policies', id), { recursive: true });
    writeFileSync(path.join(dir, 'policies', id, 'policy.json'), JSON.stringify(policy, null, 2));
  };
  for (let i = 0; i < 9; i++) write(`small-${i}`, { ...minimal, id: `small-${i}` });
  const big = structuredClone(minimal);
  big.id = 'big';
  const words = 'afspraak '.repeat(100_000);
  big.purposes[0]!.registerDescription = { nl: words, en: words };
  big.dataCategories[0]!.name = { nl: `Contact ${words}`, en: `Contact ${words}` };
  write('big', big);
  return dir;
}

/** What one compile worker under `capMb` does with the policy `id` of `dir`: its error code, or 'compiled'. */
function compileOnWorker(dir: string, id: string, capMb: number): Promise<string> {
  const worker = new Worker(path.join(repoRoot, 'lib/cli/compile-worker.js'), {
    resourceLimits: { maxOldGenerationSizeMb: capMb },
  });
  const displayPath = `policies/${id}/policy.json`;
  return new Promise<string>((resolve) => {
    worker.on('message', () => resolve('compiled'));
    worker.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    worker.postMessage({ index: 0, file: path.join(dir, displayPath), displayPath, messageLanguage: 'en' });
  }).finally(() => worker.terminate());
}

function build(dir: string, out: string, jobs: string, env: Record<string, string> = {}) {
  const run = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'lib/cli/main.cjs'), 'build', '--jobs', jobs, '--out', out],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    },
  );
  return { status: run.status, stderr: run.stderr.replaceAll(out, 'OUT'), files: snapshot(path.join(dir, out)) };
}

describe('a compile worker that runs out of memory', () => {
  it('under the test cap: a worker compiles the minimal policy but runs out of memory on the big one', async () => {
    const dir = project();
    expect(await compileOnWorker(dir, 'small-0', CAP_MB)).toBe('compiled');
    expect(await compileOnWorker(dir, 'big', CAP_MB)).toBe('ERR_WORKER_OUT_OF_MEMORY');
  });

  it('has its policy compiled again: the build is byte-identical to one on a single thread', () => {
    const dir = project();
    const expected = build(dir, 'dist-one', '1');
    expect(expected.status).toBe(0);
    expect(expected.files.size).toBeGreaterThan(0);
    const capped = build(dir, 'dist-two', '2', { POLICYC_WORKER_HEAP_MB: String(CAP_MB) });
    expect(capped.status).toBe(0);
    expect(capped.stderr).toBe(expected.stderr);
    expect([...capped.files.keys()]).toEqual([...expected.files.keys()]);
    for (const [file, bytes] of expected.files) expect(capped.files.get(file)!.equals(bytes), file).toBe(true);
  });
});
