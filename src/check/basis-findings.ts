import type { PolicyModel } from '../resolve/model.js';
import { basesWithout } from '../policy/policy-facts.js';
import type { Finding } from './rules.js';

/** basesWithout's bases of every purpose, each a finding that names its purpose (a loop: docs/architecture.md). */
export function basesWithoutFindings(
  model: PolicyModel,
  basis: string,
  ...fields: Array<'legitimateInterest' | 'legalObligation' | 'publicTask'>
): Finding[] {
  const found: Finding[] = [];
  for (const p of model.purposes)
    for (const b of basesWithout(p, basis, ...fields)) found.push({ pointer: b.pointer, vars: { purpose: p.name } });
  return found;
}
