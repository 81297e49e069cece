import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isChainBase, jsonFilesIn, policiesExtending } from '../pipeline/chain-bases.js';
import { findPolicies, POLICY_FILE } from '../pipeline/find-policies.js';
import { nearestProjectRoot, projectConfigFile } from '../config/project-root.js';
import { namedSome } from './build-result.js';
import { cli, joinMessages } from './cli-messages.js';
import type { CliIo, CommonOptions } from './cli-support.js';
import { shownPath } from '../paths.js';

/** A chain's base named on the command line, with the policies of the project that extend it (absolute paths). */
export interface NamedBase {
  file: string;
  extendedBy: string[];
}

/** How many policies a message names before it says how many more there are. */
const LISTED = 3;

/**
 * The chain's bases among the paths named on the command line, and the other paths as given. A file is a base
 * when it is not one of the project's policies (projectRoots) and isChainBase says so; a named folder that holds
 * no policy stands for the bases in it.
 */
export function namedBases(options: CommonOptions, io: CliIo): { bases: NamedBase[]; paths: string[] } {
  let project: string[] | undefined;
  const base = (file: string): NamedBase | undefined => {
    if (path.basename(file) === POLICY_FILE) return undefined;
    project ??= projectPolicies(options, io);
    if (project.includes(file)) return undefined;
    const extendedBy = policiesExtending(file, project);
    return isChainBase(file, extendedBy) ? { file, extendedBy } : undefined;
  };
  const bases: NamedBase[] = [];
  const paths: string[] = [];
  for (const given of options.paths) {
    const found = candidates(path.resolve(io.cwd, given)).flatMap((file) => base(file) ?? []);
    if (found.length) bases.push(...found);
    else paths.push(given);
  }
  return { bases, paths };
}

/** A named file, or the `.json` files of a named folder that holds no policy; nothing for a policy folder. */
function candidates(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return [p];
  return findPolicies([p]).files.length ? [] : jsonFilesIn(p);
}

/**
 * The project's policies: those under the config's "policies", else under policies/ (none when it is not there),
 * and those named beside the base (a folder of policies, a policy.json).
 */
function projectPolicies(options: CommonOptions, io: CliIo): string[] {
  const named = options.paths
    .map((p) => path.resolve(io.cwd, p))
    .filter((p) => existsSync(p) && (path.basename(p) === POLICY_FILE || statSync(p).isDirectory()));
  return findPolicies([...projectRoots(options, io), ...named]).files;
}

/**
 * The project's policy folders: the config file's "policies", else policies/ in the project's root (projectRoot).
 */
function projectRoots(options: CommonOptions, io: CliIo): string[] {
  if (options.config.policies) return options.config.policies.map((p) => path.resolve(io.cwd, p));
  return [path.join(projectRoot(options, io), 'policies')];
}

/**
 * The folder init writes a policy from (into its config file's "policies", else its policies/): the working
 * folder when a config file names the policy folders (they are absolute), else the project's root, which is the
 * working folder or, run from a sub-folder (cd shared), the nearest folder above it that holds policies/ or
 * policyc.config.json (nearestProjectRoot); the working folder where none does.
 */
export function projectRoot(options: CommonOptions, io: CliIo): string {
  if (options.config.policies) return io.cwd;
  return nearestProjectRoot(io.cwd) ?? io.cwd;
}

/**
 * A file or folder of the project as these messages show it, as the CLI's other messages do (shownPath): as named
 * on the command line where it was, else relative inside the working folder and absolute outside it.
 */
const shown = (io: CliIo, p: string, options: CommonOptions): string =>
  shownPath(
    io.cwd,
    p,
    options.paths.find((named) => path.resolve(io.cwd, named) === p),
  );

/** The project's policy folders as messages show them (policies, or the config file's "policies"). */
function projectFolders(options: CommonOptions, io: CliIo): string {
  return projectRoots(options, io)
    .map((p) => shown(io, p, options))
    .join(' ');
}

/**
 * The command that starts a policy extending `base`, as it works from the working folder. init writes into the
 * config file's first "policies" folder, else into policies/ where it runs: with a config file that names them,
 * from here (with --config when it is not this folder's policyc.config.json); else from the project's root, which
 * it names from a sub-folder, with the base as seen from there. Where nothing here or above marks the root and the
 * base lies in the working folder, this may be the root or its shared/ (right after 'init --base shared/chain.json'
 * in a project with no policies/ yet): both commands, each with where to run it (unknownRootInit), unless
 * `offerParent` is false (init --base, run where its user chose the base's path from).
 */
export function initCommand(base: string, options: CommonOptions, io: CliIo, offerParent = true): string {
  const { file: configFile, policies } = options.config;
  if (policies && configFile && configFile !== projectConfigFile(io.cwd))
    return cli.t('cli:base.initWithConfig', {
      file: shown(io, base, options),
      config: shownPath(io.cwd, configFile, given(options.values.config)),
    });
  const root = projectRoot(options, io);
  // The base as init reads it where it runs: from the project's root, seen from there.
  const file = shownPath(root, base);
  if (root !== io.cwd) return cli.t('cli:base.initFromRoot', { file, root: shown(io, root, options) });
  return (offerParent && unknownRootInit(base, io)) || cli.t('cli:base.init', { file });
}

/** Both commands, from here and from the folder above, where no folder here or above is marked as the project's root. */
function unknownRootInit(base: string, io: CliIo): string | undefined {
  const parent = path.dirname(io.cwd);
  if (nearestProjectRoot(io.cwd) || path.dirname(base) !== io.cwd || parent === io.cwd) return undefined;
  return cli.t('cli:base.initRootUnknown', {
    file: shownPath(io.cwd, base),
    fromParent: shownPath(parent, base),
  });
}

/** The --config value as given, which the init hint repeats (`--config ../chain.config.json`). */
const given = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Policies as a message lists them: the first few, then how many more. */
function listed(policies: readonly string[], options: CommonOptions, io: CliIo): string {
  return namedSome(
    policies.map((p) => shown(io, p, options)),
    LISTED,
    cli,
  );
}

/** What `check` says of a base it checked: that it was checked as a base, and where its practices are checked. */
export function checkedBaseNote(base: NamedBase, options: CommonOptions, io: CliIo): string {
  const file = shown(io, base.file, options);
  if (!base.extendedBy.length)
    return cli.t('cli:base.checkedUnused', {
      file,
      folders: projectFolders(options, io),
      init: initCommand(base.file, options, io),
    });
  const folders = [...new Set(base.extendedBy.map((p) => shown(io, path.dirname(p), options)))];
  return cli.t('cli:base.checked', {
    file,
    count: base.extendedBy.length,
    policies: listed(base.extendedBy, options, io),
    folders: folders.length > LISTED ? projectFolders(options, io) : folders.join(' '),
  });
}

/** Why a command that compiles policies (build, register, serve, audit-site) does not take these bases. */
export function baseRefusal(bases: readonly NamedBase[], options: CommonOptions, io: CliIo): string {
  return joinMessages(
    bases.map(({ file, extendedBy }) =>
      extendedBy.length
        ? cli.t('cli:base.notCompiled', { file: shown(io, file, options), policies: listed(extendedBy, options, io) })
        : cli.t('cli:base.notCompiledUnused', {
            file: shown(io, file, options),
            folders: projectFolders(options, io),
            init: initCommand(file, options, io),
          }),
    ),
  );
}
