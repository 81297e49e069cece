import type { Language } from '../i18n/messages.js';

/**
 * Supervisory authorities, as data: their details change. Names live in
 * locales/<lang>/terms.json under authority.<id>. The web page and the postal
 * address in each notice language: an English page gave the Dutch home page
 * and 'Postbus … Den Haag' (English review, finding 4).
 */
export interface AuthorityFacts {
  id: 'nl-ap';
  /** The authority's page for a complaint, in each notice language. */
  website: Readonly<Record<Language, string>>;
  /** The authority's telephone number for people with a question about a complaint, as written in each language. */
  phone: Readonly<Record<Language, string>>;
  postal: Readonly<Record<Language, { street: string; postalCode: string; city: string; country: string }>>;
}

export const authorities: Readonly<Record<AuthorityFacts['id'], AuthorityFacts>> = {
  'nl-ap': {
    id: 'nl-ap',
    website: {
      // The AP's Dutch page for a complaint, 'Een tip of klacht indienen bij de AP' (seen 2026-12-07 in a stored copy
      // of the page at this address; the English page's head gives it as <link rel="alternate" hreflang="nl">). It was
      // the home page, from which a patient had to find the complaint form (patient3 review, F4).
      nl: 'https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap',
      // The AP's English page for a complaint (its canonical address; the Dutch page gives it as hreflang="en"),
      // https://autoriteitpersoonsgegevens.nl/en/submitting-a-tip-off-or-a-complaint-to-the-dutch-dpa, seen 2026-12-07.
      en: 'https://autoriteitpersoonsgegevens.nl/en/submitting-a-tip-off-or-a-complaint-to-the-dutch-dpa',
    },
    // "Twijfelt u of u een klacht wilt of kunt indienen bij de AP, belt u ons dan eerst via ons gratis telefoonnummer
    // 088 - 1805 250": the AP's pages autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient and
    // …/nl/zelf-doen/gebruik-uw-privacyrechten/klacht-indienen-bij-de-ap, read 2026-12-07 in stored copies (the date we read them; the
    // pages are undated). verify: no newer page gives the number, and no AP page gives opening hours (so none is stated), and the number was not read on the complaint page linked above. English: the same
    // number with the country code. The number is for questions before a complaint, not a way to lodge one: "U kunt
    // schriftelijk een klacht indienen: 1. Via het klachtenformulier … 2. Door een brief" (…/nl/zelf-doen/
    // gebruik-uw-privacyrechten/klacht-indienen-bij-de-ap, as quoted in the verify2 review of 2026-12-07; the AP's current page
    // …/de-ap-en-privacy/privacyverklaring-ap/u-dient-een-klacht-tip-of-datalektip-in says the same: "U doet dit via het
    // klachtformulier op onze website of per brief", verify3), so the
    // notice gives it in a sentence of its own for those in doubt (notice:complaints.authorityPhone), after the
    // website and the postal address.
    phone: { nl: '088 - 1805 250', en: '+31 88 1805 250' },
    postal: {
      nl: { street: 'Postbus 93374', postalCode: '2509 AJ', city: 'Den Haag', country: 'NL' },
      // As the AP writes it in English ('PO Box 93374, 2509 AJ The Hague': autoriteitpersoonsgegevens.nl/en/node/4190).
      en: { street: 'PO Box 93374', postalCode: '2509 AJ', city: 'The Hague', country: 'NL' },
    },
  },
};

export const defaultAuthority: AuthorityFacts['id'] = 'nl-ap';
