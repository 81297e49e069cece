// npm run bench: prints figures; never fails a build on timing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '../lib/index.js';
import { writeCorpus } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'lib/cli/main.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

function wall(args, cwd, okStatuses = [0]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (!okStatuses.includes(r.status)) throw new Error(`failed: node ${args.join(' ')}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Peak resident memory (KB) of a CLI run, as GNU time reports it (Debian's `time` package); undefined without it. */
function peakRssKb(args, cwd) {
  const report = path.join(cwd, '.peak-rss');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, ...args], { cwd, stdio: 'ignore' });
  if (r.error || !existsSync(report)) return undefined;
  const kb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
  return Number.isFinite(kb) && kb > 0 ? kb : undefined;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'policyc-bench-'));
console.log(`policyc benchmark — ${os.cpus().length} cores, node ${process.version}\n`);

// 1. Throughput, in process: every output in both languages, all compiled in memory.
const N = Number(process.env.BENCH_N ?? 300);
const files = writeCorpus(work, N);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const sizeKb = texts.reduce((a, t) => a + t.length, 0) / N / 1024;
await compilePolicy(texts[0], files[0]); // warm: schema compiled, templates loaded
let outputBytes = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const result = await compilePolicy(texts[i], files[i]);
  if (result.outputs.length === 0) throw new Error(`policy ${i} did not compile: ${JSON.stringify(result.diagnostics[0])}`);
  for (const o of result.outputs) outputBytes += o.contents.length;
}
const seconds = (performance.now() - t0) / 1000;
console.log('Throughput (in process, warm, both languages, all outputs)');
console.log(`  ${N} policies of ${fmt(sizeKb, 1)} KB JSON → ${fmt(outputBytes / N / 1024, 1)} KB output each`);
console.log(`  ${fmt(N / seconds, 0)} policies/s (${fmt((seconds * 1000) / N, 2)} ms per policy)\n`);

// 2. The CLI end to end, with writes.
const cliMs = wall([cli, 'build', '--out', path.join(work, 'dist')], work);
console.log('CLI build, cold process, with writes');
console.log(`  ${N} policies in ${fmt(cliMs)} ms → ${fmt((N * 1000) / cliMs, 0)} policies/s\n`);

// 3. Cold start: one policy, against bare node.
const one = mkdtempSync(path.join(os.tmpdir(), 'policyc-one-'));
writeCorpus(one, 1);
const runs = 9;
const nodeMs = median(Array.from({ length: runs }, () => wall(['-e', '0'], one)));
// The synthetic policy has compliance findings, so check may exit 1.
const checkMs = median(Array.from({ length: runs }, () => wall([cli, 'check'], one, [0, 1])));
const buildMs = median(Array.from({ length: runs }, () => wall([cli, 'build', '--out', path.join(one, 'dist')], one)));
console.log(`Cold start (median of ${runs})`);
console.log(`  node -e 0             ${fmt(nodeMs)} ms`);
console.log(`  policyc check (1)     ${fmt(checkMs)} ms`);
console.log(`  policyc build (1)     ${fmt(buildMs)} ms  (${fmt(buildMs - nodeMs)} ms above bare node)\n`);

// 4. Peak memory as N grows: the build streams outputs to disk, so it should stay flat.
console.log('Peak memory of policyc build (max RSS)');
for (const n of [50, 200, 800]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `policyc-mem-${n}-`));
  writeCorpus(dir, n);
  const kb = peakRssKb([cli, 'build', '--out', path.join(dir, 'dist')], dir);
  console.log(`  N=${String(n).padEnd(4)} ${kb === undefined ? 'n/a (no /usr/bin/time)' : `${fmt(kb / 1024, 1)} MB`}`);
  rmSync(dir, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });
rmSync(one, { recursive: true, force: true });
