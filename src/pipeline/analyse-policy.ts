import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import { checkFindings } from '../check/check-policy.js';
import { hasErrors, type Diagnostic, type LocalisedDiagnostic } from '../diagnostics/diagnostic.js';
import { localiseDiagnostics } from '../diagnostics/render-message.js';
import type { Language } from '../i18n/messages.js';
import path from 'node:path';
import { loadExtended, type SourceReader } from '../load/extends.js';
import type { SourceDocument } from '../load/load-document.js';
import type { PolicyModel } from '../resolve/model.js';
import { resolvePolicy } from '../resolve/resolve-policy.js';
import { nextPolicy } from '../policy-memo.js';
import { isLeftOpen } from '../validate/left-open.js';
import { inUserFiles } from './user-location.js';
import { explainRemovedByBase } from './removed-by-base.js';
import { validateDocument } from '../validate/validate-document.js';

/** What analysis found; `D` is the diagnostic as reported (messageId and data) or as localised (with its message). */
export interface AnalysedPolicy<D extends Diagnostic = LocalisedDiagnostic> {
  document?: SourceDocument;
  model?: PolicyModel;
  diagnostics: D[];
  /**
   * Compliance findings (src/check/), kept apart from the diagnostics that
   * stop a build: the caller decides whether they are fatal.
   */
  findings: D[];
  /**
   * The files the policy is built from (absolute): the policy and every base
   * it extends. A change to any of them changes the result (for caches and --watch).
   */
  sources: string[];
  /**
   * With `base`: what the policy leaves open as a base may (validate/left-open.ts), kept apart from the
   * diagnostics; when any is, the compliance rules did not run (`findings` is empty).
   */
  leftOpen?: D[];
}

export interface AnalyseOptions {
  /** Run the compliance rules on the resolved model (default true). */
  check?: boolean;
  /** The policy file on disk, for resolving `extends` (default: `file`, from the working folder). */
  path?: string;
  /** Where the bases it extends are read from (default: the working tree; a diff against a revision reads the revision). */
  reader?: SourceReader;
  /** Acknowledged findings from the config file (see check/acknowledge.ts); the checker takes those for this policy's id. */
  acknowledged?: readonly ExternalAcknowledgement[];
  /**
   * Accept a base that policies extend (a chain's shared policy): placeholders and the organisation's own
   * details may be missing. What is missing is returned as `leftOpen`; the rest is analysed as it is.
   */
  base?: boolean;
}

/**
 * load → validate → resolve → check: the model and its findings, or the
 * diagnostics that stopped it, as reported (messageId and data, no language).
 */
export function analyse(text: string, file: string, options: AnalyseOptions = {}): AnalysedPolicy<Diagnostic> {
  nextPolicy();
  const analysed = analyseSteps(text, file, options);
  if (analysed.sources.length === 1) return analysed;
  const doc = analysed.document;
  // A base is shared by many policies: what is found in it says for which one. A preset is no one's to edit.
  const forPolicy = (given: Diagnostic): Diagnostic => {
    const d = doc ? inUserFiles(given, doc, options.base === true) : given;
    return d.file !== undefined && d.file !== file ? { ...d, policy: file } : d;
  };
  return {
    ...analysed,
    diagnostics: analysed.diagnostics.map(forPolicy),
    findings: analysed.findings.map(forPolicy),
    ...(analysed.leftOpen ? { leftOpen: analysed.leftOpen.map(forPolicy) } : {}),
  };
}

function analyseSteps(text: string, file: string, options: AnalyseOptions): AnalysedPolicy<Diagnostic> {
  const loaded = loadExtended(text, file, path.resolve(options.path ?? file), [], options.reader);
  const { sources } = loaded;
  if (!loaded.value) return { diagnostics: loaded.diagnostics, findings: [], sources };
  const document = loaded.value;
  const validated = explainRemovedByBase([...loaded.diagnostics, ...validateDocument(document)], document);
  const leftOpen = options.base ? validated.filter(isLeftOpen) : [];
  const schemaDiagnostics = validated.filter((d) => !leftOpen.includes(d));
  const open = leftOpen.length ? { leftOpen } : {};
  if (hasErrors(schemaDiagnostics)) return { document, diagnostics: schemaDiagnostics, findings: [], sources, ...open };
  const resolved = resolvePolicy(document);
  const diagnostics = [...schemaDiagnostics, ...resolved.diagnostics];
  if (hasErrors(diagnostics)) return { document, diagnostics, findings: [], sources, ...open };
  // The rules judge a whole policy: on a base with details left open they would judge what is not there.
  const findings =
    options.check === false || leftOpen.length
      ? []
      : checkFindings(resolved.value, document, {
          acknowledged: options.acknowledged ?? [],
          // An acknowledgement may give the pointer a report shows for a finding.
          shownAt: (f) => inUserFiles(f, document, options.base === true),
        });
  resolved.value.acknowledgedFindings = findings
    .filter((f) => f.acknowledged !== undefined)
    .map(({ ruleId, pointer }) => ({ ruleId, pointer }));
  return { document, model: resolved.value, diagnostics, findings, sources, ...open };
}

/** analyse, with every message written in `messageLanguage` (the library API). */
export function analysePolicy(
  text: string,
  file: string,
  messageLanguage: Language = 'en',
  options: AnalyseOptions = {},
): AnalysedPolicy {
  const { leftOpen, ...analysed } = analyse(text, file, options);
  return {
    ...analysed,
    diagnostics: localiseDiagnostics(analysed.diagnostics, messageLanguage),
    findings: localiseDiagnostics(analysed.findings, messageLanguage),
    ...(leftOpen ? { leftOpen: localiseDiagnostics(leftOpen, messageLanguage) } : {}),
  };
}
