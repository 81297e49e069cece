/**
 * Corpus policy (issue 11): BIB verloskundigen, a midwifery practice, Dutch
 * source (informal 'je'), authored from the opening of
 * https://www.bibverloskundigen.nl/praktijk-privacyverklaring (the only part
 * the search tool returned; see the policy's authoringNotes). Five purposes
 * without a stated basis, eleven data items including the BSN and medical
 * data, 20 years under the WGBO without a start event, processor agreements.
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'bib-verloskundigen',
  facts: {
    nl: [
      'Privacyverklaring BIB verloskundigen',
      'BIB verloskundigen hecht veel waarde aan jouw privacy.',
      'Cliënten (zwangeren en kraamvrouwen)',
      'Je zwangerschap, bevalling en/of kraambed zo goed mogelijk begeleiden',
      'Declareren bij de zorgverzekeraars',
      'BSN',
      'Naam en telefoonnummer van je partner',
      'godsdienst, lengte, gewicht, leefstijl',
      'Met de partijen die je gegevens verwerken, zijn wij verwerkersovereenkomsten aangegaan.',
      'Vernietiging van je dossier (artikel 7:455 BW)',
    ],
    en: [
      'Privacy notice of BIB verloskundigen',
      'Clients (pregnant women and new mothers)',
      'Guiding you as well as possible through your pregnancy, birth and/or postnatal period',
      'Billing your health insurer',
      'Citizen service number (BSN)',
      "Your partner's name and telephone number",
      'religion, height, weight, lifestyle',
      'We have concluded processing agreements with the parties that process your data.',
      'Destruction of your file (Article 7:455 BW)',
    ],
  },
  retention: {
    nl: [
      [
        'Persoonsgegevens en medische gegevens',
        '20 jaar',
        'De laatste wijziging van het dossier (zo rekent de wet)',
        'Wet op de geneeskundige behandelingsovereenkomst (WGBO)',
      ],
    ],
    en: [
      [
        'Personal data and medical data',
        '20 years',
        'The last change to the file (as the law counts it)',
        'Medical Treatment Contracts Act (WGBO)',
      ],
    ],
  },
  links: [],
  mutations: [
    { pointer: '/sharing', lang: 'en', absent: 'We have concluded processing agreements' },
    {
      pointer: '/retention/0/period',
      value: 'P15Y',
      lang: 'nl',
      absent: ['Persoonsgegevens en medische gegevens', '20 jaar'],
    },
  ],
});
