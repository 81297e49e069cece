import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

/** A lock younger than this without a process id is being written; older, it is stale. */
const UNWRITTEN_LOCK_GRACE_MS = 5000;

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
  if (pid !== undefined) return isAlive(pid) ? pid : undefined;
  try {
    return Date.now() - statSync(file).mtimeMs < UNWRITTEN_LOCK_GRACE_MS ? 0 : undefined;
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Takes the lock on `outDir` (which must exist); returns the function that releases it. */
export function acquireLock(outDir: string, shown: string): () => void {
  const file = path.join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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
 * An unmarked staging folder is removed only when empty (a build killed
 * right after creating it); anything else is not ours and stays.
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
      if (readdirSync(dir).length === 0) {
        rmdirSync(dir);
        removed.push(name);
      }
      continue;
    }
    if (pid === process.pid || isAlive(pid)) continue;
    restoreRetired(outDir, path.join(dir, RETIRED));
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
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
