import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cliPath, repoRoot } from './cli.js';

const preload = path.join(repoRoot, 'test/support/signal-at-line.cjs');

/** How a policyc started by startStoppable ended. */
export interface Stopped {
  code: number | null;
  killedBy: NodeJS.Signals | null;
  stderr: string;
}

/**
 * policyc `args` in `cwd` (serve, build --watch), sent `at.signal` by itself while it writes the first stderr
 * line matching `at.line` (test/support/signal-at-line.cjs: the signal is pending at exactly that moment), or,
 * without `at`, left for the test to signal through `child`. Killed after 20 s.
 */
export function startStoppable(
  args: string[],
  cwd: string,
  at?: { line: string; signal: NodeJS.Signals },
): { child: ChildProcess; ended: Promise<Stopped> } {
  const env = at ? { POLICYC_SIGNAL_AT_LINE: at.line, POLICYC_SIGNAL_AT_SIGNAL: at.signal } : {};
  const child = spawn(process.execPath, ['--require', preload, cliPath, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const ended = new Promise<Stopped>((resolve) =>
    child.once('exit', (code, killedBy) => {
      clearTimeout(timer);
      resolve({ code, killedBy, stderr });
    }),
  );
  return { child, ended };
}
