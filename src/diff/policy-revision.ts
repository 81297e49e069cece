import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { workingTree, type SourceReader } from '../load/extends.js';
import { isWithin, posixPath } from '../paths.js';

/** Where one side of a diff comes from: a file on disk, or a file in a git revision. */
export type PolicySideSource = { kind: 'file'; file: string } | { kind: 'revision'; revision: string; file: string };

/** Why a side could not be read; the CLI turns it into a usage error (exit 2). */
export type RevisionProblem =
  | { problem: 'notInRepository'; path: string }
  | { problem: 'gitMissing'; path: string }
  | { problem: 'unknownRevision'; revision: string }
  | { problem: 'notInRevision'; path: string; revision: string };

const isFile = (file: string): boolean => existsSync(file) && statSync(file).isFile();

/**
 * Reads a side given as `file`, `rev:path` (path as git reads it), or (old side only) a bare
 * revision meaning 'that revision of the new side's file'. A path that
 * exists on disk always means the file, even if it contains a colon.
 */
export function parseSide(arg: string, cwd: string, newSideFile?: string): PolicySideSource | undefined {
  const asFile = path.resolve(cwd, arg);
  if (isFile(asFile) || (existsSync(asFile) && isFile(path.join(asFile, 'policy.json')))) {
    return { kind: 'file', file: isFile(asFile) ? asFile : path.join(asFile, 'policy.json') };
  }
  const colon = arg.indexOf(':');
  if (colon > 0) return { kind: 'revision', revision: arg.slice(0, colon), file: gitPath(arg.slice(colon + 1), cwd) };
  if (newSideFile !== undefined) return { kind: 'revision', revision: arg, file: newSideFile };
  return undefined;
}

/**
 * The file a `rev:path` names, as git reads it: relative to the repository
 * root, unless it starts with ./ or ../ (relative to the working directory).
 */
function gitPath(relative: string, cwd: string): string {
  if (relative.startsWith('./') || relative.startsWith('../') || path.isAbsolute(relative))
    return path.resolve(cwd, relative);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  return top.status === 0 ? path.join(top.stdout.trim(), relative) : path.resolve(cwd, relative);
}

/** Runs git; `missing` when it could not be started at all (not installed, not on PATH). */
export function git(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string; missing: boolean } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return {
    status: result.error ? null : result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    missing,
  };
}

/** The nearest existing folder at or above `file`, for running git in. */
export function existingFolder(file: string): string {
  let dir = path.dirname(file);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * The text of `file` as it was in `revision`, through `git show` in the
 * repository that holds the file (`git rev-parse --show-toplevel`), with a
 * reader for the bases it extends as they were in that revision.
 */
export function readRevision(revision: string, file: string): { text: string; reader: SourceReader } | RevisionProblem {
  const found = commitOf(revision, existingFolder(file), file);
  if ('problem' in found) return found;
  const reader = revisionReader(found.root, found.commit);
  const text = reader.show(file);
  if (text === undefined) return { problem: 'notInRevision', path: file, revision };
  return { text, reader };
}

/** The repository that holds `folder` and the commit `revision` names in it, or why there is none (`shown`: the path to name). */
function commitOf(
  revision: string,
  folder: string,
  shown: string,
): { root: string; commit: string } | Exclude<RevisionProblem, { problem: 'notInRevision' }> {
  const top = git(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return { problem: 'gitMissing', path: shown };
  if (top.status !== 0) return { problem: 'notInRepository', path: shown };
  const root = top.stdout.trim();
  const verified = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], root);
  if (verified.status !== 0) return { problem: 'unknownRevision', revision };
  return { root, commit: verified.stdout.trim() };
}

/** A file's path inside the repository: relative to its root (which git gives with symlinks resolved), with '/'. */
function pathInRepository(root: string, file: string): string | undefined {
  const folder = existingFolder(file);
  const real = path.join(realpathSync(folder), path.relative(folder, file));
  return isWithin(real, root) ? posixPath(path.relative(root, real)) : undefined;
}

/**
 * Files as they were in one commit; a file outside the repository is read
 * from disk (the revision cannot hold it). Each file is asked of git once.
 */
export function revisionReader(
  root: string,
  commit: string,
): SourceReader & { show(file: string): string | undefined } {
  const shown = new Map<string, string | undefined>();
  const show = (file: string): string | undefined => {
    const inRepo = pathInRepository(root, file);
    if (inRepo === undefined) return undefined;
    if (!shown.has(inRepo)) {
      const result = git(['show', `${commit}:${inRepo}`], root);
      shown.set(inRepo, result.status === 0 ? result.stdout : undefined);
    }
    return shown.get(inRepo);
  };
  const inRepository = (file: string): boolean => pathInRepository(root, file) !== undefined;
  return {
    show,
    exists: (file) => (inRepository(file) ? show(file) !== undefined : workingTree.exists(file)),
    read: (file) => (inRepository(file) ? { text: show(file) ?? '' } : workingTree.read(file)),
  };
}

/**
 * What a folder held in `revision`: whether it was a folder there, and its policy files as absolute paths
 * (`<folder>/policy.json`, else each `<folder>/<sub>/policy.json`, as findPolicies reads a folder); or why git
 * cannot tell.
 */
export function folderInRevision(
  revision: string,
  folder: string,
): { existed: boolean; policies: string[] } | Exclude<RevisionProblem, { problem: 'notInRevision' }> {
  const found = commitOf(revision, existingFolder(path.join(folder, 'x')), folder);
  if ('problem' in found) return found;
  const { root, commit } = found;
  const inRepo = posixPath(path.relative(root, realpathSync(folder)));
  const existed = !inRepo || git(['cat-file', '-t', `${commit}:${inRepo}`], root).stdout.trim() === 'tree';
  const listed = git(['ls-tree', '-r', '--name-only', commit, '--', inRepo || '.'], root);
  const files = listed.stdout.split('\n');
  // A folder holding policy.json is that one policy; any other contributes each <sub-folder>/policy.json.
  const own = inRepo ? `${inRepo}/policy.json` : 'policy.json';
  const depth = own.split('/').length + 1;
  const policies = files.includes(own)
    ? [own]
    : files.filter((f) => f.endsWith('/policy.json') && f.split('/').length === depth);
  return { existed, policies: policies.map((f) => path.join(folder, path.relative(inRepo, f))) };
}
