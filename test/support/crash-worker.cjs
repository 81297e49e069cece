/**
 * Loaded with `node --require` into a policyc started by a test: every compile worker the build starts fails
 * at once with an error of its own ('error' event), as a worker that crashed does. The build then ends with an
 * internal error (exit 1).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload for node --require is CommonJS */
const threads = require('node:worker_threads');
const { syncBuiltinESMExports } = require('node:module');

const RealWorker = threads.Worker;
threads.Worker = class CrashingWorker extends RealWorker {
  constructor(...args) {
    super(...args);
    setImmediate(() => this.emit('error', new Error('simulated worker crash')));
  }
};
syncBuiltinESMExports();
