import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { runFreshBundle } from '../code-cache.js';
import type * as CompileJobModule from './compile-job.js';
import type { CompileJob } from './compile-job.js';

/**
 * The compiler this worker runs: the worker bundle (lib/policyc-worker.cjs,
 * written by scripts/bundle-cli.mjs: compile-job.js and everything it imports
 * in one file, with V8's code cache trained on a compile), which starts in a
 * fraction of the time the modules it holds take to load. By the rules of
 * lib/cli/main.js (runFreshBundle): the compiled modules instead when there
 * is no bundle, when it is older than them, or with POLICYC_BUNDLE=0.
 */
function bundledCompiler(): typeof CompileJobModule | undefined {
  return runFreshBundle(
    fileURLToPath(new URL('../policyc-worker.cjs', import.meta.url)),
    fileURLToPath(new URL('./compile-job.js', import.meta.url)),
  ) as typeof CompileJobModule | undefined;
}

// A worker thread of the build pool: compiles the jobs it is sent, one at a time. A build's
// jobs write their outputs here (CompileJob.stageInto): the result that goes back is small.
const compiler = Promise.resolve(bundledCompiler() ?? import('./compile-job.js'));
parentPort!.on('message', (job: CompileJob) => {
  void compiler.then(({ runCompileJob }) => runCompileJob(job)).then((result) => parentPort!.postMessage(result));
});
