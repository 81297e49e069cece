import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import type * as ReadlinePromises from 'node:readline/promises';
import { runCli } from './run-cli.js';

export { runCli } from './run-cli.js';
// For scripts/bundle-cli.mjs: the bundle's own copy of the module that ran the schema validator with its code cache.
export { writeCodeCaches } from '../code-cache.js';

/** A question on the terminal, only when one is attached. */
async function prompt(question: string): Promise<string> {
  // require, not import(): the bundled CLI runs as a vm.Script, where import() throws
  // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); scripts/bundle-cli.mjs refuses a bundle with one.
  const { createInterface } = createRequire(import.meta.url)('node:readline/promises') as typeof ReadlinePromises;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
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
  return runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stderr.isTTY === true && !process.env.NO_COLOR,
    // isatty, not process.stdin.isTTY: reading that property opens stdin as a stream, some ms of every start.
    ...(isatty(0) ? { prompt } : {}),
  });
}
