import { parentPort } from 'node:worker_threads';
import { runCompileJob, type CompileJob, type CompileJobResult } from './compile-job.js';

const encoder = new TextEncoder();

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
parentPort!.on('message', (job: CompileJob) => {
  void runCompileJob(job).then(send);
});
