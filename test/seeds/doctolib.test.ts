/**
 * Seed 004 (shared/seeds/004_957eb6b564394385.txt): Doctolib B.V., the
 * Doctolib Connect app; Dutch source (formal 'u'). A table per purpose
 * (data, legal basis, retention), a processor annex with origin, server
 * location, category and task, 15 days' notice of important changes.
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'doctolib',
  facts: {
    nl: [
      'Privacyverklaring Doctolib B.V.',
      'Doctolib B.V. is een dochteronderneming van Doctolib SAS (Frankrijk).',
      'Adres: Keizergracht 585, 1017 DR Amsterdam, Nederland',
      'Functionaris voor gegevensbescherming Wilt u contact opnemen met onze functionaris voor gegevensbescherming? Vraag ons hoe: onze contactgegevens staan hierboven. Onze functionaris voor gegevensbescherming is aangemeld bij de toezichthoudende autoriteit.',
      // Processor annex.
      'Twilio VoIP-oproepen Twilio wordt gebruikt voor Doctolibs in-app VoIP (bellen via internet) en videogesprekken. Verenigde Staten Ierland',
      'AWS EMEA Hosting Hosting van gegevens voor Doctolib Connect Services. Moedermaatschappij in de Verenigde Staten; contractpartij in Luxemburg Europese Unie',
      'ZenDesk Ticketsysteem',
      'VS, EU of Azië',
      "CM.com Telecom Sms'jes sturen naar gebruikers met een code",
      'Mailjet Telecom',
      'Duitsland en België',
      'Adjust Analytisch hulpmiddel',
      'Typeform Marketing Helpt Doctolib bij het maken van enquêtes voor gebruikers/abonnees. Spanje Europese Unie',
      'Salesforce CRM-tool Helpt Doctolib bij het werven van nieuwe klanten.',
      'Braze Telecom',
      // Bases.
      'Waarom dat mag: Telefoonnummer van de gebruiker: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG)',
      'Telefoonnummers van contactpersonen: met toestemming van de gebruikers van de Doctolib Connect App (zorgverleners) (grondslag: toestemming, artikel 6, lid 1, onder a, AVG). De Gebruiker wordt via een pop-upvenster gevraagd',
      'Waarom dat mag: Voor de updates die nodig zijn om de diensten aan de regelgeving te laten voldoen: omdat de wet ons daartoe verplicht (grondslag: wettelijke verplichting, artikel 6, lid 1, onder c, AVG)',
      'Voor updates die niet nodig zijn om de diensten aan de regelgeving te laten voldoen: omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst',
      // Retention.
      'zolang de overeenkomst duurt. Voor het geval er een juridisch geschil ontstaat, kunnen wij een deel van de gegevens bewaren tot 5 jaar na het einde van de overeenkomst',
      'totdat u zich afmeldt',
      // Rights, changes.
      'Recht om het lot van uw persoonsgegevens na overlijden te bepalen',
      // The notice period once, in the statement's words: the generated sentence is left out where they say it.
      'verbindt Doctolib zich ertoe u ten minste vijftien (15) dagen vóór de ingangsdatum schriftelijk op de hoogte te stellen',
    ],
    en: [
      'Privacy notice of Doctolib B.V.',
      'Doctolib B.V. is a subsidiary of Doctolib SAS (France).',
      'Data protection officer To contact our data protection officer, ask us how: our contact details are above. Our data protection officer is registered with the supervisory authority.',
      "Twilio VoIP calls Twilio is used for Doctolib's in-app VoIP (calls over the internet) and video calls. United States Ireland",
      'AWS EMEA Hosting Hosting of data for Doctolib Connect Services. Parent company in the United States; contracting party in Luxembourg European Union',
      'US, EU or Asia',
      'Germany and Belgium',
      "Why we may do this: The user's phone number: because it is needed for a contract with you (legal basis: performance of a contract, Article 6(1)(b) GDPR)",
      "Contacts' phone numbers: with the consent of the users of the Doctolib Connect App (care providers) (legal basis: consent, Article 6(1)(a) GDPR). The user is asked in a pop-up window",
      'for the duration of the contract. If a legal dispute arises, we may keep some of the data for up to 5 years after the end of the contract',
      'Right to decide what happens to your personal data after your death',
      'Doctolib undertakes to inform you in writing at least fifteen (15) days before they take effect',
    ],
  },
  retention: {
    nl: [
      [
        'Facturerings- en inningsgegevens',
        '7 jaar',
        '—',
        'Algemene wet inzake rijksbelastingen (artikel 52 AWR). Deze termijn geldt voor Nederland',
      ],
      [
        'Kopie van het identiteitsbewijs',
        'Totdat de gegevens zijn gecontroleerd; daarna worden ze verwijderd',
        '—',
        '—',
      ],
      [
        'Gebruikersprofielgegevens',
        'Totdat u om verwijdering vraagt. Een verzoek om verwijdering wordt binnen ten hoogste 30 dagen uitgevoerd; bij een complex verzoek kan deze termijn worden verlengd tot 60 dagen',
        '—',
        '—',
      ],
      [
        'Logbestanden die worden gebruikt om de veiligheid van de diensten te garanderen',
        '1 jaar. Voor het geval er een juridisch geschil ontstaat, kunnen wij een deel van de gegevens bewaren tot 5 jaar nadat de gegevens zijn vastgelegd',
        'Het vastleggen van de gegevens',
        '—',
      ],
      [
        'Antwoorden op de vragenlijsten',
        'Ten hoogste 1 maand; daarna worden de gegevens geanonimiseerd',
        'Het verzenden van de gegevens aan ons',
        '—',
      ],
      [
        'Prospectgegevens',
        // The start in its own column, as for a single period (English review 1, finding 11).
        '3 jaar, of eerder als u bezwaar maakt of om verwijdering vraagt',
        'Het laatste contact',
        '—',
      ],
      ['Bijlagen bij ondersteuningsverzoeken', '30 dagen', '—', '—'],
      [
        'Beveiligde back-upbestanden en snapshots',
        'Ten hoogste 7 dagen',
        'Verwijdering uit de actieve systemen',
        'Om veiligheidsredenen, in het bijzonder om de continuïteit van de diensten te waarborgen, kunnen sommige persoonsgegevens zeven extra dagen in beveiligde back-upbestanden worden bewaard. Dagelijks worden geautomatiseerde snapshots gemaakt die niet langer dan zeven dagen worden bewaard en versleuteld worden opgeslagen',
      ],
    ],
    en: [
      [
        'Invoicing and collection data',
        '7 years',
        '—',
        'General Tax Act (Article 52 AWR). This period applies to the Netherlands',
      ],
      [
        'User-profile data',
        'Until you ask for deletion. We carry out a request for deletion within 30 days; for a complex request, we can extend this to 60 days',
        '—',
        '—',
      ],
      [
        'Log files used to ensure the security of the services',
        '1 year. If a legal dispute arises, we may keep some of the data for up to 5 years after the data was recorded',
        'When the data was recorded',
        '—',
      ],
      [
        'Answers to the questionnaires',
        'No longer than 1 month; the data is then anonymised',
        'When the data was sent to us',
        '—',
      ],
      ['Prospect data', '3 years, or earlier if you object or ask for deletion', 'The last contact', '—'],
      [
        'Secure backup files and snapshots',
        'No longer than 7 days',
        'Deletion from the live systems',
        'For security reasons, in particular to ensure the continuity of the services, some personal data may be kept in secure backup files for seven additional days. Automated snapshots are made daily, kept no longer than seven days and encrypted at rest',
      ],
    ],
  },
  links: [
    'mailto:privacy-connect@doctolib.com',
    'https://www.cnil.fr/fr/ce-que-change-la-loi-pour-une-republique-numerique-pour-la-protection-des-donnees-personnelles#mortnumerique',
  ],
  mutations: [
    { pointer: '/processors/4/serverLocations', value: ['FR'], lang: 'en', absent: 'United States Ireland' },
    {
      pointer: '/retention/20/legalSource',
      lang: 'nl',
      absent: [
        'Facturerings- en inningsgegevens',
        '7 jaar',
        '—',
        'Algemene wet inzake rijksbelastingen (artikel 52 AWR). Deze termijn geldt voor Nederland',
      ],
    },
    {
      pointer: '/retention/0/legalClaimsHold',
      lang: 'en',
      absent: 'we may keep some of the data for up to 5 years after the end of the contract',
    },
    {
      pointer: '/retention/2/deletionHandling/extendedPeriod',
      lang: 'nl',
      absent: 'bij een complex verzoek kan deze termijn worden verlengd tot 60 dagen',
    },
    {
      pointer: '/retention/14/earliestOf/0/period',
      value: 'P2Y',
      lang: 'en',
      absent: ['Prospect data', '3 years, or earlier if you object or ask for deletion'],
    },
    { pointer: '/processors/0/contractingEntity', lang: 'en', absent: 'contracting party in Luxembourg' },
    {
      pointer: '/rights/additional',
      lang: 'nl',
      absent: 'Recht om het lot van uw persoonsgegevens na overlijden te bepalen',
    },
    {
      pointer: '/dpo/registeredWithAuthority',
      lang: 'en',
      absent: 'Our data protection officer is registered with the supervisory authority.',
    },
  ],
});
