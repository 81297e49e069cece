/**
 * The fragment's layout options (idPrefix, headingLevel), checked in one
 * place for the library (a bad value throws: it comes from code) and the CLI
 * (a bad value is a usage error). Kept free of imports so the CLI stays quick to start.
 */
export interface LayoutOptions {
  /**
   * Prepended to every id in privacy.fragment.html, so that none collides with the host page's; default 'policyc-'.
   * `{lang}` in it stands for the fragment's language ('privacy-{lang}-': 'privacy-nl-', 'privacy-en-'), for a page
   * that shows two languages' fragments at once.
   */
  idPrefix?: string;
  /** Level (1–4) of the fragment's title heading; sections and subsections follow. Default 2: no <h1> in the fragment. */
  headingLevel?: number;
}

/** Ids stay valid and selectors simple: a letter, then letters, digits, '-' or '_' (or no prefix at all); `{lang}` anywhere. */
export function isIdPrefix(value: string): boolean {
  return /^(?:(?:[A-Za-z]|\{lang\})(?:[A-Za-z0-9_-]|\{lang\})*)?$/.test(value);
}

/** The fragment's title heading and two levels below it must fit in HTML's six. */
export function isHeadingLevel(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 4;
}
