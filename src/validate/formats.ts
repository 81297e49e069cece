import type { FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const fullUri = fullFormats.uri as (value: string) => boolean;

/**
 * What ajv-formats' `uri` accepts, for the URIs policies hold: a scheme and
 * either `//`, a registered name, a port and a path, or a path without one
 * (`mailto:…`), then query and fragment. Every alternative here is one of
 * `URI`'s own in ajv-formats (scheme; `\/?\/`, no user information, the
 * registered-name host; or the rootless path), with the same character
 * sets, so whatever it matches, `uri` accepts (test/validate/formats.test.ts).
 */
export const COMMON_URI =
  /^[a-z][a-z0-9+\-.]*:(?:\/\/(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * ajv-formats' `uri`, answering the same: its regular expression covers every
 * form RFC 3986 allows (IP literals, user information, …) and costs some ten
 * milliseconds to compile on first use, more than the rest of validating a
 * policy; a URI of the common shape is accepted without it.
 */
export function uri(value: string): boolean {
  return COMMON_URI.test(value) || fullUri(value);
}

const date = fullFormats.date as FormatDefinition<string> & { validate: (s: string) => boolean };

/** A date, or a month ('2020-05') where the source gives only the month (metadata.lastModified). */
export function dateOrMonth(value: string): boolean {
  return /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value) || date.validate(value);
}

/**
 * The formats the policy schema uses: ajv-formats' own, `uri` with the
 * shortcut. The ahead-of-time validator requires this module (create-ajv.ts).
 */
export const formats: Record<
  'date' | 'date-or-month' | 'email' | 'uri',
  FormatDefinition<string> | RegExp | ((s: string) => boolean)
> = {
  date: fullFormats.date as FormatDefinition<string>,
  'date-or-month': dateOrMonth,
  email: fullFormats.email as RegExp,
  uri,
};
