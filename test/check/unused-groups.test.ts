import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot } from '../support/cli.js';

/**
 * unused/data-subject and unused/data-category (officer8 S2): they cited 13(1)(c) and 5(1)(b) and said a group "is
 * defined". What matters is that no purpose gives why or on what basis these people's data is processed, so the
 * register has no activity for them (30(1)(b)-(c)). iPractice names job applicants and their data, with a retention
 * rule, and no purpose.
 */
function applicants(lang: 'en' | 'nl') {
  const file = path.join(repoRoot, 'policies/ipractice/policy.json');
  return analysePolicy(readFileSync(file, 'utf8'), 'policies/ipractice/policy.json', lang)
    .findings.filter((f) => f.pointer === '/dataSubjects/4/id' || f.pointer === '/dataCategories/7/id')
    .map((f) => [f.ruleId, f.citation, f.message]);
}

describe('unused/data-subject and unused/data-category', () => {
  it('say in plain words that no purpose explains the data, and cite art. 30(1)(b)-(c) and 13(1)(c)', () => {
    expect(applicants('en')).toEqual([
      [
        'unused/data-subject',
        'GDPR 30(1)(b)-(c), 13(1)(c)',
        'The notice names “Job applicants” as people whose data you process, but no purpose says why or on what ' +
          'basis; the register therefore has no activity for them. Add the purpose or remove the group.',
      ],
      [
        'unused/data-category',
        'GDPR 30(1)(b)-(c), 13(1)(c)',
        'The notice names “Applicant data” as data you process, but no purpose says why or on what basis; the ' +
          'register therefore has no activity that uses it. Add the purpose or remove the data category.',
      ],
    ]);
    expect(applicants('nl')).toEqual([
      [
        'unused/data-subject',
        'art. 30, lid 1, onder b en c, en art. 13, lid 1, onder c, AVG',
        'De privacyverklaring noemt “Sollicitanten” als groep betrokkenen van wie u persoonsgegevens verwerkt, maar ' +
          'geen doel zegt waarom of op welke grondslag; het register van verwerkingsactiviteiten heeft daardoor geen ' +
          'verwerkingsactiviteit voor hen. Voeg het doel toe, of haal de groep weg.',
      ],
      [
        'unused/data-category',
        'art. 30, lid 1, onder b en c, en art. 13, lid 1, onder c, AVG',
        'De privacyverklaring noemt “Gegevens van sollicitanten” als persoonsgegevens die u verwerkt, maar geen doel ' +
          'zegt waarom of op welke grondslag; het register van verwerkingsactiviteiten heeft daardoor geen ' +
          'verwerkingsactiviteit die ze gebruikt. Voeg het doel toe, of haal de gegevenscategorie weg.',
      ],
    ]);
  });
});
