import { cli, policyFiles, relativeTo, type CliIo, type CommonOptions } from '../cli-support.js';
import { untilStopped } from '../until-stopped.js';

/**
 * `policyc build --watch`: after the first build, rebuilds the policies
 * built from a file that changed — the policy itself, or every policy that
 * extends a changed base — through the same compile-and-write path (their
 * organisation folders are replaced, all or nothing), reporting their
 * diagnostics and findings. Runs until stopped (Ctrl+C, or `stopped` for a
 * caller of its own); the exit code is that of the last build (a build
 * stopped while it runs cleans up and exits 130 or 143 itself).
 * It listens for the stop from the start, before the first build: a signal
 * between a build's own listening (cleanUpOnStop) and this one's found no
 * listener and killed the process with no exit code, or was lost.
 * The files are watched from before the first build reads them: an edit
 * saved while it runs is rebuilt once it is done (it was missed when the
 * watch began after it).
 */
export async function watchAndBuild(
  options: CommonOptions,
  io: CliIo,
  build: (options: CommonOptions, io: CliIo) => Promise<number>,
  stopped: (ended: AbortSignal) => Promise<void> = untilStopped,
): Promise<number> {
  const ended = new AbortController();
  const stop = stopped(ended.signal);
  try {
    const files = policyFiles(options, io);
    const { watchPolicies } = await import('../watch-policies.js');
    let firstBuilt!: () => void;
    const first = new Promise<void>((resolve) => (firstBuilt = resolve));
    let code: number;
    const watcher = watchPolicies(files, async (changed, affected) => {
      await first; // changes seen during the first build: rebuilt after it, in order
      io.stderr(cli.t('cli:watch.changed', { file: relativeTo(io, changed) }) + '\n');
      if (affected.length) code = await build({ ...options, paths: affected }, io);
    });
    try {
      code = await build(options, io);
    } catch (error) {
      watcher.close();
      throw error;
    }
    io.stderr(cli.t('cli:watch.watching', { count: watcher.files().length }) + '\n');
    firstBuilt();
    await stop;
    watcher.close();
    return code;
  } finally {
    ended.abort(); // ended by an error: stop listening (after a stop there is nothing left to remove)
  }
}
