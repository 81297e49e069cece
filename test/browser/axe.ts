import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Result as AxeResult } from 'axe-core';
import type { BrowserContext, Page } from '../support/browser.js';

// Runs in the page: needs the DOM types of test/browser/tsconfig.json, which test/support/ does not see.

/** What every page must pass in axe-core: WCAG 2.0-2.2 A and AA (2.2 adds target size, 2.5.8), and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Axe = { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> };

/**
 * Puts axe-core into every document of `target` before the document's own content, as an init script:
 * Chromium keeps the 550 KB source and compiles it from its cache on each load. Sending it through the
 * DevTools protocol after each load (Runtime.evaluate) cost about as much CPU time as the load itself.
 */
export async function prepareForAxe(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript({ content: axeSource });
}

/** axe-core's violations of `tags` on the page (prepared with prepareForAxe), one line each (rule, impact, help, elements). */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_TAGS): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe?: Axe }).axe;
    if (typeof axe?.run !== 'function')
      throw new Error('axe-core is not in the page: prepareForAxe its context or page');
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, tags);
}
