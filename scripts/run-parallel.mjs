#!/usr/bin/env node
// Runs npm scripts side by side and prints each one's output whole, in the
// order given, once it has finished; exits 1 if any of them failed. npm test
// uses it for the checks that need nothing from each other (the two type
// checks, eslint, prettier): each is single-threaded, so on two cores they take
// about half the time one after the other did.
import { spawn } from 'node:child_process';

/** Runs `npm run <name>` with its output collected; resolves with the exit code and the output. */
function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: node scripts/run-parallel.mjs <npm script>...\n');
  process.exit(2);
}
const results = await Promise.all(names.map(run));
for (const { name, code, output, seconds } of results) {
  process.stdout.write(`> npm run ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
