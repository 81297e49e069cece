/**
 * Names of places outside the EEA as a statement writes them in free text (a processor's serverLocationsText:
 * "VS, EU of Azië"), in Dutch and English, for transfer/location-text-unlisted. Countries' full names come from
 * locales/<lang>/terms.json (country.<code>, countryAlone.<code>, their article left off); this file adds what the
 * locales do not give: short forms and the names of third countries the locales do not list. EEA places are not
 * listed: storage inside the EEA is no transfer (GDPR 44).
 */

/** Short forms, matched in capitals only ("US", not the pronoun "us"), by ISO 3166-1 alpha-2 code. */
export const countryShortForms: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'USA', 'U.S.', 'U.S.A.', 'VS', 'VSA'],
  GB: ['UK', 'VK'],
};

/** Third countries' names (either language) that locales/<lang>/terms.json does not give, by code. */
export const moreCountryNames: Readonly<Record<string, readonly string[]>> = {
  US: ['Verenigde Staten van Amerika', 'United States of America'],
  CN: ['China'],
  HK: ['Hongkong', 'Hong Kong'],
  TW: ['Taiwan'],
  KR: ['Zuid-Korea', 'South Korea'],
  RU: ['Rusland', 'Russia'],
  TR: ['Turkije', 'Turkey', 'Türkiye'],
  AE: ['Verenigde Arabische Emiraten', 'United Arab Emirates'],
  BR: ['Brazilië', 'Brazil'],
  MX: ['Mexico'],
  AR: ['Argentinië', 'Argentina'],
};

/**
 * Places whose names hold a country's name but that lie outside that country: "New Mexico" is a state of the United
 * States, not Mexico. The reader takes each as one name (longest first), so that the country is not found inside it;
 * they name no country themselves, as the rule's message calls what it finds a country.
 */
export const namesHoldingACountry: readonly string[] = ['New Mexico', 'Nieuw-Mexico'];

/**
 * A region a text may name instead of a country. `countries` are the codes of the countries in it; `anyThirdCountry`
 * marks a region that is every country outside the EEA ("wereldwijd"). A region names no country, so the register
 * (30(1)(e)) and the notice (13(1)(f)) cannot say where the data goes; a structured list that names a country in the
 * region is read as what the text means by it.
 */
export interface Region {
  id: string;
  names: readonly string[];
  countries?: ReadonlySet<string>;
  anyThirdCountry?: true;
}

export const regions: readonly Region[] = [
  {
    id: 'asia',
    names: ['Azië', 'Asia'],
    // The countries of Asia by ISO 3166-1 code (UN geoscheme region Asia), with Russia and Turkey, which lie partly in
    // it; a list naming any of them is read as meaning it by "Asia".
    countries: new Set([
      'AF',
      'AM',
      'AZ',
      'BD',
      'BH',
      'BN',
      'BT',
      'CN',
      'GE',
      'HK',
      'ID',
      'IL',
      'IN',
      'IQ',
      'IR',
      'JO',
      'JP',
      'KG',
      'KH',
      'KP',
      'KR',
      'KW',
      'KZ',
      'LA',
      'LB',
      'LK',
      'MM',
      'MN',
      'MO',
      'MV',
      'MY',
      'NP',
      'OM',
      'PH',
      'PK',
      'PS',
      'QA',
      'RU',
      'SA',
      'SG',
      'SY',
      'TH',
      'TJ',
      'TL',
      'TM',
      'TR',
      'TW',
      'UZ',
      'VN',
      'YE',
      'AE',
    ]),
  },
  {
    id: 'world',
    names: [
      'wereldwijd',
      'over de hele wereld',
      'overal ter wereld',
      'worldwide',
      'world-wide',
      'globally',
      'around the world',
      'all over the world',
      'anywhere in the world',
    ],
    anyThirdCountry: true,
  },
];

/** A country's name in the locales starts with an article that a text need not write ("the United States"). */
export const countryNameArticles = /^(?:the|de|het) /i;
