import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { repoRoot } from '../support/cli.js';
import { miniPolicy } from '../support/mini-policy.js';

/**
 * art9/health-data-undeclared (officer11 F7): Doctolib's general texts speak of health data ("Persoonlijke
 * Gezondheidsgegevens worden gehost bij Amazon Web Services") while no data category is special and no processing
 * for others is recorded, so every register row said "Geen bijzondere persoonsgegevens".
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function found(policy: PolicySource, lang: 'en' | 'nl' = 'nl'): string[] {
  const analysed = analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings
    .filter((f) => f.ruleId === 'art9/health-data-undeclared')
    .map((f) => `${f.pointer} ${f.message}`);
}
const withTexts = (texts: Partial<PolicySource>): PolicySource => ({ ...miniPolicy(), ...texts });

describe('art9/health-data-undeclared', () => {
  it("reports Doctolib once, at its introduction's health data", () => {
    const file = path.join(repoRoot, 'policies/doctolib/policy.json');
    const findings = analysePolicy(readFileSync(file, 'utf8'), 'policies/doctolib/policy.json', 'nl').findings.filter(
      (f) => f.ruleId === 'art9/health-data-undeclared',
    );
    expect(findings.map((f) => [f.pointer, f.severity])).toEqual([['/introduction', 'warning']]);
    expect(findings[0]!.message).toMatch(
      /^Deze tekst spreekt van gegevens over gezondheid \(“Gezondheidsgegevens”\), .* processorActivities, zodat het register het deel van de verwerker volgens artikel 30, lid 2, krijgt\.$/,
    );
  });

  it('reads the sharing, security and transfer texts, the first one that names health data', () => {
    expect(
      found(
        withTexts({
          sharing: text('Wij delen niets met uw werkgever.'),
          security: {
            measures: [text('Certificaat "Health Data services" (HDS).'), text('Medische gegevens versleuteld.')],
          },
          transfers: { statement: text('Gegevens over uw gezondheid blijven in de EU.') },
        }),
      ),
    ).toEqual([expect.stringMatching(/^\/security\/measures\/1 .*\(“Medische gegevens”\)/)]);
  });

  it('asks only for the data category where the policy records processing for others', () => {
    const policy = withTexts({
      sharing: text('We hosten gezondheidsgegevens voor zorgverleners.', 'We host health data.'),
    });
    policy.processorActivities = [
      {
        id: 'hosting',
        name: text('Hosting voor zorgverleners', 'Hosting for care providers'),
        controllers: text('Zorgverleners', 'Care providers'),
        dataSubjects: ['users'],
        dataCategories: ['phone'],
      },
    ];
    expect(found(policy, 'en')).toEqual([
      expect.stringMatching(
        /^\/sharing This text speaks of health data \(“health data”\), .*\(processorActivities\) where it is processed there\.$/,
      ),
    ]);
  });

  it('does not report a negation, a definition, health words that name no health data, or a policy with special data', () => {
    for (const nl of [
      'Wij verwerken geen gezondheidsgegevens.',
      'Bijzondere persoonsgegevens, zoals gegevens over gezondheid, vragen wij niet.',
      'Wij werken in de gezondheidssector en declareren bij uw zorgverzekering.',
      'Onze hosting is gecertificeerd als "Health Data diensten" (HDS).',
    ])
      expect(found(withTexts({ introduction: text(nl, 'We are a company.') })), nl).toEqual([]);
    const special = withTexts({ sharing: text('Uw medische gegevens delen wij met uw huisarts.') });
    special.dataCategories = [
      ...special.dataCategories,
      { id: 'religion', name: text('Godsdienst'), special: 'religious-beliefs' },
    ];
    expect(found(special)).toEqual([]);
    // A data category's own words are art9/category-undeclared's, which leaves health out on purpose.
    const category = miniPolicy();
    category.dataCategories[0] = { ...category.dataCategories[0]!, description: text('Ook medische gegevens.') };
    expect(found(category)).toEqual([]);
  });
});
