/**
 * Seed 003 (shared/seeds/003_4177d962d873cef2.txt): IES (integrative9, iEQ9
 * questionnaires), Dutch source (formal 'u'). Controller and processor for
 * accredited practitioners and employers; POPIA; no special categories;
 * Privacy Shield; hosting in the Netherlands; minimum age 18.
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'ies',
  facts: {
    nl: [
      'Privacyverklaring IES (integrative9)',
      'Functionaris voor gegevensbescherming E-mail: privacy@integrative9.com',
      'Deze verklaring verwijst naar deze wetten: Algemene verordening gegevensbescherming (AVG) Zuid-Afrikaanse Protection of Personal Information Act, 2013 (POPIA)',
      'Gebruikers van de Producten (minimumleeftijd 18 jaar)',
      'Kopers van producten of diensten en hun factureringsvertegenwoordiger (minimumleeftijd 18 jaar)',
      'Wij verzamelen geen bijzondere persoonsgegevens',
      'Waarom dat mag: Met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG). Op basis van uw toestemming.',
      'Waarom dat mag: Waar dit wettelijk vereist is: omdat de wet ons daartoe verplicht (grondslag: wettelijke verplichting, artikel 6, lid 1, onder c, AVG)',
      'Wanneer wij gegevens verwerken namens anderen',
      'Verwerkingsverantwoordelijken: iEQ9-geaccrediteerde beoefenaars en organisaties (bijvoorbeeld uw werkgever) die de Producten aan u beschikbaar stellen',
      'Verwerker: Niet bij naam genoemde beveiligde datahostingdienstverlener in Nederland',
      // Where the data is stored, once, in the statement's words (the generated sentence said it again).
      'slaan die informatie op in een beveiligd datacenter in Nederland',
      // The statement's note only names the Privacy Shield: not as 'our explanation' (English review 2, finding 12).
      'Voor de doorgifte van gegevens naar de Verenigde Staten noemen wij het EU-VS Privacy Shield. Dat is geen geldige waarborg meer: het Hof van Justitie van de EU heeft het in 2020 ongeldig verklaard (zaak C-311/18). Op het Privacy Shield kunnen wij ons dus niet beroepen.',
      'Bindende bedrijfsvoorschriften (artikel 47 AVG), voor overdrachten aan verwerkers.',
      'zolang dat nodig is voor het doel; daarna worden de gegevens verwijderd of geanonimiseerd',
      '(recht van bezwaar)',
      'Afmelden voor communicatie U kunt zich afmelden voor het ontvangen van promotionele communicatie',
    ],
    en: [
      'Privacy notice of IES (integrative9)',
      'Data protection officer E-mail: privacy@integrative9.com',
      "This notice refers to these laws: General Data Protection Regulation (GDPR) South Africa's Protection of Personal Information Act, 2013 (POPIA)",
      'Users of the Products (minimum age 18)',
      'Buyers of products or services and their billing representative (minimum age 18)',
      'We do not collect special categories of personal data',
      'Why we may do this: With your consent (legal basis: consent, Article 6(1)(a) GDPR). On the basis of your consent.',
      'Why we may do this: Where required by law: because the law requires it (legal basis: legal obligation, Article 6(1)(c) GDPR)',
      'When we process data on behalf of others',
      'Controllers: iEQ9-accredited practitioners and organisations (for example your employer) that make the Products available to you',
      'Processor: Unnamed secure data-hosting provider in the Netherlands',
      'store it in a secure data centre in the Netherlands',
      // The invalidated Privacy Shield in its own sentence, not among the safeguards we rely on (English review 1, finding 14).
      'For transfers of your data to the United States, we name the EU-US Privacy Shield. It is no longer a valid safeguard: the Court of Justice of the EU declared it invalid in 2020 (case C-311/18). We therefore cannot rely on the Privacy Shield.',
      'Standard data protection clauses of the European Commission (Article 46(2)(c) GDPR)',
      'Binding corporate rules (Article 47 GDPR), for transfers to processors.',
      'as long as necessary for the purpose; the data is then deleted or anonymised',
      '(right to object)',
      'Unsubscribing from communications You can unsubscribe from promotional communication',
    ],
  },
  links: ['mailto:privacy@integrative9.com'],
  mutations: [
    {
      pointer: '/applicableLaws',
      lang: 'en',
      absent:
        "refers to these laws: General Data Protection Regulation (GDPR) South Africa's Protection of Personal Information Act",
    },
    {
      pointer: '/transfers/mechanisms',
      lang: 'nl',
      absent: 'Voor de doorgifte van gegevens naar de Verenigde Staten noemen wij het EU-VS Privacy Shield',
    },
    {
      pointer: '/dataSubjects/0/minimumAge',
      lang: 'nl',
      absent: 'Gebruikers van de Producten (minimumleeftijd 18 jaar)',
    },
    {
      pointer: '/collectsSpecialCategories',
      lang: 'en',
      absent: 'We do not collect special categories of personal data',
    },
    { pointer: '/dpo', lang: 'en', absent: 'Data protection officer E-mail: privacy@integrative9.com' },
    { pointer: '/processorActivities', lang: 'nl', absent: 'Wanneer wij gegevens verwerken namens anderen' },
    { pointer: '/retention/0/afterwards', lang: 'en', absent: 'the data is then deleted or anonymised' },
    { pointer: '/rights/additional', lang: 'nl', absent: 'Afmelden voor communicatie U kunt' },
  ],
});
