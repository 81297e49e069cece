import os from 'node:os';

/**
 * Resolves when the process is asked to stop (Ctrl+C, SIGTERM): the end of serve and build --watch. Listens from
 * the call on; `ended` (a run that ends otherwise, by an error) stops listening.
 */
export function untilStopped(ended?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const off = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    const stop = (): void => {
      off();
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    ended?.addEventListener('abort', off, { once: true });
  });
}

/**
 * While a build has its output folder open: on Ctrl+C or SIGTERM, `cleanUp` runs (stop the workers, remove the
 * staging folder and the lock) and the process exits as that signal would (130, 143: `cleanUp` is given that
 * code), instead of dying with them left behind; a further signal meanwhile does not cut the clean-up short.
 * `stopping` tells the build not to go on to commit; `done` stops listening.
 */
export function cleanUpOnStop(cleanUp: (code: number) => Promise<void>): {
  stopping: () => boolean;
  committed: (say: (code: number) => void) => Promise<void>;
  done: () => void;
} {
  let stopping = false;
  let afterCommit: ((code: number) => void) | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    done();
    // A second Ctrl+C (or a SIGTERM after it) while cleaning up is let pass: without a listener it would kill the
    // process half-way, the lock and the staging folder left behind. The process exits once the clean-up is done.
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    stopping = true;
    const code = 128 + os.constants.signals[signal];
    if (afterCommit) {
      try {
        afterCommit(code);
      } finally {
        process.exit(code);
      }
    }
    void cleanUp(code).finally(() => process.exit(code));
  };
  /**
   * The output is committed (or the build has ended): a signal that came meanwhile (the swap is synchronous, so
   * it waits for the next turn of the event loop) no longer cleans up but says so (`say`, given the exit code: the
   * output is whole), and the process still exits as that signal would, so that a script that runs
   * `build && deploy` stops.
   */
  const committed = async (say: (code: number) => void): Promise<void> => {
    afterCommit = say;
    await new Promise((resolve) => setImmediate(resolve));
  };
  const done = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { stopping: () => stopping, committed, done };
}

/** A signal that comes while a clean-up runs: noted by the listener's presence alone, so that it does not kill. */
function ignore(): void {
  // The clean-up under way ends the process with the first signal's code.
}
