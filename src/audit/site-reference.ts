/**
 * What the site scanners find: one mention of something outside the site
 * (a URL, a tag id, a third party's script API) or a cookie written from
 * script, at its position in the file it was found in.
 */
export type ReferenceKind = 'url' | 'tag-id' | 'global' | 'cookie';

/** How the site reaches a URL: the element or call it appears in ('script' for a string in script). */
export type ReferenceVia =
  'script-src' | 'iframe' | 'img' | 'link' | 'media' | 'form' | 'css' | 'fetch' | 'beacon' | 'xhr' | 'script';

export interface SiteReference {
  kind: ReferenceKind;
  /** The URL, tag id, global name or cookie name ('' when a cookie's name is computed). */
  value: string;
  via: ReferenceVia;
  /** Absolute path of the file it is in. */
  file: string;
  line: number;
  column: number;
}

/** A problem reading a file of the site (a script that does not parse). */
export interface ScanProblem {
  file: string;
  line: number;
  column: number;
  detail: string;
}

/** Where a piece of text starts in its file, to map positions inside it back to the file (1-based). */
export interface TextOrigin {
  file: string;
  line: number;
  column: number;
}

/** The file position of a 1-based line and column inside a text that starts at `origin`. */
export function positionIn(origin: TextOrigin, line: number, column: number): { line: number; column: number } {
  return line === 1
    ? { line: origin.line, column: origin.column + column - 1 }
    : { line: origin.line + line - 1, column };
}

/** 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
