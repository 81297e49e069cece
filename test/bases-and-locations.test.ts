import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { diffPolicies } from '../src/diff/diff-policies.js';
import { policyJsonLd } from '../src/render/policy-jsonld.js';
import type { PolicyModel } from '../src/resolve/model.js';
import { repoRoot } from './support/cli.js';

/**
 * Purposes with several legal bases (legalBases) and parties located through
 * a contracting entity: the checker, the JSON-LD and the diff must all read
 * them as the notice does.
 */
const read = (id: string): Record<string, any> =>
  JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8'));

function analyse(policy: object) {
  const result = analysePolicy(JSON.stringify(policy, null, 2), 'x.json');
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model: result.model as PolicyModel, findings: result.findings };
}

describe('a purpose with several legal bases (IES purpose 8: 6(1)(c) and 6(1)(f))', () => {
  it('the checker reports each basis that lacks what it needs, at that basis', () => {
    const policy = read('ies');
    delete policy.purposes[7].legalBases[1].legitimateInterest;
    const { findings } = analyse(policy);
    const at = (rule: string): string[] =>
      findings.filter((f) => f.ruleId === rule && f.pointer.startsWith('/purposes/7/')).map((f) => f.pointer);
    // 6(1)(c) without its law (as the statement has it); 6(1)(f) once its interest is taken away.
    expect(at('art6/legal-obligation-unnamed')).toEqual(['/purposes/7/legalBases/0']);
    expect(at('art6/legitimate-interest-missing')).toEqual(['/purposes/7/legalBases/1']);
  });

  it('the checker accepts the basis once its law and interest are named', () => {
    const policy = read('ies');
    policy.purposes[7].legalBases[0].legalObligation = { law: 'awr', article: 'art. 52' };
    policy.purposes[7].legalBases[1].legitimateInterest = {
      nl: 'Onze rechten verdedigen.',
      en: 'Defending our rights.',
    };
    const { findings } = analyse(policy);
    expect(findings.filter((f) => f.pointer.startsWith('/purposes/7/legalBases'))).toEqual([]);
  });

  it('the JSON-LD names every basis of the purpose', () => {
    const { model } = analyse(read('ies'));
    const graph = policyJsonLd(model) as {
      'dpv:hasProcess': Array<{ '@id': string; 'dpv:hasLegalBasis'?: Array<{ '@id': string }> }>;
    };
    const process = graph['dpv:hasProcess'].find((p) => p['@id'] === `#purpose-${model.purposes[7]!.id}`)!;
    expect(process['dpv:hasLegalBasis']?.map((b) => b['@id'])).toEqual(['eu-gdpr:A6-1-c', 'eu-gdpr:A6-1-f']);
  });

  it('the diff reports an added basis once, as a legal-basis change, not also as a change to derived data', () => {
    const before = read('ies');
    const after = read('ies');
    after.purposes[7].legalBases.push({ basis: '6(1)(a)' });
    const changes = diffPolicies(analyse(before).model, analyse(after).model);
    expect(changes.filter((c) => c.pointer.startsWith('/purposes/7')).map((c) => [c.kind, c.class])).toEqual([
      ['legal-basis-changed', 'material'],
    ]);
  });
});

describe('a party located through its contracting entity', () => {
  /** Doctolib with its first processor (AWS, contracting entity in Luxembourg) contracting from the US instead. */
  function contractingFromUs(): Record<string, any> {
    const policy = read('doctolib');
    policy.processors[0].contractingEntity = { ...policy.processors[0].contractingEntity, country: 'US' };
    return policy;
  }

  /** The pointers of `rule`'s findings on `policy`. */
  const reported = (policy: object, rule: string): string[] =>
    analyse(policy)
      .findings.filter((f) => f.ruleId === rule)
      .map((f) => f.pointer);

  it('the checker reports the transfer without a mechanism', () => {
    // Doctolib states SCCs for all its transfers: the move is reported as a safeguard not specific to the party (legal review: doctolib).
    expect(reported(contractingFromUs(), 'transfer/safeguard-not-per-party')).toContain('/processors/0/transfer');
    expect(reported(contractingFromUs(), 'transfer/mechanism-missing')).not.toContain('/processors/0/transfer');
    // Without those general safeguards, no mechanism covers it at all.
    const bare = contractingFromUs();
    delete bare.transfers.mechanisms;
    expect(reported(bare, 'transfer/mechanism-missing')).toContain('/processors/0/transfer');
    // Contracting in Luxembourg (only the parent is in the US): no transfer, so neither finding.
    for (const rule of ['transfer/mechanism-missing', 'transfer/safeguard-not-per-party']) {
      expect(reported(read('doctolib'), rule)).not.toContain('/processors/0/transfer');
    }
  });

  it('the diff classes the move as a new transfer outside the EEA (material)', () => {
    const changes = diffPolicies(analyse(read('doctolib')).model, analyse(contractingFromUs()).model);
    // The US is added (a transfer: material) in place of Luxembourg, inside the EEA: one change, told
    // 'in the United States instead of in Luxembourg' (diff review defect 4; it was also a location-removed).
    const own = changes.filter((c) => c.pointer.startsWith('/processors/0'));
    expect(own.map((c) => [c.kind, c.class])).toEqual([['transfer-added', 'material']]);
    expect(own[0]).toMatchObject({ new: { value: 'US' }, old: { value: 'LU' } });
  });
});
