import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../paths.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { scanCss } from './scan-css.js';
import { scanHtml } from './scan-html.js';
import { scanScript } from './scan-script.js';
import type { ScanProblem, SiteReference } from './site-reference.js';

export interface SiteScan {
  htmlFiles: string[];
  /** Local scripts and stylesheets the pages load, that exist in the folder. */
  assetFiles: string[];
  references: SiteReference[];
  problems: ScanProblem[];
}

/** Every .html/.htm file under root, sorted; hidden folders and node_modules are skipped. */
function findHtmlFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.html?$/i.test(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found;
}

/**
 * A local URL as a file in the site folder: '/js/a.js' from the root,
 * 'js/a.js' from the page's folder; query and fragment dropped. Undefined
 * when it leads outside the folder or names no file.
 */
function localFile(root: string, page: string, url: string): string | undefined {
  let clean = url.split(/[?#]/)[0] ?? '';
  try {
    clean = decodeURI(clean);
  } catch {
    return undefined;
  }
  const file = clean.startsWith('/') ? path.join(root, clean) : path.resolve(path.dirname(page), clean);
  if (!isWithin(file, root)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a built site offline: its pages, and the local scripts and stylesheets they load (each once). */
export function readSite(root: string, catalogue: CatalogueIndex): SiteScan {
  const scan: SiteScan = { htmlFiles: findHtmlFiles(root), assetFiles: [], references: [], problems: [] };
  const seen = new Set<string>();
  const scanAsset = (file: string, kind: 'script' | 'css'): void => {
    if (seen.has(file)) return;
    seen.add(file);
    scan.assetFiles.push(file);
    const text = readFileSync(file, 'utf8');
    const origin = { file, line: 1, column: 1 };
    if (kind === 'css') {
      scan.references.push(...scanCss(text, origin));
      return;
    }
    const result = scanScript(text, origin, catalogue);
    scan.references.push(...result.references);
    scan.problems.push(...result.problems);
  };
  for (const page of scan.htmlFiles) {
    const result = scanHtml(readFileSync(page, 'utf8'), page, catalogue);
    scan.references.push(...result.references);
    scan.problems.push(...result.problems);
    for (const url of result.localScripts) {
      const file = localFile(root, page, url);
      if (file) scanAsset(file, 'script');
    }
    for (const url of result.localStylesheets) {
      const file = localFile(root, page, url);
      if (file) scanAsset(file, 'css');
    }
  }
  scan.assetFiles.sort();
  return scan;
}
