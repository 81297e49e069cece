import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { mergePatch, ruleFixtureBase } from './support/rule-fixtures.js';

// The rule fixtures' minimal care provider keeps the medical file under the WGBO (BW 7:454(3): at least 20 years);
// here it keeps it longer, and adds invoices under the AWR (art. 52(4): 7 years), kept 10.
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8')) as { purposes: object[]; dataCategories: object[] };
function policy(filePeriod: string, invoicePeriod = 'P10Y'): object {
  return mergePatch(base, {
    dataCategories: [...base.dataCategories, { id: 'invoices', name: { nl: 'Factuurgegevens', en: 'Invoice data' } }],
    purposes: [
      ...base.purposes,
      {
        id: 'invoicing',
        name: { nl: 'Facturering', en: 'Invoicing' },
        legalBasis: '6(1)(c)',
        legalObligation: { law: 'awr', article: '52' },
        requirement: { type: 'statutory' },
        dataSubjects: ['patients'],
        dataCategories: ['invoices'],
        retention: ['invoices'],
      },
    ],
    retention: [
      {
        id: 'file',
        name: { nl: 'Medisch dossier', en: 'Medical file' },
        period: filePeriod,
        from: 'last-file-change',
        legalSource: { law: 'wgbo' },
      },
      {
        id: 'invoices',
        name: { nl: 'Facturen', en: 'Invoices' },
        dataCategories: ['invoices'],
        period: invoicePeriod,
        from: 'collection',
        legalSource: { law: 'awr', article: '52' },
      },
    ],
  }) as object;
}

async function outputs(filePeriod: string, invoicePeriod?: string): Promise<Record<string, string>> {
  const result = await compile(policy(filePeriod, invoicePeriod));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries(result.outputs.map((o) => [o.path.replace(/^[^/]+\//, ''), String(o.contents)]));
}

const row = (md: string, name: string): string => md.split('\n').find((l) => l.startsWith(`| **${name}** |`)) ?? '';

describe('a retention period longer than the law it cites', () => {
  it('the notice table and the register say what the law asks, not that it asks the longer period', async () => {
    const out = await outputs('P25Y');
    expect(row(out['nl/privacy.md']!, 'Facturen')).toBe(
      '| **Facturen** | 10 jaar | Het vastleggen van de gegevens | Algemene wet inzake rijksbelastingen (artikel 52 AWR). Die wet vraagt ten minste 7 jaar; wij bewaren de gegevens langer |',
    );
    expect(row(out['en/privacy.md']!, 'Invoices')).toContain(
      '| General Tax Act (Article 52 AWR). That law requires at least 7 years; we keep the data longer |',
    );
    expect(row(out['nl/privacy.md']!, 'Medisch dossier')).toContain(
      'Die wet vraagt ten minste 20 jaar; wij bewaren de gegevens langer |',
    );
    expect(out['nl/register.md']).toContain(
      'Facturen (Factuurgegevens): 10 jaar nadat de gegevens zijn vastgelegd; de Algemene wet inzake rijksbelastingen (artikel 52 AWR) vraagt ten minste 7 jaar',
    );
    expect(out['en/register.md']).toContain('; the General Tax Act (Article 52 AWR) requires at least 7 years');
    expect(out['nl/register.md']).not.toMatch(/10 jaar[^|\n]*op grond van/);
  });

  it('a fiscal period shorter than the law names the paragraph that sets the 7 years, AWR art. 52(4)', async () => {
    const out = await outputs('P20Y', 'P5Y');
    expect(row(out['nl/privacy.md']!, 'Facturen')).toBe(
      '| **Facturen** | 5 jaar | Het vastleggen van de gegevens | Let op: deze termijn is korter dan de wettelijke bewaartermijn. De wet (artikel 52, lid 4, AWR) vraagt dat de financiële administratie ten minste 7 jaar wordt bewaard. |',
    );
    expect(row(out['en/privacy.md']!, 'Invoices')).toBe(
      '| **Invoices** | 5 years | When the data was recorded | Note: this period is shorter than the legal retention period. The law (Article 52(4) AWR) requires financial records to be kept for at least 7 years. |',
    );
    expect(out['nl/register.md']).toContain(
      // The ground the organisation gave; the verdict is check's (register5 finding 4).
      'Facturen (Factuurgegevens): 5 jaar nadat de gegevens zijn vastgelegd; opgegeven grond: Algemene wet inzake rijksbelastingen (artikel 52 AWR)',
    );
  });

  it('a period the law sets is still given with the law as its ground', async () => {
    const out = await outputs('P20Y');
    expect(row(out['nl/privacy.md']!, 'Medisch dossier')).toMatch(
      /\| Wet op de geneeskundige behandelingsovereenkomst \(WGBO\) \|$/,
    );
    expect(out['nl/register.md']).toMatch(
      /Medisch dossier[^|\n]*: 20 jaar[^|\n;]*, op grond van de Wet op de geneeskundige behandelingsovereenkomst/,
    );
  });
});
