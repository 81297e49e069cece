import { readFileSync } from 'node:fs';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { policyPath } from './seed-output.js';

/**
 * Bernhoven with every purpose under its head office: each register row's controller is the same, but not the
 * organisation's (second-read review 3, finding 7).
 */
export function underHeadOffice(): PolicySource {
  const policy = JSON.parse(readFileSync(policyPath('bernhoven'), 'utf8')) as PolicySource;
  policy.controllers = [...(policy.controllers ?? []), { id: 'head', name: 'Hoofdkantoor Zorggroep B.V.' }];
  for (const purpose of policy.purposes) purpose.controller = 'head';
  return policy;
}
