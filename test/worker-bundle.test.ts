import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { sabotagedPackage } from './support/sabotaged-package.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A build's worker threads run the worker bundle (lib/policyc-worker.cjs,
 * scripts/bundle-cli.mjs) when it is fresh, as the bin runs the CLI's bundle.
 * To see which code a worker ran, a copy of the package has one compiled
 * module (lib/cli/compile-job.js, which only a worker loads in such a build)
 * replaced by one that throws when it loads, its
 * modification time kept (so that the bundles stay fresh): a worker that
 * falls back to the compiled modules fails the build.
 */
const tempDir = tempDirs('policyc-worker-bundle-');

/** A copy of the package whose lib/cli/compile-job.js throws when imported. */
const sabotaged = (): string => sabotagedPackage(tempDir(), 'cli/compile-job.js', 'the compiled modules were loaded');

const minimal = readFileSync(path.join(repoRoot, 'test/fixtures/minimal/policy.json'), 'utf8');

/** `build --jobs 2` (on a worker thread) of two copies of the minimal fixture with the package at `pkg`. */
function buildWith(
  pkg: string,
  env: Record<string, string> = {},
): { status: number | null; stderr: string; files: string[] } {
  const project = tempDir();
  for (const id of ['one', 'two']) {
    mkdirSync(path.join(project, 'policies', id), { recursive: true });
    writeFileSync(
      path.join(project, 'policies', id, 'policy.json'),
      minimal.replace('"id": "minimal"', `"id": "${id}"`),
    );
  }
  const run = spawnSync(
    process.execPath,
    [path.join(pkg, 'lib/cli/main.cjs'), 'build', '--jobs', '2', '--out', 'dist'],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    },
  );
  const dist = path.join(project, 'dist');
  const files = existsSync(dist) ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort() : [];
  // The rule links name the package's own docs/rules.md, which a copy of the package has at its own path.
  const stderr = run.stderr.replaceAll(path.join(pkg, 'docs', 'rules.md'), 'RULES.md');
  return { status: run.status, stderr, files };
}

describe('a build on worker threads', () => {
  it('runs the worker bundle when it is fresh, and the compiled modules when it is stale or POLICYC_BUNDLE=0', () => {
    const expected = buildWith(repoRoot);
    expect(expected.files.length).toBeGreaterThan(0);
    const pkg = sabotaged();
    expect(buildWith(pkg)).toEqual(expected);

    const modules = buildWith(pkg, { POLICYC_BUNDLE: '0' });
    expect(modules.stderr).toContain('the compiled modules were loaded');

    const compileJob = path.join(pkg, 'lib', 'cli', 'compile-job.js');
    const { atime, mtime } = statSync(compileJob);
    const later = new Date(statSync(path.join(pkg, 'lib', 'policyc-worker.cjs')).mtimeMs + 1000);
    utimesSync(compileJob, later, later);
    const stale = buildWith(pkg);
    expect(stale.stderr).toContain('the compiled modules were loaded');
    utimesSync(compileJob, atime, mtime);

    // tsc re-emits only the modules that changed, and rewrites its build record each time it emits.
    const record = path.join(pkg, 'lib', 'tsconfig.build.tsbuildinfo');
    utimesSync(record, later, later);
    expect(buildWith(pkg).stderr).toContain('the compiled modules were loaded');
    rmSync(record); // as in the npm package
    expect(buildWith(pkg)).toEqual(expected);
  }, 60_000);

  it('has the worker bundle code cache npm run compile trained, and V8 takes it', () => {
    const lib = path.join(repoRoot, 'lib');
    const script = `import { readFileSync } from 'node:fs';
      import { runCachedScript } from ${JSON.stringify(path.join(lib, 'code-cache.js'))};
      const bundle = ${JSON.stringify(path.join(lib, 'policyc-worker.cjs'))};
      console.log(runCachedScript(bundle, readFileSync(bundle, 'latin1')).cacheUsed);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true');
  });
});
