import { existsSync, mkdirSync, readlinkSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { shownFrom } from '../paths.js';
import { lexists } from '../lexists.js';
import { OutputRefusal } from './output-ownership.js';

/**
 * Makes the output folder `dir` (shown as `shown`) and its missing parents,
 * one level at a time, and returns the first folder it made (undefined when
 * `dir` was there). Not Node's recursive mkdir: under /proc that takes each
 * ENOENT for a missing parent and loops for ever. A level that cannot be made
 * while its parent is there (cannotCreate), or a dangling symbolic link on the
 * way (danglingLink), is a refusal; any other error is thrown as it is. On a
 * failure, the folders made so far are removed again.
 */
export function makeOutFolder(dir: string, shown: string): string | undefined {
  const show = (p: string): string => shownFrom(shown, dir, p);
  const missing: string[] = [];
  let existing = dir;
  for (; !lexists(existing); existing = path.dirname(existing)) missing.unshift(existing);
  if (!existsSync(existing))
    throw new OutputRefusal('danglingLink', { path: shown, link: show(existing), target: readlinkSync(existing) });
  const made: string[] = [];
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      for (const folder of made.reverse()) rmdirSync(folder);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new OutputRefusal('cannotCreate', { path: show(level), parent: show(path.dirname(level)) });
    }
    made.push(level);
  }
  return missing[0];
}
