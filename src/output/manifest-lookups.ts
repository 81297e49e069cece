import { Worker } from 'node:worker_threads';
import { matchingManifest } from './build-cache.js';

/** From this many look-ups on, they run on a worker thread: below it, its start costs more than it saves. */
export const MIN_LOOKUPS_FOR_WORKER = 64;
/** How far the worker may read ahead of the look-ups taken (each holds a manifest's text until taken). */
export const LOOK_AHEAD = 64;
/** Look-ups are sent to the worker in batches of this many. */
const BATCH = 16;

/** What the main thread sends the worker: more look-ups, or how many it has taken. */
export type LookupRequest = { lookups: { id: string; key: string }[] } | { taken: number };
/** What the worker sends back, for the look-up at place `n`: matchingManifest's answer. */
export interface LookupAnswer {
  n: number;
  text?: string;
}

/**
 * The cache look-ups of a build (matchingManifest of each candidate), taken
 * in the order they were added. Once there are enough, a worker thread does
 * them — reading each manifest, parsing it and listing its folder — while
 * this thread reports the ones before, so that only the parse of each match
 * is left to it. A worker that fails leaves the rest to this thread; the
 * answers are the same either way.
 */
export class ManifestLookups {
  private readonly lookups: { id: string; key: string }[] = [];
  private readonly answers = new Map<number, string | undefined>();
  private worker: Worker | undefined;
  private failed = false;
  private sent = 0;
  private taken = 0;
  private wake: (() => void) | undefined;

  /** `leanFor`: see matchingManifest (the look-ups on this thread never need it: they are parsed once). */
  constructor(
    private readonly outDir: string,
    private readonly options: { leanFor?: string; minForWorker?: number } = {},
  ) {}

  /** Queues the look-up of organisation `id` with `key`; a worker starts once there are enough. */
  add(id: string, key: string): void {
    this.lookups.push({ id, key });
    if (!this.worker && !this.failed && this.lookups.length >= (this.options.minForWorker ?? MIN_LOOKUPS_FOR_WORKER))
      this.start();
    if (this.lookups.length - this.sent >= BATCH) this.send();
  }

  /** The manifest text of the next look-up (in the order added) when it matches, else undefined. */
  async next(): Promise<string | undefined> {
    const n = this.taken++;
    this.send();
    while (this.worker && !this.answers.has(n) && !this.failed) {
      this.worker.ref(); // kept alive only while waited for: a build that fails before taking all never hangs on it
      await new Promise<void>((r) => (this.wake = r));
      this.worker?.unref();
    }
    if (n % BATCH === 0) this.worker?.postMessage({ taken: this.taken } satisfies LookupRequest);
    if (this.answers.has(n)) {
      const text = this.answers.get(n);
      this.answers.delete(n);
      return text;
    }
    const { id, key } = this.lookups[n]!;
    return matchingManifest(this.outDir, id, key);
  }

  /** Stops the worker, if any. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): void {
    const worker = new Worker(new URL('./manifest-lookup-worker.js', import.meta.url), {
      workerData: { outDir: this.outDir, lookAhead: LOOK_AHEAD, leanFor: this.options.leanFor },
    });
    worker.on('message', ({ n, text }: LookupAnswer) => {
      this.answers.set(n, text);
      this.wake?.();
    });
    const fail = (): void => {
      this.failed = true;
      this.wake?.();
    };
    worker.unref();
    worker.on('error', fail);
    worker.on('exit', fail);
    this.worker = worker;
  }

  /** Sends the look-ups not sent yet to the worker. */
  private send(): void {
    if (!this.worker || this.sent === this.lookups.length) return;
    this.worker.postMessage({ lookups: this.lookups.slice(this.sent) } satisfies LookupRequest);
    this.sent = this.lookups.length;
  }
}
