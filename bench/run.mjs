// npm run bench: prints each figure next to its goal (issue 14); never fails a build on timing.
// The machine may be shared and noisy: compare figures within one run (ratios), not across runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '../lib/index.js';
import { writeCorpus } from './generate.mjs';
import { markdownShare, seedPolicies, writeSeedCorpus } from './seed-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'lib/cli/main.cjs'); // the bin
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const verdict = (met) => (met ? 'met' : 'NOT met');
const row = (label, figure, goal, met) =>
  console.log(
    `  ${label.padEnd(46)} ${figure.padEnd(44)}${goal ? ` goal: ${goal}` : ''}${met === undefined ? '' : ` — ${verdict(met)}`}`,
  );

/**
 * Runs node with `args`: wall time and, with GNU time (Debian's `time`), CPU
 * time (user + system) in milliseconds. On a shared machine CPU time is the
 * steadier figure; the goals are wall times on an idle machine.
 */
function measure(args, cwd, okStatuses = [0], env = process.env) {
  const report = path.join(cwd, '.cpu-time');
  const useTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', report, process.execPath, ...args], {
        cwd,
        env,
        stdio: 'ignore',
      })
    : spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okStatuses.includes(r.status)) throw new Error(`failed (${r.status}): node ${args.join(' ')}`);
  const cpu = useTime ? readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  return { wallMs, cpuMs: cpu.length === 2 ? (cpu[0] + cpu[1]) * 1000 : undefined };
}
const wall = (args, cwd, ok) => measure(args, cwd, ok).wallMs;
const cpuText = (ms) => (ms === undefined ? '' : `, CPU ${fmt(ms)} ms`);
/** The median wall and CPU times of measured runs. */
const medianOfAll = (all) => ({
  wallMs: median(all.map((m) => m.wallMs)),
  cpuMs: all[0].cpuMs === undefined ? undefined : median(all.map((m) => m.cpuMs)),
});
/**
 * Each of `measures` (functions that run and measure once) run `runs` times, in turn: a round runs each once, so
 * that a busy spell of a shared machine falls on all of them alike, not on one. The median of each, in order.
 */
function interleavedMedians(runs, measures) {
  const all = measures.map(() => []);
  for (let round = 0; round < runs; round++) measures.forEach((measured, i) => all[i].push(measured()));
  return all.map(medianOfAll);
}

/** Peak resident memory (KB) of a CLI run, as GNU time reports it (Debian's `time` package); undefined without it. */
function peakRssKb(args, cwd) {
  const report = path.join(cwd, '.peak-rss');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, ...args], { cwd, stdio: 'ignore' });
  if (r.error || !existsSync(report)) return undefined;
  const kb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
  return Number.isFinite(kb) && kb > 0 ? kb : undefined;
}

const temp = [];
const tempDir = (name) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `policyc-bench-${name}-`));
  temp.push(dir);
  return dir;
};

/** Warm, in process: every output in both languages, compiled in memory, no writes. */
async function inProcess(files) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  await compilePolicy(texts[0], files[0]); // warm: schema, templates, locales loaded
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) {
    const result = await compilePolicy(texts[i], files[i]);
    if (result.outputs.length === 0)
      throw new Error(`${files[i]} did not compile: ${JSON.stringify(result.diagnostics[0])}`);
  }
  const cpu = process.cpuUsage(c0);
  return { wallMs: (performance.now() - t0) / texts.length, cpuMs: (cpu.user + cpu.system) / 1000 / texts.length };
}

const seeds = seedPolicies(root);
const doctolib = seeds.filter((p) => p.id === 'doctolib');
const N = Number(process.env.BENCH_N ?? 1000);
console.log(
  `policyc benchmark — ${os.cpus().length} cores, node ${process.version}, load average ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ')}\n`,
);

// 1. Where the time goes, warm and in process, on three corpora.
const corpora = [
  ['Doctolib copies (real policy)', writeSeedCorpus(tempDir('doctolib'), Math.min(N, 50), doctolib)],
  ['seed copies (realistic)', writeSeedCorpus(tempDir('seeds'), Math.min(N, 50), seeds)],
  ['synthetic (Markdown in every long text)', writeCorpus(tempDir('synthetic'), Math.min(N, 50))],
];
console.log('Warm, in process, one thread, both languages, every output, no writes');
for (const [name, files] of corpora) {
  const share = markdownShare(files.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
  const { wallMs, cpuMs } = await inProcess(files);
  row(
    `${name}, ${fmt((100 * share.marked) / share.texts, 1)}% Markdown`,
    `${fmt(wallMs, 1)} ms per policy (${fmt(1000 / wallMs)}/s), CPU ${fmt(cpuMs, 1)} ms`,
    '',
  );
}

/**
 * What creating files costs on this disk right now, in this process: 1,000
 * new files of 32 KB in 50 new folders (a build of 50 policies makes about as
 * many). On ext4 without a journal (this machine's), creating files costs
 * several times more system CPU for minutes after many files were deleted
 * (the kernel's recently_deleted check in inode allocation), which moves the
 * throughput figure below: the README's performance section has the numbers.
 */
function diskProbe() {
  const dir = tempDir('disk');
  const data = Buffer.alloc(32 * 1024, 'policyc ');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let d = 0; d < 50; d++) {
    mkdirSync(path.join(dir, `${d}`));
    for (let f = 0; f < 20; f++) writeFileSync(path.join(dir, `${d}`, `${f}.txt`), data);
  }
  const cpu = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, systemMs: cpu.system / 1000 };
}

// 2. Throughput of the CLI, with writes: copies of the real Doctolib policy.
console.log(`\nThroughput: policyc build of ${N} Doctolib copies (default --jobs, writes included)`);
const corpus = tempDir('build');
writeSeedCorpus(corpus, N, doctolib);
const disk = diskProbe();
row('disk: 1,000 new files of 32 KB', `${fmt(disk.wallMs)} ms, system CPU ${fmt(disk.systemMs)} ms`, '');
const full = measure([cli, 'build', '--out', path.join(corpus, 'dist')], corpus);
const buildMs = full.wallMs;
const perSecond = (N * 1000) / buildMs;
row(
  'policyc build',
  `${fmt(perSecond)} policies/s (${fmt(buildMs)} ms${cpuText(full.cpuMs)})`,
  '≥ 200 policies/s',
  perSecond >= 200,
);
const pandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' });
if (pandoc.error) {
  row('pandoc, Markdown → HTML of the same notices', 'pandoc not installed: skipped', 'policyc ≥ 40× pandoc');
} else {
  const notices = ['nl', 'en'].map((lang) => path.join(corpus, 'dist', `doctolib-00000`, lang, 'privacy.md'));
  const start = process.hrtime.bigint();
  const runs = Math.min(N, 20);
  for (let i = 0; i < runs; i++)
    for (const md of notices) spawnSync('pandoc', ['-f', 'gfm', '-t', 'html', md, '-o', '/dev/null']);
  const pandocPerPolicy = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  const ratio = pandocPerPolicy / (buildMs / N);
  row(
    'pandoc, Markdown → HTML only (both languages)',
    `${fmt(pandocPerPolicy, 1)} ms per policy: policyc ${fmt(ratio, 1)}×`,
    'policyc ≥ 40× pandoc',
    ratio >= 40,
  );
}

// 3. Cold start: the real Doctolib policy as it is (no Markdown in it, so no Markdown stack loads), against bare
// node; and a copy of it with a link in a Markdown text, whose parser and HTML pipeline load too (no goal).
const one = tempDir('one');
mkdirSync(path.join(one, 'policies', 'doctolib'), { recursive: true });
writeFileSync(
  path.join(one, 'policies', 'doctolib', 'policy.json'),
  readFileSync(path.join(root, 'policies', 'doctolib', 'policy.json')),
);
const linked = tempDir('linked');
writeSeedCorpus(linked, 1, doctolib);
// Interleaved (interleavedMedians), 15 rounds: the ratios to bare node are what the goals are judged by.
const runs = 15;
// The issue gives each goal in milliseconds and as a ratio to bare node (measured when node -e 0 took 60–75 ms):
// both verdicts are printed, since a slower or busier machine moves the one and not the other.
const coldRow = (label, m, bare, goalMs, goalRatio) =>
  row(
    label,
    `${fmt(m.wallMs)} ms${cpuText(m.cpuMs)} (${fmt(m.wallMs / bare.wallMs, 1)}× node -e 0${
      m.cpuMs && bare.cpuMs ? `; CPU ${fmt(m.cpuMs / bare.cpuMs, 1)}×` : ''
    })`,
    `≤ ${goalMs} ms (${verdict(m.wallMs <= goalMs)}); ≤ ${goalRatio}× node -e 0`,
    m.wallMs <= goalRatio * bare.wallMs,
  );
/** The cold runs in one environment, each the median of `runs` taken in turn with the others, printed under `title`. */
function coldStart(title, env) {
  const check = (dir) => () => measure([cli, 'check'], dir, [0, 1], env);
  const build = (dir) => () => measure([cli, 'build', '--force', '--out', path.join(dir, 'dist')], dir, [0], env);
  const [bare, plainCheck, plainBuild, linkCheck, linkBuild] = interleavedMedians(runs, [
    () => measure(['-e', '0'], one, [0], env),
    check(one),
    build(one),
    check(linked),
    build(linked),
  ]);
  const [plain, withLink] = [
    { check: plainCheck, build: plainBuild },
    { check: linkCheck, build: linkBuild },
  ];
  console.log(`\n${title} (median of ${runs}, interleaved; node -e 0: ${fmt(bare.wallMs)} ms${cpuText(bare.cpuMs)})`);
  coldRow('policyc check', plain.check, bare, 150, 2);
  coldRow('policyc build', plain.build, bare, 250, 3.5);
  row(
    'a copy with one link in a Markdown text: check',
    `${fmt(withLink.check.wallMs)} ms${cpuText(withLink.check.cpuMs)}`,
    '',
  );
  row(
    'a copy with one link in a Markdown text: build',
    `${fmt(withLink.build.wallMs)} ms${cpuText(withLink.build.cpuMs)}`,
    '',
  );
}
coldStart('Cold start, the Doctolib policy', process.env);
// Node reads every certificate named by NODE_EXTRA_CA_CERTS at start-up, before any of policyc's code runs (about
// 55 ms here, for a bundle of 144): a machine that sets it pays that for every node process. policyc makes no
// network requests, so the same runs without it show what policyc itself costs.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _unset, ...env } = process.env;
  coldStart('Cold start again, without NODE_EXTRA_CA_CERTS (this machine sets it)', env);
}

// 4. Incremental build: the same corpus, one policy changed (a new change each time; median of 3).
console.log(`\nIncremental build: policyc build of the same ${N} Doctolib copies after one changed`);
const changed = path.join(corpus, 'policies', 'doctolib-00000', 'policy.json');
const policy = JSON.parse(readFileSync(changed, 'utf8'));
const name = policy.controller.name;
const incrementalMs = median(
  [1, 2, 3].map((n) => {
    policy.controller.name = `${name} (changed ${n})`;
    writeFileSync(changed, JSON.stringify(policy, null, 2));
    return wall([cli, 'build', '--out', path.join(corpus, 'dist')], corpus);
  }),
);
const unchangedMs = wall([cli, 'build', '--out', path.join(corpus, 'dist')], corpus);
row(
  'second build (median of 3)',
  `${fmt(incrementalMs)} ms (${fmt((100 * incrementalMs) / buildMs, 1)}% of the full build)`,
  '≤ 5% of a full build',
  incrementalMs <= 0.05 * buildMs,
);
row('same, nothing changed', `${fmt(unchangedMs)} ms (${fmt((100 * unchangedMs) / buildMs, 1)}%)`, '');

// 5. Peak memory as N grows: outputs stream to disk per policy, so it should stay flat. One run each spreads
// ±5% on this machine (N = 50 gave 181–200 MB in one session), so each N is the median of three, interleaved.
console.log('\nPeak memory of policyc build (max RSS), Doctolib copies (median of 3, interleaved)');
const memoryRuns = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
const peaks = new Map([
  [50, []],
  [800, []],
]);
const memoryCorpora = new Map([...peaks.keys()].map((n) => [n, tempDir(`mem-${n}`)]));
for (const [n, dir] of memoryCorpora) writeSeedCorpus(dir, n, doctolib);
for (let run = 0; run < memoryRuns; run++)
  for (const [n, dir] of memoryCorpora) {
    peaks.get(n).push(peakRssKb([cli, 'build', '--out', path.join(dir, `dist-${run}`)], dir));
  }
for (const dir of memoryCorpora.values()) rmSync(dir, { recursive: true, force: true });
const peakOf = (n) => (peaks.get(n).includes(undefined) ? undefined : median(peaks.get(n)));
const [p50, p800] = [peakOf(50), peakOf(800)];
const mb = (kb) => fmt(kb / 1024);
if (p50 === undefined || p800 === undefined)
  row('N = 50 / 800', 'n/a (no /usr/bin/time)', 'N = 800 within 15% of N = 50');
else
  row(
    'N = 50 / 800',
    `${mb(p50)} / ${mb(p800)} MB (+${fmt((100 * (p800 - p50)) / p50)}%; runs ${peaks.get(50).map(mb).join(', ')} / ${peaks.get(800).map(mb).join(', ')})`,
    'N = 800 within 15% of N = 50',
    p800 <= p50 * 1.15,
  );

// 6. The test suite (minutes): only when asked.
console.log('\nTest suite');
if (process.env.BENCH_TESTS) {
  const start = process.hrtime.bigint();
  const r = spawnSync('npx', ['vitest', 'run'], { cwd: root, stdio: 'ignore' });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  row(`npx vitest run (exit ${r.status})`, `${fmt(s)} s`, '< 180 s (npm test)', s < 180);
} else {
  row('npm test', 'not run (BENCH_TESTS=1 npm run bench)', '< 180 s');
}

for (const dir of temp) rmSync(dir, { recursive: true, force: true });
