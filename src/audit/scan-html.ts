import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { CatalogueIndex } from './catalogue-index.js';
import { scanCss } from './scan-css.js';
import { scanScript } from './scan-script.js';
import type { ReferenceVia, ScanProblem, SiteReference, TextOrigin } from './site-reference.js';

/** Attributes through which an element makes the browser fetch something, per element. */
const fetchingAttributes: Readonly<Record<string, { attributes: readonly string[]; via: ReferenceVia }>> = {
  script: { attributes: ['src'], via: 'script-src' },
  iframe: { attributes: ['src'], via: 'iframe' },
  frame: { attributes: ['src'], via: 'iframe' },
  img: { attributes: ['src', 'srcset'], via: 'img' },
  input: { attributes: ['src'], via: 'img' },
  source: { attributes: ['src', 'srcset'], via: 'media' },
  video: { attributes: ['src', 'poster'], via: 'media' },
  audio: { attributes: ['src'], via: 'media' },
  track: { attributes: ['src'], via: 'media' },
  embed: { attributes: ['src'], via: 'media' },
  object: { attributes: ['data'], via: 'media' },
  link: { attributes: ['href'], via: 'link' },
  form: { attributes: ['action'], via: 'form' },
};

/** `<link rel>` values that fetch or connect (canonical, alternate and the like only name a page). */
const fetchingRels = new Set([
  'stylesheet',
  'preconnect',
  'dns-prefetch',
  'preload',
  'prefetch',
  'modulepreload',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'manifest',
]);

/** Script types a browser runs, plus text/plain: consent managers park scripts there until consent is given. */
const scriptTypes = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/plain']);

/** What one HTML file refers to, and the local scripts and stylesheets it loads (as written: resolve them against the file). */
export interface HtmlScan {
  references: SiteReference[];
  problems: ScanProblem[];
  localScripts: string[];
  localStylesheets: string[];
}

const attr = (element: T.Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

function isLocal(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && url.trim() !== '';
}

/** The start of an element's text content, as an origin for positions inside it. */
function textOrigin(file: string, element: T.Element): TextOrigin | undefined {
  const node = element.childNodes[0];
  const location = node?.sourceCodeLocation;
  return location ? { file, line: location.startLine, column: location.startCol } : undefined;
}

function urlsOf(name: string, value: string): string[] {
  return name === 'srcset'
    ? value
        .split(',')
        .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
        .filter(Boolean)
    : [value.trim()];
}

/**
 * Reads one HTML file with parse5 (positions from its source locations).
 * Noscript content is parsed as markup (scripting off), so the tracking
 * pixels sites put there are seen.
 */
export function scanHtml(html: string, file: string, catalogue: CatalogueIndex): HtmlScan {
  const scan: HtmlScan = { references: [], problems: [], localScripts: [], localStylesheets: [] };
  const document = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const visit = (node: T.Node): void => {
    if ('tagName' in node) scanElement(node, file, catalogue, scan);
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node && node.content) visit(node.content);
  };
  visit(document);
  return scan;
}

function scanElement(element: T.Element, file: string, catalogue: CatalogueIndex, scan: HtmlScan): void {
  const location = element.sourceCodeLocation;
  if (!location) return;
  const fetching = fetchingAttributes[element.tagName];
  const rel = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
  const fetches = fetching && (element.tagName !== 'link' || rel.some((r) => fetchingRels.has(r)));
  for (const { name, value } of element.attrs) {
    const at = location.attrs?.[name] ?? location.startTag ?? location;
    const origin = { file, line: at.startLine, column: at.startCol };
    if (fetches && fetching.attributes.includes(name)) {
      for (const url of urlsOf(name, value)) {
        if (!isLocal(url)) scan.references.push({ kind: 'url', value: url, via: fetching.via, ...origin });
        else if (element.tagName === 'script') scan.localScripts.push(url);
        else if (element.tagName === 'link' && rel.includes('stylesheet')) scan.localStylesheets.push(url);
      }
    } else if (name === 'style') {
      // Entities in the value make offsets inside it unreliable: report at the attribute.
      scan.references.push(...scanCss(value, origin).map((r) => ({ ...r, ...origin })));
    } else if (catalogue.byTagId(value.trim())) {
      scan.references.push({ kind: 'tag-id', value: value.trim(), via: 'script', ...origin });
    }
  }
  const inner = textOrigin(file, element);
  if (!inner) return;
  const content = element.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
  if (element.tagName === 'style') scan.references.push(...scanCss(content, inner));
  if (
    element.tagName === 'script' &&
    attr(element, 'src') === undefined &&
    scriptTypes.has((attr(element, 'type') ?? '').trim().toLowerCase())
  ) {
    const result = scanScript(content, inner, catalogue);
    scan.references.push(...result.references);
    // A parked text/plain script that is not JavaScript is just text.
    if (attr(element, 'type')?.trim().toLowerCase() !== 'text/plain') scan.problems.push(...result.problems);
  }
}
