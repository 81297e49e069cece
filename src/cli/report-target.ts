import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isOwnEntryOf, writtenFolderOf } from '../output/out-layout.js';
import { POLICY_FILE } from '../pipeline/find-policies.js';
import { isWithin, realPlace, shownPath } from '../paths.js';
import { cli, relativeTo, UsageError, type CliIo } from './cli-support.js';

/** The fields every build result has (build-result.ts, BuildResult), with the type of each. */
const RESULT_FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  result: (value) => typeof value === 'string',
  exitCode: (value) => Number.isInteger(value),
  out: (value) => typeof value === 'string',
  built: Array.isArray,
  unchanged: Array.isArray,
  removed: Array.isArray,
  leftInPlace: Array.isArray,
  skipped: Array.isArray,
  refused: Array.isArray,
};

/** Whether `text` is a build result as policyc writes it: a JSON object with every field of one, each of its type. */
function isBuildResult(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return Object.entries(RESULT_FIELDS).every(([name, fits]) => fits(fields[name]));
}

/** What `file` is, or undefined when it cannot be looked at (it does not exist, a file stands in its path, …). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** What a build reads and writes, all absolute: the files it reads, its output folder, and its policies' folders. */
export interface BuildPlaces {
  inputs: readonly string[];
  outDir: string;
  roots: readonly string[];
}

/**
 * Whether a build looking in `roots` finds `target` as a policy (findPolicies): a policy.json in a root or in a
 * folder of one, as given or with every link followed. A report written there would be read as a policy.
 */
function isPolicyPlace(target: string, roots: readonly string[]): boolean {
  // In any letter case: on a case-insensitive disk (macOS, Windows) POLICY.json is the file a build reads.
  if (path.basename(target).toLowerCase() !== POLICY_FILE) return false;
  const real = realPlace(target);
  const folders = (file: string) => [path.dirname(file), path.dirname(path.dirname(file))];
  return roots.some((root) => {
    const realRoot = realPlace(root);
    return folders(target).includes(root) || folders(real).includes(realRoot);
  });
}

/**
 * The folder of the output folder `outDir` that policyc writes whole and `target` lies inside (writtenFolderOf),
 * shown; compared as given and with every link followed (`rep` leading to dist/p1). Undefined for an --out at or
 * above the working folder: refused on its own (checkOutputFolder), said there, not here.
 */
function writtenFolder(target: string, cwd: string, outDir: string): string | undefined {
  const realCwd = realPlace(cwd);
  const realOut = realPlace(outDir);
  if (isWithin(cwd, outDir) || isWithin(realCwd, realOut)) return undefined;
  const folder = writtenFolderOf(target, outDir);
  if (folder !== undefined) return shownPath(cwd, folder);
  const real = writtenFolderOf(realPlace(target), realOut);
  return real === undefined ? undefined : shownPath(realCwd, real);
}

/**
 * Refuses `--report <file>` before the build does anything (a usage error): a folder, a pipe, device or socket
 * (never read), a place inside a folder of
 * the output folder `outDir` that policyc writes whole (`<out>/<id>/…`: a file policyc did not write there would
 * stop the next build), a file this build reads (a
 * policy or the config file), a policy.json where a build finds policies, or one that exists and is not a build result policyc wrote (a base, package.json,
 * notes): the report would replace it. An earlier build result is replaced, as each build does.
 */
export function checkReportTarget(file: string, io: CliIo, build: BuildPlaces): void {
  const { inputs, outDir } = build;
  const target = path.resolve(io.cwd, file);
  const shown = relativeTo(io, target, file);
  const stat = statOf(target);
  if (stat?.isDirectory()) throw new UsageError(cli.t('cli:report.isFolder', { file: shown }));
  // A pipe, device or socket is never read: reading a FIFO nobody writes to would wait for good.
  if (stat && !stat.isFile()) throw new UsageError(cli.t('cli:report.notAFile', { file: shown }));
  const folder = writtenFolder(target, io.cwd, outDir);
  if (folder !== undefined)
    throw new UsageError(cli.t('cli:report.inOut', { file: shown, folder, out: relativeTo(io, outDir) }));
  if (isOwnEntryOf(target, outDir) || isOwnEntryOf(realPlace(target), realPlace(outDir)))
    throw new UsageError(cli.t('cli:report.ownName', { file: shown, out: relativeTo(io, outDir) }));
  const real = realPlace(target);
  if (stat && inputs.some((input) => realPlace(input) === real))
    throw new UsageError(cli.t('cli:report.isInput', { file: shown }));
  // Also where none is yet (policies/new/policy.json): the next build would read the report as a policy.
  if (isPolicyPlace(target, build.roots)) throw new UsageError(cli.t('cli:report.isPolicyPlace', { file: shown }));
  if (!stat) return;
  if (!isBuildResult(readFileSync(target, 'utf8'))) throw new UsageError(cli.t('cli:report.notOurs', { file: shown }));
}
