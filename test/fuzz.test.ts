import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/pipeline/compile.js';
import { repoRoot } from './support/cli.js';

/**
 * Seeded mutations of every policy in policies/ through compile(): it never
 * throws (nor reports an internal error), no input takes more than a few
 * seconds, every error diagnostic has a line and column, and an input with
 * errors produces no output. The run is bounded by count and by time;
 * `npm run fuzz` runs a larger one (FUZZ_RUNS, FUZZ_SECONDS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
// 20 s in `npm test` (it ran 45 s before, a quarter of the suite's budget); `npm run fuzz` gives it 900.
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const MAX_MS_PER_INPUT = 5000;

const policies = readdirSync(path.join(repoRoot, 'policies'))
  .sort()
  .map((id) => readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8'));

/** Hostile text pieces found by earlier attacks, mixed with arbitrary strings. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '=HYPERLINK("x")',
    '\r# heading',
    '```',
    '~~~\ncode',
    '> '.repeat(50),
    '1. '.repeat(50),
    ' '.repeat(5000),
    '\uFFFE',
    '\u2028',
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '![i](http://x)',
    '\\',
    '*'.repeat(300),
    '[['.repeat(200),
    '1980-01-01',
    '1900-01-01',
    '2200-12-31',
    'P99999Y',
    '\uD800',
  ),
);
const jsonValue = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostile, { maxLength: 3 }),
);

type Mutation =
  | { kind: 'string'; index: number; value: string }
  | { kind: 'value'; index: number; value: unknown }
  | { kind: 'delete'; index: number }
  | { kind: 'text'; at: number; cut: number; insert: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('string' as const), index: fc.nat(), value: hostile }),
  fc.record({ kind: fc.constant('value' as const), index: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant('text' as const),
    at: fc.nat(),
    cut: fc.nat({ max: 20 }),
    insert: fc.string({ maxLength: 8 }),
  }),
);

/** Every [container, key] in a parsed policy, in document order. */
function slots(value: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []): typeof out {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([value, i]);
      slots(v, out);
    });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, k]);
      slots(v, out);
    }
  return out;
}

function apply(text: string, m: Mutation): string {
  if (m.kind === 'text') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at + m.cut);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text; // an earlier text mutation broke the JSON: nothing to mutate structurally
  }
  const all = slots(value);
  const candidates =
    m.kind === 'string' ? all.filter(([c, k]) => typeof (c as Record<string | number, unknown>)[k] === 'string') : all;
  if (!candidates.length) return text;
  const [container, key] = candidates[m.index % candidates.length]!;
  if (m.kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else (container as Record<string | number, unknown>)[key] = m.value;
  return JSON.stringify(value, null, 2);
}

describe('fuzz: mutated policies through compile()', () => {
  it(
    `never throws, stays fast, positions every error, writes nothing on error (seed ${SEED}, up to ${RUNS} runs or ${SECONDS} s)`,
    async () => {
      const inputs = fc.sample(
        fc.tuple(fc.nat({ max: policies.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 })),
        { seed: SEED, numRuns: RUNS },
      );
      for (const text of policies) await compile(text); // warm up: the first compile loads the renderers (seconds)
      const deadline = Date.now() + SECONDS * 1000;
      const figures = { runs: 0, withErrors: 0, compiled: 0, slowestMs: 0 };
      for (const [policy, mutations] of inputs) {
        if (Date.now() > deadline) break;
        // compile() settles in microtasks: give the event loop a turn now and then, or vitest's worker RPC times out on long runs.
        if (figures.runs % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
        const text = mutations.reduce(apply, policies[policy]!);
        const started = Date.now();
        const result = await compile(text);
        const ms = Date.now() - started;
        figures.runs++;
        figures.slowestMs = Math.max(figures.slowestMs, ms);
        const context = `policy ${policy}, mutations ${JSON.stringify(mutations).slice(0, 300)}`;
        expect(ms, context).toBeLessThan(MAX_MS_PER_INPUT);
        expect(
          result.diagnostics.filter((d) => d.ruleId === 'internal/error'),
          context,
        ).toEqual([]);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        for (const d of errors)
          expect([typeof d.line, typeof d.column], `${context}: ${d.ruleId} ${d.message}`).toEqual([
            'number',
            'number',
          ]);
        if (errors.length) {
          figures.withErrors++;
          expect(result.outputs, context).toEqual([]);
        } else figures.compiled++;
      }
      console.log(`fuzz: ${JSON.stringify(figures)}`);
      expect(figures.runs).toBeGreaterThan(Math.min(RUNS, 200));
    },
    (SECONDS + 120) * 1000,
  );
});
