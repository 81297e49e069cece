/** The European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway. */
const euMemberStates: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

const eeaStates: ReadonlySet<string> = new Set([...euMemberStates, 'IS', 'LI', 'NO']);

/** 'EU' is accepted as a location meaning 'within the European Union'. */
export function isInEea(country: string): boolean {
  return country === 'EU' || eeaStates.has(country);
}

/** Where a party (processor, recipient) is established, contracts, stores data, or sends it. */
export interface PartyLocations {
  country?: string;
  contractingEntity?: { country?: string };
  serverLocations?: string[];
  transfer?: { countries?: string[] };
}

/**
 * Where a party's data goes, as property paths: where it (or the entity that
 * contracts for it) is established, where it stores data, where it sends it.
 * A parent company's country alone is not a transfer. The notice, the
 * compliance check and the diff all read locations through this list.
 */
export const partyLocationPaths = [
  'country',
  'contractingEntity.country',
  'serverLocations',
  'transfer.countries',
] as const;

/** Every country a party names along partyLocationPaths, in that order. */
export function partyCountries(party: object | undefined): string[] {
  const countries: string[] = [];
  const p = party as PartyLocations | undefined;
  // partyLocationPaths, written out: the notice, the register and the checks ask this of every party, several times.
  addCountries(countries, p?.country);
  addCountries(countries, p?.contractingEntity?.country);
  addCountries(countries, p?.serverLocations);
  addCountries(countries, p?.transfer?.countries);
  return countries;
}

/** The strings of a value that may be a string, an array or anything else (an unvalidated document's). */
function addCountries(countries: string[], value: unknown): void {
  if (typeof value === 'string') countries.push(value);
  else if (Array.isArray(value)) for (const c of value) if (typeof c === 'string') countries.push(c);
}

/** Countries outside the EEA where a processor or recipient is established, contracts, stores data, or sends it. */
export function nonEeaCountries(party: PartyLocations): string[] {
  const countries: string[] = [];
  for (const c of partyCountries(party)) if (!isInEea(c) && !countries.includes(c)) countries.push(c);
  return countries;
}

/** True when personal data goes to a third country through this party: it names a transfer mechanism or a country outside the EEA. */
export function partyLeavesEea(party: PartyLocations): boolean {
  return party.transfer !== undefined || nonEeaCountries(party).length > 0;
}

/**
 * Recipients that are the public, by name: data published on a website is
 * not transferred to a third country (CJEU C-101/01, Lindqvist), so such a
 * recipient has no location to state.
 */
export const publicationRecipients =
  /\bthe public\b|het publiek|public websites?|openbare website|visitors to our|bezoekers van onze/i;
