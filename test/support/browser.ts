import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it with apt-get); Playwright's own browser download is not used. */
export const chromiumPath = process.env.POLICYC_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium quiet on a closed network. Playwright gives it a fresh temporary profile. */
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The policy a page must work under: nothing but its own stylesheet and images. */
export const STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** One Chromium per test file; tests open many pages in it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath} (install the Debian 'chromium' package)`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

export interface PageWatch {
  /** Console errors and warnings, uncaught exceptions, failed requests, dialogs: anything a clean page never produces. */
  problems: string[];
  /** Every request the page made, as URLs. */
  requests: string[];
}

/** Records what a page does while it is open. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      watch.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`exception: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('requestfailed', (request) => watch.problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return watch;
}

export type { Browser, BrowserContext, Page };
