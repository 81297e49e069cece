/** policyc's library API. */
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { PolicySource } from './policy/policy-types.js';
export type { PolicyModel } from './resolve/model.js';
export type { Language } from './i18n/messages.js';
export { analysePolicy, type AnalysedPolicy } from './build/analyse-policy.js';
export { compilePolicy, type CompileOptions, type CompiledPolicy, type OutputFile } from './build/compile-policy.js';
export { formatText, formatJson } from './diagnostics/format-diagnostics.js';
export { buildRegister, type Register, type RegisterTable, type RegisterColumn, type RegisterCell } from './render/register/register-model.js';
