import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * The patient's rights the law review found missing (item 10): the care
 * provider's confidentiality (BW 7:457), for every care provider, and the
 * right to object to research on the file without consent (BW 7:458), where
 * a purpose relies on that article.
 */
const careProvider = (): PolicySource => {
  const policy = miniPolicy();
  policy.controller.isCareProvider = true;
  return policy;
};

const withResearch = (article: string): PolicySource => {
  const policy = careProvider();
  policy.purposes.push({
    id: 'research',
    name: { nl: 'Wetenschappelijk onderzoek', en: 'Scientific research' },
    legalBasis: '6(1)(e)',
    publicTask: { law: 'wgbo', article },
    dataSubjects: ['users'],
    dataCategories: ['phone'],
  });
  return policy;
};

describe("the patient's rights of BW 7:457 and 7:458", () => {
  it('every care provider states confidentiality (7:457), in Dutch and English', () => {
    const { notice } = policyOutputs(careProvider());
    expect(notice.nl).toContain('Geheimhouding (artikel 7:457 BW)');
    expect(notice.nl).toContain('Anderen dan u krijgen alleen met uw toestemming inlichtingen over u');
    expect(notice.en).toContain('Confidentiality (Article 7:457 BW)');
    expect(notice.en).toContain('Those directly involved in your treatment, and those who replace them');
  });

  it('the right to object to research (7:458) only where a purpose cites 7:458', () => {
    expect(policyOutputs(careProvider()).notice.en).not.toContain('7:458 BW)');
    const { notice } = policyOutputs(withResearch('7:458'));
    expect(notice.en).toContain('Objecting to scientific research (Article 7:458 BW)');
    expect(notice.nl).toContain('U kunt tegen dat gebruik bezwaar maken.');
    // 7:458a (after death) is another article.
    expect(policyOutputs(withResearch('7:458a')).notice.en).not.toContain('Objecting to scientific research');
  });

  it('a controller that is no care provider states neither', () => {
    const { notice } = policyOutputs(miniPolicy());
    expect(notice.en).not.toContain('7:457');
  });
});
