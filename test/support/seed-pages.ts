import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  analysePolicy,
  buildRegister,
  compile,
  type CompileResult,
  type Language,
  type OutputFile,
  type Register,
} from '../../src/index.js';
import { messagesFor } from '../../src/i18n/messages.js';
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

/** Compiles the named seeds (policies/<org>/policy.json) in the given languages and writes their outputs under `outDir`. */
export async function writeSeeds(
  outDir: string,
  orgs: readonly string[],
  languages: readonly Language[] = ['nl'],
): Promise<void> {
  for (const org of orgs) {
    const policy = readFileSync(path.join(repoRoot, 'policies', org, 'policy.json'), 'utf8');
    writeOutputs(await compile(policy, { languages: [...languages] }), outDir);
  }
}

export interface SeedBuild {
  outDir: string;
  /** Output paths of every standalone HTML page (any output kind), relative to outDir, e.g. 'ipractice/nl/privacy.html'. */
  pages: string[];
  /** Output paths of every HTML fragment meant to be embedded in a site's page. */
  fragments: string[];
  results: Map<string, CompileResult>;
  /** The languages written for each organisation id. */
  languages: Map<string, Language[]>;
  /** The art. 30 register as the pages were built from it, by '<org>/<lang>'. */
  registers: Map<string, Register>;
  /** Organisations whose policy gives an e-mail address or phone number for the controller or DPO. */
  contactable: Set<string>;
}

/** A complete HTML document, as opposed to a fragment or another format. */
function isStandalonePage(file: OutputFile): boolean {
  return file.path.endsWith('.html') && String(file.contents).trimStart().toLowerCase().startsWith('<!doctype html>');
}

/** Compiles `policies` (by default every policy of webTestPolicies()) with the library API into a fresh temporary folder. */
export async function buildSeeds(policies: readonly string[] = webTestPolicies()): Promise<SeedBuild> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'policyc-seeds-'));
  const results = new Map<string, CompileResult>();
  const pages: string[] = [];
  const fragments: string[] = [];
  const languages = new Map<string, Language[]>();
  const registers = new Map<string, Register>();
  const contactable = new Set<string>();
  for (const file of policies) {
    const result = await compile(readFileSync(path.join(repoRoot, file), 'utf8'), { file });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`${file} does not compile: ${errors.map((d) => d.message).join('; ')}`);
    writeOutputs(result, outDir);
    results.set(file, result);
    const { model } = analysePolicy(readFileSync(path.join(repoRoot, file), 'utf8'), file);
    languages.set(model!.id, [...model!.languages]);
    const { controller, dpo } = model!.source;
    if ([controller.contact, dpo?.contact].some((c) => c?.email || c?.phone)) contactable.add(model!.id);
    for (const lang of model!.languages)
      registers.set(`${model!.id}/${lang}`, buildRegister(model!, messagesFor(lang, model!.source.metadata.formality)));
    pages.push(...result.outputs.filter(isStandalonePage).map((o) => o.path));
    fragments.push(...result.outputs.filter((o) => o.path.endsWith('.fragment.html')).map((o) => o.path));
  }
  return { outDir, pages: pages.sort(), fragments: fragments.sort(), results, languages, registers, contactable };
}

/**
 * Only the notices (the 'notice' output group: privacy.html and its siblings) of every seed, into a fresh temporary
 * folder: byte for byte the files buildSeeds writes for them, without the registers and workbooks, which cost more
 * than half of a seed's compile. Returns the folder and the privacy.html pages, sorted.
 */
export async function buildSeedNotices(): Promise<{ outDir: string; notices: string[] }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'policyc-notices-'));
  const notices: string[] = [];
  for (const file of seedPolicies()) {
    const result = await compile(readFileSync(path.join(repoRoot, file), 'utf8'), { file, groups: ['notice'] });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`${file} does not compile: ${errors.map((d) => d.message).join('; ')}`);
    writeOutputs(result, outDir);
    notices.push(...result.outputs.filter((o) => o.path.endsWith('/privacy.html')).map((o) => o.path));
  }
  return { outDir, notices: notices.sort() };
}
