import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Dialog,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';

/**
 * Debian's Chromium headless shell (scripts/test-deps.sh installs it with apt-get); Playwright's own browser download
 * is not used. The shell is the same Blink and V8 as Debian's `chromium`, of the same version, without the desktop
 * browser around them (what Playwright itself runs for headless Chromium): the seven browser files cost about a third
 * less CPU in it (124-168 s, median 130, against 189-242 s, median 210, five runs each on the loaded 2-core machine).
 */
export const chromiumPath = process.env.POLICYC_CHROMIUM ?? '/usr/bin/chromium-headless-shell';

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
  // Every page in one renderer process: the tests open many pages side by side, and a renderer each started a
  // process and compiled axe-core anew in each (pages-1.test.ts: 24 loads in 29 renderer processes).
  '--renderer-process-limit=1',
  // V8 without its helper threads (background compilers, parallel and concurrent garbage collection): the seven
  // browser files cost 114-133 s of CPU, median 128, against 121-146 s, median 137 (five runs each); Chromium alone,
  // paired in one run, 16-23% less.
  // And no optimising compilers (--max-opt=1: the interpreter and Sparkplug's baseline code, no Maglev or TurboFan):
  // the pages have no script, and axe-core runs once in each new document, where V8 gathered its type feedback and
  // optimised the same functions again for every load. Chromium loading the 40 seed pages and running axe on each
  // cost 9.9-10.3 s of CPU against 12.7-12.9 s (three alternating runs each); pages-2.test.ts 20.1-25.8 s, median
  // 21.0, against 22.0-26.4 s, median 23.8 (five alternating runs each, lower in every pair).
  '--js-flags=--single-threaded --max-opt=1',
  // The compositor on the renderer's main thread instead of a thread of its own: the seven browser files cost
  // 93-102 s of CPU, median 98, against 106-118 s, median 115 (five runs each).
  '--disable-threaded-compositing',
];

/** The policy a page must work under: nothing but its own stylesheet and images. */
export const STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

let workerBrowser: Promise<Browser> | undefined;

/**
 * The vitest worker's Chromium, launched by the first test file that asks for it and shared by every file the
 * worker runs after it: with `isolate: false` this module stays loaded from file to file. A launch of its own for
 * each of the seven browser files cost 3-4 s of CPU each (launch, one page, close; measured on the loaded 2-core
 * machine). A file closes the contexts and pages it opens, never the browser. At the end of the run vitest stops
 * its workers with SIGTERM, on which a worker exits, and Playwright's exit handler kills Chromium's process group
 * and removes its profile.
 */
export function workerChromium(): Promise<Browser> {
  workerBrowser ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => (workerBrowser = undefined));
      return browser;
    },
    (error: unknown) => {
      workerBrowser = undefined;
      throw error;
    },
  );
  return workerBrowser;
}

async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath} (install the Debian 'chromium-headless-shell' package)`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

export interface PageWatch {
  /** Console errors and warnings, uncaught exceptions, failed requests, dialogs: anything a clean page never produces. */
  problems: string[];
  /** Every request the page made, as URLs. */
  requests: string[];
  /** Stops recording (before the page is used for another load). */
  stop(): void;
}

/** Records what a page does while it is open, until `stop()`. */
export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const requests: string[] = [];
  const listeners = {
    console: (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    },
    pageerror: (error: Error) => problems.push(`exception: ${error.message}`),
    dialog: (dialog: Dialog) => {
      problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    },
    requestfailed: (request: Request) => problems.push(`request failed: ${request.url()}`),
    request: (request: Request) => requests.push(request.url()),
    response: (response: Response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    },
  };
  // Each listener by its event's name (playwright types each event's listener apart).
  type Listen = (this: Page, event: string, listener: (value: never) => void) => Page;
  const entries = Object.entries(listeners) as [string, (value: never) => void][];
  for (const [event, listener] of entries) (page.on as Listen).call(page, event, listener);
  const stop = (): void => {
    for (const [event, listener] of entries) (page.off as Listen).call(page, event, listener);
  };
  return { problems, requests, stop };
}

export type { Browser, BrowserContext, ConsoleMessage, Page };
