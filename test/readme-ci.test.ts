import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeSeedCopies } from './support/bench-corpus.js';
import { repoRoot } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * The README's site set-up and CI job, run as written (review platform, findings 3 and 11): the publish
 * script it gives and the job's steps after `npm ci`, in a project whose node_modules holds this package as npm
 * installs it (node_modules/policyc, and node_modules/.bin/policyc linked to its bin).
 */
const site = tempDirs('policyc-readme-ci-');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** The README's fenced block of `lang` that follows `after`, if it has one. */
function blockAfter(after: string, lang: string): string | undefined {
  const start = readme.indexOf(after);
  if (start < 0) return undefined;
  const open = readme.indexOf('```' + lang + '\n', start) + lang.length + 4;
  return readme.slice(open, readme.indexOf('```', open));
}

/** The CI job's commands after npm ci. */
function ciSteps(): string[] {
  const yaml = blockAfter('A CI job (GitHub Actions)', 'yaml')!;
  const runs = [...yaml.matchAll(/^ +- run: (.+)$/gm)].map((m) => m[1]!);
  return runs.slice(runs.indexOf('npm ci') + 1);
}

/** A site with twelve policies (copies of the seeds) and this package installed. */
async function project(): Promise<string> {
  const cwd = site();
  await writeSeedCopies(cwd, 12);
  return installed(cwd);
}

/** The minimal policy with its open compliance findings acknowledged, but for the rules `open`. */
function minimalPolicy(id: string, open: readonly string[] = []): string {
  const reason = { nl: 'Besproken met de FG.', en: 'Discussed with the DPO.' };
  const acknowledged = ['retention/missing', 'art13/requirement-missing']
    .filter((rule) => !open.includes(rule))
    .map((rule) => ({ rule, reason }));
  return readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8')
    .replace('"id": "minimal"', `"id": "${id}"`)
    .replace('"metadata": {', `"metadata": { "acknowledged": ${JSON.stringify(acknowledged)},`);
}

/** A site with twelve policies that pass --strict, the first with the open compliance findings `open`. */
function strictProject(open: readonly string[] = []): string {
  const cwd = site();
  for (let i = 1; i <= 12; i++) {
    mkdirSync(path.join(cwd, `policies/p${i}`), { recursive: true });
    writeFileSync(path.join(cwd, `policies/p${i}/policy.json`), minimalPolicy(`p${i}`, i === 1 ? open : []));
  }
  return installed(cwd);
}

/** The site `cwd` with this package installed and the README's publish script. */
function installed(cwd: string): string {
  writeFileSync(path.join(cwd, 'package.json'), '{ "name": "site", "private": true }\n');
  mkdirSync(path.join(cwd, 'node_modules/.bin'), { recursive: true });
  symlinkSync(repoRoot, path.join(cwd, 'node_modules/policyc'));
  symlinkSync('../policyc/lib/cli/main.cjs', path.join(cwd, 'node_modules/.bin/policyc'));
  const publish = blockAfter('`scripts/publish-privacy.mjs`', 'js');
  mkdirSync(path.join(cwd, 'scripts'));
  if (publish !== undefined) writeFileSync(path.join(cwd, 'scripts/publish-privacy.mjs'), publish);
  return cwd;
}

/**
 * A step as GitHub Actions runs `run:`: written to a file that bash runs (`bash --noprofile --norc -eo pipefail
 * {0}`); bash -c would exec a lone command itself, which a script file does not.
 */
function stepArgs(cwd: string, step: string, name: string): string[] {
  const file = path.join(cwd, `.step-${name}.sh`);
  writeFileSync(file, step + '\n');
  return ['--noprofile', '--norc', '-eo', 'pipefail', file];
}

/** Every file below `dir`, as a path from it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** `.policyc-lock` and `.policyc-staging-*` anywhere in the project but node_modules. */
const leftovers = (cwd: string): string[] =>
  readdirSync(cwd, { recursive: true, withFileTypes: true })
    .filter((e) => e.name.startsWith('.policyc-lock') || e.name.startsWith('.policyc-staging-'))
    .filter((e) => !e.parentPath.includes('node_modules'))
    .map((e) => e.name);

describe("the README's CI job", () => {
  it("publishes only the notices: no register, no manifest in public/; the site's own files there stay", async () => {
    const cwd = strictProject();
    // The site's own page in the folder the script publishes into, and a folder of its own in dist/ (webdev10, 4).
    mkdirSync(path.join(cwd, 'public/privacy'), { recursive: true });
    writeFileSync(path.join(cwd, 'public/privacy/index.html'), "<p>The site's own page</p>\n");
    mkdirSync(path.join(cwd, 'dist/assets'), { recursive: true });
    writeFileSync(path.join(cwd, 'dist/assets/logo.svg'), '<svg/>\n');
    const steps = ciSteps();
    const run = async (step: string, name: string): Promise<unknown> =>
      promisify(execFile)('bash', stepArgs(cwd, step, name), { cwd, env: { ...process.env, NO_COLOR: '1' } });
    for (const [i, step] of steps.entries()) await run(step, String(i));
    const published = filesBelow(path.join(cwd, 'public'));
    expect(published.filter((f) => /(^|\/)privacy\.html$/.test(f)).length).toBeGreaterThanOrEqual(12);
    expect(published.filter((f) => !/^(privacy\..+|policy\.jsonld)$/.test(path.basename(f)))).toEqual([
      'privacy/index.html',
    ]);
    expect(existsSync(path.join(cwd, 'public/privacy/assets'))).toBe(false);
    // The registers stay where the privacy officer finds them.
    expect(filesBelow(path.join(cwd, 'dist')).some((f) => f.endsWith('register.xlsx'))).toBe(true);
    // An organisation no longer built: what the script copied of it goes, the site's page stays.
    const gone = readdirSync(path.join(cwd, 'public/privacy')).find((f) => f !== 'index.html')!;
    rmSync(path.join(cwd, 'dist', gone), { recursive: true });
    await run(
      steps.find((s) => s.includes('publish-privacy'))!,
      'again',
    );
    expect(filesBelow(path.join(cwd, 'public/privacy', gone))).toEqual([]);
    expect(readFileSync(path.join(cwd, 'public/privacy/index.html'), 'utf8')).toBe("<p>The site's own page</p>\n");
  });

  it("the README's privacy script publishes nothing while a policy has an open compliance error", async () => {
    const cwd = await project();
    const { scripts } = JSON.parse(blockAfter('`scripts/publish-privacy.mjs`', 'json')!) as {
      scripts: Record<string, string>;
    };
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'site', private: true, scripts }));
    // The seeds have open compliance errors (a medical file kept shorter than the law's 20 years, among others).
    const run = spawnSync('npm', ['run', '--silent', 'privacy'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr + run.stdout).toContain('retention/medical-file-too-short');
    expect(run.status).toBe(1);
    expect(existsSync(path.join(cwd, 'public'))).toBe(false);
  }, 60_000);

  it('stops, as the privacy script does, on an open compliance warning: the publish step does not run', async () => {
    // secondread10, 3: the job ran check (which passes warnings) and a plain build, then published.
    const cwd = strictProject(['art13/requirement-missing']);
    const env = { ...process.env, NO_COLOR: '1' };
    let annotations = '';
    for (const [i, step] of ciSteps().entries()) {
      const run = spawnSync('bash', stepArgs(cwd, step, String(i)), { cwd, encoding: 'utf8', env });
      annotations += run.stdout;
      if (run.status !== 0) break; // Actions runs no later step of the job
    }
    expect(annotations).toMatch(/^::warning file=policies\/p1\/policy\.json,.*title=art13\/requirement-missing::/m);
    expect(existsSync(path.join(cwd, 'public'))).toBe(false);
  }, 60_000);

  it('stops policyc before its build step returns on SIGTERM: no lock or staging folder left', async () => {
    const cwd = await project();
    const step = ciSteps().find((s) => / build\b/.test(s))!;
    // Its own process group, so that whatever the step leaves running can be ended after the test.
    const child = spawn('bash', stepArgs(cwd, step, 'build'), { cwd, detached: true, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 1000 && !leftovers(cwd).includes('.policyc-lock'); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(leftovers(cwd)).toContain('.policyc-lock');
      child.kill('SIGTERM'); // the step's own process, as a CI runner stops a step
      await exited;
      expect(leftovers(cwd)).toEqual([]);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group has ended
      }
    }
  }, 60_000);
});
