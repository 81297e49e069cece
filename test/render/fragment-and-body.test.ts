import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import { compilePolicy } from '../../src/pipeline/compile-policy.js';
import { noticeOutline } from '../../src/render/notice-outline.js';
import { languageAlternates, renderNotice } from '../../src/render/render-notice.js';
import { noticeTemplates } from '../../src/render/templates.js';
import { tidyDocument } from '../../src/render/text-whitespace.js';
import { repoRoot } from '../support/cli.js';
import { webTestPolicies } from '../support/seed-pages.js';

/**
 * renderNotice renders the fragment and the page's body once, with marks for
 * the id prefix and the language links, and puts each layout in afterwards
 * (render-notice.ts, fragmentAndBody). That must give exactly what rendering
 * the template under each layout gives: if the headingTag helper's output or
 * the language-links partial changed shape, the marks would no longer be
 * found and a fragment would keep the wrong heading levels or links.
 */
const layouts = [
  { idPrefix: 'policyc-', headingLevel: 2 },
  { idPrefix: 'pv_', headingLevel: 4 },
  { idPrefix: '', headingLevel: 1 },
  { idPrefix: 'a-b', headingLevel: 3 },
];

describe('the fragment and the page body from one render', () => {
  it.each(webTestPolicies())('%s: equal to a render per layout, in both languages', async (file) => {
    const compiled = await compilePolicy(readFileSync(path.join(repoRoot, file), 'utf8'), file);
    const model = compiled.model;
    expect(model, file).toBeDefined();
    const templates = noticeTemplates();
    for (const lang of ['nl', 'en'] as Language[]) {
      const m = messagesFor(lang, model!.source.metadata.formality);
      const outline = noticeOutline(model!, m);
      for (const layout of layouts) {
        const { fragment, html } = renderNotice(model!, m, { ...layout, languages: ['nl', 'en'] });
        expect(fragment).toBe(tidyDocument(templates.fragment({ ...outline, layout, languageLinks: [] })));
        const { links } = languageAlternates(lang, ['nl', 'en'], 'privacy.html', 'layout:readIn');
        const body = tidyDocument(
          templates.fragment({ ...outline, layout: { idPrefix: '', headingLevel: 1 }, languageLinks: links }),
        );
        expect(links).toHaveLength(1);
        expect(html).toContain(body);
      }
    }
  });
});
