import { lineColumnAt, positionIn, type SiteReference, type TextOrigin } from './site-reference.js';

/** `url(…)` and `@import "…"`: the two ways CSS makes the browser fetch something. */
const cssUrl = /url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi;

/** Every URL a stylesheet (a file, a <style> element or a style attribute) fetches, with its position. */
export function scanCss(css: string, origin: TextOrigin): SiteReference[] {
  const found: SiteReference[] = [];
  for (const match of css.matchAll(cssUrl)) {
    const value = match[2] ?? match[4]!;
    const inner = lineColumnAt(css, match.index + match[0].indexOf(value));
    found.push({ kind: 'url', value, via: 'css', file: origin.file, ...positionIn(origin, inner.line, inner.column) });
  }
  return found;
}
