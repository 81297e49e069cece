import path from 'node:path';
import { isWithin } from '../paths.js';

/** The name of an organisation's folder in the output folder: a policy id, as the schema allows it. */
export const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]*$/;

/** How policyc's own entries at the output folder's root begin: its lock and staging folders. */
const OWN_PREFIX = '.policyc-';

/**
 * The folder of `outDir` (absolute) that `target` lies inside, when policyc writes that folder whole: one named as an
 * organisation (a policy id) or one of its own. A file policyc did not write there stops the next build; a file at
 * the output folder's root, or in a folder of another name, is left alone.
 */
export function writtenFolderOf(target: string, outDir: string): string | undefined {
  if (!isWithin(target, outDir)) return undefined;
  const [first = '', ...rest] = path.relative(outDir, target).split(path.sep);
  if (rest.length === 0) return undefined;
  // In any letter case: on a case-insensitive disk dist/P1 is the folder dist/p1.
  const name = first.toLowerCase();
  return ORGANISATION_ID.test(name) || name.startsWith(OWN_PREFIX) ? path.join(outDir, first) : undefined;
}

/** Whether `target` is an entry at the output folder's root with a name policyc keeps for its own (a build removes those). */
export function isOwnEntryOf(target: string, outDir: string): boolean {
  const relative = path.relative(outDir, target);
  return path.dirname(relative) === '.' && relative.toLowerCase().startsWith(OWN_PREFIX);
}
