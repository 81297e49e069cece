import { describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/analyse-policy.js';
import { messagesFor, type Language } from '../src/i18n/messages.js';
import { renderNotice, type RenderedNotice } from '../src/render/render-notice.js';
import { miniPolicy } from './support/mini-policy.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { localiseDiagnostic } from '../src/diagnostics/render-message.js';

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
    expect(summaryLink(rendered(miniPolicy(), 'nl').markdown)).toBe('Zo gebruikt u uw rechten');
    expect(summaryLink(rendered(informal, 'nl').markdown)).toBe('Zo gebruik je je rechten');
    expect(summaryLink(rendered(miniPolicy(), 'en').markdown)).toBe('How to use your rights');
  });
});

/** The diagnostics and findings of the mini policy with `text` as its rights' how-to-exercise text. */
function diagnosticsFor(nl: string, en = 'Send us an e-mail.'): Diagnostic[] {
  const policy = miniPolicy();
  policy.rights = { howToExercise: { nl, en } };
  const text = JSON.stringify(policy, null, 2);
  const { diagnostics, findings } = analyse(text, 'policy.json');
  sourceText = text;
  return [...diagnostics, ...findings];
}
let sourceText = '';

/** The source text at a diagnostic's line and column. */
function at(d: Diagnostic): string {
  const line = sourceText.split('\n')[d.line! - 1]!;
  return line.slice(d.column! - 1);
}

describe('headings in author Markdown are refused where they stand (finding 2)', () => {
  it('an ATX heading and a setext heading, each with its line and column', () => {
    const found = diagnosticsFor(
      'Mail ons.\n\n# Belangrijk\n\nBel eerst.',
      'Mail us.\n\nImportant\n---------\n\nCall first.',
    );
    const headings = found.filter((d) => d.messageId === 'diagnostics:schema.unsafeMarkdown.heading');
    expect(headings.map((d) => [d.ruleId, d.severity, d.pointer, d.data])).toEqual([
      ['schema/unsafe-markdown', 'error', '/rights/howToExercise/nl', { excerpt: '# Belangrijk' }],
      ['schema/unsafe-markdown', 'error', '/rights/howToExercise/en', { excerpt: 'Important' }],
    ]);
    expect(at(headings[0]!)).toMatch(/^# Belangrijk/);
    expect(at(headings[1]!)).toMatch(/^Important\\n---/);
  });

  it('a heading in a list item too; a line of dashes that is no heading is not', () => {
    expect(diagnosticsFor('- ## Let op\n- tweede').some((d) => d.messageId.endsWith('.heading'))).toBe(true);
    expect(
      diagnosticsFor('Eerste alinea.\n\n---\n\nTweede, en 2024-01-01 -').some((d) => d.messageId.endsWith('.heading')),
    ).toBe(false);
  });
});

describe('warnings for author Markdown that reads badly aloud, each at its place in the text', () => {
  it("a link whose whole text is 'hier', 'klik hier', 'here': wording/vague-link-text (finding 6)", () => {
    const found = diagnosticsFor(
      'Het formulier vindt u [hier](https://mini.example/f). Of [klik hier.](https://mini.example/g) Zie [ons klachtenformulier](https://mini.example/k).',
      'The form is [here](https://mini.example/f).',
    ).filter((d) => d.ruleId === 'wording/vague-link-text');
    expect(found.map((d) => [d.severity, d.pointer, d.data])).toEqual([
      ['warning', '/rights/howToExercise/nl', { quote: 'hier' }],
      ['warning', '/rights/howToExercise/nl', { quote: 'klik hier.' }],
      ['warning', '/rights/howToExercise/en', { quote: 'here' }],
    ]);
    expect(found.map(at).map((s) => s.slice(0, 8))).toEqual(['[hier](h', '[klik hi', '[here](h']);
  });

  it('only in a text the notice renders as Markdown: in a plain text (a name) the brackets are shown as typed', () => {
    const policy = miniPolicy();
    policy.dataCategories[0]!.name = {
      nl: 'Telefoonnummer [hier](https://mini.example/t)',
      en: 'Phone [here](https://mini.example/t)',
    };
    policy.purposes[0]!.description = {
      nl: 'Zie [hier](https://mini.example/d).',
      en: 'See the [privacy page](https://mini.example/d).',
    };
    const { findings } = analyse(JSON.stringify(policy, null, 2), 'policy.json');
    const vague = findings.filter((d) => d.ruleId === 'wording/vague-link-text');
    expect(vague.map((d) => [d.pointer, d.data])).toEqual([['/purposes/0/description/nl', { quote: 'hier' }]]);
    // There the link is no link: wording/link-in-plain-text says so, at the link, in each language.
    const typed = findings.filter((d) => d.ruleId === 'wording/link-in-plain-text');
    expect(typed.map((d) => [d.severity, d.pointer, d.data])).toEqual([
      ['warning', '/dataCategories/0/name/nl', { quote: '[hier](https://mini.example/t)' }],
      ['warning', '/dataCategories/0/name/en', { quote: '[here](https://mini.example/t)' }],
    ]);
    expect(localiseDiagnostic(typed[0]!, 'en').message).toContain(
      'the notice shows “[hier](https://mini.example/t)” as typed',
    );
    expect(localiseDiagnostic(typed[0]!, 'nl').message).toContain(
      'de verklaring toont “[hier](https://mini.example/t)” zoals hij is getypt',
    );
    expect(findings.some((d) => d.ruleId === 'wording/link-in-plain-text' && d.pointer.startsWith('/purposes'))).toBe(
      false,
    );
  });

  it('a Markdown table: wording/markdown-table, at its first row (finding 2)', () => {
    const found = diagnosticsFor('Onze tijden:\n\n| dag | tijd |\n|---|---|\n| ma | 9-17 |').filter(
      (d) => d.ruleId === 'wording/markdown-table',
    );
    expect(found.map((d) => [d.severity, d.pointer, d.data])).toEqual([
      ['warning', '/rights/howToExercise/nl', { quote: '| dag | tijd |' }],
    ]);
    expect(at(found[0]!)).toMatch(/^\| dag \| tijd \|/);
    expect(diagnosticsFor('Kies 1 | 2 of 3.').some((d) => d.ruleId === 'wording/markdown-table')).toBe(false);
    // One column: the delimiter row has a pipe at its start or end.
    for (const table of ['| dag |\n| --- |\n| ma |', 'dag |\n--- |', '| dag\n| :-:'])
      expect(diagnosticsFor(`Tijden:\n\n${table}`).filter((d) => d.ruleId === 'wording/markdown-table')).toHaveLength(
        1,
      );
    // Not a table in GFM: a line of dashes alone (a heading's underline), header and delimiter rows whose cells differ in number.
    for (const text of ['a | b\n---', 'Kies 1 | 2\n- |', 'tel: 1 | fax 2\n-|', 'a | b | c\n| --- |'])
      expect(diagnosticsFor(`Tijden:\n\n${text}`).some((d) => d.ruleId === 'wording/markdown-table')).toBe(false);
    // A table under a line that only looks like one's header: found at its own header.
    const lower = diagnosticsFor('x | y | z\n| a | b |\n|---|---|').filter(
      (d) => d.ruleId === 'wording/markdown-table',
    );
    expect(lower.map((d) => d.data)).toEqual([{ quote: '| a | b |' }]);
    // Typed with CRLF line ends: found the same, quoted without the '\r' (TABLE_ROWS's header may end in one).
    const crlf = diagnosticsFor('Onze tijden:\r\n\r\n| dag | tijd |\r\n|---|---|\r\n| ma | 9-17 |').filter(
      (d) => d.ruleId === 'wording/markdown-table',
    );
    expect(crlf.map((d) => d.data)).toEqual([{ quote: '| dag | tijd |' }]);
  });
});
