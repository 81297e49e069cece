import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { messagesFor, withNote, type Language, type Messages } from '../i18n/messages.js';
import { compareDiagnostics, type Diagnostic, type LocalisedDiagnostic, type Severity } from './diagnostic.js';
import { localiseDiagnostics } from './render-message.js';
import { posixPath, posixRelative } from '../paths.js';

/** Metadata for one rule in the SARIF driver. */
export interface SarifRule {
  id: string;
  title: string;
  explanation: string;
  /** The legal reference in the language-neutral notation ('GDPR 13(1)(a)'), for tools. */
  article?: string;
  /** The same as the message language cites it ('art. 13, lid 1, onder a, AVG'). */
  citation?: string;
  severity: Severity;
  /** Where the rule is documented. */
  helpUri?: string;
}

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Diagnostics as a SARIF 2.1.0 log for code-scanning tools: one run, the
 * driver's rules with their metadata, and one result per diagnostic with its
 * file and line:column. Rule ids that are not in `rules` (schema, reference)
 * get a bare entry. Paths are relative to `cwd`, with forward slashes.
 * Acknowledged findings carry a suppression with the reason (SARIF 3.35).
 * A finding in a base says for which policies it was found with a related
 * location each; every result has a partial fingerprint (see withFingerprints).
 * Messages are written in `lang`.
 */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  rules: readonly SarifRule[],
  tool: { name: string; version: string; informationUri?: string },
  cwd = process.cwd(),
  lang: Language = 'en',
): string {
  return formatLocalisedSarif(
    localiseDiagnostics([...diagnostics].sort(compareDiagnostics), lang),
    rules,
    tool,
    cwd,
    lang,
  );
}

/** formatSarif of diagnostics already written in the message language (`lang`) and sorted with compareDiagnostics. */
export function formatLocalisedSarif(
  sorted: readonly LocalisedDiagnostic[],
  rules: readonly SarifRule[],
  tool: { name: string; version: string; informationUri?: string },
  cwd = process.cwd(),
  lang: Language = 'en',
): string {
  const driverRules = withBareRules(rules, sorted);
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const m = messagesFor(lang);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: driverRules.map(sarifRule),
          },
        },
        results: withFingerprints(sorted, cwd).map(([d, print]) => sarifResult(d, print, index, cwd, m)),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** The catalogue's rules, then a bare entry for each other rule id the diagnostics use (schema, reference). */
function withBareRules(rules: readonly SarifRule[], diagnostics: readonly Diagnostic[]): SarifRule[] {
  const known = new Set(rules.map((r) => r.id));
  const driverRules = [...rules];
  for (const d of diagnostics) {
    if (known.has(d.ruleId)) continue;
    known.add(d.ruleId);
    driverRules.push({ id: d.ruleId, title: d.ruleId, explanation: '', severity: d.severity });
  }
  return driverRules;
}

function sarifRule(r: SarifRule): Record<string, unknown> {
  return {
    id: r.id,
    shortDescription: { text: r.title },
    ...(r.explanation ? { fullDescription: { text: r.explanation }, help: { text: r.explanation } } : {}),
    defaultConfiguration: { level: level[r.severity] },
    ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    ...(r.article ? { properties: referenceProperties(r) } : {}),
  };
}

function sarifResult(
  d: LocalisedDiagnostic,
  print: string,
  index: Map<string, number>,
  cwd: string,
  m: Messages,
): Record<string, unknown> {
  return {
    ruleId: d.ruleId,
    ruleIndex: index.get(d.ruleId),
    level: level[d.severity],
    message: { text: d.suggestion ? withNote(d.message, d.suggestion, m) : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: d.file ? toUri(d.file, cwd) : '' },
          ...(d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: d.pointer || '/', kind: 'member' }],
      },
    ],
    partialFingerprints: { 'policyc/v2': print },
    ...relatedLocations(d, cwd),
    // An acknowledged finding: the privacy officer accepted it, in the policy or the config file.
    ...(d.acknowledged
      ? {
          suppressions: [
            {
              kind: d.acknowledged.source === 'policy' ? 'inSource' : 'external',
              status: 'accepted',
              justification: d.acknowledged.reason,
            },
          ],
        }
      : {}),
    ...(d.article ? { properties: referenceProperties(d) } : {}),
  };
}

/**
 * A rule's or result's property bag: `article` in the language-neutral notation, the same in every message language
 * (a tool groups or filters on it), and `citation`, the reference as the messages' language cites it.
 */
function referenceProperties(r: { article?: string; citation?: string }): { article?: string; citation?: string } {
  return { article: r.article, ...(r.citation ? { citation: r.citation } : {}) };
}

/**
 * A result's related locations: the policy (or policies) a finding in a base was found for (the message says so
 * too), then the diagnostic's own related locations (a preset line it inherits), each with its sentence and region.
 */
function relatedLocations(d: LocalisedDiagnostic, cwd: string): { relatedLocations?: object[] } {
  const policies = d.policies ?? (d.policy !== undefined ? [d.policy] : []);
  const locations: object[] = policies.map((policy) => ({
    physicalLocation: { artifactLocation: { uri: toUri(policy, cwd) } },
  }));
  for (const r of d.related ?? [])
    locations.push({
      physicalLocation: {
        artifactLocation: { uri: toUri(r.file, cwd) },
        region: { startLine: r.line, startColumn: r.column },
      },
      message: { text: r.message },
    });
  return locations.length ? { relatedLocations: locations.map((l, i) => ({ id: i + 1, ...l })) } : {};
}

/**
 * The same finding in a later run, wherever its line has moved and whatever values its message shows (SARIF
 * 3.27.17): its rule, its file, the JSON pointer of the value at fault and which of the rule's messages it is (the
 * message key, not its values: a period of 15 years that becomes 16 is the same finding), then how many results
 * before it in the run share those (two findings of one rule at one text, such as two special categories named in
 * one description). Not the line, nor the policies a base's finding was found for (one practice more does not make
 * it another finding). "v2": v1 hashed the message's values too.
 */
function withFingerprints(
  sorted: readonly LocalisedDiagnostic[],
  cwd: string,
): Array<readonly [LocalisedDiagnostic, string]> {
  // node:crypto (with the streams it loads) only for a SARIF report: some ms of a cold `policyc check` (issue 14).
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  const seen = new Map<string, number>();
  return sorted.map((d) => {
    const identity = JSON.stringify([d.ruleId, d.file ? toUri(d.file, cwd) : '', d.pointer, d.messageId]);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const print = createHash('sha256').update(`${identity}#${occurrence}`).digest('hex').slice(0, 32);
    return [d, print] as const;
  });
}

function toUri(file: string, cwd: string): string {
  return path.isAbsolute(file) ? posixRelative(cwd, file) : posixPath(file);
}
