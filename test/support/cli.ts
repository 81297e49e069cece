import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(repoRoot, 'lib/cli/main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI (lib/, built by `npm test`) as a child process, as a user would. */
export function runPolicyc(args: string[], cwd: string = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let nobodyCanRun: boolean | undefined;

/**
 * Whether a test can run the CLI as 'nobody' (uid 65534), for whom a file can be made unreadable or a folder
 * unwritable: only as root, and only where 'nobody' reaches the CLI (not a checkout inside a private folder).
 */
export function nobodyReachesCli(): boolean {
  nobodyCanRun ??=
    process.getuid?.() === 0 &&
    spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(cliPath)})`], {
      uid: 65534,
      gid: 65534,
    }).status === 0;
  return nobodyCanRun;
}

type RunCli = (
  argv: string[],
  io: { cwd: string; stdout: (t: string) => void; stderr: (t: string) => void },
) => Promise<number>;

/** Runs `runCli` with output captured. */
async function captured(runCli: RunCli, args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { status, stdout, stderr };
}

/**
 * Runs the CLI in this process (from source) with captured output: for tests
 * that run many commands, where a child process each would block the test
 * worker for seconds.
 */
export async function runPolicycHere(args: string[], cwd: string = repoRoot): Promise<CliRun> {
  return captured((await import('../../src/cli/run-cli.js')).runCli, args, cwd);
}

let libCli: Promise<RunCli> | undefined;

/**
 * The CLI the bin runs, loaded once: the bundle (lib/policyc-bundle.cjs) when the bin's own rule
 * (runFreshBundle) takes it, as one file and not module by module through vitest; else lib's compiled modules.
 */
function cliOfLib(): Promise<RunCli> {
  libCli ??= (async () => {
    const { runFreshBundle } = await import('../../lib/code-cache.js');
    const bundle = runFreshBundle(
      path.join(repoRoot, 'lib/policyc-bundle.cjs'),
      path.join(repoRoot, 'lib/cli/process-cli.js'),
      'build',
    ) as { runCli: RunCli } | undefined;
    return bundle?.runCli ?? (await import('../../lib/cli/run-cli.js')).runCli;
  })();
  return libCli;
}

/**
 * Runs the CLI that runPolicyc runs (the bundle, else the compiled modules in lib/) in this process, with
 * captured output: for tests of what a command does rather than of the process (its start, exit,
 * signals). A child process each costs a Node start and a cold compiler (most of a test file's CPU
 * time); here the CLI loads once per test worker, and a --jobs pool starts lib's compile workers.
 */
export async function runPolicycInProcess(args: string[], cwd: string = repoRoot): Promise<CliRun> {
  return captured(await cliOfLib(), args, cwd);
}

/**
 * runPolicycInProcess, each command (its arguments and folder) run once however many tests ask for it:
 * for tests that each read a part of what the same command said, in a folder no test changes. One per
 * describe or file, so that a command runs again wherever its folder may differ.
 */
export function runOnceInProcess(): (args: string[], cwd: string) => Promise<CliRun> {
  const runs = new Map<string, Promise<CliRun>>();
  return (args, cwd) => {
    const key = JSON.stringify([args, cwd]);
    let run = runs.get(key);
    if (!run) runs.set(key, (run = runPolicycInProcess(args, cwd)));
    return run;
  };
}
