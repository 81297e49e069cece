/**
 * Orders strings by UTF-16 code units: the same order under every locale
 * (localeCompare follows the user's locale, so reports would differ by machine).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
