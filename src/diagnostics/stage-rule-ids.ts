/**
 * The rule ids of every stage other than the compliance check (whose ids
 * are in its catalogue, src/check/rules.ts), by stage. Each stage reports in
 * families of its own, so no id of a stage can be taken for a compliance
 * rule (test/diagnostics/stage-rule-ids.test.ts keeps the families apart) and
 * metadata.acknowledged, which names compliance rules, cannot name one.
 * docs/rules.md lists them (src/check/rules-doc.ts).
 */
export const stageRuleIds = {
  load: [
    'file/unreadable',
    'file/invalid-utf8',
    'json/syntax',
    'json/too-deep',
    'json/duplicate-key',
    'extends/not-found',
    'extends/cycle',
    'extends/unreadable',
    'extends/outside-project',
    'extends/remove-unknown',
    'extends/remove-given',
    'extends/removed-by-base',
    'input/not-json',
    'input/skipped-folder',
    'internal/error',
  ],
  validate: [
    'schema/required',
    'schema/unknown-property',
    'schema/enum',
    'schema/type',
    'schema/pattern',
    'schema/format',
    'schema/empty',
    'schema/duplicate-item',
    'schema/range',
    'schema/exclusive',
    'schema/any-of',
    'schema/invalid',
    'schema/missing-translation',
    'schema/unsafe-markdown',
    'schema/illegal-character',
    'policy/fill-in',
  ],
  resolve: [
    'reference/dangling',
    'reference/duplicate-id',
    'resolve/special-category-contradiction',
    'resolve/conflicting-retention-terms',
    'resolve/joint-arrangement-missing',
    'resolve/conflicting-legal-bases',
    'resolve/consent-by-without-consent',
    'resolve/gdpr-right-as-additional',
    'resolve/right-not-applicable-but-stated',
  ],
  acknowledge: ['acknowledged/unmatched', 'acknowledged/unknown-policy'],
  build: [
    'build/language-not-declared',
    'build/duplicate-policy-id',
    'build/history-git-missing',
    'build/history-not-in-repository',
  ],
  config: ['config/unreadable', 'config/unknown-rule', 'config/bom-ignored'],
  audit: [
    'site/undeclared-party',
    'site/undeclared-cookie',
    'site/computed-cookie',
    'site/privacy-enhanced-mode',
    'site/unknown-third-party',
    'site/unreadable-script',
  ],
} as const;

export type Stage = keyof typeof stageRuleIds;
/** A rule id of the stage `S`: a stage can only report the ids listed for it. */
export type StageRuleId<S extends Stage = Stage> = (typeof stageRuleIds)[S][number];

/** The family of a rule id: what comes before the slash ('schema' for 'schema/enum'). */
export function ruleFamily(ruleId: string): string {
  return ruleId.slice(0, ruleId.indexOf('/'));
}

/** The stages before the compliance check: an error of one of them stops the policy before its rules run (src/pipeline/analyse-policy.ts). */
const beforeCheck: ReadonlySet<string> = new Set(
  (['load', 'validate', 'resolve'] as const).flatMap((stage) => stageRuleIds[stage].map(ruleFamily)),
);

/** Whether `d` kept the compliance rules from running on its policy: an error of loading, the schema or resolving. */
export function stopsComplianceCheck(d: { ruleId: string; severity: string }): boolean {
  return d.severity === 'error' && beforeCheck.has(ruleFamily(d.ruleId));
}
