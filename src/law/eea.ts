/** The European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway. */
export const euMemberStates: ReadonlySet<string> = new Set([
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

export const eeaStates: ReadonlySet<string> = new Set([...euMemberStates, 'IS', 'LI', 'NO']);

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
  return partyLocationPaths.flatMap((path) => {
    let value: unknown = party;
    for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    return (Array.isArray(value) ? value : [value]).filter((c): c is string => typeof c === 'string');
  });
}

/** Countries outside the EEA where a processor or recipient is established, contracts, stores data, or sends it. */
export function nonEeaCountries(party: PartyLocations): string[] {
  return [...new Set(partyCountries(party).filter((c) => !isInEea(c)))];
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
