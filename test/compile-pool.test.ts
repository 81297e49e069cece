import { describe, expect, it } from 'vitest';
import type { CompileJob } from '../src/cli/compile-job.js';
import { DeferredPool, type CompilePool } from '../src/cli/compile-many.js';

/**
 * The pool of a build without --jobs: jobs wait until there are enough to be
 * worth starting workers for; a build that compiles fewer (the few policies
 * changed since the last build) compiles them on its own thread.
 */
function recordingPool(name: string, log: string[]): CompilePool {
  return {
    submit: (job) => void log.push(`${name} ${job.index}`),
    finish: () => {
      log.push(`${name} finish`);
      return Promise.resolve();
    },
  };
}

const job = (index: number): CompileJob => ({ index, file: `p${index}.json`, displayPath: `p${index}.json` });

function deferred(log: string[]): DeferredPool {
  return new DeferredPool(
    () => {
      log.push('workers made');
      return recordingPool('workers', log);
    },
    () => {
      log.push('this thread made');
      return recordingPool('this thread', log);
    },
  );
}

describe('the deferred compile pool', () => {
  it('compiles fewer than eight jobs on the calling thread, in order, and makes no workers', async () => {
    const log: string[] = [];
    const pool = deferred(log);
    for (let i = 0; i < 7; i++) pool.submit(job(i));
    expect(log).toEqual([]); // nothing is compiled before finish()
    await pool.finish();
    expect(log).toEqual([
      'this thread made',
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `this thread ${i}`),
      'this thread finish',
    ]);
  });

  it('hands the held jobs to the workers with the eighth, and every later job at once', async () => {
    const log: string[] = [];
    const pool = deferred(log);
    for (let i = 0; i < 7; i++) pool.submit(job(i));
    pool.submit(job(7));
    expect(log).toEqual(['workers made', ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `workers ${i}`)]);
    pool.submit(job(8));
    await pool.finish();
    expect(log.slice(9)).toEqual(['workers 8', 'workers finish']);
    expect(log).not.toContain('this thread made');
  });

  it('compiles the jobs held so far on flush(), and counts them towards the workers', async () => {
    const log: string[] = [];
    const pool = deferred(log);
    for (let i = 0; i < 3; i++) pool.submit(job(i));
    await pool.flush();
    expect(log).toEqual(['this thread made', 'this thread 0', 'this thread 1', 'this thread 2', 'this thread finish']);
    log.length = 0;
    await pool.flush(); // nothing held: nothing to do
    for (let i = 3; i < 7; i++) pool.submit(job(i));
    expect(log).toEqual([]);
    pool.submit(job(7)); // three compiled and five held: enough for workers
    await pool.finish();
    expect(log).toEqual(['workers made', ...[3, 4, 5, 6, 7].map((i) => `workers ${i}`), 'workers finish']);
  });

  it('finishes at once when no job came, and makes no pool', async () => {
    const log: string[] = [];
    await deferred(log).finish();
    expect(log).toEqual([]);
  });
});
