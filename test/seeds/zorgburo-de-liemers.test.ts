/**
 * Corpus policy (issue 11): Zorgburo De Liemers, a care organisation (care
 * agreements, intake, care plans, apartments for rent), Dutch source (formal
 * 'u'), authored from the opening of
 * https://zorgburodeliemers.nl/over-het-zorgburo/privacystatement/ (the only
 * part the search tool returned; see the policy's authoringNotes). Six
 * purposes on the care agreement (6(1)(b)), access and password measures, the
 * client file kept 15 years under the WGBO (the term before 2020).
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'zorgburo-de-liemers',
  facts: {
    nl: [
      'Privacyverklaring Zorgburo De Liemers',
      'Zorgburo De Liemers is verantwoordelijk voor de registratie, verwerking en opslag van deze gegevens.',
      'Het maken van een huurovereenkomst als u een appartement huurt',
      'Verwerking in het cliëntvolgsysteem ONS',
      'Waarom dat mag: Omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG). Deze gegevens zijn noodzakelijk voor de uitvoering van een overeenkomst',
      'met een wachtwoord dat regelmatig moet worden gewijzigd',
      // The statement says cliënt (metadata.careRecipient): so do the notice's sentences about the WGBO rights.
      'Uw rechten als cliënt',
      'Voor uw dossier gelden ook de rechten uit de Wet op de geneeskundige behandelingsovereenkomst (WGBO), een deel van het Burgerlijk Wetboek (BW):',
      'Is een cliënt overleden?',
    ],
    en: [
      'Privacy notice of Zorgburo De Liemers',
      'Drawing up a tenancy agreement if you rent an apartment',
      'Processing in our electronic client record system (ONS)',
      'Why we may do this: Because it is needed for a contract with you (legal basis: performance of a contract, Article 6(1)(b) GDPR). These data are necessary for the performance of a contract',
      'with a password that must be changed regularly',
      'Your rights as a client',
      'If a client has died',
    ],
  },
  retention: {
    nl: [
      // Care, not treatment: the organisation gives home care (condition 'care-duration', officer8 R7).
      ['Algemene cliëntgegevens', 'Zolang de zorg duurt', '—', 'Ze worden bewaard totdat iemand uit zorg gaat.'],
      // Not 'Wet op de geneeskundige behandelingsovereenkomst (WGBO)': that law requires 20 years, so it is not the
      // ground for 15 (the register keeps the statement's words; check reports retention/medical-file-too-short).
      [
        'Cliëntdossier',
        '15 jaar',
        '—',
        'Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat het dossier van een cliënt ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is.',
      ],
    ],
    en: [
      ['General client data', 'For the duration of the care', '—', 'They are kept until someone leaves our care.'],
      [
        'Client file',
        '15 years',
        '—',
        "Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a client's file to be kept for at least 20 years after the last change to the file, or longer where good care requires it.",
      ],
    ],
  },
  links: [],
  mutations: [
    { pointer: '/metadata/careRecipient', lang: 'nl', absent: 'Uw rechten als cliënt' },
    { pointer: '/security/measures', lang: 'nl', absent: 'met een wachtwoord dat regelmatig moet worden gewijzigd' },
    {
      pointer: '/purposes/0/legalBasisExplanation',
      lang: 'en',
      absent: 'These data are necessary for the performance of a contract',
    },
    { pointer: '/retention/1/period', value: 'P20Y', lang: 'en', absent: ['Client file', '15 years'] },
  ],
});
