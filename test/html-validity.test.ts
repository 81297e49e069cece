import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runNuChecker } from './support/nu-checker.js';
import { buildSeeds, type SeedBuild } from './support/seed-pages.js';

/**
 * Every standalone page of every seed, and every fragment embedded in a
 * minimal host page, through the Nu Html Checker (vnu-jar, run with the
 * machine's Java) — one JVM for all files.
 */
let seeds: SeedBuild;
let hostDir: string;

beforeAll(async () => {
  seeds = await buildSeeds();
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'policyc-host-'));
}, 60_000);

afterAll(() => {
  if (seeds) rmSync(seeds.outDir, { recursive: true, force: true });
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

test('every page and embedded fragment has 0 Nu Html Checker errors', () => {
  const pages = seeds.pages.map((p) => path.join(seeds.outDir, p));
  const hosts = seeds.fragments.map((p) => {
    const fragment = readFileSync(path.join(seeds.outDir, p), 'utf8');
    const lang = /\blang="([a-z]{2})"/.exec(fragment)?.[1] ?? 'en';
    const host = path.join(hostDir, p.replace(/\//g, '_'));
    writeFileSync(
      host,
      `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>Host</title>\n</head>\n<body>\n<main>\n${fragment}</main>\n</body>\n</html>\n`,
    );
    return host;
  });
  const run = runNuChecker([...pages, ...hosts]);
  expect(run.error, 'java must be installed (.ci/run installs default-jre-headless)').toBeUndefined();
  const messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
  expect(
    messages.map((m) => `${m.url}:${m.lastLine ?? ''} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`),
  ).toEqual([]);
  expect(run.status).toBe(0);
  expect(pages.length).toBeGreaterThan(0);
  expect(hosts.length).toBeGreaterThan(0);
}, 120_000);
