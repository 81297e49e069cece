import {
  accessSync,
  constants,
  existsSync,
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
  filesUnder,
  isWithin,
  MANIFEST_NAME,
  manifestText,
  OutputRefusal,
  ownedFolder,
  readManifest,
  writeRefusal,
  type Manifest,
} from './output-ownership.js';
import { stageFiles } from './stage-files.js';
import { lexists } from '../lexists.js';

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
  private readonly organisations = new Set<string>();
  /** Folders made in the staging folder so far: each is made once, not once per file written into it. */
  private readonly folders = new Set<string>();
  /** The first folder this writer made on the way to outDir (outDir or a parent), if any: abort removes them again. */
  private createdFrom: string | undefined;
  private release: (() => void) | undefined;
  private finished = false;

  constructor(outDir: string, options: { merge?: MergeOptions; shownAs?: string } = {}) {
    this.merge = options.merge;
    this.outDir = path.resolve(outDir);
    this.shown = options.shownAs ?? this.outDir;
    if (existsSync(this.outDir) && !statSync(this.outDir).isDirectory()) {
      throw new OutputRefusal('notAFolder', { path: this.shown });
    }
    this.staging = path.join(this.outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      this.createdFrom = mkdirSync(this.outDir, { recursive: true });
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
    this.staged(stageFiles(this.staging, files, this.folders), manifest);
  }

  /**
   * Takes into the build the organisations that stageFiles wrote into the
   * staging folder (here or on a worker thread) for one policy: commit()
   * replaces their folders. `manifest` as for stage().
   */
  staged(organisations: readonly string[], manifest?: Record<string, unknown>): void {
    if (this.finished) throw new Error('OutputWriter: staged() after commit() or abort()');
    for (const organisation of organisations) {
      this.organisations.add(organisation);
      // Kept on disk until commit, like the files: a build holds no policy's manifest (its diagnostics) in memory.
      if (!manifest) continue;
      this.makeFolder(path.join(this.staging, EXTRAS));
      writeFileSync(this.extrasFile(organisation), JSON.stringify(manifest));
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
   * folder to replace is not policyc's; on a failure while renaming, puts
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
      const owned = new Map(
        committed.map(
          (org) => [org, ownedFolder(path.join(this.outDir, org), path.join(this.shown, org), replaced(org))] as const,
        ),
      );
      this.checkWritable(committed, owned);
      if (this.merge) for (const org of committed) this.mergeInto(org, owned.get(org), this.merge);
      else this.replaceAll(committed, owned);
      const orphans =
        prune && !this.merge
          ? this.removeOrphans(prune, new Set<string | undefined>([...committed, ...prune.read.values()]))
          : undefined;
      return { organisations: committed, removed: orphans?.removed ?? [], kept: orphans?.kept ?? [] };
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
   * another id; no skipped folder was reported for it; and ownedFolder accepts
   * the folder (no file it does not list, no link). Any other folder with an
   * id's name and policyc's manifest is kept (`kept`, for a warning saying
   * why); a folder without policyc's manifest, or another name, is not mentioned.
   */
  private removeOrphans(
    prune: PruneOptions,
    keep: ReadonlySet<string | undefined>,
  ): Omit<CommitResult, 'organisations'> {
    const removed: string[] = [];
    const kept: KeptOrphan[] = [];
    for (const entry of readdirSync(this.outDir, { withFileTypes: true })) {
      const org = entry.name;
      if (!entry.isDirectory() || org.startsWith('.') || keep.has(org) || !ORGANISATION_ID.test(org)) continue;
      const live = path.join(this.outDir, org);
      const manifest = readManifest(live);
      if (!manifest || (manifest.id !== undefined && manifest.id !== org)) continue;
      const reason = this.orphanVerdict(org, manifest, prune) ?? this.ownershipRefusal(live, org);
      if (reason) {
        kept.push({ organisation: org, ...reason });
        continue;
      }
      renameSync(live, path.join(this.staging, RETIRED, org));
      removed.push(org);
    }
    return { removed, kept };
  }

  /** Why the folder `org`, whose manifest has policyc's generator, must stay; undefined when its policy is really gone. */
  private orphanVerdict(org: string, manifest: Manifest, prune: PruneOptions): OrphanReason | undefined {
    const source = typeof manifest.source === 'string' ? manifest.source : undefined;
    if (manifest.id === undefined || source === undefined || path.isAbsolute(source) || source.includes('\\'))
      return { key: 'oldManifest', params: {} };
    const file = path.resolve(this.outDir, source);
    const params = { source: path.join(this.shown, source) };
    if (!prune.roots.some((root) => isWithin(file, root))) return { key: 'notRead', params };
    const skipped = prune.skipped.find((folder) => isWithin(file, folder) || path.basename(folder) === org);
    if (skipped !== undefined) return { key: 'skipped', params: { ...params, skipped: prune.show(skipped) } };
    // Read by this build under another id (its id was changed): gone under this one.
    if (prune.read.has(file)) return prune.read.get(file) === undefined ? { key: 'sourcePresent', params } : undefined;
    return lexists(file) ? { key: 'sourcePresent', params } : undefined;
  }

  /** The refusal ownedFolder gives for the folder `org` (files policyc did not write, a link), or undefined. */
  private ownershipRefusal(live: string, org: string): OrphanReason | undefined {
    try {
      ownedFolder(live, path.join(this.shown, org));
      return undefined;
    } catch (error) {
      if (!(error instanceof OutputRefusal)) throw error;
      return { key: error.key, params: error.params };
    }
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

  /** Fails before anything moves when a folder cannot be changed (renaming a folder needs write access to it). */
  private checkWritable(committed: readonly string[], owned: ReadonlyMap<string, Manifest | undefined>): void {
    const check = (dir: string): void => {
      try {
        accessSync(dir, constants.W_OK);
      } catch {
        throw new OutputRefusal('notWritable', { path: path.join(this.shown, path.relative(this.outDir, dir)) });
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
      writeFileSync(
        path.join(staged, MANIFEST_NAME),
        manifestText(filesUnder(staged, org), { ...this.extras(org), id: org }),
      );
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
  private mergeInto(org: string, manifest: Manifest | undefined, merge: MergeOptions): void {
    const staged = path.join(this.staging, org);
    const live = path.join(this.outDir, org);
    const made = filesUnder(staged, org);
    const madeSet = new Set(made);
    const old = manifest?.files ?? [];
    const stale = old.filter((file) => merge.owns(file) && !madeSet.has(file));
    // A partial build changes some files: the folder no longer matches a full build's cache key.
    const { generator: _g, files: _f, cacheKey: _k, ...oldExtras } = manifest ?? { generator: 'policyc', files: [] };
    const extras = { ...oldExtras, ...this.extras(org), id: org };
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
  /** The build's inputs (absolute): the policies folder, or the files and folders named in the config. */
  roots: readonly string[];
  /** Folders the build skipped with a warning (absolute). */
  skipped: readonly string[];
  /** A path as the build's messages show it. */
  show(file: string): string;
}

/**
 * Why a folder of a policy that seems gone was kept: an OutputRefusal's key
 * and params, or oldManifest (no id or source recorded), notRead (made from a
 * file outside this build's inputs), skipped (from a folder this build
 * skipped), sourcePresent (its policy file is there, unread).
 */
interface OrphanReason {
  key: string;
  params: Record<string, string>;
}

/** An organisation folder of a policy that seems gone, kept: why. */
export interface KeptOrphan extends OrphanReason {
  organisation: string;
}

/** An organisation's id, as the schema allows it: no other folder name is one policyc made. */
const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]*$/;

/** What commit() changed: the organisations replaced, and (pruning) those removed and kept. */
export interface CommitResult {
  organisations: string[];
  removed: string[];
  kept: KeptOrphan[];
}

export interface MergeOptions {
  /** True for a file (relative to an organisation's folder, '/'-separated) that the partial build is responsible for. */
  owns(file: string): boolean;
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
