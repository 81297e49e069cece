import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { runFreshBundle } from '../code-cache.js';
import type * as CompileJobModule from './compile-job.js';
import type { CompileJob, CompileJobResult } from './compile-job.js';

const encoder = new TextEncoder();

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

/**
 * Sends a result with each output's text as UTF-8 bytes (what the writer
 * writes), moved rather than copied: the writing thread's heap never holds
 * the text, and this thread, not the writing one, pays for encoding it.
 */
function send(result: CompileJobResult): void {
  const moved: ArrayBuffer[] = [];
  const outputs = result.outputs.map((file) => {
    if (typeof file.contents !== 'string') return file;
    const bytes = encoder.encode(file.contents);
    moved.push(bytes.buffer as ArrayBuffer);
    return { path: file.path, contents: bytes };
  });
  parentPort!.postMessage({ ...result, outputs }, moved);
}

// A worker thread of the build pool: compiles the jobs it is sent, one at a time.
const compiler = Promise.resolve(bundledCompiler() ?? import('./compile-job.js'));
parentPort!.on('message', (job: CompileJob) => {
  void compiler.then(({ runCompileJob }) => runCompileJob(job)).then(send);
});
