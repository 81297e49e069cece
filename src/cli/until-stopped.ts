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
 * staging folder and the lock) and the process exits as that signal would (130, 143), instead of dying with
 * them left behind. `stopping` tells the build not to go on to commit; `done` stops listening.
 */
export function cleanUpOnStop(cleanUp: () => Promise<void>): { stopping: () => boolean; done: () => void } {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    done();
    stopping = true;
    void cleanUp().finally(() => process.exit(128 + os.constants.signals[signal]));
  };
  const done = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { stopping: () => stopping, done };
}
