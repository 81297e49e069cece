import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriter } from '../src/output/output-writer.js';
import { STAGING_MARKER, STAGING_PREFIX } from '../src/output/output-lock.js';
import { repoRoot } from './support/cli.js';

/**
 * A build killed while it removes a staging folder — its own after a commit
 * or an abort, or one a killed build left — must leave one the next build
 * removes. (A staging folder whose marker was removed before the rest of it
 * is no longer provably policyc's, and stays in dist/ for good: kill.test.ts
 * found one after its last build.) The kill lands at a chosen moment of the
 * removal, seen from outside, as a SIGKILL would at random.
 */
const ORGANISATIONS = 150;
const FILES = 20;

/** A child that opens an OutputWriter on `dist`, stages many files, then waits for `go` before `then`. */
function childScript(dist: string, go: string, then: 'abort' | 'die' | 'open'): string {
  const writer = JSON.stringify(path.join(repoRoot, 'lib/output/output-writer.js'));
  return `
    import { existsSync, writeFileSync } from 'node:fs';
    const { OutputWriter } = await import(${writer});
    const dist = ${JSON.stringify(dist)}, go = ${JSON.stringify(go)}, then = ${JSON.stringify(then)};
    if (then === 'open') { while (!existsSync(go)); new OutputWriter(dist).abort(); process.exit(0); }
    const writer = new OutputWriter(dist);
    for (let i = 0; i < ${ORGANISATIONS}; i++)
      writer.stage(Array.from({ length: ${FILES} }, (_, j) => ({ path: 'org-' + i + '/f' + j + '.txt', contents: 'x' })));
    if (then === 'die') process.kill(process.pid, 'SIGKILL');
    writeFileSync(go + '.ready', '');
    while (!existsSync(go));
    writer.abort();`;
}

type Moment = 'the marker is gone' | 'an organisation folder is gone';

/** Lets the child go on, and SIGKILLs it the moment `moment` is seen in the staging folder `watched()` names. */
async function killAt(child: ReturnType<typeof spawn>, go: string, watched: () => string, moment: Moment) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const dir = watched();
  const gone = path.join(dir, moment === 'the marker is gone' ? STAGING_MARKER : 'org-0');
  expect(existsSync(gone)).toBe(true);
  writeFileSync(go, '');
  const limit = Date.now() + 60_000;
  while (existsSync(gone) && Date.now() < limit); // busy: the removal takes a fraction of a second
  child.kill('SIGKILL');
  await exited;
}

const stagingIn = (dist: string): string[] => readdirSync(dist).filter((n) => n.startsWith(STAGING_PREFIX));

async function waitFor(file: string): Promise<void> {
  for (const limit = Date.now() + 120_000; !existsSync(file) && Date.now() < limit;)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

const node = (script: string) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });

describe('a build killed while removing a staging folder', { timeout: 300_000 }, () => {
  const moments: Moment[] = ['the marker is gone', 'an organisation folder is gone'];

  it.each(moments)('its own, after an abort: killed when %s, the next build removes what is left', async (moment) => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'policyc-kill-clean-'));
    const dist = path.join(work, 'dist');
    const go = path.join(work, 'go');
    mkdirSync(dist); // not the writer's own to remove when empty
    const child = node(childScript(dist, go, 'abort'));
    await waitFor(`${go}.ready`);
    await killAt(child, go, () => path.join(dist, stagingIn(dist)[0]!), moment);
    new OutputWriter(dist).abort();
    expect(stagingIn(dist)).toEqual([]);
    expect(readdirSync(dist)).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  });

  it.each(moments)("a killed build's, by the next build: killed when %s, the one after removes it", async (moment) => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'policyc-kill-clean-'));
    const dist = path.join(work, 'dist');
    const go = path.join(work, 'go');
    const died = spawnSync(process.execPath, ['--input-type=module', '-e', childScript(dist, go, 'die')]);
    expect(died.signal).toBe('SIGKILL');
    const [left] = stagingIn(dist);
    expect(left).toBeDefined();
    await killAt(node(childScript(dist, go, 'open')), go, () => path.join(dist, left!), moment);
    new OutputWriter(dist).abort();
    expect(readdirSync(dist)).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  });
});
