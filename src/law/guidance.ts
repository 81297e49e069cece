/**
 * Guidance of the European Data Protection Board that policyc cites, as data: which document and
 * which paragraphs. The document's title in each language lives in locales/<lang>/terms.json under
 * guidance.<id>.
 */
export interface GuidanceFacts {
  id: 'edpb-consent';
  /** Version and date of adoption, as the document states them. */
  version: string;
  adopted: string;
  /** The paragraphs cited ('120–123'). */
  paragraphs: string;
  url: string;
  /** What about the citation is not confirmed against the document itself. */
  verify?: string;
}

/**
 * EDPB Guidelines 05/2020 on consent under Regulation 2016/679 (version 1.1; adopted 4 May 2020):
 * a controller that relied on consent cannot swap to another legal basis — not retrospectively, to
 * justify processing when the consent turns out invalid, nor silently when consent is withdrawn
 * (a change of basis is to be told under art. 13 and 14); the basis is decided before collection.
 * The diff's messages (locales/<lang>/diff.json, notice.consentSwap and the like) say that much: they said the new
 * basis cannot justify processing whose consent "has been withdrawn", which goes further than para. 123 (about
 * the validity of consent) and than para. 120 as quoted (a change after withdrawal, told to the people concerned)
 * (verify2 review, item 7). Version 1.1 is dated 13 May 2020 ("Formatting corrections"); 1.0 is the adoption.
 */
export const consentSwapGuidance: GuidanceFacts = {
  id: 'edpb-consent',
  version: '1.1',
  adopted: '2020-05-04',
  paragraphs: '120–123',
  url: 'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en',
  verify:
    'not read in the EDPB document itself (no copy reachable here). Para. 123 ("the controller cannot swap from consent to ' +
    'other lawful bases. For example, it is not allowed to retrospectively utilise the legitimate interest basis in order to ' +
    'justify processing, where problems have been encountered with the validity of consent.") and para. 120 (a change of ' +
    'basis after withdrawal to be notified under art. 13 and 14) as quoted by a secondary source; paras. 121–122 (the basis ' +
    'established before processing; respecting withdrawal once consent is relied on) recalled, not confirmed. ' +
    'Searched again on 2026-12-07 (the docs, pages, code and issues corpora, and the exact wording of paras. 120-123): ' +
    'the stored copy of the document (scribd.com/document/556641169) shows only its opening pages; one more secondary ' +
    'source quotes para. 123 under that number and cites para. 120 for the notice of a changed basis',
};

/**
 * The Autoriteit Persoonsgegevens on copies of identity documents: where no law obliges the organisation to ask for
 * or make a copy, it may do so only if there is really no other way, and then asks for or makes a masked copy: the
 * BSN and the passport photo made invisible, by the organisation or by the person. The KopieID app, for making such a
 * copy on a phone, is the government's (Rijksdienst voor Identiteitsgegevens, ministry of the Interior).
 */
export const idCopyAdvice = {
  url: 'https://autoriteitpersoonsgegevens.nl/themas/identificatie/paspoort-en-identiteitskaart/kopie-van-uw-id-bewijs-wat-kunt-u-doen',
  title: 'Kopie van uw ID-bewijs: wat kunt u doen?',
  appUrl:
    'https://www.rvig.nl/nieuws/02-04-2024-bescherm-je-identiteitsgegevens-tegen-misbruik-met-de-vernieuwde-kopieid-app',
  verify:
    "read on 2026-12-07 in a stored copy of the AP page (its opening: 'Kopie ID zonder wettelijke verplichting … Dan mag " +
    'de organisatie een afgeschermde kopie vragen of maken van uw ID-bewijs. Dat betekent dat de organisatie uw ' +
    "burgerservicenummer (BSN) en pasfoto onzichtbaar moet maken. Of dat u dit zelf mag doen.'); the rest of the page " +
    'was not readable there, so whether it names KopieID itself is not confirmed. KopieID as the government app that ' +
    "masks the BSN and photo: the RvIG's news of 2 April 2024 and the Rijksoverheid's of 10 July 2019, which refers to " +
    "the AP's site for the rules",
} as const;
