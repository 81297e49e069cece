import { existsSync, linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OutputRefusal } from './output-ownership.js';
import { lexists } from '../lexists.js';

/**
 * One build at a time per output folder, and no leftovers from a build that
 * was killed. The lock is a file holding the writer's process id and start
 * time (ProcessStamp); a lock whose process is gone (SIGKILL, power cut) is
 * stale and taken over. The check uses process ids, so it protects builds on
 * one machine (not two machines sharing a network folder).
 */
const LOCK_NAME = '.policyc-lock';
export const STAGING_PREFIX = '.policyc-staging-';
/** The file inside a staging folder that marks it as policyc's, holding the stamp of the process that made it. */
export const STAGING_MARKER = '.policyc-staging';
/** Inside a staging folder: the organisation folders being replaced, until the commit ends. */
export const RETIRED = '.retired';

/**
 * Who wrote a lock or a staging marker: a process id and, where the system
 * tells it (Linux's /proc), that process's start time. The start time tells
 * a live writer from an unrelated process that was later given the same id;
 * without it, a reused id would keep a stale lock or leftover for good.
 */
export interface ProcessStamp {
  pid: number;
  start?: string;
}

/** The start time of process `pid` (field 22 of /proc/<pid>/stat, in clock ticks since boot); undefined where unknown. */
export function processStart(pid: number): string | undefined {
  try {
    return startFromStat(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

/** Field 22 of a /proc/<pid>/stat line. The command name (field 2) may hold spaces and ')': fields are counted after its last ')'. */
export function startFromStat(stat: string): string | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19]; // fields 3, 4, … are at 0, 1, …: field 22 is at 19
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

/** This process's stamp as written into a lock or marker: `<pid> <start time>` or, where unknown, `<pid>`. */
export function ownStamp(): string {
  const start = processStart(process.pid);
  return `${process.pid}${start === undefined ? '' : ` ${start}`}\n`;
}

/** Whether the process that wrote `stamp` still runs: its id is in use and, when both are known, by a process started at the same time. */
function isAlive({ pid, start }: ProcessStamp): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (start === undefined) return true;
  const now = processStart(pid);
  return now === undefined || now === start;
}

function readStamp(file: string): ProcessStamp | undefined {
  try {
    const match = /^(\d+)(?: (\d+))?$/.exec(readFileSync(file, 'utf8').trim());
    if (!match) return undefined;
    return { pid: Number(match[1]), ...(match[2] !== undefined ? { start: match[2] } : {}) };
  } catch {
    return undefined;
  }
}

function lockIsHeld(file: string): number | undefined {
  const stamp = readStamp(file);
  return stamp !== undefined && isAlive(stamp) ? stamp.pid : undefined;
}

/**
 * Creates the lock file with its content in one step: the process's stamp is
 * written to a file of this process's own and linked into place (link fails
 * if the lock exists), so no reader ever sees a lock without a process id.
 */
function tryLock(file: string): boolean {
  const own = `${file}-${process.pid}`;
  writeFileSync(own, ownStamp());
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
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const stamp = readStamp(path.join(outDir, name));
    if (!isAlive(stamp?.pid === pid ? stamp : { pid })) rmSync(path.join(outDir, name), { force: true });
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
    const stamp = readStamp(path.join(dir, STAGING_MARKER));
    if (stamp === undefined) {
      if (bornDead(dir)) {
        rmSync(dir, { recursive: true, force: true });
        removed.push(name);
      }
      continue;
    }
    if (stamp.pid === process.pid || isAlive(stamp)) continue;
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
    // Never made (or the output folder's path runs through a file): nothing to remove.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
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

function restoreRetired(outDir: string, retired: string): void {
  if (!existsSync(retired)) return;
  for (const organisation of readdirSync(retired)) {
    const live = path.join(outDir, organisation);
    if (!lexists(live)) renameSync(path.join(retired, organisation), live);
  }
}
