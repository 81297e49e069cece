import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { registryEnv } from './support/child-env.js';

/**
 * The package as a user gets it: `npm pack` (lib/ as `npm run compile` built
 * it; --ignore-scripts skips the prepare step the test run has already done),
 * installed from the tarball into a fresh project, then `npx policyc build`
 * there. Dependencies come from the registry through a cache kept in
 * node_modules/.cache, so runs after the first are quick.
 */
const cache = path.join(repoRoot, 'node_modules', '.cache', 'policyc-pack-test');
let project: string;
let work: string;

/** What NODE_V8_COVERAGE writes: each script that ran, by URL (a module) or path (a vm.Script). */
interface Coverage {
  result: { url: string }[];
}

/** npm, asynchronously: a synchronous child would block vitest's worker for the whole install. */
async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'npm',
    [...args, '--cache', cache, '--no-audit', '--no-fund', '--loglevel', 'error'],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...registryEnv(), NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'policyc-pack-'));
  const packed = JSON.parse(
    await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot),
  ) as { filename: string }[];
  project = path.join(work, 'site');
  mkdirSync(project);
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'practice-site', private: true, type: 'module' }, null, 2),
  );
  await npm(['install', '--prefer-offline', path.join(work, packed[0]!.filename)], project);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000); // a whole node_modules tree to remove

describe('the packed package, installed into a fresh project', () => {
  it('ships what it needs and nothing from the repository', () => {
    const installed = path.join(project, 'node_modules', 'policyc');
    for (const file of [
      'lib/cli/main.js',
      'lib/cli/main.cjs', // the bin
      // The bundled CLI that the bin runs, with its code caches (scripts/bundle-cli.mjs).
      'lib/policyc-bundle.cjs',
      'lib/policyc-bundle.cjs.check.v8cache',
      'lib/policyc-bundle.cjs.build.v8cache',
      'lib/validate/policy-schema.validator.cjs.v8cache',
      'lib/render/templates.precompiled.cjs',
      'lib/render/templates.precompiled.cjs.v8cache',
      'lib/compile-worker.js',
      'lib/index.js',
      'lib/validate/policy-schema.validator.cjs',
      'schema/policy.schema.json',
      'schema/policyc.config.schema.json',
      'locales/nl/notice.json',
      'templates/page.html.hbs',
      'presets/huisarts.json',
      'docs/rules.md', // every diagnostic of a rule names its section there
    ]) {
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    }
    for (const file of ['test', 'src', 'policies', 'bench'])
      expect(existsSync(path.join(installed, file)), file).toBe(false);
  });

  it('builds a policy whose $schema points at the installed schema with npx policyc build', () => {
    const policy = JSON.parse(readFileSync(path.join(repoRoot, 'policies/ipractice/policy.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    policy.$schema = '../../node_modules/policyc/schema/policy.schema.json';
    mkdirSync(path.join(project, 'policies', 'ipractice'), { recursive: true });
    writeFileSync(path.join(project, 'policies/ipractice/policy.json'), JSON.stringify(policy, null, 2));
    const result = execFileSync('npx', ['--no-install', 'policyc', 'build', '--lang', 'nl'], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result).toBe('');
    const html = readFileSync(path.join(project, 'dist/ipractice/nl/privacy.html'), 'utf8');
    expect(html).toContain('iPractice Zorg B.V.');
    expect(existsSync(path.join(project, 'dist/ipractice/en'))).toBe(false);
  });

  it('names the rule list of an unknown rule in the config as a path that opens from the project', () => {
    writeFileSync(path.join(project, 'unknown-rule.json'), JSON.stringify({ rules: { 'art6/basis-mising': 'off' } }));
    const run = spawnSync('npx', ['--no-install', 'policyc', 'check', '--config', 'unknown-rule.json'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(
      'no compliance rule has the id "art6/basis-mising" (see node_modules/policyc/docs/rules.md)',
    );
    expect(existsSync(path.join(project, 'node_modules/policyc/docs/rules.md'))).toBe(true);
  });

  it('checks with npx policyc check, from the bundle with its code caches, as the compiled modules do', () => {
    const check = (env: Record<string, string>) =>
      spawnSync('npx', ['--no-install', 'policyc', 'check'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...env },
      });
    const bundled = check({});
    expect(bundled.stderr).toContain('1 policy checked');
    // Each finding names its rule's documentation as a path that opens from the project, in the installed package.
    const docs = /  (node_modules\/policyc\/docs\/rules\.md)#en-[a-z0-9-]+\n/.exec(bundled.stderr);
    expect(docs, bundled.stderr).not.toBeNull();
    expect(existsSync(path.join(project, docs![1]!))).toBe(true);
    const modules = check({ POLICYC_BUNDLE: '0' });
    expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([modules.status, modules.stdout, modules.stderr]);
    const lib = path.join(project, 'node_modules', 'policyc', 'lib');
    const script = `import { readFileSync } from 'node:fs';
      import { runCachedScript } from ${JSON.stringify(path.join(lib, 'code-cache.js'))};
      const bundle = ${JSON.stringify(path.join(lib, 'policyc-bundle.cjs'))};
      console.log(runCachedScript(bundle, readFileSync(bundle, 'latin1'), 'check').cacheUsed);`;
    const used = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(used.trim()).toBe('true');
  });

  it('runs the CLI from its bundle, though npm dates the files in the order it unpacks them', () => {
    // Node's coverage names every script that ran, the bundle (a vm.Script) included; the CLI does nothing for it.
    const coverage = mkdtempSync(path.join(work, 'coverage-'));
    const check = spawnSync('npx', ['--no-install', 'policyc', 'check'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', NODE_V8_COVERAGE: coverage },
    });
    expect(check.stderr).toContain('1 policy checked');
    const ran = readdirSync(coverage)
      .flatMap((file) => (JSON.parse(readFileSync(path.join(coverage, file), 'utf8')) as Coverage).result)
      .map(({ url }) => (url.startsWith('file:') ? fileURLToPath(url) : url));
    // A script V8 takes from a code cache keeps the name it had when the cache was made (lib/ where npm run
    // compile ran): the bundle is known by its file name.
    expect(ran.filter((file) => path.basename(file) === 'policyc-bundle.cjs')).toHaveLength(1);
    expect(ran).not.toContain(path.join(project, 'node_modules/policyc/lib/cli/process-cli.js'));
    expect(ran).toContain(path.join(project, 'node_modules/policyc/lib/cli/main.cjs'));
  });

  it('resolves the $schema path the README gives to the installed schema', () => {
    const schema = JSON.parse(
      readFileSync(
        path.join(project, 'policies/ipractice', '../../node_modules/policyc/schema/policy.schema.json'),
        'utf8',
      ),
    ) as { $id?: string; properties: object };
    expect(Object.keys(schema.properties)).toContain('purposes');
  });

  it('offers the library API by the package name', () => {
    const script =
      "import { compile } from 'policyc'; import { readFileSync } from 'node:fs';" +
      " const r = await compile(readFileSync('policies/ipractice/policy.json', 'utf8'), { languages: ['en'] });" +
      ' console.log(r.diagnostics.length, r.outputs.some((o) => o.path === "ipractice/en/privacy.html"));';
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('0 true');
  });
});
