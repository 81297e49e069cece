import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, nobodyReachesCli, runPolicycInProcess } from './support/cli.js';

/**
 * A base (`extends`) is read as a policy is: invalid UTF-8 and UTF-16 are
 * reported in the base at their position, with the same messages; a base that
 * is there but cannot be read is reported at the `extends` value, naming the
 * path as the policy gives it, never the absolute path Node names.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-base-read-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A project whose policy extends `name`, with `shared/` for bases. */
function project(name: string): string {
  const work = mkdtempSync(path.join(dir, 'p-'));
  mkdirSync(path.join(work, 'policies/a'), { recursive: true });
  mkdirSync(path.join(work, 'shared'));
  writeFileSync(path.join(work, 'policies/a/policy.json'), `{\n  "id": "a",\n  "extends": "${name}"\n}\n`);
  return work;
}

/** A project whose base has a Latin-1 é (byte E9, not UTF-8) at 2:31. */
function withLatin1Base(): string {
  const work = project('../../shared/base.json');
  const bytes = Buffer.concat([
    Buffer.from('{\n  "controller": { "name": "Caf'),
    Buffer.from([0xe9]),
    Buffer.from('" }\n}\n'),
  ]);
  writeFileSync(path.join(work, 'shared/base.json'), bytes);
  return work;
}

async function check(work: string): Promise<{ status: number | null; stderr: string }> {
  return runPolicycInProcess(['check', '--format', 'compact'], work);
}

describe('a base that is not UTF-8', () => {
  it('is reported in the base at the first byte that is not UTF-8, as a policy is', async () => {
    const work = withLatin1Base();
    const run = await check(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'shared/base.json:2:31 error / the file is not valid UTF-8 from here on; save it as UTF-8 (for policies/a/policy.json) [file/invalid-utf8]',
    );
  });

  it('stops init --extends, reported in the base at its position, and writes nothing', async () => {
    const work = withLatin1Base();
    const run = await runPolicycInProcess(['init', '--extends', 'shared/base.json', '--id', 'b', '--yes'], work);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'shared/base.json\n  2:31  error    the file is not valid UTF-8 from here on; save it as UTF-8  file/invalid-utf8\n',
    );
    expect(existsSync(path.join(work, 'policies/b'))).toBe(false);
  });

  it('is reported as UTF-16 at 1:1 when saved so', async () => {
    const work = project('../../shared/base.json');
    writeFileSync(path.join(work, 'shared/base.json'), Buffer.from('\ufeff{}\n', 'utf16le'));
    const run = await check(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "shared/base.json:1:1 error / the file is saved as UTF-16 (Windows PowerShell's > and Out-File save text that way); save it as UTF-8 (for policies/a/policy.json) [file/invalid-utf8]",
    );
  });
});

describe('a base that cannot be read', () => {
  it('a folder: at the extends value, saying to name the policy file in it', async () => {
    const work = project('../../shared');
    const run = await check(work);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'policies/a/policy.json:3:14 error /extends "../../shared" is a folder, not a base policy file: name the policy file in it, e.g. "../../shared/policy.json" [extends/unreadable]',
    );
  });

  // As 'nobody', for whom the base is unreadable (as root, anything is readable).
  it.runIf(nobodyReachesCli())('permission denied: the path as the policy gives it, not the absolute one', () => {
    const work = project('../../shared/base.json');
    chmodSync(dir, 0o755);
    chmodSync(work, 0o755);
    writeFileSync(path.join(work, 'shared/base.json'), '{}\n', { mode: 0o600 });
    const run = spawnSync(process.execPath, [cliPath, 'check', '--format', 'compact'], {
      cwd: work,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `policies/a/policy.json:3:14 error /extends cannot read the base policy "../../shared/base.json": EACCES: permission denied, open '../../shared/base.json' [extends/unreadable]`,
    );
    expect(run.stderr).not.toContain(work);
  });
});
