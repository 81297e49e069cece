import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompileJob, CompileJobResult } from './compile-job.js';

/** Below this many policies a worker's start-up (loading the compiler again) costs more than it saves. */
const MIN_POLICIES_PER_WORKER = 8;

/**
 * How many threads a build of `count` policies may use: --jobs if given, else
 * one per core when there are enough policies; 1 compiles on the calling thread.
 */
export function chooseJobs(count: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(count / MIN_POLICIES_PER_WORKER)));
}

/** Compiles jobs as they are submitted; see compilePool. */
export interface CompilePool {
  submit(job: CompileJob): void;
  /** Resolves when every submitted job's result has been handed to onResult; rejects on a failure. */
  finish(): Promise<void>;
  /**
   * A pool that compiles on the calling thread compiles the jobs submitted so
   * far now, rather than at finish(): a build reports in command-line order,
   * and what a job still to compile holds up waits in memory (workers compile
   * as jobs come, and have no flush).
   */
  flush?(): Promise<void>;
  /**
   * Ends the pool without waiting for the jobs in flight: a failed build calls
   * it before removing its staging folder, so that no worker writes there after.
   */
  stop?(): Promise<void>;
}

/**
 * A pool that compiles each submitted job — on worker threads when `threads`
 * > 1, else on the calling thread when finish() is called — and hands each
 * result to `onResult` on the calling thread as it arrives (memory holds only
 * the policies in flight; a build's jobs write their own outputs, see
 * CompileJob.stageInto).
 * Workers start as jobs come: the first with the first job, the next when
 * enough jobs wait, so that compiling overlaps whatever the caller does meanwhile.
 *
 * `deferWorkers` (for the default --jobs, which picks threads by the number of
 * policies): no worker starts until MIN_POLICIES_PER_WORKER jobs have come, and
 * a build that compiles fewer (the few policies changed since the last build)
 * compiles them on the calling thread, as a build of that many policies does,
 * at flush() or finish().
 * A worker loads the compiler anew (the worker bundle, with its own code
 * cache): for a few policies that costs more than compiling them here.
 */
export function compilePool(
  threads: number,
  onResult: (result: CompileJobResult) => void,
  deferWorkers = false,
): CompilePool {
  if (threads <= 1) return thisThreadPool(onResult);
  if (deferWorkers)
    return new DeferredPool(
      () => new WorkerPool(threads, onResult),
      () => thisThreadPool(onResult),
    );
  return new WorkerPool(threads, onResult);
}

function thisThreadPool(onResult: (result: CompileJobResult) => void): CompilePool {
  const jobs: CompileJob[] = [];
  const compileAll = async (): Promise<void> => {
    if (!jobs.length) return;
    // The compiler is loaded here only when this thread compiles: a build whose policies all come from the cache never loads it.
    const { runCompileJob } = await import('./compile-job.js');
    for (const job of jobs.splice(0)) onResult(await runCompileJob(job));
  };
  return { submit: (job) => void jobs.push(job), finish: compileAll, flush: compileAll };
}

/**
 * Holds jobs until MIN_POLICIES_PER_WORKER have come (held or compiled by
 * flush()): then they go to workers, else to this thread at flush() or finish().
 */
export class DeferredPool implements CompilePool {
  private readonly held: CompileJob[] = [];
  private onWorkers: CompilePool | undefined;
  private here: CompilePool | undefined;
  private compiledHere = 0;

  constructor(
    private readonly workers: () => CompilePool,
    private readonly thisThread: () => CompilePool,
  ) {}

  submit(job: CompileJob): void {
    if (this.onWorkers) return this.onWorkers.submit(job);
    this.held.push(job);
    if (this.held.length + this.compiledHere < MIN_POLICIES_PER_WORKER) return;
    this.onWorkers = this.workers();
    for (const held of this.held.splice(0)) this.onWorkers.submit(held);
  }

  /** Compiles the jobs held so far on this thread, while they are too few for a worker. */
  async flush(): Promise<void> {
    if (this.onWorkers || !this.held.length) return;
    this.here ??= this.thisThread();
    this.compiledHere += this.held.length;
    for (const job of this.held.splice(0)) this.here.submit(job);
    await this.here.finish();
  }

  finish(): Promise<void> {
    return this.onWorkers ? this.onWorkers.finish() : this.flush();
  }

  async stop(): Promise<void> {
    await this.onWorkers?.stop?.();
  }
}

class WorkerPool implements CompilePool {
  private readonly queue: CompileJob[] = [];
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private outstanding = 0;
  private stopping = false;
  private failure: { error: unknown } | undefined;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly threads: number,
    private readonly onResult: (result: CompileJobResult) => void,
  ) {}

  submit(job: CompileJob): void {
    this.queue.push(job);
    this.outstanding++;
    if (
      this.workers.length < this.threads &&
      (this.workers.length === 0 || this.queue.length > MIN_POLICIES_PER_WORKER * this.workers.length)
    )
      this.start();
    this.dispatch();
  }

  async finish(): Promise<void> {
    try {
      await new Promise<void>((resolve, reject) => {
        this.settle = { resolve, reject };
        this.check();
      });
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(): void {
    const worker = new Worker(new URL('./compile-worker.js', import.meta.url));
    this.workers.push(worker);
    this.idle.push(worker);
    worker.on('message', (result: CompileJobResult) => {
      this.outstanding--;
      this.idle.push(worker);
      try {
        if (!this.failure) this.onResult(result);
      } catch (error) {
        this.failure = { error };
      }
      this.dispatch();
      this.check();
    });
    worker.on('error', (error) => {
      this.failure ??= { error };
      this.check();
    });
    worker.on('exit', (code) => {
      if (!this.stopping) this.failure ??= { error: new Error(`a compile worker stopped (exit code ${code})`) };
      this.check();
    });
  }

  private dispatch(): void {
    while (!this.failure && this.queue.length && this.idle.length) this.idle.pop()!.postMessage(this.queue.shift());
  }

  /** Settles finish() once it is called: on the first failure, or when no job is left. */
  private check(): void {
    if (!this.settle) return;
    if (this.failure) this.settle.reject(this.failure.error);
    else if (this.outstanding === 0) this.settle.resolve();
  }
}
