import { accessSync, constants, statSync, statfsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longest-first.js';

/**
 * The tests' temporary folders (os.tmpdir(): every mkdtemp, the builds' and the CLI's work folders, Chromium's
 * profiles) in memory, /dev/shm, when TMPDIR is not set and that folder can be written and has 2 GiB free. This machine's /tmp is on
 * an ext4 disk mounted with `discard`, where writing and removing many small files cost kernel time: five of the
 * build test files took 44-46 s of CPU there, 14-17 s of it in the kernel, against 32.2 s (3.2-3.4 s) with
 * TMPDIR=/dev/shm (two alternating runs, load 5-6). The workers and every process they start inherit it.
 */
function roomyFolder(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    const { bavail, bsize } = statfsSync(dir);
    return statSync(dir).isDirectory() && bavail * bsize >= MIN_FREE_BYTES;
  } catch {
    return false;
  }
}
/** A container's /dev/shm is often 64 MB: the tests' builds need more, so a small one is passed over. */
const MIN_FREE_BYTES = 2 * 1024 ** 3;
if (process.env.TMPDIR === undefined && roomyFolder('/dev/shm')) process.env.TMPDIR = '/dev/shm';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // One turn of the event loop after each test; child processes without the machine's extra CA
    // certificates; Buffers compared natively by toEqual: see the files.
    setupFiles: ['test/support/yield-between-tests.ts', 'test/support/child-env.ts', 'test/support/buffer-equality.ts'],
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
