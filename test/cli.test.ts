import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../src/check/rules.js';
import { repoRoot, runPolicyc, runPolicycInProcess } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-cli-');

const catalogue = new Set(rules.map((r) => r.id));

// The bin as a child process where the test is about it (help, version, usage errors the launcher reports);
// the commands' answers (which policies, which folder, which message) from the CLI in this process.

describe('policyc CLI', () => {
  it('--help prints usage and exits 0', () => {
    const run = runPolicyc(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: policyc <command>/);
    expect(run.stdout).toContain('check [paths…]');
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'Exit codes: 0 success, 1 invalid policy, compliance error or failed build, 2 usage error (the command line or the config file); 73 build and register may not write into an output folder (files policyc did not write, or edited ones); 75 another build is writing into the output folder (try again later); 130 stopped with Ctrl+C, 143 stopped by SIGTERM (build and register remove what they had staged).',
    );
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runPolicyc(['--version']).stdout.trim()).toBe(version);
  });

  it('no command: usage on stderr, exit 2', () => {
    const run = runPolicyc([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: policyc');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['check', '--bogus'], 'unknown option "--bogus"'],
    [['check', '--format', 'yaml'], 'unknown format "yaml" (use one of: text, compact, github, json or sarif)'],
    [['build', '--lang', 'de'], 'unknown language "de" (use nl or en)'],
    [['check', 'no/such/path'], 'no file or folder at no/such/path'],
  ])('usage error %j exits 2 with a clear message', (args, message) => {
    const run = runPolicyc(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    // The help of the command given, when it is one (a misspelled command: the general help).
    const help = args[0] === 'frobnicate' ? 'policyc' : `policyc ${args[0]}`;
    expect(run.stderr).toContain(`Run '${help} --help' for usage.`);
  });

  it('with no policies folder, or an empty one, says how to start (policyc init)', async () => {
    const dir = tmp();
    for (const setup of [() => undefined, () => mkdirSync(path.join(dir, 'policies'))]) {
      setup();
      for (const command of ['check', 'build']) {
        const run = await runPolicycInProcess([command], dir);
        expect(run.status, command).toBe(2);
        expect(run.stderr).toContain(
          "policyc: no policy found at policies: start one with 'policyc init', or name the policy files or folders to use",
        );
      }
    }
  });

  it('a named folder without policies and a path that does not exist are told apart (CLI review improvement 4)', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'empty'));
    const empty = await runPolicycInProcess(['check', 'empty'], dir);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(
      "policyc: no policy found in empty: the folder holds no policy.json and no sub-folder with one; start one with 'policyc init', or name the policy files or folders to use\nRun 'policyc check --help' for usage.\n",
    );
    const both = await runPolicycInProcess(['build', 'nope', 'empty'], dir);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^policyc: no file or folder at nope; no policy found in empty: the folder holds/);
    expect(readdirSync(dir)).toEqual(['empty']);
  });

  describe('run without paths from inside the project, where there is no policies/ (firstuser2, finding 3)', () => {
    /** A chain as the README starts one: shared/keten.json and policies/smile-gouda extending it. */
    async function project(): Promise<string> {
      const dir = tmp();
      const init = (args: string[]) => runPolicycInProcess(['init', ...args, '--yes'], dir);
      expect((await init(['--base', 'shared/keten.json', '--sector', 'tandarts'])).status).toBe(0);
      expect((await init(['--extends', 'shared/keten.json', '--id', 'smile-gouda'])).status).toBe(0);
      return dir;
    }

    it('from policies/: says this folder holds the policies and what works, not "start one with init"', async () => {
      const dir = await project();
      const cwd = path.join(dir, 'policies');
      for (const command of ['check', 'build']) {
        const run = await runPolicycInProcess([command], cwd);
        expect(run.status, command).toBe(2);
        expect(run.stderr).toBe(
          "policyc: no policies/ folder here, but this folder holds policies itself (smile-gouda/policy.json): run policyc from the project's root, " +
            `${dir}, or name this folder, as in 'policyc ${command} .'\nRun 'policyc ${command} --help' for usage.\n`,
        );
      }
      // audit-site's example keeps the site folder before the policies.
      expect((await runPolicycInProcess(['audit-site', 'smile-gouda'], cwd)).stderr).toContain(
        "or name this folder, as in 'policyc audit-site smile-gouda .'\n",
      );
      // build wrote nothing, here or in the project's root: it does not switch folders on its own.
      expect(readdirSync(cwd)).toEqual(['smile-gouda']);
      expect(readdirSync(dir).sort()).toEqual(['policies', 'shared']);
      const dutch = (await runPolicycInProcess(['build', '--message-lang', 'nl'], cwd)).stderr;
      expect(dutch).toMatch(
        /^policyc: hier staat geen map policies\/, maar deze map bevat zelf beleid \(smile-gouda\/policy.json\)/,
      );
      expect(dutch).toContain("of noem deze map, zoals in 'policyc build .'\n");
      // The command the message gives works: the policy is checked (its FILL-IN markers are errors, exit 1).
      const named = await runPolicycInProcess(['check', '.', '--format', 'compact'], cwd);
      expect(named.status).toBe(1);
      expect(named.stderr).toMatch(/^smile-gouda\/policy\.json:\d+:\d+ error /m);
    });

    it("from another sub-folder, or a policy's own folder: names the project's root", async () => {
      const dir = await project();
      const root = `the project's root is ${dir} (it holds policies/ or policyc.config.json): run policyc from there`;
      const shared = await runPolicycInProcess(['check'], path.join(dir, 'shared'));
      expect(shared.status).toBe(2);
      expect(shared.stderr).toMatch(/^policyc: no policies\/ folder here; /);
      expect(shared.stderr).toContain(root);
      expect(shared.stderr).not.toContain('policyc init');
      const own = await runPolicycInProcess(['check'], path.join(dir, 'policies/smile-gouda'));
      expect(own.status).toBe(2);
      expect(own.stderr).toContain(root);
      // The folder '.' quoted in the command that was run, not a bare dot that reads as a full stop (cli7 finding 15).
      expect(own.stderr).toContain(
        "policy.json is there: to use it, name policy.json or its folder, as in 'policyc check .'",
      );
      const built = await runPolicycInProcess(['build'], path.join(dir, 'policies/smile-gouda'));
      expect(built.status).toBe(2);
      expect(built.stderr).toContain("name policy.json or its folder, as in 'policyc build .'");
      expect(
        (await runPolicycInProcess(['build', '--message-lang', 'nl'], path.join(dir, 'policies/smile-gouda'))).stderr,
      ).toContain("noem policy.json of de map ervan om het te gebruiken, zoals in 'policyc build .'");
    });
  });

  it('check with no paths checks every policy under policies/: valid, with only compliance findings', async () => {
    const run = await runPolicycInProcess(['check', '--format', 'json']);
    const diagnostics = JSON.parse(run.stdout) as Array<{ ruleId: string; file: string; severity: string }>;
    expect(new Set(diagnostics.map((d) => d.file))).toContain('policies/ipractice/policy.json');
    // No schema or reference problem: only what the compliance rules find in the published statements.
    expect(diagnostics.filter((d) => !catalogue.has(d.ruleId))).toEqual([]);
    expect(run.status).toBe(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    expect((await runPolicycInProcess(['check'])).stderr).toMatch(
      /\d+ polic(y|ies) checked: \d+ errors?, \d+ warnings?, \d+ info\./,
    );
  });

  it('check --lang nl gives Dutch messages', async () => {
    const run = await runPolicycInProcess(['check', 'test/fixtures/invalid/missing-translation.json', '--lang', 'nl']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^test\/fixtures\/invalid\/missing-translation\.json\n  \d+:\d+ +fout +de tekst in het Engels ontbreekt  schema\/missing-translation\n +\/purposes\/0\/name\/en$/m,
    );
  });
});
