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
