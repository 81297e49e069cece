import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCompileJob } from '../../src/cli/compile-job.js';
import { systemErrorText } from '../../src/diagnostics/system-error.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { repoRoot, runPolicycInProcess } from '../support/cli.js';
import { tempDirs } from '../support/temp-dirs.js';

/**
 * Node writes its errors in English only: a Dutch run (--message-lang nl) put 'EISDIR: illegal operation on a
 * directory, read' inside 'kan het configuratiebestand niet lezen: …' (second read, item 12). The common codes
 * have a sentence in each language (cli:systemError), the code kept; English reads as Node writes it.
 */
const tempDir = tempDirs('policyc-system-error-');
const en = messagesFor('en');
const nl = messagesFor('nl');

function thrown(run: () => unknown): NodeJS.ErrnoException {
  try {
    run();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('did not throw');
}

describe('a Node error in the message language', () => {
  it("English is Node's own text; Dutch says it in Dutch, with the code and the path as shown", () => {
    const missing = path.join(tempDir(), 'base.json');
    const error = thrown(() => readFileSync(missing));
    expect(systemErrorText(error, en)).toBe(error.message);
    expect(systemErrorText(error, nl)).toBe(`het bestand of de map bestaat niet (ENOENT, open): '${missing}'`);
    const shown = (file: string): string => file.split(missing).join('../base.json');
    expect(systemErrorText(error, en, shown)).toBe("ENOENT: no such file or directory, open '../base.json'");
    expect(systemErrorText(error, nl, shown)).toBe("het bestand of de map bestaat niet (ENOENT, open): '../base.json'");
  });

  it('a call with two paths (rename) and one without a path (reading a folder)', () => {
    const dir = tempDir();
    const rename = thrown(() => renameSync(path.join(dir, 'a'), path.join(dir, 'b')));
    expect(systemErrorText(rename, en)).toBe(rename.message);
    expect(systemErrorText(rename, nl)).toBe(
      `het bestand of de map bestaat niet (ENOENT, rename): '${path.join(dir, 'a')}' naar '${path.join(dir, 'b')}'`,
    );
    const folder = thrown(() => readFileSync(dir));
    expect(systemErrorText(folder, en)).toBe(folder.message);
    expect(systemErrorText(folder, nl)).toBe('dit is een map, geen bestand (EISDIR, read)');
  });

  it("a code without a sentence: Node's text, all there is", () => {
    const odd = Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), {
      code: 'EXDEV',
      syscall: 'rename',
    });
    expect(systemErrorText(odd, nl)).toBe('EXDEV: cross-device link not permitted, rename');
  });

  it("every code's English reason is Node's (libuv's) own, and has a Dutch one", () => {
    const node = new Map([...getSystemErrorMap().values()]);
    const reasons = JSON.parse(readFileSync(path.join(repoRoot, 'locales/en/cli.json'), 'utf8')).systemError
      .reason as Record<string, string>;
    const dutch = JSON.parse(readFileSync(path.join(repoRoot, 'locales/nl/cli.json'), 'utf8')).systemError
      .reason as Record<string, string>;
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(reasons).sort());
    for (const [code, reason] of Object.entries(reasons)) expect(node.get(code), code).toBe(reason);
  });
});

describe('the Dutch run says it in Dutch', () => {
  it('check --message-lang nl with policyc.config.json a folder: the reason in Dutch, EISDIR kept', async () => {
    const work = tempDir();
    mkdirSync(path.join(work, 'policyc.config.json'));
    const run = await runPolicycInProcess(['check', '--message-lang', 'nl'], work);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain(
      'kan het configuratiebestand niet lezen: dit is een map, geen bestand (EISDIR, read)',
    );
    expect(run.stdout + run.stderr).not.toContain('illegal operation');
  });

  it("a build's write failure on a compile thread is written in the build's message language", async () => {
    const staging = path.join(tempDir(), '.policyc-staging-gone');
    mkdirSync(staging);
    rmSync(staging, { recursive: true });
    const file = path.join(repoRoot, 'test/fixtures/minimal/policy.json');
    const job = { index: 0, file, displayPath: 'policy.json', messageLanguage: 'nl' as const, stageInto: staging };
    const { staged } = await runCompileJob(job);
    expect(staged).toEqual({ error: expect.stringMatching(/^het bestand of de map bestaat niet \(ENOENT, \w+\): '/) });
  });
});
