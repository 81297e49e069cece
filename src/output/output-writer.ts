import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isWithin, shownFrom } from '../paths.js';
import type { OutputFile } from './output-file.js';
import {
  acquireLock,
  ownStamp,
  removeLeftovers,
  removeStaging,
  RETIRED,
  STAGING_MARKER,
  STAGING_PREFIX,
} from './output-lock.js';

/** Inside a staging folder: each staged organisation's manifest fields, as `<org>.json`. */
const EXTRAS = '.manifest-fields';
import {
  changedFiles,
  currentHash,
  editedFiles,
  everyRefusal,
  filesUnder,
  hasAllHashes,
  MANIFEST_NAME,
  manifestText,
  OutputRefusal,
  ownedFolder,
  readManifest,
  writeRefusal,
  type Manifest,
  type RefusalParams,
} from './output-ownership.js';
import { makeOutFolder } from './make-out-folder.js';
import { stageFiles } from './stage-files.js';
import { lexists } from '../lexists.js';
import { ORGANISATION_ID } from './out-layout.js';

/**
 * Writes a build into `outDir` so that a failed or interrupted build leaves
 * the previous output untouched. The constructor takes the output folder's
 * lock (one build at a time) and removes what killed builds left behind.
 * Files go to a staging folder inside outDir as they are produced (memory
 * stays flat however many policies there are); commit() then swaps each
 * organisation's folder into place with renames, and abort() removes the
 * staging folder. Nothing is written outside outDir, nothing through a
 * symbolic link, and only folders carrying policyc's manifest (see
 * output-ownership.ts) are replaced: anything else makes commit() refuse
 * before it changes a thing.
 *
 * A partial build (e.g. `policyc register`, which makes only some outputs)
 * passes `merge`: each staged file then replaces its namesake in the
 * organisation's folder; of the files the manifest lists, those `merge.owns`
 * (paths relative to the organisation's folder) but this build did not make
 * are removed, and all others stay.
 */
export class OutputWriter {
  readonly outDir: string;
  private readonly shown: string;
  private readonly staging: string;
  private readonly merge: MergeOptions | undefined;
  /** --force: overwrite files edited since policyc wrote them (else commit() refuses to). */
  private readonly overwriteEdited: boolean;
  private readonly organisations = new Set<string>();
  /** Folders made in the staging folder so far: each is made once, not once per file written into it. */
  private readonly folders = new Set<string>();
  /** The first folder this writer made on the way to outDir (outDir or a parent), if any: abort removes them again. */
  private createdFrom: string | undefined;
  private release: (() => void) | undefined;
  private finished = false;

  constructor(outDir: string, options: { merge?: MergeOptions; shownAs?: string; overwriteEdited?: boolean } = {}) {
    this.merge = options.merge;
    this.overwriteEdited = options.overwriteEdited === true;
    this.outDir = path.resolve(outDir);
    this.shown = options.shownAs ?? this.outDir;
    if (existsSync(this.outDir) && !statSync(this.outDir).isDirectory()) {
      throw new OutputRefusal('notAFolder', { path: this.shown });
    }
    this.staging = path.join(this.outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      this.createdFrom = makeOutFolder(this.outDir, this.shown);
      this.release = acquireLock(this.outDir, this.shown);
      removeLeftovers(this.outDir);
      mkdirSync(this.staging);
      writeFileSync(path.join(this.staging, STAGING_MARKER), ownStamp());
    } catch (error) {
      this.abort();
      // A folder policyc may not write (permissions, read-only, full, a file in the way): a refusal, before anything moved.
      throw writeRefusal(error, this.outDir, this.shown) ?? error;
    }
  }

  /**
   * The organisation folders among `organisations` that commit() would refuse to replace, found before anything is
   * compiled (each with its refusal; see mayChange): the files the build no longer makes are those `dropped` (in a
   * language it no longer writes), which it would remove; it makes every other again. commit() looks again, at what
   * was staged.
   */
  refusedFolders(
    organisations: readonly string[],
    dropped: (file: string) => boolean = () => false,
  ): Map<string, OutputRefusal> {
    const refused = new Map<string, OutputRefusal>();
    for (const org of organisations) {
      try {
        this.mayChange(org, ({ files }) => ({
          removed: files.filter(dropped),
          remade: files.filter((file) => !dropped(file)),
        }));
      } catch (error) {
        if (!(error instanceof OutputRefusal)) throw error;
        refused.set(org, error);
      }
    }
    return refused;
  }

  /**
   * `org`'s manifest (undefined: it has no folder yet) when policyc may change its folder; else throws the
   * OutputRefusal that says why. The folder must be policyc's (ownedFolder; `replaced`: a partial build's files);
   * of the files its manifest lists (`plan` tells them apart), none the build would remove may have changed since
   * policyc wrote it (policyc never deletes what it did not create), and none it makes again may have been edited
   * (the edit would be lost without a word; --force overwrites it). The one check of both refusedFolders and commit.
   */
  private mayChange(
    org: string,
    plan: (manifest: Manifest) => { removed: string[]; remade: string[] },
    replaced?: (file: string) => boolean,
  ): Manifest | undefined {
    const live = path.join(this.outDir, org);
    const shown = path.join(this.shown, org);
    const manifest = ownedFolder(live, shown, replaced);
    if (!manifest) return undefined;
    const { removed, remade } = plan(manifest);
    const changed = changedFiles(live, removed, manifest);
    if (changed.length) throw new OutputRefusal('changedFiles', { path: shown, files: changed });
    const edited = this.overwriteEdited ? [] : editedFiles(live, remade, manifest);
    if (edited.length) throw new OutputRefusal('editedFiles', { path: shown, files: edited });
    return manifest;
  }

  /** The staging folder, for stageFiles on another thread (see staged()). */
  get stagingFolder(): string {
    return this.staging;
  }

  /**
   * Stages one policy's files; each path must be '<org>/…' inside outDir.
   * `manifest` adds fields to the organisation's manifest (e.g. a cache key).
   */
  stage(files: readonly OutputFile[], manifest?: Record<string, unknown>): void {
    if (this.finished) throw new Error('OutputWriter: stage() after commit() or abort()');
    const { organisations, sha256 } = stageFiles(this.staging, files, this.folders);
    this.staged(organisations, manifest, sha256);
  }

  /**
   * Takes into the build the organisations that stageFiles wrote into the
   * staging folder (here or on a worker thread) for one policy: commit()
   * replaces their folders. `manifest` as for stage(); `sha256`: the files'
   * hashes as stageFiles gives them (the manifest records them).
   */
  staged(organisations: readonly string[], manifest?: Record<string, unknown>, sha256?: Record<string, string>): void {
    if (this.finished) throw new Error('OutputWriter: staged() after commit() or abort()');
    for (const organisation of organisations) {
      this.organisations.add(organisation);
      // Kept on disk until commit, like the files: a build holds no policy's manifest (its diagnostics) in memory.
      if (!manifest && !sha256) continue;
      this.makeFolder(path.join(this.staging, EXTRAS));
      const hashes = sha256 ? { sha256: hashesOf(organisation, sha256) } : {};
      writeFileSync(this.extrasFile(organisation), JSON.stringify({ ...manifest, ...hashes }));
    }
  }

  /** A folder inside the staging folder, made on its first file (the staging folder is this writer's alone). */
  private makeFolder(folder: string): void {
    if (this.folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
  }

  /** Where stage() keeps an organisation's manifest fields (a name no organisation can have). */
  private extrasFile(organisation: string): string {
    return path.join(this.staging, EXTRAS, `${organisation}.json`);
  }

  private extras(organisation: string): Record<string, unknown> | undefined {
    const file = this.extrasFile(organisation);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
  }

  /**
   * Replaces each staged organisation's folder in outDir; other folders are
   * left as they were. Throws OutputRefusal, having changed nothing, when a
   * folder to replace is not policyc's, or holds a file edited since policyc
   * wrote it that the build would remove or (without --force) overwrite; on a
   * failure while renaming, puts
   * back the folders it had already replaced.
   */
  commit(prune?: PruneOptions): CommitResult {
    if (this.finished) throw new Error('OutputWriter: commit() after commit() or abort()');
    this.finished = true;
    const committed = [...this.organisations].sort();
    try {
      // A partial build leaves files it did not make alone: only those it would overwrite must be policyc's.
      const replaced = (org: string) =>
        this.merge ? (file: string) => existsSync(path.join(this.staging, org, file)) : undefined;
      // Every folder is looked at before one refusal is reported: a run names all that policyc may not change.
      const owned = new Map(
        everyRefusal(committed, (org) => {
          const manifest = this.mayChange(
            org,
            (manifest) => ({
              removed: this.staleFiles(org, manifest),
              remade: manifest.files.filter((file) => existsSync(path.join(this.staging, org, file))),
            }),
            replaced(org),
          );
          return [org, manifest] as const;
        }),
      );
      this.checkWritable(committed, owned);
      // What each folder loses (a language --lang no longer builds, an output no longer made): said by the build.
      const dropped = committed
        .map((org) => ({ organisation: org, files: this.staleFiles(org, owned.get(org)) }))
        .filter((d) => d.files.length > 0);
      if (this.merge) for (const org of committed) this.mergeInto(org, owned.get(org));
      else this.replaceAll(committed, owned);
      const orphans =
        prune && !this.merge
          ? this.removeOrphans(prune, new Set<string | undefined>([...committed, ...prune.read.values()]))
          : undefined;
      return { organisations: committed, removed: orphans?.removed ?? [], kept: orphans?.kept ?? [], dropped };
    } finally {
      this.cleanUp();
    }
  }

  /**
   * A whole build (every policy there is): the organisation folders policyc
   * made for a policy that is really gone are moved into the staging folder,
   * which cleanUp removes. A folder goes only when all of these hold (see
   * orphanVerdict): its manifest names the id it was made for and the folder
   * has that name (a copy or a renamed folder is never one); it names the
   * policy file it was made from, which lies within this build's inputs; that
   * file is gone (a dangling link counts as there) or this build read it with
   * another id; no skipped folder was reported for it; its manifest records
   * each file's hash; and it holds no link. Then its files as policyc wrote
   * them go, and with them the folder, unless it holds files changed since or
   * added: those stay, in the folder (retireOwnFiles; `kept` with `files`). Any
   * other folder with an id's name and policyc's manifest is kept whole (`kept`,
   * for a warning saying why); a folder without policyc's manifest, or another
   * name, is not mentioned.
   */
  private removeOrphans(
    prune: PruneOptions,
    keep: ReadonlySet<string | undefined>,
  ): Pick<CommitResult, 'removed' | 'kept'> {
    const removed: string[] = [];
    const kept: KeptOrphan[] = [];
    for (const entry of readdirSync(this.outDir, { withFileTypes: true })) {
      const org = entry.name;
      if (!entry.isDirectory() || org.startsWith('.') || keep.has(org) || !ORGANISATION_ID.test(org)) continue;
      const live = path.join(this.outDir, org);
      const manifest = readManifest(live);
      if (!manifest || (manifest.id !== undefined && manifest.id !== org)) continue;
      const reason = this.orphanVerdict(org, manifest, prune) ?? this.userFiles(live, org, manifest);
      if ('key' in reason) kept.push({ organisation: org, ...reason });
      else if (reason.changed.length + reason.added.length === 0) {
        renameSync(live, path.join(this.staging, RETIRED, org));
        removed.push(org);
      } else {
        this.retireOwnFiles(live, org, manifest, reason);
        kept.push({ organisation: org, key: 'userFiles', params: {}, files: reason });
      }
    }
    return { removed, kept };
  }

  /**
   * The files in the folder of a policy that is gone that are not policyc's as
   * it wrote them: listed but changed since (the manifest's hash differs), or
   * not listed (added). Why the whole folder must stay instead: a manifest
   * without a hash for each file (policyc cannot tell), or a symbolic link.
   */
  private userFiles(live: string, org: string, manifest: Manifest): OrphanReason | UserFiles {
    if (!hasAllHashes(manifest)) return { key: 'noHashes', params: {} };
    let present: string[];
    try {
      present = filesUnder(live, path.join(this.shown, org)).filter((f) => f !== MANIFEST_NAME);
    } catch (error) {
      if (!(error instanceof OutputRefusal)) throw error;
      return { key: error.key, params: error.params };
    }
    const listed = new Set(manifest.files);
    return {
      changed: changedFiles(live, manifest.files, manifest),
      added: present.filter((f) => !listed.has(f)),
    };
  }

  /**
   * Removes policyc's own unchanged files from the folder of a policy that is
   * gone, and the sub-folders that leaves empty, keeping the user's files; its
   * manifest goes last (a build killed on the way finds it and carries on), and
   * with it policyc's claim to the folder.
   */
  private retireOwnFiles(live: string, org: string, manifest: Manifest, user: UserFiles): void {
    const keep = new Set(user.changed);
    const retired = path.join(this.staging, RETIRED, org);
    for (const file of manifest.files) {
      if (keep.has(file) || !isFile(path.join(live, file))) continue;
      mkdirSync(path.dirname(path.join(retired, file)), { recursive: true });
      renameSync(path.join(live, file), path.join(retired, file));
    }
    const dirs = new Set(manifest.files.flatMap((file) => parentsOf(file)));
    for (const dir of [...dirs].sort().reverse()) {
      const full = path.join(live, dir);
      if (existsSync(full) && readdirSync(full).length === 0) rmdirSync(full);
    }
    mkdirSync(retired, { recursive: true });
    renameSync(path.join(live, MANIFEST_NAME), path.join(retired, MANIFEST_NAME));
  }

  /** Why the folder `org`, whose manifest has policyc's generator, must stay; undefined when its policy is really gone. */
  private orphanVerdict(org: string, manifest: Manifest, prune: PruneOptions): OrphanReason | undefined {
    const source = typeof manifest.source === 'string' ? manifest.source : undefined;
    if (manifest.id === undefined || source === undefined || path.isAbsolute(source) || source.includes('\\'))
      return { key: 'oldManifest', params: {} };
    const file = path.resolve(this.outDir, source);
    const params = { source: path.join(this.shown, source) };
    if (!prune.roots.some((root) => isWithin(file, root)))
      // Plainly another project's (sharing --out): its file is there, outside this working folder. Else (the
      // config no longer lists it, or the other project's file is gone) one warning per folder.
      return { key: !isWithin(file, prune.home) && lexists(file) ? 'otherProject' : 'notRead', params };
    const skipped = prune.skipped.find((folder) => isWithin(file, folder) || path.basename(folder) === org);
    if (skipped !== undefined) return { key: 'skipped', params: { ...params, skipped: prune.show(skipped) } };
    // A policy --keep-going skipped for its errors: its previous output stays as it was.
    if (prune.failed?.has(file)) return { key: 'failed', params };
    // Read by this build under another id (its id was changed): gone under this one.
    if (prune.read.has(file)) return prune.read.get(file) === undefined ? { key: 'sourcePresent', params } : undefined;
    return lexists(file) ? { key: 'sourcePresent', params } : undefined;
  }

  /**
   * Removes everything staged; the output folder and the parents of it this
   * writer created (`--out out1/sub`: out1 too) are removed too, while empty.
   */
  abort(): void {
    this.finished = true;
    // Without the lock nothing of this build's is in the folder (and it may not even be readable).
    if (this.release) this.cleanUp();
    if (this.createdFrom === undefined) return;
    for (let dir = this.outDir; isWithin(dir, this.createdFrom); dir = path.dirname(dir)) {
      if (!existsSync(dir) || readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    }
  }

  private cleanUp(): void {
    removeStaging(this.staging);
    this.release?.();
    this.release = undefined;
  }

  /**
   * The files of `org`'s folder that this build no longer makes: listed in its manifest and not staged (a partial
   * build: of those it is responsible for). They go with the old folder, or (merge) one by one.
   */
  private staleFiles(org: string, manifest: Manifest | undefined): string[] {
    const staged = path.join(this.staging, org);
    return (manifest?.files ?? []).filter(
      (file) => (!this.merge || this.merge.owns(file)) && !existsSync(path.join(staged, file)),
    );
  }

  /** Fails before anything moves when a folder cannot be changed (renaming a folder needs write access to it). */
  private checkWritable(committed: readonly string[], owned: ReadonlyMap<string, Manifest | undefined>): void {
    const check = (dir: string): void => {
      try {
        accessSync(dir, constants.W_OK);
      } catch {
        throw new OutputRefusal('notWritable', { path: shownFrom(this.shown, this.outDir, dir) });
      }
    };
    check(this.outDir);
    for (const org of committed) {
      if (!owned.get(org)) continue;
      const live = path.join(this.outDir, org);
      check(live);
      for (const file of owned.get(org)!.files)
        if (file.includes('/') && existsSync(path.join(live, path.dirname(file))))
          check(path.join(live, path.dirname(file)));
    }
  }

  /** Writes each manifest, then swaps the folders in; a failure puts back the previous folders. */
  private replaceAll(committed: readonly string[], owned: ReadonlyMap<string, Manifest | undefined>): void {
    const retired = path.join(this.staging, RETIRED);
    mkdirSync(retired);
    for (const org of committed) {
      const staged = path.join(this.staging, org);
      const files = filesUnder(staged, org);
      const extras = this.extras(org);
      const sha256 = withHashes(staged, files, extras?.sha256 as Record<string, string> | undefined);
      writeFileSync(path.join(staged, MANIFEST_NAME), manifestText(files, { ...extras, id: org, sha256 }));
    }
    const moved: string[] = [];
    try {
      for (const org of committed) {
        moved.push(org);
        if (owned.get(org)) renameSync(path.join(this.outDir, org), path.join(retired, org));
        renameSync(path.join(this.staging, org), path.join(this.outDir, org));
      }
    } catch (error) {
      this.putBack(moved, retired);
      throw error;
    }
  }

  private putBack(moved: readonly string[], retired: string): void {
    const aside = path.join(this.staging, '.failed');
    mkdirSync(aside, { recursive: true });
    for (const org of [...moved].reverse()) {
      const live = path.join(this.outDir, org);
      const old = path.join(retired, org);
      if (existsSync(old) && existsSync(live)) renameSync(live, path.join(aside, org));
      if (existsSync(old)) renameSync(old, live);
      else if (existsSync(live) && !existsSync(path.join(this.staging, org))) renameSync(live, path.join(aside, org));
    }
  }

  /** A partial build: the manifest first lists old and new files (so a kill leaves nothing unlisted), then files move in. */
  private mergeInto(org: string, manifest: Manifest | undefined): void {
    const staged = path.join(this.staging, org);
    const live = path.join(this.outDir, org);
    const made = filesUnder(staged, org);
    const old = manifest?.files ?? [];
    const stale = this.staleFiles(org, manifest);
    // A partial build changes some files: the folder no longer matches a full build's cache key.
    const { generator: _g, files: _f, cacheKey: _k, ...oldExtras } = manifest ?? { generator: 'policyc', files: [] };
    const fields = this.extras(org);
    // The old files' hashes as recorded (none from older versions), the new files' as written.
    const sha256 = { ...manifest?.sha256, ...withHashes(staged, made, fields?.sha256 as Record<string, string>) };
    const extras = { ...oldExtras, ...fields, id: org, sha256 };
    mkdirSync(live, { recursive: true });
    this.writeManifest(live, [...new Set([...old, ...made])], extras);
    for (const file of stale) rmSync(path.join(live, file), { force: true });
    moveFiles(staged, live);
    this.writeManifest(live, [...new Set([...old.filter((f) => !stale.includes(f)), ...made])], extras);
  }

  /** Writes a manifest by rename, so that it is never half written. */
  private writeManifest(dir: string, files: readonly string[], extras: Record<string, unknown>): void {
    const temp = path.join(this.staging, MANIFEST_NAME);
    writeFileSync(temp, manifestText(files, extras));
    renameSync(temp, path.join(dir, MANIFEST_NAME));
  }
}

/** commit() of a whole build: what it read, to tell a policy that is really gone from one it did not read. */
export interface PruneOptions {
  /** Each policy file the build read (absolute), with the id it has (undefined: none could be read). */
  read: ReadonlyMap<string, string | undefined>;
  /** The policy files (absolute) a --keep-going build skipped: the folders made from them are kept (key 'failed'). */
  failed?: ReadonlySet<string>;
  /** The build's inputs (absolute): the policies folder, or the files and folders named in the config. */
  roots: readonly string[];
  /** The working folder (absolute): a policy file outside it and outside `roots` is another project's. */
  home: string;
  /** Folders the build skipped with a warning (absolute). */
  skipped: readonly string[];
  /** A path as the build's messages show it. */
  show(file: string): string;
}

/**
 * Why a folder of a policy that seems gone was kept: an OutputRefusal's key
 * and params, or oldManifest (no id or source recorded), noHashes (no hash of
 * each file recorded), notRead (made from a file outside this build's
 * inputs), otherProject (from one outside the working folder too, that is
 * there: another project's), skipped (from a folder this build skipped), failed (from a policy --keep-going
 * skipped for its errors: its output stays as it was), sourcePresent (its
 * policy file is there, unread), userFiles (only the files not policyc's as it
 * wrote them were kept).
 */
interface OrphanReason {
  key: string;
  params: RefusalParams;
}

/** Files in the folder of a policy that is gone that policyc did not write as they are: kept, the rest removed. */
export interface UserFiles {
  /** Listed in the manifest, changed since policyc wrote them. */
  changed: string[];
  /** Not listed: added by someone else. */
  added: string[];
}

/**
 * An organisation folder of a policy that seems gone, kept: why. With `files`
 * (key userFiles) only those files were kept, and the folder is no longer policyc's.
 */
export interface KeptOrphan extends OrphanReason {
  organisation: string;
  files?: UserFiles;
}

/** Whether `file` is a file (not a link, not a folder). */
function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Each folder above `file` in its organisation's folder, nearest last: 'a/b/c.md' gives 'a' and 'a/b'. */
function parentsOf(file: string): string[] {
  const parts = file.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * What commit() changed: the organisations replaced, (pruning) those removed and kept, and the files of replaced
 * organisations that the build no longer makes and so removed (in a language --lang left out, …), by organisation.
 */
export interface CommitResult {
  organisations: string[];
  removed: string[];
  kept: KeptOrphan[];
  dropped: { organisation: string; files: string[] }[];
}

export interface MergeOptions {
  /** True for a file (relative to an organisation's folder, '/'-separated) that the partial build is responsible for. */
  owns(file: string): boolean;
}

/** The hashes of `org`'s files by their paths in its folder, from stageFiles' (by '<org>/…'). */
function hashesOf(org: string, sha256: Record<string, string>): Record<string, string> {
  const prefix = `${org}/`;
  return Object.fromEntries(
    Object.entries(sha256)
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, hash]) => [file.slice(prefix.length), hash]),
  );
}

/** The hash of each of `files` in `dir`: as stageFiles gave it, else of the file as written (read back). */
function withHashes(dir: string, files: readonly string[], known: Record<string, string> = {}): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    const hash = Object.hasOwn(known, file) ? known[file] : currentHash(path.join(dir, file));
    if (hash !== undefined) hashes[file] = hash;
  }
  return hashes;
}

/** Moves every file under `from` to the same place under `to`, replacing files of the same name (never through a link). */
function moveFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) moveFiles(source, target);
    else renameSync(source, target);
  }
}
