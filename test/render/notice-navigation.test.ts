import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * Finding one's way on a phone (the phone review of 2026-12-06): the contents right after the summary, a
 * link back to them at the end of every section, and a purpose's retention link landing on its own rule.
 */
function policy(): PolicySource {
  const p = miniPolicy();
  p.introduction = { nl: 'INLEIDING van de auteur.', en: 'Author INTRODUCTION.' };
  p.purposes[0]!.retention = ['kept'];
  p.retention = [
    { id: 'kept', name: { nl: 'Contactgegevens', en: 'Contact data' }, dataCategories: ['phone'], period: 'P2Y' },
  ];
  return p;
}

function rendered(): ReturnType<typeof renderNotice> {
  const { model } = analyse(policy());
  return renderNotice(model!, messagesFor('nl'));
}

describe('navigation in the notice', () => {
  it('puts the contents right after the summary, before the introduction, in the page and the fragment', () => {
    for (const html of [rendered().html, rendered().fragment]) {
      const summary = html.indexOf('class="policyc-summary"');
      const contents = html.indexOf('<nav class="policyc-contents"');
      const introduction = html.indexOf('class="policyc-introduction"');
      expect(summary).toBeGreaterThan(0);
      expect([summary < contents, contents < introduction]).toEqual([true, true]);
    }
  });

  it('gives the introduction its own heading after the contents, in Markdown as in the page (not under "In het kort")', () => {
    // It stood before "## Inhoud" in Markdown, so that it read as part of "## In het kort"; the page had it after the contents.
    const { markdown, html, fragment } = rendered();
    const inOrder = (text: string, marks: string[]): boolean =>
      marks.every((mark, i) => text.indexOf(mark) > (i ? text.indexOf(marks[i - 1]!) : 0));
    const md = ['## In het kort', '## Inhoud', '## Inleiding\n\nINLEIDING van de auteur.', '## Wie verantwoordelijk'];
    const page = ['class="policyc-summary"', '<nav class="policyc-contents"', 'id="introduction"', 'id="controller"'];
    expect([inOrder(markdown, md), inOrder(html, page)]).toEqual([true, true]);
    expect(html).toContain(
      '<section class="policyc-introduction">\n<h2 id="introduction">Inleiding</h2>\n<p>INLEIDING',
    );
    expect(fragment).toContain('<h3 id="policyc-introduction">Inleiding</h3>');
  });

  it('ends every section with a named link back to the contents, prefixed in the fragment', () => {
    const { html, fragment } = rendered();
    // The introduction too: the contents list it (nl2-review improvement 7).
    const count = (needle: string): number => html.split(needle).length - 1;
    expect(count('<section class="policyc-introduction">')).toBe(1);
    const sections = count('<section class="policyc-section">') + 1;
    expect(sections).toBeGreaterThan(5);
    const back =
      '<p class="policyc-to-contents"><a href="#contents" aria-label="Terug naar de inhoud">↑ Inhoud</a></p>\n</section>';
    expect(html.split(back).length - 1).toBe(sections);
    expect(fragment.split(back.replace('#contents', '#policyc-contents')).length - 1).toBe(sections);
    expect(rendered().markdown).not.toContain('↑');
  });

  it("links a purpose's retention rule to its own row, and in Markdown to the retention section", () => {
    const { html, markdown } = rendered();
    expect(html).toContain('<a href="#retention-kept">Contactgegevens</a>');
    expect(html).toContain('<tr><th scope="row" id="retention-kept">');
    expect(markdown).toContain('[Contactgegevens](#hoe-lang-wij-uw-gegevens-bewaren)');
  });
});
