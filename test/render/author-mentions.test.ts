import { describe, expect, it } from 'vitest';
import { mentionsNoticePeriod, mentionsStorageIn } from '../../src/render/author-mentions.js';

/** When the notice leaves a generated sentence out because the author's words say it already. */
describe('author-mentions', () => {
  it('finds a place by its name without the article, as a whole word', () => {
    expect(mentionsStorageIn('Wij slaan het op in Europese Unie', 'de Europese Unie')).toBe(true);
    expect(mentionsStorageIn('stored in a secure data centre in the Netherlands', 'the Netherlands')).toBe(true);
    expect(mentionsStorageIn('Wij slaan het op volgens de Nederlandse wet', 'Nederland')).toBe(false);
    expect(mentionsStorageIn('Wij slaan iets anders op', 'Nederland')).toBe(false);
    expect(mentionsStorageIn('Wij slaan (1+1) op', '(1+1)')).toBe(true); // the name is text, not a pattern
  });

  it('finds a period by its number and unit, also written out with the number in brackets', () => {
    expect(mentionsNoticePeriod('wij melden het ten minste vijftien (15) dagen vóór', '15 dagen')).toBe(true);
    expect(mentionsNoticePeriod('we notify you at least 15 days before', '15 days')).toBe(true);
    expect(mentionsNoticePeriod('wij melden het binnen 115 dagen', '15 dagen')).toBe(false);
    expect(mentionsNoticePeriod('wij melden het 15 dagenlang', '15 dagen')).toBe(false);
    expect(mentionsNoticePeriod('wij melden het 30 dagen vooraf', '15 dagen')).toBe(false);
    expect(mentionsNoticePeriod('wij melden het een maand vooraf', 'een maand')).toBe(true);
    expect(mentionsNoticePeriod('wij melden het vooraf', '')).toBe(false);
  });

  it("reads a clause after ';' as a sentence of its own, as the check's wording rules do (one splitter, src/sentences.ts)", () => {
    // The storage word belongs to the medical file's period, the place to the website: no statement of where data is stored.
    expect(mentionsStorageIn('Wij bewaren uw dossier 20 jaar; onze website staat in Nederland.', 'Nederland')).toBe(
      false,
    );
    expect(mentionsNoticePeriod('Wij melden wijzigingen vooraf; oude versies staan 15 dagen online.', '15 dagen')).toBe(
      false,
    );
    expect(mentionsStorageIn('Wij bewaren uw dossier in Nederland; 20 jaar lang.', 'Nederland')).toBe(true);
  });

  it('counts a place only where a sentence says the data is stored there, not negated (nl2 review defect 1)', () => {
    // Today's intended drops: iPractice and IES say where they store the data.
    expect(
      mentionsStorageIn(
        'We slaan je gegevens op servers binnen de Europese Unie op. In principe geven we nooit persoonsgegevens door naar landen buiten de EU.',
        'de Europese Unie',
      ),
    ).toBe(true);
    expect(
      mentionsStorageIn('We store your data on servers located within the European Union.', 'the European Union'),
    ).toBe(true);
    expect(
      mentionsStorageIn(
        'Wij verzamelen informatie wereldwijd en slaan die informatie op in een beveiligd datacenter in Nederland.',
        'Nederland',
      ),
    ).toBe(true);
    expect(
      mentionsStorageIn(
        'We collect information worldwide and store it in a secure data centre in the Netherlands.',
        'the Netherlands',
      ),
    ).toBe(true);
    // The reviewer's counter-example: the place named for a transfer, outside it.
    expect(
      mentionsStorageIn(
        'In principe geven we nooit persoonsgegevens door naar landen buiten de Europese Unie.',
        'de Europese Unie',
      ),
    ).toBe(false);
    expect(
      mentionsStorageIn(
        'We never transfer personal data to countries outside the European Union.',
        'the European Union',
      ),
    ).toBe(false);
    // A storage word, but the place negated or in another sentence.
    expect(mentionsStorageIn('Wij slaan uw gegevens niet op buiten de Europese Unie.', 'de Europese Unie')).toBe(false);
    expect(mentionsStorageIn("We don't store data in the European Union.", 'the European Union')).toBe(false);
    expect(
      mentionsStorageIn('Wij bewaren uw gegevens veilig. Wij werken samen met partners in Nederland.', 'Nederland'),
    ).toBe(false);
    // The place before the storage word does not count either.
    expect(mentionsStorageIn('In Nederland geldt de AVG, en wij bewaren uw gegevens zorgvuldig.', 'Nederland')).toBe(
      false,
    );
    expect(mentionsStorageIn('', 'Nederland')).toBe(false);
  });

  it('counts a period only where a sentence gives it as advance notice, not negated (nl2 review defect 2)', () => {
    // Today's intended drop: Doctolib gives the 15 days as advance notice.
    expect(
      mentionsNoticePeriod(
        'Bij belangrijke wijzigingen verbindt Doctolib zich ertoe u ten minste vijftien (15) dagen vóór de ingangsdatum schriftelijk op de hoogte te stellen.',
        '15 dagen',
      ),
    ).toBe(true);
    expect(
      mentionsNoticePeriod(
        'Doctolib undertakes to inform you in writing at least fifteen (15) days before they take effect.',
        '15 days',
      ),
    ).toBe(true);
    expect(mentionsNoticePeriod('Wijzigingen gaan 15 dagen voor publicatie in behandeling.', '15 dagen')).toBe(true); // 'voor' right after the period
    // The reviewer's counter-example: 15 days for another reason.
    expect(
      mentionsNoticePeriod(
        'Doctolib kan deze verklaring wijzigen. Eerdere versies blijven na een wijziging nog 15 dagen op deze pagina staan.',
        '15 dagen',
      ),
    ).toBe(false);
    expect(mentionsNoticePeriod('Earlier versions stay on this page for 15 days after a change.', '15 days')).toBe(
      false,
    );
    // The period and an advance word in different sentences, or negated.
    expect(
      mentionsNoticePeriod('Wij informeren u over wijzigingen. Oude versies blijven 15 dagen staan.', '15 dagen'),
    ).toBe(false);
    expect(mentionsNoticePeriod('Wij informeren u niet 15 dagen vooraf.', '15 dagen')).toBe(false);
    expect(mentionsNoticePeriod('Wij laten het u 30 dagen vooraf weten.', '15 dagen')).toBe(false);
  });
});
