/**
 * Loaded with `node --require` into a build stopped by a test: when the clean-up after that signal terminates the
 * compile workers, this process is sent SIGINT once more (a second Ctrl+C), and the termination waits a moment,
 * so that the second signal comes while the clean-up is still under way. Once sent, it writes the file named by
 * POLICYC_TEST_SECOND_SIGNAL, so that the test knows the second signal came.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload for node --require is CommonJS */
const { writeFileSync } = require('node:fs');
const { Worker } = require('node:worker_threads');
const terminate = Worker.prototype.terminate;
let sent = false;
Worker.prototype.terminate = function (...args) {
  if (!sent) {
    sent = true;
    process.kill(process.pid, 'SIGINT');
    if (process.env.POLICYC_TEST_SECOND_SIGNAL) writeFileSync(process.env.POLICYC_TEST_SECOND_SIGNAL, 'SIGINT\n');
  }
  return new Promise((resolve) => setTimeout(resolve, 300)).then(() => terminate.apply(this, args));
};
