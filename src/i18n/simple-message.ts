import { lawValues } from './law-values.js';

/**
 * A message whose only interpolations are plain `{{name}}`s, filled in without
 * i18next: its text split around them once, then joined with the values. A
 * policy looks up about 400 messages with values (a basis per part, a list's
 * last item, a data source), and i18next's interpolation of each was about a
 * twentieth of a build. i18next still resolves the key (namespace, the
 * informal variant); only the filling-in is ours, with i18next's results under
 * its settings here (escapeValue false, skipOnVariables true, no nesting, no
 * post-processor): a value is written as it is (String of it; '' for null, or
 * for undefined given as a key), a name the options lack stays as written,
 * and nothing in a value is read again. `test/i18n/simple-message.test.ts`
 * compares the two on every message in locales/ with hostile values.
 */
export interface SimpleMessage {
  /** The text around the placeholders: one more than `names`. */
  readonly parts: readonly string[];
  /** Each placeholder's name, in order. */
  readonly names: readonly string[];
  /** Each placeholder as written (`{{ name }}`), kept when the options lack the name. */
  readonly written: readonly string[];
}

/** i18next's placeholder pattern (prefix, lazy anything, suffix). */
const PLACEHOLDER = /\{\{(.+?)\}\}/g;
/** A name read as one property: no format (','), no path ('.'), no unescape prefix ('-'). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Options i18next reads itself or adds before interpolating (getFixedT adds lng, lngs, ns and keyPrefix):
 * a message naming one, or a call passing one, goes to i18next.
 */
const RESERVED = new Set([
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'context',
  'count',
  'ordinal',
  'defaultValue',
  'replace',
  'interpolation',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
  'fallbackLng',
  'applyPostProcessor',
  'missingInterpolationHandler',
  'nest',
]);

/** The message split around its placeholders, or undefined when only i18next can fill it in. */
export function simpleMessage(text: string): SimpleMessage | undefined {
  if (text.includes('$t(') || text.includes('{{-')) return undefined;
  const parts: string[] = [];
  const names: string[] = [];
  const written: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    // A law value (law-values.ts) is filled in by i18next from its default variables when the options lack it.
    if (!PLAIN_NAME.test(name) || RESERVED.has(name) || Object.hasOwn(lawValues, name)) return undefined;
    parts.push(text.slice(from, match.index));
    names.push(name);
    written.push(match[0]);
    from = match.index + match[0].length;
  }
  if (names.length > 100) return undefined; // i18next stops after maxReplaces (1,000)
  parts.push(text.slice(from));
  return { parts, names, written };
}

/** True when every option is a value for one of the message's names (no option i18next reads itself). */
export function takesOptions(message: SimpleMessage, options: object): boolean {
  for (const key in options) if (!message.names.includes(key)) return false;
  return true;
}

/** The message with the options' values in (check `takesOptions` first). */
export function fillIn(message: SimpleMessage, options: Record<string, unknown>): string {
  const { parts, names, written } = message;
  let out = parts[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const own = Object.prototype.hasOwnProperty.call(options, name);
    const value = own ? options[name] : undefined;
    out += (value === undefined ? (own ? '' : written[i]!) : value === null ? '' : String(value)) + parts[i + 1]!;
  }
  return out;
}
