import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFromProcess } from '../src/cli/process-cli.js';

// A bug in a command: its run throws an error no command turns into a message.
vi.mock('../src/cli/commands/check.js', () => ({
  run: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  },
}));

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
});

/** runFromProcess on `args`, with what it writes to stderr. */
async function fromProcess(args: string[]): Promise<{ code: number; stderr: string }> {
  process.argv = [argv[0]!, 'policyc', ...args];
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  const code = await runFromProcess();
  return { code, stderr };
}

describe('an internal error is told in the message language of the run', () => {
  it('in Dutch under --message-lang nl, exit 1', async () => {
    expect(await fromProcess(['check', '--message-lang', 'nl'])).toEqual({
      code: 1,
      stderr:
        "policyc: interne fout (Cannot read properties of undefined (reading 'id')); dit is een fout in policyc, meld die alstublieft\n",
    });
  });

  it('in English by default', async () => {
    expect(await fromProcess(['check'])).toEqual({
      code: 1,
      stderr:
        "policyc: internal error (Cannot read properties of undefined (reading 'id')); this is a bug in policyc, please report it\n",
    });
  });
});
