import type { Language } from '../i18n/messages.js';

/**
 * Supervisory authorities, as data: their details change. Names live in
 * locales/<lang>/terms.json under authority.<id>. The web page and the postal
 * address in each notice language: an English page gave the Dutch home page
 * and 'Postbus … Den Haag' (English review, finding 4).
 */
export interface AuthorityFacts {
  id: 'nl-ap';
  website: Readonly<Record<Language, string>>;
  postal: Readonly<Record<Language, { street: string; postalCode: string; city: string; country: string }>>;
}

export const authorities: Readonly<Record<AuthorityFacts['id'], AuthorityFacts>> = {
  'nl-ap': {
    id: 'nl-ap',
    website: {
      nl: 'https://autoriteitpersoonsgegevens.nl',
      // The AP's English page for a complaint (its canonical address; the Dutch page gives it as hreflang="en"),
      // https://autoriteitpersoonsgegevens.nl/en/submitting-a-tip-off-or-a-complaint-to-the-dutch-dpa, seen 2026-12-07.
      en: 'https://autoriteitpersoonsgegevens.nl/en/submitting-a-tip-off-or-a-complaint-to-the-dutch-dpa',
    },
    postal: {
      nl: { street: 'Postbus 93374', postalCode: '2509 AJ', city: 'Den Haag', country: 'NL' },
      // As the AP writes it in English ('PO Box 93374, 2509 AJ The Hague': autoriteitpersoonsgegevens.nl/en/node/4190).
      en: { street: 'PO Box 93374', postalCode: '2509 AJ', city: 'The Hague', country: 'NL' },
    },
  },
};

export const defaultAuthority: AuthorityFacts['id'] = 'nl-ap';
