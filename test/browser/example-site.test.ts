import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compile, type CompileResult } from '../../src/index.js';
import { launchChromium, STRICT_CSP, watchPage, type Browser } from '../support/browser.js';
import { repoRoot } from '../support/cli.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';

/**
 * examples/static-site: a site that depends on policyc (file:../..), builds
 * with the library API and embeds the notice fragment in its own layout.
 * The test installs it offline, runs its build, and checks the result: the
 * fragment is there unchanged, the pages are valid HTML (Nu checker), and in
 * Chromium under a strict CSP they load cleanly and pass axe-core.
 */
const exampleDir = path.join(repoRoot, 'examples/static-site');
const policyFile = path.join(repoRoot, 'policies/ipractice/policy.json');
const out = mkdtempSync(path.join(os.tmpdir(), 'policyc-example-'));
let compiled: CompileResult;
let server: StaticServer;
let browser: Browser;
let build: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  if (!existsSync(path.join(exampleDir, 'node_modules/policyc'))) {
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: exampleDir, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm install in examples/static-site failed:\n${install.stderr}`);
  }
  build = spawnSync(process.execPath, ['build.js', '--policy', policyFile, '--out', out], { cwd: exampleDir, encoding: 'utf8' });
  compiled = await compile(readFileSync(policyFile, 'utf8'));
  server = await serveFolder(out, { 'Content-Security-Policy': STRICT_CSP });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

const sitePages = (): string[] => compiled.outputs.filter((o) => o.path.endsWith('/privacy.fragment.html')).map((o) => `${o.path.split('/')[1]}/privacy/index.html`);

test('the example builds and embeds the fragment and the JSON-LD unchanged', () => {
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  for (const fragment of compiled.outputs.filter((o) => o.path.endsWith('/privacy.fragment.html'))) {
    const lang = fragment.path.split('/')[1]!;
    const page = readFileSync(path.join(out, lang, 'privacy/index.html'), 'utf8');
    expect(page).toContain(String(fragment.contents).trimEnd());
    expect(page).toContain(`<html lang="${lang}">`);
  }
  expect(readFileSync(path.join(out, 'policy.jsonld'), 'utf8')).toBe(String(compiled.outputs.find((o) => o.path.endsWith('policy.jsonld'))!.contents));
});

test('the example pages have 0 Nu Html Checker errors', () => {
  const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
  const files = [path.join(out, 'index.html'), ...sitePages().map((p) => path.join(out, p))];
  const run = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8' });
  const messages = (JSON.parse(run.stderr) as { messages: Array<{ url: string; lastLine?: number; message: string }> }).messages;
  expect(messages.map((m) => `${m.url}:${m.lastLine ?? ''} ${m.message}`)).toEqual([]);
}, 60_000);

test('the example pages load cleanly under a strict CSP and pass axe-core (WCAG 2.1 AA)', async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const [pagePath, viewport] of sitePages().flatMap((p) => [[p, { width: 1280, height: 800 }], [p, { width: 360, height: 740 }]] as const)) {
    const page = await browser.newPage({ viewport });
    const watch = watchPage(page);
    await page.goto(`${server.origin}/${pagePath}`, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; help: string }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help}`);
    });
    expect(watch.problems, pagePath).toEqual([]);
    expect(violations, `${pagePath} at ${viewport.width}px`).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display), 'site.css applied').toBe('flex');
    await page.close();
  }
}, 60_000);
