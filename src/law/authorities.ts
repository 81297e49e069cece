/**
 * Supervisory authorities, as data: their details change. Names live in
 * locales/<lang>/terms.json under authority.<id>.
 */
export interface AuthorityFacts {
  id: 'nl-ap';
  website: string;
  postal: { street: string; postalCode: string; city: string; country: string };
}

export const authorities: Readonly<Record<AuthorityFacts['id'], AuthorityFacts>> = {
  'nl-ap': {
    id: 'nl-ap',
    website: 'https://autoriteitpersoonsgegevens.nl',
    postal: { street: 'Postbus 93374', postalCode: '2509 AJ', city: 'Den Haag', country: 'NL' },
  },
};

export const defaultAuthority: AuthorityFacts['id'] = 'nl-ap';
