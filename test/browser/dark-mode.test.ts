import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSeeds } from '../support/seed-pages.js';
import { workerChromium, type Browser, type Page } from '../support/browser.js';
import { axeViolations, prepareForAxe } from './axe.js';

/**
 * Dark mode (left open by the phone review of 2026-12-06): the notice page had no dark palette. Where the
 * reader's system asks for dark, the page is dark with AA contrast (axe-core's colour-contrast rule); on paper
 * it stays light; the fragment on a site keeps its light palette, whatever the reader's system asks.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-dark-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await writeSeeds(dir, ['ipractice', 'doctolib'], ['nl', 'en']);
  writeFileSync(
    path.join(dir, 'host.html'),
    '<!DOCTYPE html><html lang="nl"><head><title>Site</title><link rel="stylesheet" href="ipractice/nl/privacy.fragment.css"></head>' +
      `<body><main><h1>Site</h1>${readFileSync(path.join(dir, 'ipractice/nl/privacy.fragment.html'), 'utf8')}</main></body></html>`,
  );
  browser = await workerChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await prepareForAxe(page);
}, 60_000);

afterAll(async () => {
  await page?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Relative luminance of a computed rgb() colour (WCAG 2.x). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const colours = (target: Page): Promise<Record<string, string>> =>
  target.evaluate(() => {
    const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
    return {
      body: style('body').backgroundColor,
      notice: style('.policyc-notice').backgroundColor,
      text: style('.policyc-section p').color,
      summary: style('.policyc-summary').backgroundColor,
      link: style('.policyc-section a').color,
    };
  });

test.each(['ipractice', 'doctolib'])(
  '%s/nl/privacy.html with a dark system: a dark page, its text and links light, AA contrast throughout',
  async (org) => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await page.goto(`file://${path.join(dir, org, 'nl/privacy.html')}`);
    const c = await colours(page);
    for (const background of [c.body, c.notice, c.summary])
      expect(luminance(background!), background).toBeLessThan(0.05);
    for (const foreground of [c.text, c.link]) expect(luminance(foreground!), foreground).toBeGreaterThan(0.4);
    const violations = await axeViolations(page, ['wcag2aa']);
    expect(violations.filter((v) => v.startsWith('color-contrast'))).toEqual([]);
  },
);

test('doctolib/nl/register.html with a dark system: a dark page with light text and links, AA contrast', async () => {
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await page.goto(`file://${path.join(dir, 'doctolib/nl/register.html')}`);
  const c = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('dd')!).color,
    link: getComputedStyle(document.querySelector('a')!).color,
  }));
  expect(luminance(c.body)).toBeLessThan(0.05);
  for (const foreground of [c.text, c.link]) expect(luminance(foreground), foreground).toBeGreaterThan(0.4);
  const violations = await axeViolations(page, ['wcag2aa']);
  expect(violations.filter((v) => v.startsWith('color-contrast'))).toEqual([]);
});

test('printed with a dark system, the page is light: dark text on no background', async () => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  try {
    await page.goto(`file://${path.join(dir, 'ipractice/nl/privacy.html')}`);
    const c = await colours(page);
    expect(luminance(c.text!)).toBeLessThan(0.05);
    expect(luminance(c.notice!)).toBeGreaterThan(0.9);
  } finally {
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  }
});

test('the fragment on a light site keeps its light palette under a dark system: it does not turn the site dark', async () => {
  await page.goto(`file://${path.join(dir, 'host.html')}`);
  const c = await colours(page);
  expect(c.body).toBe('rgba(0, 0, 0, 0)');
  expect(c.notice).toBe('rgb(255, 255, 255)');
  expect(c.text).toBe('rgb(26, 26, 26)');
});
