import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { renderDiffHtml, renderDiffMarkdown, renderDiffText, type DiffResult } from '../../src/diff/render-diff.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { model } from './support.js';

/** A new processor whose name tries HTML, Markdown and terminal escapes. */
function hostile(): DiffResult {
  const old = model('clinic-v1/policy.json');
  const base = model('pairs/transfer-added/new.json');
  const name = '<img src=x onerror=alert(1)> *[click](javascript:alert(1))* \u001b[2J';
  const processors = base.processors.map((p) => ({ ...p, name }));
  const changed = {
    ...base,
    processors,
    source: { ...base.source, processors: base.source.processors!.map((p) => ({ ...p, name })) },
  };
  return {
    old: { label: 'old.json', model: old },
    new: { label: 'new.json', model: changed },
    changes: diffPolicies(old, changed),
  };
}

describe('diff reports with hostile author text', () => {
  const m = messagesFor('en');

  it('escapes it in HTML', () => {
    const html = renderDiffHtml(hostile(), m);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('keeps it text in Markdown: no link, no emphasis, no HTML', () => {
    const md = renderDiffMarkdown(hostile(), m);
    expect(md).toContain(
      'In place of Praktijksoftware B.V., the policy now names \\<img src=x onerror=alert(1)\\> \\*\\[click\\](javascript:alert(1))\\*',
    );
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
  });

  it('replaces control characters in terminal text', () => {
    const text = renderDiffText(hostile(), m);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\ufffd[2J');
  });
});
