import { existsSync, linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OutputRefusal } from './output-ownership.js';

/**
 * One build at a time per output folder, and no leftovers from a build that
 * was killed. The lock is a file holding the writer's process id; a lock
 * whose process is gone (SIGKILL, power cut) is stale and taken over. The
 * check uses process ids, so it protects builds on one machine (not two
 * machines sharing a network folder).
 */
export const LOCK_NAME = '.policyc-lock';
export const STAGING_PREFIX = '.policyc-staging-';
/** The file inside a staging folder that marks it as policyc's, holding the process id that made it. */
export const STAGING_MARKER = '.policyc-staging';
/** Inside a staging folder: the organisation folders being replaced, until the commit ends. */
export const RETIRED = '.retired';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

function lockIsHeld(file: string): number | undefined {
  const pid = readPid(file);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/**
 * Creates the lock file with its content in one step: the process id is
 * written to a file of this process's own and linked into place (link fails
 * if the lock exists), so no reader ever sees a lock without a process id.
 */
function tryLock(file: string): boolean {
  const own = `${file}-${process.pid}`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Lock files a killed process left before linking its own into place. */
function removeUnlinkedLocks(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    const pid = name.startsWith(`${LOCK_NAME}-`) ? Number(name.slice(LOCK_NAME.length + 1)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(path.join(outDir, name), { force: true });
  }
}

/** Takes the lock on `outDir` (which must exist); returns the function that releases it. */
export function acquireLock(outDir: string, shown: string): () => void {
  const file = path.join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryLock(file)) {
      removeUnlinkedLocks(outDir);
      return () => rmSync(file, { force: true });
    }
    const holder = lockIsHeld(file);
    if (holder !== undefined) throw new OutputRefusal('locked', { out: shown, pid: holder ? String(holder) : '?' });
    rmSync(file, { force: true }); // stale: the build that held it is gone
  }
  throw new OutputRefusal('locked', { out: shown, pid: '?' });
}

/**
 * Removes what interrupted builds left in `outDir` (call with the lock held):
 * each staging folder marked as policyc's whose process is gone. A build
 * killed between taking an organisation's old folder out of place and putting
 * the new one in leaves no folder for it: the old one is put back first.
 * An unmarked staging folder is removed only when it is empty or holds
 * nothing but an empty marker (a build killed right after creating it, or
 * while writing the marker); anything else is not ours and stays.
 */
export function removeLeftovers(outDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const dir = path.join(outDir, name);
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) continue;
    const pid = readPid(path.join(dir, STAGING_MARKER));
    if (pid === undefined) {
      if (bornDead(dir)) {
        rmSync(dir, { recursive: true, force: true });
        removed.push(name);
      }
      continue;
    }
    if (pid === process.pid || isAlive(pid)) continue;
    restoreRetired(outDir, path.join(dir, RETIRED));
    removeStaging(dir);
    removed.push(name);
  }
  return removed;
}

/**
 * Removes a staging folder so that a build killed at any moment of it leaves
 * one the next build removes: everything but the marker first, then the
 * marker, then the folder. (Removed as one tree, the marker went first — it
 * sorts before the rest — and a kill after it left a folder with content and
 * no marker, which is not provably policyc's and stayed for good.)
 */
export function removeStaging(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of entries) {
    if (name !== STAGING_MARKER) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
  rmSync(path.join(dir, STAGING_MARKER), { force: true });
  rmSync(dir, { recursive: true, force: true });
}

/** A staging folder killed before its marker was written: empty, or an empty marker alone. */
function bornDead(dir: string): boolean {
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  if (entries.length !== 1 || entries[0] !== STAGING_MARKER) return false;
  const marker = lstatSync(path.join(dir, STAGING_MARKER));
  return marker.isFile() && marker.size === 0;
}

function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function restoreRetired(outDir: string, retired: string): void {
  if (!existsSync(retired)) return;
  for (const organisation of readdirSync(retired)) {
    const live = path.join(outDir, organisation);
    if (!lexists(live)) renameSync(path.join(retired, organisation), live);
  }
}
