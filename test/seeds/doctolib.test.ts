import { describe, expect, it } from 'vitest';
import { compileSeed, expectFacts } from '../support/seed-notices.js';

describe('Doctolib seed policy (004)', () => {
  const out = compileSeed('doctolib');

  it('lists Twilio in the processor annex: US, servers in Ireland, VOIP calls', () => {
    expect(out.en.markdown).toContain("| **Twilio** | VOIP calls | Twilio is used for Doctolib's in-app VOIP (calls over the internet) and video calls. | the United States | Ireland |");
    expect(out.nl.markdown).toContain("| **Twilio** | VOIP-oproepen | Twilio wordt gebruikt voor Doctolib's in-app VOIP (bellen via internet) en videogesprekken. | de Verenigde Staten | Ierland |");
    expect(out.en.html).toContain('<tr><th scope="row"><strong>Twilio</strong></th><td>VOIP calls</td>');
    expect(out.en.html).toContain('<td>the United States</td><td>Ireland</td>');
    expect(out.nl.html).toContain('<tr><th scope="row"><strong>Twilio</strong></th><td>VOIP-oproepen</td>');
    expect(out.nl.html).toContain('<td>de Verenigde Staten</td><td>Ierland</td>');
  });

  it('gives AWS EMEA its parent company and contracting party', () => {
    expectFacts(out, {
      nl: ['moedermaatschappij: de Verenigde Staten; contractspartij: Luxemburg'],
      en: ['parent company: the United States; contracting party: Luxembourg'],
    });
  });

  it('keeps invoices 7 years under art. 52 AWR', () => {
    expectFacts(out, {
      nl: ['7 jaar, op grond van de Algemene wet inzake rijksbelastingen (AWR, art. 52)'],
      en: ['7 years, under the General Tax Act (AWR, art. 52)'],
    });
  });

  it('keeps some data up to 5 years for legal claims', () => {
    expectFacts(out, {
      nl: ['zolang de overeenkomst duurt. Ter bescherming tegen mogelijke rechtsvorderingen kan een deel van de gegevens worden bewaard tot 5 jaar na het einde van de overeenkomst'],
      en: ['for the duration of the contract. To protect against legal claims, some of the data may be kept for up to 5 years after the end of the contract'],
    });
  });

  it('handles deletion requests within 30 days, 60 for complex ones', () => {
    expectFacts(out, {
      nl: ['Een verzoek om verwijdering wordt binnen ten hoogste 30 dagen uitgevoerd; bij een complex verzoek kan deze termijn worden verlengd tot 60 dagen'],
      en: ['A request for deletion is carried out within at most 30 days; for a complex request this can be extended to 60 days'],
    });
  });

  it('keeps prospect data 3 years from the last contact, or less on objection or deletion', () => {
    expectFacts(out, {
      nl: ['wat het eerst komt: 3 jaar na het laatste contact; totdat u bezwaar maakt; totdat u om verwijdering vraagt'],
      en: ['whichever comes first: 3 years after the last contact; until you object; until you ask for deletion'],
    });
  });

  it('announces important changes 15 days ahead', () => {
    expectFacts(out, {
      nl: ['Wij informeren u ten minste 15 dagen voordat een belangrijke wijziging van deze verklaring ingaat.'],
      en: ['We inform you at least 15 days before a material change to this notice takes effect.'],
    });
  });

  it('keeps log files 1 year, questionnaire answers 1 month then anonymised, backups 7 days', () => {
    expectFacts(out, {
      nl: [
        '1 jaar nadat de gegevens zijn vastgelegd',
        'ten hoogste 1 maand nadat de gegevens aan ons zijn verzonden; daarna worden de gegevens geanonimiseerd',
        'ten hoogste 7 dagen na verwijdering uit de actieve systemen',
      ],
      en: [
        '1 year after the data was recorded',
        'no longer than 1 month after the data was sent to us; the data is then anonymised',
        'no longer than 7 days after deletion from the live systems',
      ],
    });
  });

  it('gives the connections purpose a basis per kind of phone number', () => {
    expectFacts(out, {
      nl: ['Telefoonnummer van de gebruiker: Uitvoering van een overeenkomst', 'Telefoonnummers van contactpersonen: Toestemming'],
      en: ["The user's phone number: Performance of a contract", "Contacts' phone numbers: Consent"],
    });
  });

  it('grants the post-mortem right and names the parent company and a registered DPO', () => {
    expectFacts(out, {
      nl: ['Recht om het lot van uw Persoonsgegevens na overlijden te bepalen', 'Doctolib B.V. is een dochteronderneming van Doctolib SAS (Frankrijk).', 'aangemeld bij de toezichthoudende autoriteit'],
      en: ['Right to decide what happens to your personal data after your death', 'Doctolib B.V. is a subsidiary of Doctolib SAS (France).', 'registered with the supervisory authority'],
    });
  });
});
