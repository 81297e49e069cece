import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isInEea, partyCountries } from '../law/eea.js';
import { countryNameArticles, countryShortForms, moreCountryNames, regions, type Region } from '../law/place-names.js';
import { joinPointer } from '../load/json-pointer.js';
import { localesDir } from '../paths.js';
import { compileNow } from '../regexp-ahead.js';
import type { Text } from '../policy/policy-types.js';
import type { Processor } from '../resolve/model.js';
import type { Finding, Rule } from './rules.js';

/** A place a name stands for: a country by its code, or a region. */
type Place = { code: string } | { region: Region };

/** The place names a free text is read for, and the pattern that finds them as whole words. */
interface PlaceReader {
  /** Names by their lower case; short forms ("US", "VS") only as written, in capitals. */
  names: Map<string, Place>;
  shortForms: Map<string, Place>;
  pattern: RegExp;
}

let reader: PlaceReader | undefined;

/** Countries' names in the locales (terms.json country and countryAlone, both languages), their article left off. */
function localeCountryNames(): Array<[string, string]> {
  const names: Array<[string, string]> = [];
  for (const lang of ['en', 'nl']) {
    const terms = JSON.parse(readFileSync(path.join(localesDir, lang, 'terms.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const list of [terms.country, terms.countryAlone])
      for (const [code, name] of Object.entries(list ?? {})) names.push([code, name.replace(countryNameArticles, '')]);
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
  // Longest first, so that "Verenigde Staten van Amerika" is one place and not "Verenigde Staten" and more.
  const all = [...names.keys(), ...shortForms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
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

/**
 * The places outside the EEA a processor's serverLocationsText names that the countries it gives (serverLocations,
 * country, contracting entity, transfer countries) do not include: one finding per place, at the first language's
 * text that names it, with the words each language's text names it by.
 */
function unlistedPlaces(processor: Processor): Finding[] {
  const text = processor.serverLocationsText;
  if (text === undefined) return [];
  const countries = partyCountries(processor);
  const byPlace = new Map<string, { place: Place; lang: string; words: Record<string, string> }>();
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
  return [...byPlace.values()].map(({ place, lang, words }) => ({
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
    check: (model) => model.processors.flatMap(unlistedPlaces),
  },
];
