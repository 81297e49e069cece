import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { policyPath } from './support/seed-output.js';

/**
 * The Dutch editor's third review (B1, the AVG's terms): the findings where the notice misled — a purpose card with
 * two answers to 'Kunt u weigeren?' for the same data. The
 * summary's and register's findings are tested beside their code (notice-summary, register-fg, register-review).
 */
const corpus = (id: string): PolicySource => JSON.parse(readFileSync(policyPath(id), 'utf8')) as PolicySource;

/** The Markdown from a level-3 heading to the next heading of level 3 or higher. */
function part(md: string, heading: string): string {
  const start = md.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = md.slice(start + heading.length).search(/\n#{2,3} /);
  return md.slice(start, next < 0 ? undefined : start + heading.length + next);
}

describe("'Kunt u weigeren?' with bases that do not say which data they cover (finding 13)", () => {
  const twoBases = (): PolicySource => {
    const policy = miniPolicy();
    Object.assign(policy.purposes[0]!, {
      legalBasis: undefined,
      legalBases: [{ basis: '6(1)(b)' }, { basis: '6(1)(f)' }],
    });
    return policy;
  };

  it('says which answer holds for which data is not stated, above both answers', () => {
    const { notice } = policyOutputs(twoBases());
    expect(notice.nl).toContain(
      '- **Kunt u weigeren?** Welk antwoord voor welke gegevens geldt, noemen wij in deze verklaring niet:\n  - Als u deze gegevens niet geeft',
    );
    expect(notice.en).toContain(
      '- **Can you refuse?** We do not state in this notice which answer applies to which data:\n  - ',
    );
  });

  it('Doctolib: the profile and support cards, whose bases name no data; not the card whose bases each name theirs', () => {
    const { notice } = policyOutputs(corpus('doctolib'));
    const lead = 'Welk antwoord voor welke gegevens geldt, noemen wij in deze verklaring niet:';
    expect(part(notice.nl, '### Het maken van een adresboek en formulieren voor gebruikersprofielen')).toContain(lead);
    expect(part(notice.nl, '### Beheer van klantrelaties: beheer van ondersteuningsverzoeken')).toContain(lead);
    // 'Telefoonnummer van de gebruiker: …' and 'Telefoonnummers van contactpersonen: …' say which data each covers.
    const scoped = notice.nl.split('\n### ').find((card) => card.includes('- Telefoonnummers van contactpersonen:'));
    expect(scoped).toBeDefined();
    expect(scoped).not.toContain(lead);
  });

  it('one basis, or bases that each name what they cover: no lead', () => {
    const one = policyOutputs(miniPolicy()).notice.nl;
    expect(one).not.toContain('Welk antwoord voor welke gegevens geldt');
    const policy = twoBases();
    const [contract, interest] = policy.purposes[0]!.legalBases!;
    contract!.appliesTo = { nl: 'Uw telefoonnummer', en: 'Your phone number' };
    interest!.appliesTo = { nl: 'Uw contacten', en: 'Your contacts' };
    expect(policyOutputs(policy).notice.nl).not.toContain('Welk antwoord voor welke gegevens geldt');
  });
});
