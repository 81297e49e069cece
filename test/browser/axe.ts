import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Result as AxeResult } from 'axe-core';
import type { Page } from '../support/browser.js';

// Runs in the page: needs the DOM types of test/browser/tsconfig.json, which test/support/ does not see.

/** What every page must pass in axe-core: WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations of `tags` on the page, one line each (rule, impact, help, elements). axe is put into
 * the page through the DevTools protocol: page.evaluate of its 550 KB source took about a fifth longer.
 */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_TAGS): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const loaded = await session.send('Runtime.evaluate', { expression: axeSource });
    if (loaded.exceptionDetails) throw new Error(`axe-core did not load: ${loaded.exceptionDetails.text}`);
  } finally {
    await session.detach();
  }
  return page.evaluate(async (tags) => {
    const result = await (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }
    ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, tags);
}
