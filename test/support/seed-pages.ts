import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, type CompileResult } from '../../src/index.js';
import { repoRoot } from './cli.js';

/** Every policy in policies/ (whatever seeds exist), as paths relative to the repository. */
export function seedPolicies(): string[] {
  const dir = path.join(repoRoot, 'policies');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'policy.json')))
    .map((e) => path.join('policies', e.name, 'policy.json'))
    .sort();
}

/**
 * What the web tests check: every seed, plus a fixture with every optional
 * section filled in (DPO, representative, transfers, automated decisions,
 * tables), so that no block of the notice goes untested.
 */
export function webTestPolicies(): string[] {
  return [...seedPolicies(), path.join('test', 'fixtures', 'web', 'every-section', 'policy.json')];
}

/** Writes a compile result's outputs under `outDir`. */
export function writeOutputs(result: CompileResult, outDir: string): void {
  for (const file of result.outputs) {
    const target = path.join(outDir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

export interface SeedBuild {
  outDir: string;
  /** Output paths of every standalone page, relative to outDir, e.g. 'ipractice/nl/privacy.html'. */
  pages: string[];
  results: Map<string, CompileResult>;
}

/** Compiles every policy of webTestPolicies() with the library API into a fresh temporary folder. */
export async function buildSeeds(): Promise<SeedBuild> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'policyc-seeds-'));
  const results = new Map<string, CompileResult>();
  const pages: string[] = [];
  for (const file of webTestPolicies()) {
    const result = await compile(readFileSync(path.join(repoRoot, file), 'utf8'), { file });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`${file} does not compile: ${errors.map((d) => d.message).join('; ')}`);
    writeOutputs(result, outDir);
    results.set(file, result);
    pages.push(...result.outputs.filter((o) => o.path.endsWith('/privacy.html')).map((o) => o.path));
  }
  return { outDir, pages: pages.sort(), results };
}

/** The standalone pages every seed compiles to ('<org>/<lang>/privacy.html'), known before compiling, so tests can be named per page. */
export function seedPagePaths(): string[] {
  return webTestPolicies().flatMap((file) => {
    const policy = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as { id: string; metadata: { languages: string[] } };
    return policy.metadata.languages.map((lang) => `${policy.id}/${lang}/privacy.html`);
  }).sort();
}
