/**
 * JSON.parse with a one-entry memory: the incremental build parses each
 * policy's text twice in a row (for the bases it extends, then for its id),
 * and a Doctolib-size parse is a tenth of a cached policy's cost. Callers
 * only read the value. Malformed JSON throws, as JSON.parse does.
 */
let lastText: string | undefined;
let lastValue: unknown;

export function parseJsonOnce(text: string): unknown {
  if (text === lastText) return lastValue;
  const value: unknown = JSON.parse(text);
  lastText = text;
  lastValue = value;
  return value;
}
