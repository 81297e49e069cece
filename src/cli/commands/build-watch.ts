import { cli, policyFiles, relativeTo, type CliIo, type CommonOptions } from '../cli-support.js';
import { untilStopped } from '../until-stopped.js';

/**
 * `policyc build --watch`: after the first build, rebuilds the policies
 * built from a file that changed — the policy itself, or every policy that
 * extends a changed base — through the same compile-and-write path (their
 * organisation folders are replaced, all or nothing), reporting their
 * diagnostics and findings. Runs until stopped (Ctrl+C); the exit code is
 * that of the last build.
 */
export async function watchAndBuild(
  options: CommonOptions,
  io: CliIo,
  build: (options: CommonOptions, io: CliIo) => Promise<number>,
): Promise<number> {
  const files = policyFiles(options, io);
  let code = await build(options, io);
  const { watchPolicies } = await import('../watch-policies.js');
  const watcher = watchPolicies(files, async (changed, affected) => {
    io.stderr(cli.t('cli:watch.changed', { file: relativeTo(io, changed) }) + '\n');
    if (affected.length) code = await build({ ...options, paths: affected }, io);
  });
  io.stderr(cli.t('cli:watch.watching', { count: watcher.files().length }) + '\n');
  await untilStopped();
  watcher.close();
  return code;
}
