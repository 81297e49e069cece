import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './support/fixtures.js';
import { startStoppable } from './support/signal-at-line.js';
import { tempDirs } from './support/temp-dirs.js';

const tempDir = tempDirs('policyc-serve-stop-');

/** `policyc serve --port 0` on the minimal policy, sending itself `signal` while it writes the line matching `line`. */
function serveStoppedAt(line: string, signal: NodeJS.Signals) {
  const cwd = tempDir();
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), path.join(cwd, 'policies/one/policy.json'));
  return startStoppable(['serve', '--port', '0', '--lang', 'en'], cwd, { line, signal }).ended;
}

// serve listened for the stop only after printing "Previewing at …": a signal before that killed it with no
// exit code. It listens from its start now, and a stop at any moment ends it with its exit code, 0.
describe('serve stopped at any moment after it starts', () => {
  it.each([
    ['Previewing at', 'SIGTERM'],
    ['Previewing at', 'SIGINT'],
  ] as const)(
    'at "%s", %s ends it with exit code 0',
    async (line, signal) => {
      const run = await serveStoppedAt(line, signal);
      expect([run.code, run.killedBy], run.stderr).toEqual([0, null]);
      expect(run.stderr).toMatch(/Previewing at http:\/\/127\.0\.0\.1:\d+\//);
    },
    30_000,
  );

  it('during the first compile (its findings being reported), SIGTERM ends it with 0', async () => {
    const run = await serveStoppedAt('rights/response-time-missing', 'SIGTERM');
    expect([run.code, run.killedBy], run.stderr).toEqual([0, null]);
    expect(run.stderr).toContain('rights/response-time-missing');
  }, 30_000);
});
