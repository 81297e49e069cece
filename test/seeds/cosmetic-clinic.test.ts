/**
 * Seed 001 (shared/seeds/001_962b1f23fff6afa1.txt): an unnamed cosmetic /
 * plastic-surgery clinic, English source. Key facts of the statement must
 * reach both notices, in Markdown and HTML.
 */
import { describeSeedFacts } from '../support/seed-facts.js';

describeSeedFacts({
  id: 'cosmetic-clinic',
  facts: {
    en: [
      'Privacy notice of [name of the organisation not stated]',
      'This notice does not name the organisation; the name shown is a placeholder.',
      // No version or date is invented for an undated statement; it names no automated decisions, and the notice says so.
      'This notice mentions no decisions that a computer makes about you on its own, without a person involved',
      // A DPO is referred to, but the statement lost the address.
      'Data protection officer Contact details: Not stated in this notice.',
      'Medical data (special category of personal data: data concerning health)',
      'Photos of the area to be treated (special category of personal data: data concerning health)',
      'Contact history. What the contact was about, when the contact was made and with whom.',
      'Why we may do this: Because it is needed for a contract with you (legal basis: performance of a contract, Article 6(1)(b) GDPR). We record your contact details and medical data in line with the provisions on the medical treatment agreement (WGBO).',
      'Why we may do this: Because the law requires it (legal basis: legal obligation, Article 6(1)(c) GDPR)',
      'Why we may do this: With your consent (legal basis: consent, Article 6(1)(a) GDPR). Photos are only taken with your permission.',
      'we may ask you to first send photos of the area to be treated',
      'the NVPC (Dutch Association for Plastic Surgery) and the NVCG (Dutch Association of Cosmetic Medicine)',
      'Camera images are recorded for your and our safety.',
      // Retention, each period with its trigger.
      'as long as the law requires us to keep it',
      'Every six months we check your medical and contact details',
      'will never share it with third parties without your permission',
      '(right of access)',
      'not possible to (fully) comply with a request, for example if your inspection leads to an infringement of the privacy of others',
      '(right to rectification)',
      '(right to erasure)',
      '(right to withdraw consent)',
      'you have the right to withdraw this permission',
      'If you would like to view your data, please contact our Data Protection Officer.',
      'We respond to your request within one month.',
      'Our employees only consult your data if this is necessary for the performance of their duties.',
      'To secure your backup data, we have a username and password policy.',
      'we will report this to the Dutch Data Protection Authority',
      'please contact our Data Protection Officer. If you cannot come to an agreement with our Data Protection Officer, you have the right to submit a complaint to the Dutch Data Protection Authority.',
      'Dutch Data Protection Authority (Autoriteit Persoonsgegevens)',
    ],
    nl: [
      'Privacyverklaring [naam van de organisatie niet vermeld]',
      'Deze verklaring noemt de naam van de organisatie niet; de getoonde naam is een plaatsaanduiding.',
      'In deze verklaring staan geen besluiten die een computer over u neemt zonder dat een mens ernaar kijkt',
      'Functionaris voor gegevensbescherming Contactgegevens: Niet vermeld in deze verklaring.',
      'Medische gegevens (bijzondere persoonsgegevens: gegevens over gezondheid)',
      "Foto's van het te behandelen gebied (bijzondere persoonsgegevens: gegevens over gezondheid)",
      'Contacthistorie. Waarover het contact ging, wanneer het plaatsvond en met wie.',
      'Waarom dat mag: Omdat het nodig is voor een overeenkomst met u (grondslag: uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG). Wij leggen uw contactgegevens en medische gegevens vast volgens de bepalingen over de geneeskundige behandelingsovereenkomst (WGBO).',
      'Waarom dat mag: Omdat de wet ons daartoe verplicht (grondslag: wettelijke verplichting, artikel 6, lid 1, onder c, AVG)',
      "Waarom dat mag: Met uw toestemming (grondslag: toestemming, artikel 6, lid 1, onder a, AVG). Foto's worden alleen met uw toestemming gemaakt.",
      "kunnen wij u vragen eerst foto's van het te behandelen gebied te sturen",
      'de NVPC (Nederlandse Vereniging voor Plastische Chirurgie) en de NVCG (Nederlandse Vereniging voor Cosmetische Geneeskunde)',
      'Wij nemen camerabeelden op voor uw en onze veiligheid.',
      'zo lang als de wet ons verplicht ze te bewaren',
      'Elk halfjaar controleren wij uw medische gegevens en contactgegevens',
      'delen ze nooit zonder uw toestemming met derden',
      '(recht van inzage)',
      'bijvoorbeeld als uw inzage leidt tot een inbreuk op de privacy van anderen',
      '(recht op rectificatie)',
      '(recht op gegevenswissing)',
      '(recht om toestemming in te trekken)',
      'dan hebt u het recht die toestemming in te trekken',
      'Wilt u uw gegevens inzien, neem dan contact op met onze functionaris voor gegevensbescherming.',
      'Wij reageren binnen een maand op uw verzoek.',
      'Onze medewerkers raadplegen uw gegevens alleen als dat nodig is voor de uitvoering van hun taken.',
      'hebben wij een beleid voor gebruikersnamen en wachtwoorden',
      'dan melden wij dat bij de Autoriteit Persoonsgegevens',
      'Komt u er met onze functionaris voor gegevensbescherming niet uit, dan hebt u het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens.',
      // The clinic's own text names the authority already: only its details follow.
      'Contactgegevens van de Autoriteit Persoonsgegevens:',
    ],
  },
  retention: {
    nl: [
      [
        'Uw contactgegevens en medische gegevens',
        'Ten hoogste 6 maanden',
        '—',
        'Wij bewaren uw gegevens zo lang als nodig is voor het verlenen van onze zorg, en zo lang als de wet ons verplicht ze te bewaren. Na deze termijn verwijderen wij uw gegevens. Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is.',
      ],
      [
        'Uw contactgegevens als u (nog) geen consultafspraak maakt',
        '6 maanden',
        '—',
        'Wij bewaren ze voor het geval u ons later nodig hebt. Elk halfjaar controleren wij uw medische gegevens en contactgegevens om te zien of ze nog kloppen.',
      ],
      [
        'Uw gegevens als er bij het consult nog geen indicatie voor behandeling is',
        '2 jaar',
        '—',
        'Hebt u binnen die 2 jaar wel een indicatie, dan helpen wij u graag. Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is.',
      ],
      [
        'Uw gegevens als u uw behandeling annuleert of niet behandeld kunt worden',
        '4 maanden',
        '—',
        'Daarna verwijderen wij uw gegevens. Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na de laatste wijziging in het dossier wordt bewaard, of langer als dat voor goede zorg nodig is.',
      ],
      ['Camerabeelden', '1 maand', 'Het vastleggen van de gegevens', 'Daarna worden de beelden verwijderd.'],
      [
        'Back-ups',
        '3 maanden',
        'Verwijdering uit de actieve systemen',
        'Nadat wij uw gegevens op uw verzoek hebben gewijzigd of verwijderd, kunnen ze nog enige tijd in onze back-ups staan, totdat ook die back-ups na 3 maanden worden verwijderd.',
      ],
    ],
    en: [
      [
        'Your contact details and medical data',
        'No longer than 6 months',
        '—',
        'We keep your data for as long as necessary for the provision of our care, and as long as the law requires us to keep it. After this period we delete your data. Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file to be kept for at least 20 years after the last change to the file, or longer where good care requires it.',
      ],
      [
        'Your contact details if you do not (yet) make a consultation appointment',
        '6 months',
        '—',
        'We keep them in case you need us later. Every six months we check your medical and contact details to see if they are still in order.',
      ],
      [
        'Your data if the consultation shows no indication for treatment yet',
        '2 years',
        '—',
        'We are happy to help you if you do have an indication within the period of 2 years. Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file to be kept for at least 20 years after the last change to the file, or longer where good care requires it.',
      ],
      [
        'Your data if you cancel your treatment or cannot be treated',
        '4 months',
        '—',
        'We then delete your data. Note: this period is shorter than the legal retention period. The law (Article 7:454(3) of the Dutch Civil Code, BW) requires a medical file to be kept for at least 20 years after the last change to the file, or longer where good care requires it.',
      ],
      ['Camera images', '1 month', 'When the data was recorded', 'The images are then deleted.'],
      [
        'Backups',
        '3 months',
        'Deletion from the live systems',
        'After we have changed or deleted your data at your request, it may still be present in our backups for some time, until those backups are also deleted after 3 months.',
      ],
    ],
  },
  // The AP's page differs per language (law/authorities.ts): notice-truth's English review tests it.
  links: [],
  mutations: [
    { pointer: '/retention/4/from', lang: 'en', absent: ['Camera images', '1 month', 'When the data was recorded'] },
    {
      pointer: '/retention/5/period',
      value: 'P6M',
      lang: 'nl',
      absent: ['Back-ups', '3 maanden', 'Verwijdering uit de actieve systemen'],
    },
    {
      pointer: '/dpo/contact',
      value: { email: 'fg@example.nl' },
      lang: 'nl',
      absent: 'Functionaris voor gegevensbescherming Contactgegevens: Niet vermeld',
    },
    {
      pointer: '/controller/placeholder',
      lang: 'en',
      absent: 'This notice does not name the organisation; the name shown is a placeholder.',
    },
    {
      pointer: '/purposes/2/legalBasis',
      value: '6(1)(f)',
      lang: 'en',
      absent: 'Why we may do this: With your consent (legal basis: consent, Article 6(1)(a) GDPR)',
    },
  ],
});
