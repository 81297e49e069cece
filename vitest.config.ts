import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longest-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // One turn of the event loop after each test; child processes without the machine's extra CA
    // certificates: see the files.
    setupFiles: ['test/support/yield-between-tests.ts', 'test/support/child-env.ts'],
    // Tests that spawn the CLI or write to temp folders are independent; keep the default pool.
    // Vitest's default on 2 cores is one worker; two cut the suite's wall time by about a third here.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs file after file with the modules it has loaded (no test mocks modules or changes
    // globals it does not restore): importing the compiler afresh for each of 80 files cost more CPU
    // than the small files' tests themselves.
    isolate: false,
    // The slowest files first (test/support/longest-first.ts).
    sequence: { sequencer: LongestFirst },
  },
});
