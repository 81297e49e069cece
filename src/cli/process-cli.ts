import { createRequire } from 'node:module';
import type * as ReadlinePromises from 'node:readline/promises';
import type * as Tty from 'node:tty';
import { cli, EXIT_INVALID, InputEnded } from './cli-support.js';
import { inCliRun } from './cli-messages.js';
import { systemErrorText } from '../diagnostics/system-error.js';
import { runIn } from './run-cli.js';

export { runCli } from './run-cli.js';
// For scripts/bundle-cli.mjs: the bundle's own copy of the module that ran the schema validator with its code cache.
export { writeCodeCaches } from '../code-cache.js';

// require, not import(): the bundled CLI runs as a vm.Script, where import() throws
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); scripts/bundle-cli.mjs refuses a bundle with one.
const require = createRequire(import.meta.url);

/**
 * A question on the terminal, only when one is attached. Ctrl+C or Ctrl+D instead of an answer closes the
 * reader, which fails the question (AbortError): that is InputEnded, for the command to say it stopped.
 */
async function prompt(question: string): Promise<string> {
  const { createInterface } = require('node:readline/promises') as typeof ReadlinePromises;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl+C: told apart from Ctrl+D by a listener of its own, which cancels the question.
  const cancel = new AbortController();
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    cancel.abort();
  });
  try {
    return await rl.question(question, { signal: cancel.signal });
  } catch (error) {
    if ((error as Error | undefined)?.name === 'AbortError') throw new InputEnded(interrupted);
    throw error;
  } finally {
    rl.close();
  }
}

/** Runs the CLI on this process's arguments, streams and terminal; returns the exit code. */
export async function runFromProcess(): Promise<number> {
  // A reader that stops early (`policyc diff … | head`) closes the pipe: stop quietly, not with an EPIPE crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  // One run for the command and its last word: an error no command reported is told in the run's language.
  return inCliRun(() => runReportingErrors());
}

/** The CLI on this process's arguments, an error that escapes it told as unexpectedError does. */
async function runReportingErrors(): Promise<number> {
  try {
    return await runIn(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      color: process.stderr.isTTY === true && !process.env.NO_COLOR,
      ...(process.env.GITHUB_WORKSPACE ? { githubWorkspace: process.env.GITHUB_WORKSPACE } : {}),
      // Only init asks, so whether stdin is a terminal is found out when it does: node:tty loads node:net, some
      // ms of a start whose stdout and stderr are not terminals. isatty, not process.stdin.isTTY: reading that
      // property opens stdin as a stream.
      get prompt() {
        return (require('node:tty') as typeof Tty).isatty(0) ? prompt : undefined;
      },
    });
  } catch (error) {
    process.stderr.write(unexpectedError(error) + '\n');
    return EXIT_INVALID;
  }
}

/**
 * The last word on an error no command turned into a message: one line, no
 * stack. A failed system call (a file that cannot be read or written) is the
 * machine's problem and says so as the system does; anything else is a bug.
 */
export function unexpectedError(error: unknown): string {
  const { code, syscall, message } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  if (typeof code === 'string' && typeof syscall === 'string')
    return cli.t('cli:unexpected.system', { detail: systemErrorText(error, cli) });
  return cli.t('cli:unexpected.internal', { detail: message ?? String(error) });
}
