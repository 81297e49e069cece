/**
 * Corpus policy (issue 11): Dijklander Ziekenhuis, a hospital (Hoorn and
 * Purmerend), Dutch source (formal 'u'), statement of May 2020, authored from
 * the opening of https://www.dijklander.nl/privacyverklaring (the only part the
 * search tool returned; see the policy's authoringNotes): the controller with
 * address and KvK number, the scope, confidentiality and sharing sentences and
 * the first data item.
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'dijklander',
  facts: {
    nl: [
      'Privacyverklaring Stichting Dijklander Ziekenhuis',
      'Laatst gewijzigd in mei 2020.',
      'Adres: Maelsonstraat 3, 1624 NP Hoorn, Nederland',
      'KvK-nummer: 41235021',
      'met de locaties Hoorn en Purmerend',
      'Patiëntgegevens zijn alleen inzichtelijk voor de rechtstreeks betrokken hulpverleners.',
      'Informatie om een medisch dossier voor u aan te maken',
      'zonder uw uitdrukkelijke toestemming of een andere wettelijke grondslag',
    ],
    en: [
      'Last changed in May 2020.',
      'Address: Maelsonstraat 3, 1624 NP Hoorn, the Netherlands',
      'Chamber of Commerce number: 41235021',
      'Patient data can be seen only by the care providers directly involved.',
      'Information to create a medical file for you',
      'without your explicit consent or another legal basis',
    ],
  },
  links: [],
  mutations: [
    { pointer: '/controller/kvkNumber', lang: 'nl', absent: 'KvK-nummer: 41235021' },
    { pointer: '/sharing', lang: 'en', absent: 'without your explicit consent or another legal basis' },
    { pointer: '/metadata/lastModified', lang: 'nl', absent: 'Laatst gewijzigd in mei 2020.' },
  ],
});
