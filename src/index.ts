/** policyc's library API. */
export type {
  Diagnostic,
  LocalisedDiagnostic,
  MessageData,
  MessageRef,
  MessageValue,
  Severity,
} from './diagnostics/diagnostic.js';
export { localiseDiagnostic, localiseDiagnostics } from './diagnostics/render-message.js';
export type { PolicySource } from './policy/policy-types.js';
export type { PolicyModel } from './resolve/model.js';
export type { Language } from './i18n/messages.js';
export { analysePolicy, type AnalysedPolicy, type AnalyseOptions } from './pipeline/analyse-policy.js';
export { compilePolicy, type CompileOptions, type CompiledPolicy } from './pipeline/compile-policy.js';
export type { OutputFile } from './output/output-file.js';
export { formatCompact, formatJson } from './diagnostics/format-diagnostics.js';
export {
  buildRegister,
  standaloneTable,
  type StandaloneTable,
  type Register,
  type RegisterTable,
  type RegisterColumn,
  type RegisterCell,
} from './render/register/register-model.js';
export { checkPolicy } from './check/check-policy.js';
export { rules, type Rule, type Finding } from './check/rules.js';
export { formatReport } from './diagnostics/format-report.js';
export { formatSarif, type SarifRule } from './diagnostics/format-sarif.js';
export { ruleMetadata } from './check/rule-metadata.js';
export { compile, type CompileResult, type LibraryCompileOptions } from './pipeline/compile.js';
export { policyJsonLd } from './render/policy-jsonld.js';
