import { cli, policyFiles, relativeTo, type CliIo, type CommonOptions } from '../cli-support.js';
import { untilStopped } from './serve.js';

/**
 * `policyc build --watch`: after the first build, rebuilds each policy whose
 * file changes — that policy only, through the same compile-and-write path
 * (its organisation folder is replaced, all or nothing), reporting its
 * diagnostics and findings. Runs until stopped (Ctrl+C); the exit code is
 * that of the last build.
 */
export async function watchAndBuild(options: CommonOptions, io: CliIo, build: (options: CommonOptions, io: CliIo) => Promise<number>): Promise<number> {
  const files = policyFiles(options, io);
  let code = await build(options, io);
  const { watchPolicies, serialQueue } = await import('../../build/watch-policies.js');
  const enqueue = serialQueue();
  const watcher = watchPolicies(files, (file) => void enqueue(async () => {
    io.stderr(cli.t('cli:watch.changed', { file: relativeTo(io, file) }) + '\n');
    code = await build({ ...options, paths: [file] }, io);
  }));
  io.stderr(cli.t('cli:watch.watching', { count: files.length }) + '\n');
  await untilStopped();
  watcher.close();
  await enqueue(async () => {});
  return code;
}
