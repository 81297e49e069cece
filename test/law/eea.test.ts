import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInEea,
  nonEeaCountries,
  partyCountries,
  partyLocationPaths,
  type PartyLocations,
} from '../../src/law/eea.js';

/** partyCountries as it read partyLocationPaths before it was written out: the reference it must match. */
function byPaths(party: object | undefined): string[] {
  return partyLocationPaths.flatMap((path) => {
    let value: unknown = party;
    for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    return (Array.isArray(value) ? value : [value]).filter((c): c is string => typeof c === 'string');
  });
}

const country = fc.constantFrom('NL', 'DE', 'US', 'GB', 'EU', 'IS', 'CH', 'IN', '');
/** Any value a location may hold in an unvalidated document: a country, a list of anything, or something else. */
const anything = fc.oneof(
  country,
  fc.array(fc.oneof(country, fc.integer(), fc.constant(null))),
  fc.integer(),
  fc.constant(null),
);
const party = fc.record(
  {
    country: anything,
    contractingEntity: fc.oneof(fc.record({ country: anything }, { requiredKeys: [] }), anything),
    serverLocations: anything,
    transfer: fc.oneof(fc.record({ countries: anything }, { requiredKeys: [] }), anything),
  },
  { requiredKeys: [] },
);

describe('partyCountries', () => {
  it('names the countries along partyLocationPaths, in their order, for any party', () => {
    fc.assert(
      fc.property(party, (p) => {
        expect(partyCountries(p)).toEqual(byPaths(p));
        const outside = nonEeaCountries(p as PartyLocations);
        expect(outside).toEqual([...new Set(byPaths(p).filter((c) => !isInEea(c)))]);
      }),
      { numRuns: 2000 },
    );
    expect(partyCountries(undefined)).toEqual([]);
  });
});
