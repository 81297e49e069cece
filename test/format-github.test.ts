import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalisedDiagnostic } from '../src/diagnostics/diagnostic.js';
import { formatLocalisedGithub } from '../src/diagnostics/format-diagnostics.js';
import { repoRoot, runPolicycHere } from './support/cli.js';
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
});
