import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, test } from 'vitest';
import { compile, type CompileResult } from '../src/index.js';
import { isInEea } from '../src/law/eea.js';
import { scriptSafeJson } from '../src/render/policy-jsonld.js';
import { repoRoot } from './support/cli.js';
import { expectGolden } from './support/golden.js';
import { webTestPolicies } from './support/seed-pages.js';
import type { PolicySource } from '../src/policy/policy-types.js';

const DPV = 'https://w3id.org/dpv#';
const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
const PD = 'https://w3id.org/dpv/pd#';

/** The tests never touch the network: any remote context is refused. */
const documentLoader = async (url: string): Promise<never> => {
  throw new Error(`refusing to fetch ${url}`);
};

type Expanded = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };

/** Expands in safe mode (a term with no IRI, or anything else lossy, throws) and indexes nodes by id. */
async function expandById(document: object, base: string): Promise<Map<string, Expanded>> {
  const flat = (await jsonld.flatten(document as jsonld.JsonLdDocument, undefined, {
    base,
    documentLoader,
    safe: true,
  } as jsonld.Options.Flatten)) as unknown as { '@graph'?: Expanded[] } | Expanded[];
  const nodes = Array.isArray(flat) ? flat : (flat['@graph'] ?? []);
  return new Map(nodes.map((n) => [n['@id']!, n]));
}

const ids = (node: Expanded | undefined, property: string): string[] =>
  ((node?.[property] as Array<{ '@id': string }> | undefined) ?? []).map((v) => v['@id']);

describe.each(webTestPolicies())('JSON-LD of %s', (file) => {
  let source: PolicySource;
  let result: CompileResult;
  let graph: Map<string, Expanded>;
  const base = 'https://clinic.example/privacy/policy.jsonld';
  const iri = (fragment: string): string => `${base}#${fragment}`;

  beforeAll(async () => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    source = JSON.parse(text) as PolicySource;
    result = await compile(text, { file });
    const document = JSON.parse(String(result.outputs.find((o) => o.path === `${source.id}/policy.jsonld`)!.contents));
    graph = await expandById(document, base);
  });

  test('is a DPV privacy notice with its controller', () => {
    const notice = graph.get(iri('policy'));
    expect(notice?.['@type']).toEqual([`${DPV}PrivacyNotice`]);
    expect(ids(notice, `${DPV}hasDataController`)).toEqual([iri('controller')]);
    expect(graph.get(iri('controller'))?.['@type']).toEqual([`${DPV}DataController`]);
  });

  test('has one process per purpose with its legal bases as GDPR-extension IRIs', () => {
    for (const purpose of source.purposes) {
      const node = graph.get(iri(`purpose-${purpose.id}`));
      expect(node?.['@type'], purpose.id).toEqual([`${DPV}PersonalDataProcess`]);
      // Every art. 6 basis the policy states for the purpose: legalBasis, or each part of legalBases.
      const bases = [
        ...new Set(
          [purpose.legalBasis, ...(purpose.legalBases ?? []).map((b) => b.basis)].filter(
            (b): b is NonNullable<typeof b> => !!b,
          ),
        ),
      ];
      const expected = [
        ...bases.map((b) => `${GDPR}A${b.replace(/\((\w+)\)/g, '-$1')}`),
        ...(purpose.specialCategoryCondition
          ? [`${GDPR}A${purpose.specialCategoryCondition.condition.replace(/\((\w+)\)/g, '-$1')}`]
          : []),
      ];
      expect(ids(node, `${DPV}hasLegalBasis`).sort(), purpose.id).toEqual(expected.sort());
      expect(ids(node, `${DPV}hasPersonalData`).sort()).toEqual(
        purpose.dataCategories.map((c) => iri(`data-${c}`)).sort(),
      );
      expect(ids(node, `${DPV}hasDataSubject`).sort()).toEqual(
        purpose.dataSubjects.map((s) => iri(`subject-${s}`)).sort(),
      );
      expect(ids(node, `${DPV}hasDataProcessor`).sort()).toEqual(
        (purpose.processors ?? []).map((p) => iri(`processor-${p}`)).sort(),
      );
      expect(ids(node, `${DPV}hasRecipient`).sort()).toEqual(
        (purpose.recipients ?? []).map((r) => iri(`recipient-${r}`)).sort(),
      );
      expect(ids(node, `${DPV}hasPurpose`)).toHaveLength(1);
    }
  });

  test('types special-category data as dpv:SpecialCategoryPersonalData and no other data', () => {
    for (const category of source.dataCategories) {
      const types = graph.get(iri(`data-${category.id}`))?.['@type'] ?? [];
      expect(types).toContain(`${DPV}PersonalData`);
      expect(types.includes(`${DPV}SpecialCategoryPersonalData`), category.id).toBe(category.special !== undefined);
      if (category.special === 'health') expect(types).toContain(`${PD}Health`);
    }
  });

  test('states every processor, and every transfer outside the EEA with its third countries', () => {
    for (const processor of source.processors ?? []) {
      const node = graph.get(iri(`processor-${processor.id}`));
      expect(node?.['@type']).toEqual([`${DPV}DataProcessor`]);
      const transfer = graph.get(iri(`transfer-processor-${processor.id}`));
      const countries = [
        processor.country,
        ...(processor.serverLocations ?? []),
        ...(processor.transfer?.countries ?? []),
      ].filter((c): c is string => !!c && !isInEea(c));
      if (countries.length === 0 && !processor.transfer) {
        expect(transfer, processor.id).toBeUndefined();
        continue;
      }
      expect(ids(transfer, `${DPV}hasDataProcessor`)).toEqual([iri(`processor-${processor.id}`)]);
      expect(ids(transfer, `${DPV}hasProcessing`)).toEqual([`${DPV}Transfer`]);
      expect(ids(transfer, `${DPV}hasThirdCountry`).sort()).toEqual(
        [...new Set(countries)].map((c) => `https://w3id.org/dpv/loc#${c}`).sort(),
      );
    }
  });

  test('each page embeds the same graph as policy.jsonld', () => {
    const file = String(result.outputs.find((o) => o.path === `${source.id}/policy.jsonld`)!.contents);
    for (const page of result.outputs.filter((o) => o.path.endsWith('/privacy.html'))) {
      const match = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(String(page.contents));
      expect(match, page.path).not.toBeNull();
      expect(JSON.parse(match![1]!)).toEqual(JSON.parse(file));
    }
  });
});

describe('scriptSafeJson', () => {
  test('keeps the JSON value and leaves nothing that could end a script element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const safe = scriptSafeJson(JSON.stringify({ value }));
        expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(safe)).toEqual({ value });
      }),
    );
    expect(scriptSafeJson(JSON.stringify('</script><!--'))).toBe('"\\u003c/script\\u003e\\u003c!--"');
  });
});

test('policy.jsonld of the every-section fixture matches its golden file', async () => {
  const file = 'test/fixtures/web/every-section/policy.json';
  const result = await compile(readFileSync(path.join(repoRoot, file), 'utf8'), { file });
  expectGolden(
    path.join(repoRoot, 'test/fixtures/web/every-section/expected/policy.jsonld'),
    String(result.outputs.find((o) => o.path.endsWith('/policy.jsonld'))!.contents),
  );
});
