import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../src/policy/policy-types.js';
import { repoRoot } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { policyOutputs } from './support/policy-outputs.js';
import { compileSeed, policyPath } from './support/seed-output.js';

/**
 * The words the notice writes itself, where the statement leaves a gap or the notice fills a table:
 * a missing fact is said to be missing from this statement; the GDPR is written out where the English
 * notice first names it, as the Dutch writes out the AVG; a table cell of the notice's own words starts
 * with a capital, while the author's text in a cell, and the same words inside a sentence, stay as written.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
const row = (notice: string, name: string): string => notice.split('\n').find((l) => l.startsWith(`| **${name}**`))!;
/** The nine real policies. */
const seeds = readdirSync(path.join(repoRoot, 'policies')).sort();

/** A policy with every gap the notice fills with 'not stated': another controller's unnamed DPO, a transfer with no third country and no safeguard. */
function withGaps(): PolicySource {
  const policy = miniPolicy();
  policy.controllers = [{ id: 'partner', name: 'Partner B.V.', dpo: { contact: { email: 'fg@partner.example' } } }];
  policy.purposes[0] = { ...policy.purposes[0]!, controller: 'partner' };
  const service = text('Dienst', 'Service');
  policy.processors = [
    { id: 'clauses', name: 'Clausules', service, transfer: { mechanism: 'scc' } },
    { id: 'abroad', name: 'Overzee', service, country: 'US' },
  ];
  return policy;
}

describe("a fact the statement does not give says it is this statement that leaves it out, never bare 'niet vermeld'", () => {
  const { notice, register } = policyOutputs(withGaps());

  it("another controller's unnamed DPO", () => {
    expect(notice.nl).toContain('**Functionaris voor gegevensbescherming:** Niet vermeld in deze verklaring.\n');
    expect(notice.en).toContain('**Data protection officer:** Not stated in this notice.\n');
  });

  it("a party's unstated third country and safeguard, in its table cells (with a capital) and in the transfers list", () => {
    expect(row(notice.nl, 'Clausules')).toMatch(
      /^\| \*\*Clausules\*\* \| Dienst \| Niet vermeld in deze verklaring \| Niet vermeld in deze verklaring \| /,
    );
    expect(row(notice.nl, 'Overzee')).toBe(
      '| **Overzee** | Dienst | Verenigde Staten | — | Niet vermeld in deze verklaring |',
    );
    expect(row(notice.en, 'Overzee')).toMatch(/ \| Not stated in this notice \|$/);
    expect(notice.nl).toContain('\n- Clausules: land niet vermeld in deze verklaring — standaardbepalingen');
    expect(notice.en).toContain('\n- Clausules: country not stated in this notice — standard');
  });

  it('nowhere in the notice without saying it is this statement that does not state it', () => {
    expect(notice.nl).not.toMatch(/niet vermeld(?! in deze verklaring)/i);
    expect(notice.en).not.toMatch(/not stated(?! in this notice)/i);
  });

  it("the register keeps 'niet vermeld': the privacy officer reads the check beside it", () => {
    expect(register.nl).toContain('Clausules: niet vermeld — ');
    expect(register.nl).not.toContain('in deze verklaring');
  });
});

describe('the GDPR written out where the notice first names it', () => {
  const firstUse = (notice: string, abbreviation: string): string =>
    notice.slice(0, notice.indexOf(abbreviation) + abbreviation.length);

  it.each(seeds)(
    '%s: the first "GDPR" of the English notice, and the first "AVG" of the Dutch, is written out',
    (id) => {
      const seed = compileSeed(id);
      expect(firstUse(seed.text('en', 'privacy.md'), 'GDPR').toLowerCase()).toContain(
        'general data protection regulation',
      );
      expect(firstUse(seed.text('nl', 'privacy.md'), 'AVG').toLowerCase()).toContain(
        'algemene verordening gegevensbescherming',
      );
    },
  );

  it('in the controller statement, unless the introduction has written it out already', () => {
    const policy = miniPolicy();
    expect(policyOutputs(policy).notice.en).toContain(
      'Mini B.V. is responsible for what happens to your personal data. Under the EU privacy law, the General Data Protection Regulation (GDPR), this makes us the controller.',
    );
    policy.introduction = text(
      'Wij volgen de Algemene verordening gegevensbescherming (AVG).',
      'We follow the General Data Protection Regulation (GDPR).',
    );
    expect(policyOutputs(policy).notice.en).toContain(
      'Mini B.V. is responsible for what happens to your personal data (in the GDPR: the controller).',
    );
  });
});

describe("a table cell of the notice's own words starts with a capital; the author's text is left as written", () => {
  function withTables(): PolicySource {
    const policy = miniPolicy();
    policy.purposes[0] = { ...policy.purposes[0]!, retention: ['phone'] };
    policy.retention = [
      {
        id: 'phone',
        name: text('Telefoonnummers', 'Phone numbers'),
        dataCategories: ['phone'],
        period: 'P6M',
        maximum: true,
        from: 'collection',
        legalSource: { citation: text('fiscale bewaarplicht', 'tax retention duty') },
        note: text('daarna gewist', 'then erased'),
      },
    ];
    policy.processors = [
      {
        id: 'far',
        name: 'Ver',
        service: text('opslag', 'storage'),
        country: 'US',
        serverLocationsText: text('vs of eu', 'us or eu'),
        transfer: { mechanism: 'scc' },
      },
    ];
    policy.recipients = [{ id: 'lab', name: text('lab'), type: 'care-provider', country: 'US' }];
    return policy;
  }
  const { notice } = policyOutputs(withTables());

  it('retention: how long and counted from; the citation and note as the author wrote them', () => {
    expect(row(notice.nl, 'Telefoonnummers')).toBe(
      '| **Telefoonnummers** | Ten hoogste 6 maanden | Het vastleggen van de gegevens | fiscale bewaarplicht. daarna gewist |',
    );
    expect(row(notice.en, 'Phone numbers')).toBe(
      '| **Phone numbers** | No longer than 6 months | When the data was recorded | tax retention duty. then erased |',
    );
  });

  it("parties: where established and the transfer ground; the service, storage in the statement's words and names as written", () => {
    expect(row(notice.nl, 'Ver')).toBe(
      '| **Ver** | opslag | Verenigde Staten | vs of eu | Standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG) |',
    );
    expect(row(notice.en, 'lab')).toMatch(/^\| \*\*lab\*\* \| Care provider \| — \| United States \| /);
  });

  it('the same words inside a sentence keep their small letter', () => {
    expect(notice.nl).toContain('): ten hoogste 6 maanden nadat de gegevens zijn vastgelegd\n');
    expect(notice.nl).toContain('\n- Ver: Verenigde Staten');
  });

  it.each(seeds)("%s: a cell that starts with a small letter is the author's text", (id) => {
    const source = readFileSync(policyPath(id), 'utf8');
    for (const lang of ['nl', 'en'] as const)
      for (const cells of compileSeed(id).rows(lang, 'privacy.html'))
        for (const cell of cells) if (/^\p{Ll}/u.test(cell)) expect(source).toContain(cell);
  });
});
