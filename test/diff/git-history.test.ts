import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicycInProcess } from '../support/cli.js';
import { diffFixtures } from './support.js';

const fixture = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(path.join(diffFixtures, name, 'policy.json'), 'utf8'));

/** The clinic policy with a version label, without an authored history, and with an edit. */
function version(base: string, label: string, edit: (p: Record<string, any>) => void = () => {}): string {
  const policy = fixture(base);
  policy.metadata.version = label;
  delete policy.metadata.history;
  edit(policy);
  return JSON.stringify(policy, null, 2) + '\n';
}

function git(cwd: string, date: string, ...args: string[]): void {
  const env = { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date };
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8', env },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/**
 * A repository with the clinic policy committed four times: 2024.1 (effective 15 March), a fix
 * that keeps 2024.1 and makes it effective 1 April, 2024.2 (the material changes of clinic-v2, without an
 * effectiveDate, committed late on 15 June in UTC-2, so 16 June in UTC), and the current 2025.1.
 */
let repo: string;
let outside: string;
const file = (root: string) => path.join(root, 'policies/clinic/policy.json');
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'policyc-history-'));
  outside = mkdtempSync(path.join(tmpdir(), 'policyc-nohistory-'));
  mkdirSync(path.dirname(file(repo)), { recursive: true });
  git(repo, '2024-03-01T10:00:00+01:00', 'init', '-q');
  const commit = (text: string, date: string, message: string) => {
    writeFileSync(file(repo), text);
    git(repo, date, 'add', '.');
    git(repo, date, 'commit', '-q', '-m', message);
  };
  commit(
    version('clinic-v1', '2024.1', (p) => {
      p.metadata.effectiveDate = '2024-03-15';
    }),
    '2024-03-01T10:00:00+01:00',
    '2024.1',
  );
  commit(
    version('clinic-v1', '2024.1', (p) => {
      p.contact.email = 'balie@tandartsdelinde.example';
      p.metadata.effectiveDate = '2024-04-01';
    }),
    '2024-04-02T09:00:00+02:00',
    'fix',
  );
  commit(
    version('clinic-v2', '2024.2', (p) => {
      delete p.metadata.effectiveDate;
    }),
    '2024-06-15T23:30:00-02:00',
    '2024.2',
  );
  commit(
    version('clinic-v2', '2025.1', (p) => {
      p.contact.email = 'info@tandartsdelinde.example';
    }),
    '2025-01-10T12:00:00+01:00',
    '2025.1',
  );
  mkdirSync(path.dirname(file(outside)), { recursive: true });
  writeFileSync(file(outside), version('clinic-v2', '2025.1'));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const notice = (root: string, lang: string) =>
  readFileSync(path.join(root, 'dist/tandartspraktijk-de-linde', lang, 'privacy.md'), 'utf8');

describe('build --history', () => {
  it('writes one entry per earlier version, dated by its effectiveDate as published, else its commit in UTC, with the material changes the diff finds', async () => {
    const run = await runPolicycInProcess(['build', '--history', '--lang', 'nl,en'], repo);
    expect(run.stderr).not.toContain('history');
    expect(run.status).toBe(0);
    const nl = notice(repo, 'nl');
    const history = nl.slice(nl.indexOf('Eerdere versies van deze verklaring:'));
    const items = history
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .slice(0, 2);
    expect(items[0]).toMatch(
      /^- 16 juni 2024 \(versie 2024\.2\): Gewijzigd: Nieuw verwerkingsdoel: Tevredenheidsonderzoek; Nieuwe verwerker: Imaging Cloud Inc\.; .*Bewaartermijn Medische gegevens: 15 jaar → 20 jaar; .*\.$/,
    );
    // 2024.1 applied from 1 April, as its last commit says; committed on 1 March (review webdev10, finding 12).
    expect(items[1]).toBe('- 1 april 2024 (versie 2024.1): Eerste versie van deze verklaring.');
    // The version being built (2025.1) is not an earlier version; the fix that kept 2024.1 is no entry of its own.
    expect(history).not.toContain('2025.1');
    expect(history.match(/versie 2024\.1/g)).toHaveLength(1);
    expect(notice(repo, 'en')).toContain('- 1 April 2024 (version 2024.1): First version of this notice.');
  });

  it('is the same with the config option, and authored metadata.history still wins', async () => {
    writeFileSync(path.join(repo, 'policyc.config.json'), JSON.stringify({ history: true }));
    try {
      expect((await runPolicycInProcess(['build', '--lang', 'nl'], repo)).status).toBe(0);
      expect(notice(repo, 'nl')).toContain(
        '(versie 2024.2): Gewijzigd: Nieuw verwerkingsdoel: Tevredenheidsonderzoek;',
      );
      const authored = JSON.parse(readFileSync(file(repo), 'utf8'));
      authored.metadata.history = [
        { version: '2024.1', date: '2024-03-01', summary: { nl: 'Zelf geschreven.', en: 'Written by hand.' } },
      ];
      writeFileSync(file(repo), JSON.stringify(authored, null, 2));
      expect((await runPolicycInProcess(['build', '--lang', 'nl'], repo)).status).toBe(0);
      const nl = notice(repo, 'nl');
      expect(nl).toContain('- 1 maart 2024 (versie 2024.1): Zelf geschreven.');
      expect(nl).not.toContain('2024.2');
    } finally {
      rmSync(path.join(repo, 'policyc.config.json'));
      git(repo, '2025-01-10T12:00:00+01:00', 'checkout', '-q', '--', 'policies');
    }
  });

  it('is a warning, not a crash, outside a git repository', async () => {
    const run = await runPolicycInProcess(['build', '--history', '--lang', 'nl', '--format', 'compact'], outside);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('policies/clinic/policy.json');
    expect(run.stderr).toContain(
      '--history reads the versions of policies/clinic/policy.json from git, but the file is not in a git repository; the change history stays empty',
    );
    expect(notice(outside, 'nl')).not.toContain('Eerdere versies');
  });

  it('is a warning when git is not installed', () => {
    const result = spawnSync(
      process.execPath,
      [path.resolve('lib/cli/main.js'), 'build', '--history', '--lang', 'nl'],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent', NO_COLOR: '1' },
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('but git is not installed (or not on PATH); the change history stays empty');
  });
});

describe('build --history follows only the policy itself', () => {
  let chain: string;
  const commitAll = (date: string, message: string) => {
    git(chain, date, 'add', '-A');
    git(chain, date, 'commit', '-q', '-m', message);
  };
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(chain, relative)), { recursive: true });
    writeFileSync(path.join(chain, relative), text);
  };
  /** A fixture policy as another practice: its own id. */
  const practice = (base: string, label: string, id: string) =>
    version(base, label, (p) => {
      p.id = id;
    });
  const noticeOf = (id: string) => readFileSync(path.join(chain, 'dist', id, 'nl/privacy.md'), 'utf8');
  beforeAll(() => {
    chain = mkdtempSync(path.join(tmpdir(), 'policyc-history-copy-'));
    git(chain, '2024-03-01T10:00:00+01:00', 'init', '-q');
  });
  afterAll(() => rmSync(chain, { recursive: true, force: true }));

  it('does not list the versions of the policy a new practice was copied from, nor of another policy that had its path', async () => {
    write('policies/clinic/policy.json', version('clinic-v1', '2024.1'));
    commitAll('2024-03-01T10:00:00+01:00', 'clinic 2024.1');
    write('policies/clinic/policy.json', version('clinic-v2', '2024.2'));
    commitAll('2024-06-01T10:00:00+02:00', 'clinic 2024.2');
    // A new practice: the clinic's file copied, its id and version changed (git log --follow reads it as a copy, C098).
    write('policies/copy/policy.json', practice('clinic-v2', '2025.1', 'nieuwe-praktijk'));
    commitAll('2025-01-10T12:00:00+01:00', 'new practice');
    // A path that held another policy before: its earlier texts are not this policy's versions.
    write('policies/reused/policy.json', practice('clinic-v1', '2023.1', 'oude-praktijk'));
    commitAll('2025-02-01T12:00:00+01:00', 'old practice');
    write('policies/reused/policy.json', practice('clinic-v2', '2025.3', 'andere-praktijk'));
    commitAll('2025-03-01T12:00:00+01:00', 'another practice at that path');
    const run = await runPolicycInProcess(['build', '--history', '--lang', 'nl'], chain);
    expect(run.status).toBe(0);
    expect(noticeOf('tandartspraktijk-de-linde')).toContain('(versie 2024.1): Eerste versie van deze verklaring.');
    expect(noticeOf('nieuwe-praktijk')).not.toContain('Eerdere versies');
    expect(noticeOf('andere-praktijk')).not.toContain('Eerdere versies');
  });

  it('takes the version and effective date a child inherits from its base as they were in each commit', async () => {
    const base = (label: string, effectiveDate: string) => {
      const policy = JSON.parse(version('clinic-v2', label));
      delete policy.id;
      policy.metadata.effectiveDate = effectiveDate;
      return JSON.stringify(policy, null, 2) + '\n';
    };
    const child = (email: string) =>
      JSON.stringify({ id: 'kind-praktijk', extends: '../../shared/base.json', contact: { email } }, null, 2) + '\n';
    write('shared/base.json', base('2026.1', '2026-01-12'));
    write('policies/child/policy.json', child('a@kind.example'));
    commitAll('2026-01-05T10:00:00+01:00', 'child 2026.1');
    write('shared/base.json', base('2026.2', '2026-02-09'));
    write('policies/child/policy.json', child('b@kind.example'));
    commitAll('2026-02-05T10:00:00+01:00', 'child 2026.2');
    const run = await runPolicycInProcess(['build', '--history', '--lang', 'nl', 'policies/child'], chain);
    expect(run.stderr).not.toContain('history');
    expect(run.status).toBe(0);
    const nl = noticeOf('kind-praktijk');
    // Dated by the effectiveDate it inherits as the commit had it, not the commit (5 January).
    expect(nl).toContain('- 12 januari 2026 (versie 2026.1): Eerste versie van deze verklaring.');
    expect(nl).not.toContain('(versie 2026.2)');
  });
});
