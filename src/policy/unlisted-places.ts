/**
 * Reading a party's own words for where it keeps data (serverLocationsText) for places outside the EEA that its
 * countries do not name: shared by the check and the notice's summary.
 */
import { messageKeysUnder, messagesFor } from '../i18n/messages.js';
import { isInEea, partyCountries } from '../law/eea.js';
import {
  countryNameArticles,
  countryShortForms,
  moreCountryNames,
  namesHoldingACountry,
  regions,
  type Region,
} from '../law/place-names.js';
import { compileNow } from '../regexp-ahead.js';
import type { Processor } from '../resolve/model.js';

/** A place a name stands for: a country by its code, or a region. */
export type Place = { code: string } | { region: Region };

/** The place names a free text is read for, and the pattern that finds them as whole words. */
interface PlaceReader {
  /** Names by their lower case; short forms ("US", "VS") only as written, in capitals. */
  names: Map<string, Place>;
  shortForms: Map<string, Place>;
  pattern: RegExp;
}

let reader: PlaceReader | undefined;

/** Countries' names in the locales (terms:country and terms:countryAlone, both languages), their article left off. */
function localeCountryNames(): Array<[string, string]> {
  const names: Array<[string, string]> = [];
  for (const lang of ['en', 'nl'] as const) {
    const m = messagesFor(lang);
    for (const list of ['terms:country', 'terms:countryAlone'])
      for (const key of messageKeysUnder(list, lang))
        names.push([key.slice(list.length + 1), m.t(key).replace(countryNameArticles, '')]);
  }
  return names;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reader, made on first use: only a policy with a free-text location needs the names. */
function placeReader(): PlaceReader {
  if (reader) return reader;
  const names = new Map<string, Place>();
  const shortForms = new Map<string, Place>();
  for (const [code, name] of localeCountryNames()) names.set(name.toLowerCase(), { code });
  for (const [code, list] of Object.entries(moreCountryNames))
    for (const n of list) names.set(n.toLowerCase(), { code });
  for (const region of regions) for (const n of region.names) names.set(n.toLowerCase(), { region });
  for (const [code, list] of Object.entries(countryShortForms)) for (const n of list) shortForms.set(n, { code });
  // Longest first, so that "Verenigde Staten van Amerika" is one place and not "Verenigde Staten" and more, and
  // "New Mexico" one name that names no country (namesHoldingACountry), not "Mexico".
  const others = namesHoldingACountry.map((n) => n.toLowerCase());
  const all = [...names.keys(), ...shortForms.keys(), ...others].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
  // Compiled now, to machine code only: matchAll runs it twice or more, which compiled it twice (src/regexp-ahead.ts).
  const pattern = compileNow(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
  );
  return (reader = { names, shortForms, pattern });
}

/** The places a text names, each with the words it names it by. */
function placesIn(text: string): Array<{ place: Place; words: string }> {
  const { names, shortForms, pattern } = placeReader();
  const found: Array<{ place: Place; words: string }> = [];
  for (const match of text.matchAll(pattern)) {
    const words = match[0];
    const place =
      shortForms.get(words) ?? (shortForms.has(words.toUpperCase()) ? undefined : names.get(words.toLowerCase()));
    if (place) found.push({ place, words });
  }
  return found;
}

/** Whether the countries a party gives include the place: a country in the region, for a region. */
function listed(place: Place, countries: readonly string[]): boolean {
  if ('code' in place) return isInEea(place.code) || countries.includes(place.code);
  const { region } = place;
  return countries.some((c) => !isInEea(c) && (region.anyThirdCountry === true || region.countries!.has(c)));
}

const placeId = (place: Place): string => ('code' in place ? place.code : `region:${place.region.id}`);

/** A place outside the EEA that a party's own words name and its countries do not include, with its words per language. */
export interface UnlistedPlace {
  place: Place;
  /** The first language whose text names it. */
  lang: string;
  words: Record<string, string>;
}

/**
 * The places outside the EEA a processor's serverLocationsText names that the countries it gives (serverLocations,
 * country, contracting entity, transfer countries) do not include ('VS, EU of Azië' with ['US', 'EU']): what the
 * check's transfer/location-text-unlisted reports, and where the notice's summary says 'such as' before the
 * countries it names (patient10 review, F5).
 */
export function unlistedPlaces(processor: Processor): UnlistedPlace[] {
  const text = processor.serverLocationsText;
  if (text === undefined) return [];
  const countries = partyCountries(processor);
  const byPlace = new Map<string, UnlistedPlace>();
  for (const [lang, value] of Object.entries(text)) {
    if (typeof value !== 'string') continue;
    for (const { place, words } of placesIn(value)) {
      if (listed(place, countries)) continue;
      const id = placeId(place);
      const found = byPlace.get(id) ?? { place, lang, words: {} };
      found.words[lang] ??= words;
      byPlace.set(id, found);
    }
  }
  return [...byPlace.values()];
}
