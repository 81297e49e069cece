import { describe, expect, it } from 'vitest';
import { compileSeed, expectFacts } from '../support/seed-notices.js';

describe('IES seed policy (003)', () => {
  const out = compileSeed('ies');

  it('names POPIA next to the GDPR as applicable law', () => {
    expectFacts(out, {
      nl: ['Deze verklaring is opgesteld in overeenstemming met: Algemene verordening gegevensbescherming (AVG) en Protection of Personal Information Act, 2013 (Zuid-Afrika) (POPIA).'],
      en: ['This notice is given in accordance with: General Data Protection Regulation (GDPR) and Protection of Personal Information Act, 2013 (South Africa) (POPIA).'],
    });
  });

  it('relies on the Privacy Shield (EU-US and Swiss-US), SCC and BCR, as stated', () => {
    expectFacts(out, {
      nl: [
        'EU-VS Privacy Shield (de Verenigde Staten). EU-VS en Zwitsers-VS Privacy Shield Frameworks.',
        'bindende bedrijfsvoorschriften (artikel 47 AVG). Voor overdrachten aan gegevensverwerkers.',
      ],
      en: [
        'EU-US Privacy Shield (the United States). EU-US and Swiss-US Privacy Shield Frameworks.',
        'binding corporate rules (Article 47 GDPR). For transfers to processors.',
        'standard data protection clauses of the European Commission (Article 46(2)(c) GDPR)',
      ],
    });
  });

  it('hosts data in the Netherlands', () => {
    expectFacts(out, { nl: ['Wij slaan uw gegevens op in Nederland.'], en: ['We store your data in the Netherlands.'] });
  });

  it('sets a minimum age of 18 and collects no special categories', () => {
    expectFacts(out, {
      nl: ['Gebruikers van de Producten (minimumleeftijd 18 jaar)', 'Wij verzamelen geen bijzondere categorieën van persoonsgegevens'],
      en: ['Users of the Products (minimum age 18)', 'We do not collect special categories of personal data'],
    });
  });

  it('gives the DPO address privacy@integrative9.com', () => {
    expect(out.nl.markdown).toContain('### Functionaris gegevensbescherming\n\n- **E-mail:** [privacy@integrative9.com](mailto:privacy@integrative9.com)');
    expect(out.en.markdown).toContain('### Data protection officer\n\n- **E-mail:** [privacy@integrative9.com](mailto:privacy@integrative9.com)');
    expect(out.nl.html).toContain('<h3 id="dpo">Functionaris gegevensbescherming</h3>\n<dl>\n<dt>E-mail</dt>\n<dd><a href="mailto:privacy@integrative9.com">');
    expect(out.en.html).toContain('<h3 id="dpo">Data protection officer</h3>\n<dl>\n<dt>E-mail</dt>\n<dd><a href="mailto:privacy@integrative9.com">');
  });

  it('explains its role as processor for accredited practitioners and employers', () => {
    expectFacts(out, {
      nl: ['Wanneer wij gegevens verwerken namens anderen', 'iEQ9-geaccrediteerde beoefenaars en organisaties (bijvoorbeeld uw werkgever) die de Producten aan u beschikbaar stellen'],
      en: ['When we process data on behalf of others', 'iEQ9-accredited practitioners and organisations (for example your employer) that make the Products available to you'],
    });
  });

  it('bases marketing on consent, and 3.1.8 on legal obligation and legitimate interests', () => {
    expectFacts(out, {
      nl: ['Toestemming (artikel 6, lid 1, onder a, AVG). Op basis van uw toestemming.', 'Waar dit wettelijk vereist is: Wettelijke verplichting'],
      en: ['Consent (Article 6(1)(a) GDPR). On the basis of your consent.', 'Where required by law: Legal obligation (Article 6(1)(c) GDPR)'],
    });
  });

  it('keeps data as long as necessary, then deletes or anonymises it', () => {
    expectFacts(out, {
      nl: ['zolang dat nodig is voor het doel; daarna worden de gegevens verwijderd of geanonimiseerd'],
      en: ['as long as necessary for the purpose; the data is then deleted or anonymised'],
    });
  });

  it('lists the unsubscribe right and the objection right the statement grants', () => {
    expectFacts(out, {
      nl: ['Afmelden voor communicatie', 'Recht van bezwaar'],
      en: ['Unsubscribing from communications', 'Right to object'],
    });
  });
});
