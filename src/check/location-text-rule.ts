import { joinPointer } from '../load/json-pointer.js';
import type { Text } from '../policy/policy-types.js';
import { unlistedPlaces } from '../policy/unlisted-places.js';
import type { Processor } from '../resolve/model.js';
import type { Finding, Rule } from './rules.js';

/**
 * One finding per place outside the EEA that a processor's serverLocationsText names and its countries do not
 * include (policy/unlisted-places.ts), at the first language's text that names it, with the words each language's
 * text names it by.
 */
function unlistedPlaceFindings(processor: Processor): Finding[] {
  return unlistedPlaces(processor).map(({ place, lang, words }) => ({
    pointer: joinPointer(processor.pointer, 'serverLocationsText', lang),
    ...('region' in place ? { variant: 'region' } : {}),
    vars: { party: processor.name, place: words as Text },
  }));
}

export const locationTextRules: Rule[] = [
  {
    // A warning: the text may list where the service can run, not where this controller's data is; only the author
    // can say (officer8 M5, R6).
    id: 'transfer/location-text-unlisted',
    severity: 'warning',
    article: 'GDPR 30(1)(e), 13(1)(f)',
    check: (model) => model.processors.flatMap(unlistedPlaceFindings),
  },
];
