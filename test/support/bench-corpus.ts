import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './cli.js';

/**
 * The benchmark's corpus writers (bench/*.mjs), run in the test's own process: the tests that need a corpus test
 * what is done with it, not a node process writing it (one started for each corpus cost its start-up and a load of
 * the validator every time).
 */
interface Generate {
  writeCorpus(dir: string, count: number): string[];
}
interface SeedCorpus {
  seedPolicies(root: string): unknown;
  writeSeedCorpus(dir: string, count: number, sources: unknown): unknown;
}

const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(repoRoot, 'bench', file)).href)) as T;

/** `count` synthetic policies (bench/generate.mjs) under `dir`/policies. */
export async function writeSyntheticCorpus(dir: string, count: number): Promise<void> {
  (await load<Generate>('generate.mjs')).writeCorpus(dir, count);
}

/** `count` copies of the seed policies (bench/seed-corpus.mjs) under `dir`/policies. */
export async function writeSeedCopies(dir: string, count: number): Promise<void> {
  const m = await load<SeedCorpus>('seed-corpus.mjs');
  m.writeSeedCorpus(dir, count, m.seedPolicies(repoRoot));
}
