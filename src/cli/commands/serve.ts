import { createServer } from 'node:net';
import type { CompileJob } from '../compile-job.js';
import { formatCompact } from '../../diagnostics/format-diagnostics.js';
import type { PreviewEntry, PreviewKind } from '../../serve/preview-server.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import {
  cli,
  messageLanguage,
  policyFiles,
  relativeTo,
  reportDiagnostics,
  UsageError,
  EXIT_OK,
  diagnosticPath,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';
import { untilStopped } from '../until-stopped.js';
import { systemErrorText } from '../../diagnostics/system-error.js';
import { jobSettings } from './build-options.js';

const DEFAULT_PORT = 4300;

/** --port: 0 (any free port) to 65535. */
function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535)
    throw new UsageError(cli.t('cli:badPort', { value: String(value) }));
  return port;
}

/**
 * Why the server could not listen. A port in use (another `policyc serve`, another dev server) says so and how to
 * choose another: a free port near it, when one is, or --port 0 for any free port.
 */
async function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): Promise<string> {
  if (error.code !== 'EADDRINUSE')
    return cli.t('cli:serve.listenFailed', { host, port, detail: systemErrorText(error, cli) });
  const free = await freePortAfter(host, port);
  return free === undefined
    ? cli.t('cli:serve.portInUse', { host, port })
    : cli.t('cli:serve.portInUseTry', { host, port, free });
}

/** The first of the ten ports after `port` that can be listened on at `host`, if any. */
async function freePortAfter(host: string, port: number): Promise<number | undefined> {
  const canListen = (candidate: number): Promise<boolean> =>
    new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(candidate, host, () => probe.close(() => resolve(true)));
    });
  for (let candidate = port + 1; candidate <= Math.min(port + 10, 65535); candidate++)
    if (await canListen(candidate)) return candidate;
  return undefined;
}

/** The preview index's words, in the message language. */
function previewTexts() {
  return {
    lang: cli.lang,
    title: cli.t('cli:serve.title'),
    problemsIntro: cli.t('cli:serve.problems'),
    link: (lang: string, kind: PreviewKind) => cli.t(`cli:serve.link.${kind}`, { lang }),
  };
}

/**
 * `policyc serve [paths…] [--port 4300] [--host 127.0.0.1]`: compiles the
 * policies in memory and serves their notices and registers, rebuilding a
 * policy when its file changes and reloading the open pages. Runs until
 * stopped (Ctrl+C, SIGTERM), then exits 0. It listens for the stop from the
 * start: a signal before its listening began (up to the "Previewing at" line)
 * found no listener and killed the process with no exit code.
 */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  const ended = new AbortController();
  let stopped = false;
  const stop = untilStopped(ended.signal).then(() => void (stopped = true));
  try {
    return await preview(options, io, stop, () => stopped);
  } finally {
    ended.abort(); // ended by an error: stop listening (after a stop there is nothing left to remove)
  }
}

/** serve's work, from the compile to the stop: `stop` resolves when asked (`stopped` says whether it has). */
async function preview(
  options: CommonOptions,
  io: CliIo,
  stop: Promise<void>,
  stopped: () => boolean,
): Promise<number> {
  const port = parsePort(options.values.port);
  const host = typeof options.values.host === 'string' ? options.values.host : '127.0.0.1';
  const [{ runCompileJob }, { startPreviewServer }, { watchPolicies }] = await Promise.all([
    import('../compile-job.js'),
    import('../../serve/preview-server.js'),
    import('../watch-policies.js'),
  ]);
  const settings = jobSettings(options);
  const jobs: CompileJob[] = policyFiles(options, io).map((file, index) => ({
    index,
    file,
    displayPath: diagnosticPath(io, file),
    ...settings,
  }));
  const entries = new Map<string, PreviewEntry>();
  const compileOne = async (job: CompileJob): Promise<void> => {
    const result = await runCompileJob(job);
    const previous = entries.get(job.file);
    const problems = [...result.diagnostics, ...applyRuleSettings(result.findings, options.config.rules)];
    reportDiagnostics(problems, options, io, messageLanguage(options));
    entries.set(job.file, {
      file: job.displayPath,
      ...(result.id !== undefined ? { id: result.id } : previous?.id !== undefined ? { id: previous.id } : {}),
      // A policy with errors keeps showing its last good version.
      outputs: result.outputs.length ? result.outputs : (previous?.outputs ?? []),
      problems: problems.length ? formatCompact(problems, io.cwd, messageLanguage(options)).split('\n') : [],
    });
  };
  for (const job of jobs) if (!stopped()) await compileOne(job);
  if (stopped()) return EXIT_OK; // stopped while compiling: nothing more to compile, nothing to serve
  const ordered = (): PreviewEntry[] => jobs.map((j) => entries.get(j.file)!);
  let server;
  try {
    server = await startPreviewServer({ host, port, texts: previewTexts(), entries: ordered() });
  } catch (error) {
    throw new UsageError(await listenFailure(error as NodeJS.ErrnoException, host, port));
  }
  io.stderr(cli.t('cli:serve.listening', { url: server.url }) + '\n');
  const watcher = watchPolicies(
    jobs.map((j) => j.file),
    async (changed, affected) => {
      io.stderr(cli.t('cli:watch.changed', { file: relativeTo(io, changed) }) + '\n');
      for (const file of affected) await compileOne(jobs.find((j) => j.file === file)!);
      server.update(ordered());
    },
  );
  await stop;
  watcher.close();
  await server.close();
  return EXIT_OK;
}
