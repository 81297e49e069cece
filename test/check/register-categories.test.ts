import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot } from '../support/cli.js';

/**
 * register/categories-missing (officer8 D2): a purpose without data subjects or data categories leaves its register
 * row's art. 30(1)(c) cells "niet vermeld", and passed without a finding. Dental Clinics has five such purposes.
 */
function findings(id: string, lang: 'en' | 'nl' = 'en') {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  return analysePolicy(readFileSync(file, 'utf8'), `policies/${id}/policy.json`, lang).findings.filter(
    (f) => f.ruleId === 'register/categories-missing',
  );
}

describe('register/categories-missing', () => {
  it('reports each purpose of Dental Clinics that names no data subjects and/or no data categories, at the empty list', () => {
    expect(findings('dental-clinics').map((f) => [f.severity, f.pointer, f.article])).toEqual([
      ['warning', '/purposes/5/dataSubjects', 'GDPR 30(1)(c), 14(1)(d)'], // Internal research: neither
      ['warning', '/purposes/6/dataSubjects', 'GDPR 30(1)(c), 14(1)(d)'], // Quality control: neither
      ['warning', '/purposes/7/dataSubjects', 'GDPR 30(1)(c)'], // Complaints: no data subjects
      ['warning', '/purposes/8/dataCategories', 'GDPR 30(1)(c), 14(1)(d)'], // Informing about changes: no data
      ['warning', '/purposes/9/dataCategories', 'GDPR 30(1)(c), 14(1)(d)'], // Additional services: no data
    ]);
    const [research] = findings('dental-clinics', 'nl');
    expect(research!.message).toMatch(/^Het doel “Intern onderzoek” noemt geen betrokkenen en geen persoonsgegevens: /);
  });

  it('reports nothing on a policy whose purposes all name both', () => {
    expect(findings('ipractice')).toEqual([]);
  });
});
