import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { systemErrorValue } from '../diagnostics/system-error.js';
import { isLanguage, type Language } from '../i18n/messages.js';
import { decodeUtf8 } from '../load/decode-utf8.js';
import { loadDocument, positionOf, type SourceDocument } from '../load/load-document.js';
import { notUtf8 } from '../load/read-policy-file.js';
import { joinPointer } from '../load/json-pointer.js';
import { configSchemaPath } from '../paths.js';
import { rulesDocFrom } from '../check/rules-doc-path.js';
import { withConfigKeyHints } from './config-key-guess.js';
import { createAjv } from '../validate/create-ajv.js';
import { projectConfigFile } from './project-root.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';
import { schemaDiagnostics } from '../validate/validate-document.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

/** policyc.config.json as read; paths in it are made absolute (relative to the file). */
export interface PolicycConfig {
  file?: string;
  policies?: string[];
  /** Where each of "policies" stands in the file, for a path that holds no policy. */
  policiesAt?: { line: number; column: number }[];
  out?: string;
  /** "out" as the file gives it, and where: for a refusal of that folder. */
  outAt?: { text: string; line: number; column: number };
  languages?: Language[];
  messageLanguage?: Language;
  idPrefix?: string;
  /** build --heading-level: the fragment's title heading, 1–4. */
  headingLevel?: number;
  maxWarnings?: number;
  /** build and register --strict. */
  strict?: boolean;
  /** build and register --bom. */
  bom?: boolean;
  /** Where the file gives "bom" (for the warning that false has no effect under the excel dialect). */
  bomAt?: { file: string; line: number; column: number };
  /** build --history: the notice's change history from git. */
  history?: boolean;
  /** build and register --csv: register.csv for Excel in the register's language, or RFC 4180. */
  csv?: 'excel' | 'rfc4180';
  rules?: Record<string, RuleSetting>;
  /** With the config file's name and each entry's position, for the checker's unmatched-acknowledgement warning. */
  acknowledged?: ExternalAcknowledgement[];
}

/**
 * Which config value stands in for which flag, for the commands that take
 * that flag: a flag on the command line wins. `languages` is the output
 * languages of build and register (check and diff use --lang for messages).
 */
export const configFlags: readonly { key: keyof PolicycConfig; flag: string; commands?: readonly string[] }[] = [
  { key: 'out', flag: 'out' },
  { key: 'languages', flag: 'lang', commands: ['build', 'register'] },
  { key: 'messageLanguage', flag: 'message-lang' },
  { key: 'idPrefix', flag: 'id-prefix' },
  { key: 'headingLevel', flag: 'heading-level', commands: ['build'] },
  { key: 'maxWarnings', flag: 'max-warnings' },
  { key: 'strict', flag: 'strict', commands: ['build', 'register'] },
  { key: 'bom', flag: 'bom', commands: ['build', 'register'] },
  { key: 'history', flag: 'history', commands: ['build'] },
  { key: 'csv', flag: 'csv', commands: ['build', 'register'] },
];

let validator: ValidateFunction | undefined;
let configKeys: string[] = [];

/** The schema's errors in the config file; an unknown key gets the key or option it most plausibly means. */
function validate(doc: SourceDocument): Diagnostic[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(configSchemaPath, 'utf8')) as { properties: object };
    validator = createAjv({ standalone: false }).compile(schema);
    configKeys = Object.keys(schema.properties).filter((key) => key !== '$schema');
  }
  return validator(doc.value) ? [] : withConfigKeyHints(schemaDiagnostics(validator.errors ?? [], doc), configKeys);
}

/**
 * Only the config file's message language, for --help: help needs no more of the file, and reading it as
 * loadConfig does (its schema checker built, every rule id checked) took --help from about 65 to 155 ms. A file
 * that cannot be read or parsed gives none; the command that uses the file reports it.
 */
export function configLanguage(cwd: string, explicit: string | undefined): Language | undefined {
  const file = configFileFor(cwd, explicit);
  if (file === undefined) return undefined;
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).messageLanguage;
    return typeof value === 'string' && isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The config file to read: `explicit` (--config), else the project's (projectConfigFile); undefined without one. */
const configFileFor = (cwd: string, explicit: string | undefined): string | undefined =>
  explicit === undefined ? projectConfigFile(cwd) : path.resolve(cwd, explicit);

/**
 * Reads the config file: `explicit` (--config), else policyc.config.json in the project's root (the working
 * folder, or the nearest above it that holds policies/ or the file: projectConfigFile) when there is one. Problems
 * come back as positioned diagnostics; a config with errors is not used.
 */
export async function loadConfig(
  cwd: string,
  explicit: string | undefined,
): Promise<{ config?: PolicycConfig; diagnostics: Diagnostic[] }> {
  const file = configFileFor(cwd, explicit);
  if (file === undefined) return { config: {}, diagnostics: [] };
  const display = path.relative(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return {
      diagnostics: [
        {
          ruleId: 'config/unreadable' satisfies StageRuleId<'config'>,
          severity: 'error',
          file: display,
          pointer: '',
          messageId: 'diagnostics:config.unreadable',
          data: { detail: systemErrorValue(error) },
        },
      ],
    };
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return { diagnostics: [notUtf8(decoded, display)] };
  const loaded = loadDocument(decoded.text, display);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const diagnostics = validate(loaded.value);
  const { rules } = await import('../check/rules.js');
  diagnostics.push(
    ...unknownRules(
      loaded.value,
      rules.map((r) => r.id),
      rulesDocFrom(cwd),
    ),
  );
  if (diagnostics.length) return { diagnostics };
  const config = { ...(loaded.value.value as PolicycConfig), file };
  config.acknowledged = config.acknowledged?.map((ack, i) => {
    const at = `/acknowledged/${i}`;
    const { line, column } = positionOf(loaded.value!, at);
    const policyPosition = positionOf(loaded.value!, `${at}/policy`, 'value');
    return { ...ack, file: display, at, line, column, policyPosition };
  });
  if (!config.acknowledged) delete config.acknowledged;
  if (config.bom !== undefined) config.bomAt = { file: display, ...positionOf(loaded.value, '/bom', 'key') };
  const dir = path.dirname(file);
  if (config.out !== undefined) {
    config.outAt = { text: config.out, ...positionOf(loaded.value, '/out', 'value') };
    config.out = path.resolve(dir, config.out);
  }
  if (config.policies) {
    config.policies = config.policies.map((p) => path.resolve(dir, p));
    config.policiesAt = config.policies.map((_, i) => positionOf(loaded.value!, `/policies/${i}`, 'value'));
  }
  return { config, diagnostics: [] };
}

/**
 * A rule id in "rules" or "acknowledged" that no rule has: an error at its position, with a guess and
 * the rule list as a path that opens from the working folder (`rulesDoc`).
 */
function unknownRules(doc: SourceDocument, knownRules: readonly string[], rulesDoc: string): Diagnostic[] {
  const value = doc.value as { rules?: Record<string, unknown>; acknowledged?: { rule?: unknown }[] };
  const named: { rule: string; pointer: string; prefer: 'key' | 'value' }[] = [
    ...Object.keys(value.rules ?? {}).map((rule) => ({
      rule,
      pointer: joinPointer('/rules', rule),
      prefer: 'key' as const,
    })),
    ...(value.acknowledged ?? []).flatMap((a, i) =>
      typeof a.rule === 'string'
        ? [{ rule: a.rule, pointer: `/acknowledged/${i}/rule`, prefer: 'value' as const }]
        : [],
    ),
  ];
  return named
    .filter((n) => !knownRules.includes(n.rule))
    .map((n) => {
      const position = positionOf(doc, n.pointer, n.prefer);
      const guess = didYouMean(n.rule, knownRules);
      return {
        ruleId: 'config/unknown-rule' satisfies StageRuleId<'config'>,
        severity: 'error' as const,
        file: doc.file,
        pointer: n.pointer,
        line: position.line,
        column: position.column,
        messageId: 'diagnostics:config.unknownRule',
        data: { rule: n.rule, rulesDoc },
        ...(guess ? { hint: didYouMeanHint(guess) } : {}),
      };
    });
}

/** Findings with the config's severities: a rule set to "off" is left out. */
export function applyRuleSettings<D extends Diagnostic>(findings: readonly D[], rules: PolicycConfig['rules']): D[] {
  if (!rules) return [...findings];
  return findings.flatMap((f) => {
    const setting = rules[f.ruleId];
    if (setting === undefined) return [f];
    return setting === 'off' ? [] : [{ ...f, severity: setting }];
  });
}
