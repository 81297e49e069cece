import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
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

/**
 * Takes one job's result on the calling thread. `fresh`: the result came from
 * a worker (deserialised for this call alone), so the callee may change it in
 * place; a result compiled on this thread may share objects with the compiler.
 */
export type OnResult = (result: CompileJobResult, fresh: boolean) => void;

/**
 * A job as it is when it starts, rather than when it was submitted: a build that has already failed only checks
 * the policies it has yet to start (see build.ts). The identity by default.
 */
export type PrepareJob = (job: CompileJob) => CompileJob;
const asSubmitted: PrepareJob = (job) => job;

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
  onResult: OnResult,
  deferWorkers = false,
  prepare: PrepareJob = asSubmitted,
): CompilePool {
  if (threads <= 1) return thisThreadPool(onResult, prepare);
  if (deferWorkers)
    return new DeferredPool(
      () => new WorkerPool(threads, onResult, prepare),
      () => thisThreadPool(onResult, prepare),
    );
  return new WorkerPool(threads, onResult, prepare);
}

function thisThreadPool(onResult: OnResult, prepare: PrepareJob): CompilePool {
  const jobs: CompileJob[] = [];
  let stopped = false;
  const compileAll = async (): Promise<void> => {
    if (!jobs.length) return;
    // The compiler is loaded here only when this thread compiles: a build whose policies all come from the cache never loads it.
    const { runCompileJob } = await import('./compile-job.js');
    for (const job of jobs.splice(0)) {
      if (stopped) return;
      onResult(await runCompileJob(prepare(job)), false);
      // A turn of the event loop after each policy: Ctrl+C is handled within one policy's compile, not after all.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const stop = (): Promise<void> => {
    stopped = true;
    return Promise.resolve();
  };
  return { submit: (job) => void jobs.push(job), finish: compileAll, flush: compileAll, stop };
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
    await this.here?.stop?.();
    await this.onWorkers?.stop?.();
  }
}

/**
 * The old-generation heap a compile worker may use, in MB. A worker keeps
 * little from one job to the next (11–15 MB live), but V8 grows a heap's
 * limit by up to 4× its live size after each full collection when the cap is
 * high (the default is several GB), so a long build's workers kept growing;
 * under a low cap V8 grows it by less and collects sooner. A job that needs
 * more kills its worker (ERR_WORKER_OUT_OF_MEMORY) and is compiled again on
 * this thread, which has no such cap. POLICYC_WORKER_HEAP_MB sets another cap
 * (the tests use a tiny one to force that).
 */
function workerHeapMb(): number {
  const mb = Number(process.env.POLICYC_WORKER_HEAP_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : WORKER_HEAP_MB;
}
const WORKER_HEAP_MB = 512;

class WorkerPool implements CompilePool {
  private readonly queue: CompileJob[] = [];
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  /** The job each busy worker compiles. */
  private readonly running = new Map<Worker, CompileJob>();
  /** Jobs compiled again on this thread after their worker ran out of memory. */
  private readonly recompiling = new Set<Promise<void>>();
  private readonly heapMb = workerHeapMb();
  private outstanding = 0;
  private stopping = false;
  private failure: { error: unknown } | undefined;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly threads: number,
    private readonly onResult: OnResult,
    private readonly prepare: PrepareJob,
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
    await Promise.all([...this.workers.map((w) => w.terminate()), ...this.recompiling]);
  }

  private start(): void {
    // Required when the first worker starts: a build that compiles on this thread alone (a few policies) never
    // loads node:worker_threads, a ms or two of its start. require: the bundled CLI runs where import() throws.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
    const worker = new Worker(new URL('./compile-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    this.workers.push(worker);
    this.idle.push(worker);
    worker.on('message', (result: CompileJobResult) => {
      this.running.delete(worker);
      this.idle.push(worker);
      this.done(result, true);
      this.dispatch();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const job = this.running.get(worker);
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && job && !this.stopping) this.outOfMemory(worker, job);
      else this.fail(error);
    });
    worker.on('exit', (code) => {
      // A worker that ran out of memory has left the pool, its job compiled again.
      if (!this.stopping && this.workers.includes(worker))
        this.fail(new Error(`a compile worker stopped (exit code ${code})`));
    });
  }

  /** One job's result, from a worker or this thread. */
  private done(result: CompileJobResult, fresh: boolean): void {
    this.outstanding--;
    try {
      if (!this.failure) this.onResult(result, fresh);
    } catch (error) {
      this.failure = { error };
    }
    this.check();
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.check();
  }

  /**
   * A worker that ran out of memory compiling `job` leaves the pool; the job
   * (which it may have partly staged: the files are written again, the same)
   * is compiled on this thread, and a new worker takes its place while jobs
   * wait. (One that runs out before its first job fails the build.)
   */
  private outOfMemory(worker: Worker, job: CompileJob): void {
    this.workers.splice(this.workers.indexOf(worker), 1);
    this.running.delete(worker);
    if (this.queue.length) this.start();
    this.dispatch();
    const recompiled = import('./compile-job.js')
      .then(({ runCompileJob }) => runCompileJob(job))
      .then(
        (result) => this.done(result, false),
        (error: unknown) => this.fail(error),
      )
      .finally(() => this.recompiling.delete(recompiled));
    this.recompiling.add(recompiled);
  }

  private dispatch(): void {
    while (!this.failure && this.queue.length && this.idle.length) {
      const worker = this.idle.pop()!;
      const job = this.prepare(this.queue.shift()!);
      this.running.set(worker, job);
      worker.postMessage(job);
    }
  }

  /** Settles finish() once it is called: on the first failure, or when no job is left. */
  private check(): void {
    if (!this.settle) return;
    if (this.failure) this.settle.reject(this.failure.error);
    else if (this.outstanding === 0) this.settle.resolve();
  }
}
