import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { compile } from '../../src/index.js';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { joinPointer } from '../../src/load/json-pointer.js';
import type { MarkdownText } from '../../src/policy/policy-types.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { stylesheet } from '../../src/render/templates.js';
import {
  workerChromium,
  watchPage,
  type Browser,
  type ConsoleMessage,
  type Page,
  type PageWatch,
} from '../support/browser.js';
import { repoRoot } from '../support/cli.js';
import { markdownPayloads, plainTextPayloads } from '../support/injection-corpus.js';
import { webTestPolicies, writeOutputs } from '../support/seed-pages.js';
import { serveFolder, type StaticServer } from '../support/static-server.js';

/**
 * Script injection, end to end. (a) Every plain-text field of every seed
 * (names, labels, explanations — where such text is legal) gets a payload,
 * the policy is compiled through the public API, and the pages are opened in
 * Chromium. (b) Validation is bypassed: Markdown fields of a resolved model
 * get payloads that validation would refuse, and the renderer is called
 * directly, proving the sanitiser is a real second line of defence. (c) The
 * generated Markdown is rendered by a permissive Markdown→HTML pipeline (raw
 * HTML allowed, as many site generators do) and opened too. No CSP is sent:
 * the escaping alone must hold.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-injection-'));
if (process.env.KEEP) console.log(root);
const pages: string[] = [];
let server: StaticServer;
let browser: Browser;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every string under a language key, and the plain names, as pointers. */
function textPointers(value: Json, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textPointers(v, joinPointer(pointer, i)));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = joinPointer(pointer, key);
    if (typeof v === 'string') return ['nl', 'en', 'name', 'shortName'].includes(key) ? [here] : [];
    return textPointers(v, here);
  });
}

function setAt(document: Json, pointer: string, value: string): void {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = document as Record<string, Json>;
  for (const token of tokens.slice(0, -1)) node = node[token] as Record<string, Json>;
  node[tokens[tokens.length - 1]!] = value;
}

/** Payloads in every plain-text field; fields validation refuses them in (Markdown) are put back. */
async function injectPlainText(file: string): Promise<{ id: string; injected: number }> {
  const original = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Json;
  const pointers = textPointers(original);
  const refused = new Set<string>();
  for (let round = 0; round < 5; round++) {
    const document = structuredClone(original);
    // A statement that names no organisation shows a placeholder instead of controller.name: show the injected name.
    delete (document as { controller?: { placeholder?: unknown } }).controller?.placeholder;
    pointers
      .filter((p) => !refused.has(p))
      .forEach((p, i) => setAt(document, p, `${plainTextPayloads[i % plainTextPayloads.length]} #${i}`));
    const result = await compile(document as object, { file });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) {
      writeOutputs(result, path.join(root, 'plain'));
      return { id: result.id!, injected: pointers.length - refused.size };
    }
    for (const error of errors) {
      if (error.ruleId !== 'schema/unsafe-markdown' && error.ruleId !== 'schema/invalid')
        throw new Error(`${error.pointer}: ${error.message} [${error.ruleId}]`);
      refused.add(error.pointer);
    }
  }
  throw new Error(`${file}: payloads still refused after 5 rounds`);
}

/** Markdown payloads straight into a resolved model, past validation, rendered with the real renderer. */
function injectMarkdown(file: string): string[] {
  const analysed = analysePolicy(readFileSync(path.join(repoRoot, file), 'utf8'), file);
  const model = analysed.model!;
  let next = 0;
  const payload = (): MarkdownText => {
    const md = `${markdownPayloads[next % markdownPayloads.length]}\n\nMARKER-${next++}`;
    return { nl: md, en: md };
  };
  const s = model.source;
  s.introduction = payload();
  s.scope = payload();
  s.sharing = payload();
  s.transfers = { ...s.transfers, statement: payload() };
  s.rights = { ...s.rights, howToExercise: payload(), notes: { access: payload() } };
  s.security = { ...s.security, description: payload() };
  s.cookies = { used: true, description: payload() };
  s.complaints = { ...s.complaints, internal: payload() };
  s.changes = { ...s.changes, statement: payload() };
  for (const purpose of model.purposes) purpose.description = payload();
  const written: string[] = [];
  for (const lang of model.languages) {
    const rendered = renderNotice(model, messagesFor(lang, s.metadata.formality));
    const dir = path.join(root, 'markdown', model.id, lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'privacy.html'), rendered.html);
    writeFileSync(path.join(dir, 'privacy.css'), stylesheet());
    for (let i = 0; i < next; i++) expect(rendered.html, `MARKER-${i} rendered`).toContain(`MARKER-${i}`);
    written.push(`markdown/${model.id}/${lang}/privacy.html`);
  }
  return written;
}

/** privacy.md through a permissive Markdown renderer that passes raw HTML through. */
function renderMarkdownPermissively(mdPath: string): string {
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(readFileSync(mdPath, 'utf8')),
  );
  const out = mdPath.replace(/\.md$/, '.md.html');
  writeFileSync(
    out,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>md</title></head><body>${html}</body></html>`,
  );
  return out;
}

beforeAll(async () => {
  for (const file of webTestPolicies()) {
    const { id, injected } = await injectPlainText(file);
    expect(injected).toBeGreaterThan(10);
    const languages = (
      JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as { metadata: { languages: string[] } }
    ).metadata.languages;
    for (const lang of languages) {
      pages.push(`plain/${id}/${lang}/privacy.html`);
      renderMarkdownPermissively(path.join(root, 'plain', id, lang, 'privacy.md'));
      pages.push(`plain/${id}/${lang}/privacy.md.html`);
    }
    pages.push(...injectMarkdown(file));
  }
  server = await serveFolder(root);
  browser = await workerChromium();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (!process.env.KEEP) rmSync(root, { recursive: true, force: true });
});

/** Loads one page in `page` and asserts that no payload ran or left markup in it. */
async function inspectPage(page: Page, pagePath: string): Promise<void> {
  const watch = watchPage(page);
  const logs: string[] = [];
  const log = (m: ConsoleMessage) => logs.push(m.text());
  page.on('console', log);
  try {
    await inspectLoad(page, pagePath, watch, logs);
  } finally {
    watch.stop();
    page.off('console', log);
  }
}

async function inspectLoad(page: Page, pagePath: string, watch: PageWatch, logs: string[]): Promise<void> {
  await page.goto(`${server.origin}/${pagePath}`, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  const dom = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json').length,
    dangerous: [
      ...document.querySelectorAll(
        'iframe, object, embed, svg, math, img, style, base, meta[http-equiv], form, button, details, template',
      ),
    ].map((e) => e.tagName),
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    ),
    unsafeUrls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .flatMap((el) =>
        ['href', 'src', 'action', 'formaction'].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null),
      )
      .filter(
        (url) => !/^(https?:|mailto:|tel:|#|privacy\.css$|\.\.\/(nl|en)\/(privacy|register)\.html$)/i.test(url.trim()),
      ), // our own links: the page in the other language
    text: document.body.textContent ?? '',
  }));
  const where = pagePath;
  expect(dom.pwned, where).toBeUndefined();
  expect(
    logs.filter((l) => l.includes('INJECTED')),
    where,
  ).toEqual([]);
  expect(
    watch.problems.filter((p) => p.startsWith('dialog')),
    where,
  ).toEqual([]);
  expect(dom.scripts, where).toBe(0);
  expect(dom.dangerous, where).toEqual([]);
  expect(dom.handlers, where).toEqual([]);
  expect(dom.unsafeUrls, where).toEqual([]);
  // Plain text is shown as text, not deleted: the payload's characters are on the page.
  if (pagePath.startsWith('plain/') && pagePath.endsWith('privacy.html'))
    expect(dom.text, where).toContain('<script>window.__pwned=1;console.log("INJECTED")</script>');
}

describe('script injection', () => {
  test('no payload runs or leaves markup in any page', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const context = await browser.newContext();
    // A few pages at a time: a page mostly waits on Chromium, and one after the other took 100 s. Each worker
    // loads its pages one after the other in one page: a fresh page (a new renderer process) for each load cost
    // more CPU than the load; each load is a new document all the same.
    const queue = [...pages];
    const worker = async (): Promise<void> => {
      const page = await context.newPage();
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await inspectPage(page, next);
    };
    try {
      await Promise.all([worker(), worker(), worker()]);
    } finally {
      await context.close(); // the browser is the worker's: no page of this file stays open in it
    }
  }, 300_000);
});
