import { createHash } from 'node:crypto';
import { constants, existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { asciiEscaped } from '../unicode-escape.js';
import { lexists } from '../lexists.js';
import { isWithin, realPlace, shownFrom, shownPath } from '../paths.js';

/**
 * What policyc owns in an output folder. Every organisation folder it writes
 * holds MANIFEST_NAME: `{"generator": "policyc", "files": [...], "sha256":
 * {...}}` (paths relative to the folder, '/'-separated, sorted; each file's
 * content hash as written). Only a folder with such a manifest, holding
 * nothing but the files it lists, may be replaced or cleaned, and a file is
 * removed only while its content is what policyc wrote: policyc never
 * deletes what it did not create.
 */
export const MANIFEST_NAME = '.policyc-manifest.json';
const GENERATOR = 'policyc';

export interface Manifest {
  generator: typeof GENERATOR;
  files: string[];
  /** The organisation id the folder was made for (its name); none in manifests of versions before 2026-12. */
  id?: string;
  /** The policy file it was made from, relative to the output folder, '/'-separated (so the same on every machine). */
  source?: string;
  /**
   * Each listed file's content as policyc wrote it (contentHash), by its path: a file whose content differs was
   * changed by someone else, and is never removed. None in manifests of versions before 2026-12-07.
   */
  sha256?: Record<string, string>;
  /** Other fields (e.g. a cache key) are kept as given. */
  [extra: string]: unknown;
}

/**
 * The values of a refusal's message: paths and names, and lists of them (files), which the message's reader joins in
 * its language (listsJoined). The folder refused is `path`, or `out` for the output folder itself.
 */
export type RefusalParams = { readonly path?: string; readonly out?: string } & Readonly<
  Record<string, string | readonly string[]>
>;

/**
 * A refusal to touch something policyc does not own, or to write where it
 * must not. `key` is a message in locales/en/cli.json under 'refused.'.
 */
export class OutputRefusal extends Error {
  constructor(
    readonly key: string,
    readonly params: RefusalParams,
    /** Further refusals found in the same look at the output folder (each folder's own): all are reported at once. */
    readonly also: readonly OutputRefusal[] = [],
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
  }

  /** This refusal and those found with it. */
  get all(): OutputRefusal[] {
    return [this, ...this.also];
  }
}

/**
 * Runs `check` on each of `items`, going on past a refusal: throws the first refusal with the others
 * (OutputRefusal.also), so that one run names every folder policyc may not change; any other error is thrown at once.
 */
export function everyRefusal<T, R>(items: readonly T[], check: (item: T) => R): R[] {
  const refusals: OutputRefusal[] = [];
  const results: R[] = [];
  for (const item of items) {
    try {
      results.push(check(item));
    } catch (error) {
      if (!(error instanceof OutputRefusal)) throw error;
      refusals.push(...error.all);
    }
  }
  const [first, ...rest] = refusals;
  if (first) throw new OutputRefusal(first.key, first.params, rest);
  return results;
}

/** File system errors that mean 'policyc may not write there', by the refusal each is (cli.json 'refused.'). */
const WRITE_REFUSALS: Readonly<Record<string, string>> = {
  EACCES: 'notWritable',
  EPERM: 'notWritable',
  EROFS: 'readOnly',
  ENOSPC: 'noSpace',
  ENOTDIR: 'notAFolder',
};

/**
 * A failure to write at or under `target` (shown as `shown`) as the refusal
 * it is, naming the part of the path that exists (the folder that cannot be
 * written, or the file in the way); undefined for any other error.
 */
export function writeRefusal(error: unknown, target: string, shown: string): OutputRefusal | undefined {
  const key = WRITE_REFUSALS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  if (key === undefined) return undefined;
  let existing = target;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return new OutputRefusal(key, { path: shownFrom(shown, target, existing) });
}

/** The manifest in `dir`, or undefined when there is none or it is not policyc's. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const value = JSON.parse(ownFileText(path.join(dir, MANIFEST_NAME))) as Partial<Manifest> | null;
    if (
      value?.generator !== GENERATOR ||
      !Array.isArray(value.files) ||
      !value.files.every((f) => typeof f === 'string')
    )
      return undefined;
    return value as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Flags that open a file for reading without following a symbolic link and
 * without waiting on a named pipe (which then reads as empty); each is 0
 * where the system lacks it.
 */
export const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The text of `file`, which must be a file: a symbolic link (whatever it
 * points to) throws, and so does a folder; a named pipe reads as empty. A
 * build reads the manifest of every organisation it leaves as it is: in one
 * call, where a look at the file's type (lstat) before reading it cost half as
 * much again. Where the system cannot open without following a link, the
 * type is looked at first.
 */
function ownFileText(file: string): string {
  if (constants.O_NOFOLLOW === undefined && !lstatSync(file).isFile()) throw new Error(`not a file: ${file}`);
  // Node takes numeric flags here as open() does (its types name only strings).
  return readFileSync(file, { encoding: 'utf8', flag: READ_NO_FOLLOW as unknown as string });
}

/** A file's content hash as the manifest records it: SHA-256, in lower-case hex. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** The content hash of the file at `file` as it is now (not through a link); undefined when it cannot be read. */
export function currentHash(file: string): string | undefined {
  try {
    return contentHash(readFileSync(file, { flag: READ_NO_FOLLOW as unknown as string }));
  } catch {
    return undefined;
  }
}

/**
 * The files `listed` whose content is no longer what policyc wrote: the hash
 * the manifest records differs from the file's (or it cannot be read). A file
 * without a recorded hash, or gone, is not among them.
 */
export function changedFiles(dir: string, listed: readonly string[], manifest: Manifest): string[] {
  const recorded = manifest.sha256 ?? {};
  return listed.filter((file) => {
    const hash = recorded[file];
    return typeof hash === 'string' && lexists(path.join(dir, file)) && currentHash(path.join(dir, file)) !== hash;
  });
}

/**
 * The files `listed` that were edited since policyc wrote them, found without
 * reading every file: policyc writes a folder's manifest after its files, so a
 * file older than the manifest is as written; only one as new or newer (or one
 * whose time the manifest's cannot be compared with) is read, and counts when
 * its hash differs from the recorded one. An edit that also set the file's
 * time back is not seen. A file without a recorded hash, or gone, is not among them.
 */
export function editedFiles(dir: string, listed: readonly string[], manifest: Manifest): string[] {
  const written = manifestTime(dir);
  return changedFiles(
    dir,
    listed.filter((file) => (lstatSync(path.join(dir, file), { throwIfNoEntry: false })?.mtimeMs ?? -1) >= written),
    manifest,
  );
}

/**
 * When the manifest in `dir` was written: every file policyc wrote with it is older. -Infinity when that cannot
 * be read, so that every file counts as possibly edited.
 */
export function manifestTime(dir: string): number {
  return lstatSync(path.join(dir, MANIFEST_NAME), { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
}

/** True when the manifest records a hash for every file it lists: policyc can tell which of them were changed. */
export function hasAllHashes(manifest: Manifest): boolean {
  const recorded = manifest.sha256;
  return (
    typeof recorded === 'object' && recorded !== null && manifest.files.every((f) => typeof recorded[f] === 'string')
  );
}

/**
 * The manifest as JSON in ASCII: every other character as a \u escape. A
 * build reads the manifest of every organisation it leaves as it is, and a few
 * accented letters (in the stored diagnostics) made decoding it ten times as
 * slow. Not indented: a fifth fewer bytes to read and decode.
 */
export function manifestText(files: readonly string[], extra: Record<string, unknown> = {}): string {
  const { sha256, ...fields } = extra as { sha256?: Record<string, string> };
  const listed = [...files].filter((f) => f !== MANIFEST_NAME).sort();
  const manifest: Manifest = { ...fields, generator: GENERATOR, files: listed };
  // Last, in the order of `files` (deterministic), and only for files listed.
  const hashes = listed.filter((f) => typeof sha256?.[f] === 'string').map((f) => [f, sha256![f]!] as const);
  if (sha256 !== undefined) manifest.sha256 = Object.fromEntries(hashes);
  return asciiEscaped(JSON.stringify(manifest)) + '\n';
}

/**
 * Every file under `dir` as '/'-separated relative paths, without following
 * symbolic links: a link anywhere is refused (writing or deleting through it
 * would reach outside the output folder).
 */
export function filesUnder(dir: string, shown: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) throw new OutputRefusal('symlink', { path: path.join(shown, entry.name) });
    if (entry.isDirectory()) return filesUnder(full, path.join(shown, entry.name)).map((f) => `${entry.name}/${f}`);
    return [entry.name];
  });
}

/**
 * The manifest of an existing organisation folder, after checking that
 * policyc may change it: a real folder (not a link), with our manifest, and
 * no file the manifest does not list among `replaced` (every file, when the
 * whole folder is replaced). Undefined when the folder does not exist.
 */
export function ownedFolder(
  live: string,
  shown: string,
  replaced: (file: string) => boolean = () => true,
): Manifest | undefined {
  let stat;
  try {
    stat = lstatSync(live);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) throw new OutputRefusal('symlink', { path: shown });
  if (!stat.isDirectory()) throw new OutputRefusal('notAFolder', { path: shown });
  const manifest = readManifest(live);
  if (!manifest) throw new OutputRefusal('notOurs', { path: shown });
  const listed = new Set(manifest.files);
  const foreign = filesUnder(live, shown).filter((f) => f !== MANIFEST_NAME && !listed.has(f) && replaced(f));
  if (foreign.length) throw new OutputRefusal('foreignFiles', { path: shown, files: foreign.slice(0, 5) });
  return manifest;
}

/**
 * Refuses an output folder that is empty (`--out=`, an unset CI variable),
 * the working folder or one above it, the home folder, a project root (package.json or .git), .git or
 * node_modules or a folder inside one,
 * one that holds the policies (a policy's folder or any folder above one), or
 * one inside a folder the build reads policies from (policies/out). The real places (every symbolic link followed,
 * in --out, the policies or the working folder) are looked at too: a link to the folder above the working folder,
 * or into policies/, is refused as that folder is, and a refusal names both (`leadsTo`). `--out /tmp` is none of
 * these, so it is allowed.
 */
export function checkOutputFolder(
  out: string,
  cwd: string,
  policyFiles: readonly string[],
  policyRoots: readonly string[] = [],
): void {
  if (out.trim() === '') throw new OutputRefusal('outEmpty', {});
  const outDir = path.resolve(cwd, out);
  const shown = shownPath(cwd, outDir, out);
  checkPlace({ outDir, cwd, home: homedir(), policyFiles, policyRoots }, { out: shown });
  // Always, not only when --out has a link in it: the policies or the working folder may be the link.
  const real = realPlace(outDir);
  const places = { outDir: real, cwd: realPlace(cwd), home: realPlace(homedir()) };
  const reals = { policyFiles: policyFiles.map(realPlace), policyRoots: policyRoots.map(realPlace) };
  const leadsTo = real === outDir ? {} : { leadsTo: shownPath(places.cwd, real) };
  checkPlace({ ...places, ...reals }, { out: shown, ...leadsTo });
}

/** The paths checkOutputFolder compares, all absolute: as given, or with every symbolic link followed. */
interface Places {
  outDir: string;
  cwd: string;
  home: string;
  policyFiles: readonly string[];
  policyRoots: readonly string[];
}

/** checkOutputFolder's refusals for one set of `places`, each with `params` (how --out is shown). */
function checkPlace(places: Places, params: { out: string; leadsTo?: string }): void {
  const { outDir, cwd, home, policyFiles, policyRoots } = places;
  if (isWithin(cwd, outDir) || outDir === home) throw new OutputRefusal('outProjectRoot', params);
  if (existsSync(path.join(outDir, 'package.json')) || existsSync(path.join(outDir, '.git')))
    throw new OutputRefusal('outProjectRoot', params);
  const tool = toolFolder(cwd, outDir);
  if (tool !== undefined) throw new OutputRefusal('outToolFolder', { ...params, folder: shownPath(cwd, tool) });
  for (const file of policyFiles) {
    if (file === outDir) throw new OutputRefusal('outIsPolicy', params);
    if (isWithin(file, outDir)) {
      throw new OutputRefusal('outHoldsPolicies', { ...params, policy: shownPath(cwd, file) });
    }
  }
  const folder = readFolders(cwd, policyFiles, policyRoots).find((f) => isWithin(outDir, f));
  if (folder !== undefined) throw new OutputRefusal('outInPolicies', { ...params, folder: shownPath(cwd, folder) });
}

/** git's and npm's own folders, never an output folder: npm ci deletes what it did not install there. */
const TOOL_FOLDERS: readonly string[] = ['.git', 'node_modules'];

/**
 * The first of TOOL_FOLDERS on the way from `cwd` to `outDir` (absolute), if any: a working folder that itself lies
 * inside node_modules may still build into its own dist.
 */
function toolFolder(cwd: string, outDir: string): string | undefined {
  const parts = path.relative(cwd, outDir).split(path.sep);
  const at = parts.findIndex((part) => TOOL_FOLDERS.includes(part.toLowerCase()));
  return at < 0 ? undefined : path.resolve(cwd, ...parts.slice(0, at + 1));
}

/**
 * The folders a build reads for their sub-folders' policies (policies/, or those named or configured): output
 * inside one would sit among the policies. A policy's own folder is not one (privacy/policy.json beside
 * privacy/dist), nor is the working folder or one above it (`policyc build .`): outProjectRoot already
 * refuses --out at or above the working folder.
 */
function readFolders(cwd: string, policyFiles: readonly string[], policyRoots: readonly string[]): string[] {
  const own = new Set(policyFiles.map((file) => path.dirname(file)));
  return policyRoots.filter((root) => isDirectory(root) && !own.has(root) && !isWithin(cwd, root));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
