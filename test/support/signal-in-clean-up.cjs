/**
 * Loaded with `node --require` into a build stopped by a test: when the clean-up after that signal terminates the
 * compile workers, this process is sent SIGINT once more (a second Ctrl+C), and the termination waits a moment,
 * so that the second signal comes while the clean-up is still under way.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload for node --require is CommonJS */
const { Worker } = require('node:worker_threads');
const terminate = Worker.prototype.terminate;
let sent = false;
Worker.prototype.terminate = function (...args) {
  if (!sent) {
    sent = true;
    process.kill(process.pid, 'SIGINT');
  }
  return new Promise((resolve) => setTimeout(resolve, 300)).then(() => terminate.apply(this, args));
};
