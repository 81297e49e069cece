import { existsSync } from 'node:fs';
import path from 'node:path';

/** The config file policyc reads without --config, in the project's root. */
const CONFIG_FILE = 'policyc.config.json';

/** Whether a folder is a project's root: it holds policies/ or policyc.config.json. */
const isProjectRoot = (folder: string): boolean =>
  existsSync(path.join(folder, 'policies')) || existsSync(path.join(folder, CONFIG_FILE));

/**
 * The project's root as found from `cwd`: the working folder or, run from a sub-folder (cd shared), the nearest
 * folder above it that holds policies/ or policyc.config.json; undefined where no folder up to the file system's
 * root does.
 */
export function nearestProjectRoot(cwd: string): string | undefined {
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    if (isProjectRoot(folder)) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/**
 * The config file a command reads without --config: policyc.config.json in the project's root (nearestProjectRoot),
 * so that a command run from a sub-folder reads the file of the project whose policies it finds there. A folder
 * with policies/ and no config file is a project of its own: a config file above it is not read.
 */
export function projectConfigFile(cwd: string): string | undefined {
  const root = nearestProjectRoot(cwd);
  const file = root && path.join(root, CONFIG_FILE);
  return file && existsSync(file) ? file : undefined;
}
