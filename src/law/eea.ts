/** The European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway. */
export const euMemberStates: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);

export const eeaStates: ReadonlySet<string> = new Set([...euMemberStates, 'IS', 'LI', 'NO']);

/** 'EU' is accepted as a location meaning 'within the European Union'. */
export function isInEea(country: string): boolean {
  return country === 'EU' || eeaStates.has(country);
}

/** Where a party (processor, recipient) is established, stores data, or sends it. */
export interface PartyLocations {
  country?: string;
  serverLocations?: string[];
  transfer?: { countries?: string[] };
}

/** Countries outside the EEA where a processor or recipient is established, stores data, or sends it. */
export function nonEeaCountries(party: PartyLocations): string[] {
  const all = [party.country, ...(party.serverLocations ?? []), ...(party.transfer?.countries ?? [])].filter((c): c is string => !!c);
  return [...new Set(all.filter((c) => !isInEea(c)))];
}

/** True when personal data goes to a third country through this party: it names a transfer mechanism or a country outside the EEA. */
export function partyLeavesEea(party: PartyLocations): boolean {
  return party.transfer !== undefined || nonEeaCountries(party).length > 0;
}
