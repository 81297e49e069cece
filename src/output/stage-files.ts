import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from './output-file.js';
import { contentHash, MANIFEST_NAME } from './output-ownership.js';

const ORGANISATION = /^[a-z0-9][a-z0-9-]*$/;

/** What stageFiles wrote: the organisations, and each file's content hash (contentHash) by its path '<org>/…'. */
export interface StagedFiles {
  organisations: string[];
  sha256: Record<string, string>;
}

/**
 * Writes one policy's files into a build's staging folder (OutputWriter's),
 * each path '<org>/…' inside it; returns the organisations written and the
 * files' hashes (made here, from the contents in memory, for the manifest). The
 * thread that compiled the policy writes them (a worker's files never cross
 * threads); the writer learns of them through OutputWriter.staged. Folders
 * are made one level at a time below the staging folder and never the
 * staging folder itself: once a writer has removed it (abort), writing fails
 * rather than leave a folder behind. `made`: folders known to exist.
 */
export function stageFiles(staging: string, files: readonly OutputFile[], made = new Set<string>()): StagedFiles {
  const organisations = new Set<string>();
  const sha256: Record<string, string> = {};
  for (const file of files) {
    const target = path.resolve(staging, file.path);
    const [organisation = '', ...rest] = file.path.split('/');
    if (
      !target.startsWith(staging + path.sep) ||
      !ORGANISATION.test(organisation) ||
      rest.join('/') === MANIFEST_NAME
    ) {
      throw new Error(`refusing to write outside the output folder: ${file.path}`);
    }
    makeFolder(staging, path.dirname(target), made);
    // Encoded to UTF-8 once for both: writing the string and hashing it encoded it twice (5% of a worker's instructions).
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : file.contents;
    writeFileSync(target, bytes);
    sha256[file.path] = contentHash(bytes);
    organisations.add(organisation);
  }
  return { organisations: [...organisations], sha256 };
}

function makeFolder(staging: string, folder: string, made: Set<string>): void {
  if (folder === staging || made.has(folder)) return;
  makeFolder(staging, path.dirname(folder), made);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  made.add(folder);
}
