import { describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/analyse-policy.js';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import { renderNotice, type RenderedNotice } from '../src/render/render-notice.js';
import { miniPolicy } from './support/mini-policy.js';

/** The accessibility review of 2026-12-07: what the notice's own words say to a screen reader (findings 5 and 6). */
function rendered(policy: unknown, lang: Language): RenderedNotice {
  const { model } = analyse(JSON.stringify(policy, null, 2), 'policy.json');
  return renderNotice(model!, messagesFor(lang, model!.source.metadata.formality));
}

/** The HTML's text outside tags and outside the JSON-LD script. */
const textOf = (html: string): string => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, '');

describe("the Dutch authority's name in an English notice (finding 5)", () => {
  it('is marked lang="nl" wherever the page and the fragment give it, and only there', () => {
    const notice = rendered(miniPolicy(), 'en');
    for (const html of [notice.html, notice.fragment]) {
      const marked = html.split('<span lang="nl">Autoriteit Persoonsgegevens</span>').length - 1;
      expect(marked).toBeGreaterThan(0);
      expect(textOf(html).split('Autoriteit Persoonsgegevens').length - 1).toBe(marked);
    }
    expect(notice.markdown).not.toContain('<span');
  });

  it('the Dutch notice gives it without a lang of its own', () => {
    const notice = rendered(miniPolicy(), 'nl');
    expect(notice.html).toContain('Autoriteit Persoonsgegevens');
    expect(notice.html).not.toContain('lang="nl">Autoriteit');
  });
});

describe("the summary's link to how to use the rights names the rights (finding 6): clear in a list of links", () => {
  const summaryLink = (markdown: string): string | undefined =>
    /\[([^\]]+)\]\(#(?:hoe-u-uw-rechten-uitoefent|hoe-je-je-rechten-uitoefent|how-to-exercise-your-rights)\)/.exec(
      markdown.slice(0, markdown.indexOf('\n## ', markdown.indexOf('\n## ') + 1)),
    )?.[1];

  it('formal Dutch, informal Dutch and English', () => {
    const informal = miniPolicy();
    informal.metadata.formality = 'informal';
    expect(summaryLink(rendered(miniPolicy(), 'nl').markdown)).toBe('Zo maakt u gebruik van uw rechten');
    expect(summaryLink(rendered(informal, 'nl').markdown)).toBe('Zo maak je gebruik van je rechten');
    expect(summaryLink(rendered(miniPolicy(), 'en').markdown)).toBe('How to use your rights');
  });
});
