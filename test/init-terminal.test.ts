import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * `policyc init` in a terminal, through the package's bin (the bundled CLI):
 * util-linux's `script` (Debian's essential bsdutils) gives it a pseudo-terminal, so it asks its questions,
 * and each answer is typed once its question shows. The bundle runs as a
 * vm.Script, where an import() of the terminal's reader threw before anything
 * was asked (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); other tests pass --yes
 * or run without a terminal, and never asked.
 */
const bin = path.join(repoRoot, 'lib/cli/main.cjs');
const site = tempDirs('policyc-init-tty-');

/** Runs `command` on a pseudo-terminal, typing each answer after the output shows its prompt; its exit status and output. */
function typed(
  command: string,
  cwd: string,
  answers: [prompt: string, keys: string][],
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    let next = 0;
    let answeredUpTo = 0; // where in the output the last answered prompt ended
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (let at; next < answers.length && (at = output.indexOf(answers[next]![0], answeredUpTo)) >= 0; next++) {
        answeredUpTo = at + answers[next]![0].length;
        child.stdin.write(answers[next]![1]);
      }
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** typed, each answer ended by Enter, for a run that must succeed: its output. */
async function onTerminal(command: string, cwd: string, answers: [prompt: string, answer: string][]): Promise<string> {
  const { status, output } = await typed(
    command,
    cwd,
    answers.map(([prompt, answer]) => [prompt, answer + '\n']),
  );
  if (status !== 0) throw new Error(`exit ${status}:\n${output}`);
  return output;
}

describe('policyc init in a terminal', () => {
  it('asks for the kind of practice, the id and the form of address, and writes the policy it was told', async () => {
    const cwd = site();
    const output = await onTerminal(`${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} init`, cwd, [
      ['Kind of practice', 'tandarts'],
      ['Policy id', 'de-molen'],
      ['Address readers in Dutch', 'je'],
    ]);
    expect(output).not.toMatch(/Error|ERR_/);
    expect(output).toContain('Wrote policies/de-molen/policy.json (tandarts)');
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/de-molen/policy.json'), 'utf8')) as {
      id: string;
      metadata: { formality: string };
    };
    expect(policy.id).toBe('de-molen');
    expect(policy.metadata.formality).toBe('informal');
  }, 60_000);

  it.each([
    ['Ctrl+D', '\u0004', 2],
    ['Ctrl+C', '\u0003', 130],
  ])(
    '%s at a question: init says it stopped and wrote nothing, no internal error',
    async (_, key, status) => {
      const cwd = site();
      const run = await typed(`${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} init`, cwd, [
        ['Kind of practice', 'huisarts\n'],
        ['Policy id', key],
      ]);
      expect(run.output).not.toMatch(/internal error|Error|ERR_/);
      // On a line of its own after the open question, the last thing said.
      expect(run.output).toMatch(/\[huisarts\]: [^\n]*\r?\npolicyc: init stopped; nothing was written\.\r?\n$/);
      expect(run.status).toBe(status);
      expect(existsSync(path.join(cwd, 'policies'))).toBe(false);
    },
    60_000,
  );
});
