import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalisedDiagnostic } from '../src/diagnostics/diagnostic.js';
import { formatLocalisedGithub } from '../src/diagnostics/format-diagnostics.js';
import { diagnosticSink } from '../src/cli/diagnostic-sink.js';
import { cliPath, repoRoot, runPolicycHere } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * --format github (webdev10, 6): the README's CI job promised each problem at its line, but compact lines are only
 * log lines to GitHub Actions. Workflow commands (`::error file=…,line=…,col=…::…`) are what the runner annotates.
 */
const tempDir = tempDirs('policyc-github-');

describe('--format github', () => {
  it('check prints one workflow command per problem on stdout, at the place the compact line names', async () => {
    const dir = tempDir();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(dir, 'policies/ipractice'), { recursive: true });
    const github = await runPolicycHere(['check', '--format', 'github'], dir);
    const compact = await runPolicycHere(['check', '--format', 'compact'], dir);
    expect(github.status).toBe(compact.status);
    const commands = github.stdout.trimEnd().split('\n');
    const lines = compact.stderr.split('\n').filter((l) => l.startsWith('policies/'));
    expect(commands.length).toBe(lines.length);
    expect(commands.length).toBeGreaterThan(0);
    for (const [i, command] of commands.entries()) {
      const [, level, file, line, col, title, text] =
        /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)$/.exec(command) ?? [];
      const [place = '', severity, ...rest] = lines[i]!.split(' ');
      expect(`${file}:${line}:${col}`).toBe(place);
      expect(level).toBe(severity === 'info' || lines[i]!.includes('(acknowledged: ') ? 'notice' : severity);
      expect(text).toBe(rest.join(' ').replaceAll('%', '%25'));
      expect(lines[i]).toContain(`[${title}]`);
    }
  });

  it('escapes what the runner would read as the end of a property or of the command', () => {
    const d: LocalisedDiagnostic = {
      ruleId: 'schema/enum',
      severity: 'warning',
      messageId: 'x',
      message: '50% of it\nnext line',
      file: 'policies/a,b:c/policy.json',
      pointer: '/x',
      line: 3,
      column: 7,
    };
    expect(formatLocalisedGithub([d], '/')).toBe(
      '::warning file=policies/a%2Cb%3Ac/policy.json,line=3,col=7,title=schema/enum::/x 50%25 of it%0Anext line [schema/enum]',
    );
    const { line: _l, column: _c, file: _f, ...nowhere } = d;
    expect(formatLocalisedGithub([{ ...nowhere, severity: 'info' }])).toMatch(/^::notice title=schema\/enum::\/x /);
  });

  /** A site whose policies `ids` (each the minimal fixture) are in `site/policies/`: the same findings at the same lines. */
  function twins(ids: readonly string[]): string {
    const repo = tempDir();
    const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');
    for (const id of ids) {
      mkdirSync(path.join(repo, 'site/policies', id), { recursive: true });
      writeFileSync(
        path.join(repo, 'site/policies', id, 'policy.json'),
        minimal.replace('"id": "minimal"', `"id": "${id}"`),
      );
    }
    return repo;
  }

  /** The files the workflow commands of rule `ruleId` annotate. */
  const annotated = (stdout: string, ruleId: string): string[] =>
    stdout
      .split('\n')
      .filter((l) => l.includes(`title=${ruleId}::`))
      .map((l) => /file=([^,]+)/.exec(l)?.[1] ?? '');

  // secondread10, 4 (a): the fold of the text report gave a repeated finding one annotation, on the first file.
  for (const command of ['check', 'build']) {
    it(`${command}: a finding repeated in several policies' files is annotated in each of them`, async () => {
      const site = path.join(twins(['a', 'b', 'c']), 'site');
      const { stdout } = await runPolicycHere([command, '--format', 'github'], site);
      expect(annotated(stdout, 'retention/missing')).toEqual(['a', 'b', 'c'].map((id) => `policies/${id}/policy.json`));
      expect(stdout).not.toMatch(/policies: |also in/);
      expect(
        stdout
          .trimEnd()
          .split('\n')
          .every((l) => l.startsWith('::')),
      ).toBe(true);
    });
  }

  // secondread10, 4 (b): GitHub places an annotation by its path from the repository's folder, not the step's.
  it('gives paths from GITHUB_WORKSPACE when it is set, for a job that runs in a folder below it', () => {
    const repo = twins(['a']);
    const site = path.join(repo, 'site');
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [cliPath, 'check', '--format', 'github'], { cwd: site, encoding: 'utf8', env })
        .stdout;
    const { GITHUB_WORKSPACE: _, ...outside } = process.env;
    expect(annotated(run({ ...outside, GITHUB_WORKSPACE: repo }), 'retention/missing')).toEqual([
      'site/policies/a/policy.json',
    ]);
    expect(annotated(run(outside), 'retention/missing')).toEqual(['policies/a/policy.json']);
  });

  it("the sink gives paths from its githubWorkspace; a diagnostic's file is from cwd", () => {
    let stdout = '';
    const sink = diagnosticSink({
      format: 'github',
      cwd: '/repo/site',
      githubWorkspace: '/repo',
      stdout: (text) => void (stdout += text),
      stderr: () => {},
      lang: 'en',
      tool: () => ({ version: '0' }),
      fold: true,
    });
    const d: LocalisedDiagnostic = { ruleId: 'x/y', severity: 'error', messageId: 'm', message: 'm', pointer: '/p' };
    sink.files([{ ...d, file: 'policies/a/policy.json', line: 2 }]);
    sink.files([{ ...d, file: '/repo/site/policies/b/policy.json', line: 2 }]);
    sink.end();
    expect(annotated(stdout, 'x/y')).toEqual(['site/policies/a/policy.json', 'site/policies/b/policy.json']);
  });
});
