import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runCompileJob, type CompileJob, type CompileJobResult } from './compile-job.js';

/** Below this many policies a worker's start-up (loading the compiler again) costs more than it saves. */
const MIN_POLICIES_PER_WORKER = 8;

/** How many threads to use for `count` policies: --jobs if given, else one per core while there is work. */
export function chooseJobs(count: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(count / MIN_POLICIES_PER_WORKER)));
}

/**
 * Compiles every job, on worker threads when jobs > 1, and hands each result
 * to `onResult` on the calling thread as it arrives (so one thread does all
 * the writing, and memory holds only the policies in flight).
 */
export async function compileMany(
  jobs: readonly CompileJob[],
  threads: number,
  onResult: (result: CompileJobResult) => void,
): Promise<void> {
  if (threads <= 1) {
    for (const job of jobs) onResult(await runCompileJob(job));
    return;
  }
  const queue = [...jobs];
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./compile-worker.js', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const job = queue.shift();
              if (job) worker.postMessage(job);
              else resolve();
            };
            worker.on('message', (result: CompileJobResult) => {
              try {
                onResult(result);
                next();
              } catch (error) {
                reject(error);
              }
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
