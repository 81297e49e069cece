import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

/** notice.css without its comments. */
const rules = readFileSync(path.join(repoRoot, 'templates/notice.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

// secondread10 finding 14: the stylesheet's comment says every size is in em, never rem, while the breakpoint for
// browsers without container queries was 44rem (in a media query em and rem are both the browser's initial size, so
// 44em switches at the same window width), and a comment described a margin of .4rem that the rule gives in em.
describe('notice.css units', () => {
  it('gives no size in rem, as its comment says', () => {
    expect(rules.match(/[\d.]+rem\b/g) ?? []).toEqual([]);
  });

  it("the comment over the summary's paragraphs names the margin the rule gives", () => {
    const css = readFileSync(path.join(repoRoot, 'templates/notice.css'), 'utf8');
    const [, stated, rule] =
      /\/\* (\.\d+r?em) between its lines[\s\S]*?\*\/\n[^{]*summary p \{ margin: (\S+) 0; \}/.exec(css)!;
    expect(stated).toBe(rule);
  });
});
