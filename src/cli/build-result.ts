import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { joinItems, joinList, type Messages } from '../i18n/messages.js';
import { posixPath } from '../paths.js';

/** Why a policy of a --keep-going build was not written: an error that stops a build, --strict, or a folder policyc may not change. */
export type SkipReason = 'errors' | 'strict' | 'refused';

/** One policy in the build result: its id (when it has one), its organisation folder and its policy file, as the report shows them. */
export interface ResultEntry {
  id?: string;
  folder?: string;
  source?: string;
}

/**
 * What a build did, for `--report <file>` (see the README, "The build result"): every policy built, left unchanged
 * (the cache) or skipped (--keep-going), every folder removed or left in place though its policy seems gone, and
 * every folder refused. Paths are as the report shows them: relative to the working folder, '/'-separated. An outcome
 * that wrote nothing lists no policy as built or unchanged (finished(), build-outcome.ts).
 */
export interface BuildResult {
  /**
   * "built" (written), "partial" (--keep-going wrote some and skipped others), "failed", "refused", "busy" or
   * "stopped" (by a signal before the commit; nothing written). A signal after the commit keeps "built" or
   * "partial", with its exit code (130, 143).
   */
  result: 'built' | 'partial' | 'failed' | 'refused' | 'busy' | 'stopped';
  exitCode: number;
  out: string;
  built: ResultEntry[];
  unchanged: ResultEntry[];
  removed: ResultEntry[];
  /** Files of a folder the build replaced that it no longer makes and so removed (a language --lang left out, …). */
  removedFiles: (ResultEntry & { files: string[] })[];
  leftInPlace: (ResultEntry & { reason: string })[];
  skipped: (ResultEntry & { reason: SkipReason })[];
  refused: { folder: string; reason: string; message: string }[];
}

/** An empty result for the output folder `out`. */
export function emptyResult(out: string): BuildResult {
  return {
    result: 'failed',
    exitCode: 1,
    out: posixPath(out),
    built: [],
    unchanged: [],
    removed: [],
    removedFiles: [],
    leftInPlace: [],
    skipped: [],
    refused: [],
  };
}

/** An entry with '/'-separated paths, in a stable order of its fields. */
export function resultEntry(entry: ResultEntry): ResultEntry {
  return {
    ...(entry.id !== undefined ? { id: entry.id } : {}),
    ...(entry.folder !== undefined ? { folder: posixPath(entry.folder) } : {}),
    ...(entry.source !== undefined ? { source: posixPath(entry.source) } : {}),
  };
}

/** Writes the result as JSON to `file` (relative to `cwd`), by rename: a reader never sees half of it; on a failure the temporary file is removed. */
export function writeBuildResult(file: string, cwd: string, result: BuildResult): void {
  const target = path.resolve(cwd, file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const byId = (a: ResultEntry, b: ResultEntry) =>
    (a.folder ?? a.source ?? '') < (b.folder ?? b.source ?? '') ? -1 : 1;
  const sorted = {
    ...result,
    built: [...result.built].sort(byId),
    unchanged: [...result.unchanged].sort(byId),
  };
  try {
    writeFileSync(temp, JSON.stringify(sorted, null, 2) + '\n');
    renameSync(temp, target);
  } catch (error) {
    // Nothing of the report's is left behind: the temporary file goes too.
    rmSync(temp, { force: true });
    throw error;
  }
}

/** `items` named up to `shown`, the rest counted, as `m`'s language lists them: 'a, b and c', 'a, b, c and 3 more'. */
export function namedSome(items: readonly string[], shown: number, m: Messages): string {
  if (items.length <= shown) return joinList(items, m);
  return m.t('report:namedMore', { list: joinItems(items.slice(0, shown), m), count: items.length - shown });
}
