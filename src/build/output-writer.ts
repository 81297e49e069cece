import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { OutputFile } from './compile-policy.js';

/**
 * Writes a build into `outDir` so that a failed build leaves the previous
 * output untouched. Files go to a staging folder inside outDir as they are
 * produced (memory stays flat however many policies there are); commit()
 * then swaps each organisation's folder into place with renames, and
 * abort() removes the staging folder. Nothing is written outside outDir.
 *
 * A partial build (e.g. `policyc register`, which makes only some outputs)
 * passes `merge`: each staged file then replaces its namesake in the
 * organisation's folder; of the files already there, those `merge.owns`
 * (paths relative to the organisation's folder) but this build did not make
 * are removed, and all others stay.
 */
export class OutputWriter {
  readonly outDir: string;
  private readonly staging: string;
  private readonly merge: MergeOptions | undefined;
  private readonly organisations = new Set<string>();
  private finished = false;
  private readonly outDirExisted: boolean;

  constructor(outDir: string, options: { merge?: MergeOptions } = {}) {
    this.merge = options.merge;
    this.outDir = path.resolve(outDir);
    this.outDirExisted = existsSync(this.outDir);
    this.staging = path.join(this.outDir, `.policyc-staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** Stages one policy's files; each path must be '<org>/…' inside outDir. */
  stage(files: readonly OutputFile[]): void {
    if (this.finished) throw new Error('OutputWriter: stage() after commit() or abort()');
    for (const file of files) {
      const target = path.resolve(this.staging, file.path);
      const organisation = file.path.split('/')[0] ?? '';
      if (!target.startsWith(this.staging + path.sep) || !/^[a-z0-9][a-z0-9-]*$/.test(organisation)) {
        throw new Error(`refusing to write outside the output folder: ${file.path}`);
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
      this.organisations.add(organisation);
    }
  }

  /** Replaces each staged organisation's folder in outDir; other folders are left as they were. */
  commit(): string[] {
    this.finished = true;
    const retired = path.join(this.staging, '.retired');
    const committed = [...this.organisations].sort();
    for (const organisation of committed) {
      const live = path.join(this.outDir, organisation);
      if (this.merge) {
        const staged = path.join(this.staging, organisation);
        const made = new Set(filesUnder(staged));
        for (const file of existsSync(live) ? filesUnder(live) : []) {
          if (this.merge.owns(file) && !made.has(file)) rmSync(path.join(live, file));
        }
        moveFiles(staged, live);
        continue;
      }
      if (existsSync(live)) {
        mkdirSync(retired, { recursive: true });
        renameSync(live, path.join(retired, organisation));
      }
      renameSync(path.join(this.staging, organisation), live);
    }
    rmSync(this.staging, { recursive: true, force: true });
    return committed;
  }

  /** Removes everything staged; an output folder this writer created is removed too. */
  abort(): void {
    this.finished = true;
    rmSync(this.staging, { recursive: true, force: true });
    if (!this.outDirExisted && existsSync(this.outDir) && readdirSync(this.outDir).length === 0) rmdirSync(this.outDir);
  }
}

export interface MergeOptions {
  /** True for a file (relative to an organisation's folder, '/'-separated) that the partial build is responsible for. */
  owns(file: string): boolean;
}

/** Every file under `dir`, as '/'-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name]);
}

/** Moves every file under `from` to the same place under `to`, replacing files of the same name. */
function moveFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) moveFiles(source, target);
    else renameSync(source, target);
  }
}
