import { parentPort } from 'node:worker_threads';
import { runCompileJob, type CompileJob } from './compile-job.js';

// A worker thread of the build pool: compiles the jobs it is sent, one at a time.
parentPort!.on('message', (job: CompileJob) => {
  void runCompileJob(job).then((result) => parentPort!.postMessage(result));
});
