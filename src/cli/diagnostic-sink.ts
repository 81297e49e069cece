import type { LocalisedDiagnostic } from '../diagnostics/diagnostic.js';
import { formatJsonElement, formatLocalisedCompact, formatLocalisedGithub } from '../diagnostics/format-diagnostics.js';
import { formatLocalisedReport, type ReportOptions } from '../diagnostics/format-report.js';
import { formatLocalisedSarif } from '../diagnostics/format-sarif.js';
import { ruleMetadata } from '../check/rule-metadata.js';
import { rules } from '../check/rules.js';
import { ruleAnchor, rulesDocFrom } from '../check/rules-doc-path.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { streamedRepeats } from '../diagnostics/streamed-repeats.js';

/**
 * Where a command's diagnostics go, in the --format the user chose: a report
 * given in parts. JSON, text and compact are written in parts, so that a build
 * of many policies prints each policy's findings when they are known and holds
 * none of them afterwards (text and compact of check and build write a finding
 * repeated across policies in full once, and a reference to it in each later
 * policy's part); SARIF lists its rules first, so it is written at the end.
 * Given in parts or at once, the bytes are the same.
 */
export interface DiagnosticSink {
  /**
   * The diagnostics of one or more whole files, written in the message
   * language and sorted with compareDiagnostics; each call's files come
   * after those of the calls before.
   */
  files(sorted: readonly LocalisedDiagnostic[]): void;
  /** Ends the report (JSON closes its array; SARIF, which lists the rules first, is written only now). */
  end(): void;
}

/** What the sinks need of the CLI: where to write and how. */
export interface SinkSettings {
  format: string;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color?: boolean;
  /** The repository's folder in GitHub Actions (GITHUB_WORKSPACE): --format github gives paths from it, not from cwd. */
  githubWorkspace?: string;
  lang: Language;
  /** For SARIF's driver. */
  tool: () => { version: string; homepage?: string };
  /**
   * Give a finding repeated in many policies' own files in full once in text and compact, and in each later
   * policy's part as a reference to it (check and build; not diff, whose two versions of one policy are not two
   * policies).
   */
  fold?: boolean;
}

/** Text parts joined by `separator`, ended by a line break when there were any. */
function joined(write: (text: string) => void, separator: string) {
  let started = false;
  return {
    part(text: string) {
      write((started ? separator : '') + text);
      started = true;
    },
    end() {
      if (started) write('\n');
    },
  };
}

/**
 * The text and compact reports, written as each part comes. Folding: a finding repeated in many policies' own
 * files is written in full at the first of them and, in each later policy's part, as a reference to it
 * (streamedRepeats), so that each policy's part names all of its findings.
 */
function joinedSink(
  write: (text: string) => void,
  separator: string,
  settings: SinkSettings,
  format: (sorted: readonly LocalisedDiagnostic[]) => string,
): DiagnosticSink {
  const out = joined(write, separator);
  const repeats = settings.fold ? streamedRepeats(messagesFor(settings.lang), settings.cwd) : undefined;
  return {
    files(given) {
      const sorted = repeats ? repeats.shown(given) : given;
      if (sorted.length) out.part(format(sorted));
    },
    end() {
      out.end();
    },
  };
}

/** The human report: blocks per file, with the severity words, rule documentation and colour of the message language. */
function textSink(settings: SinkSettings): DiagnosticSink {
  let options: ReportOptions | undefined;
  return joinedSink(settings.stderr, '\n\n', settings, (sorted) =>
    formatLocalisedReport(sorted, (options ??= reportOptions(settings))),
  );
}

/** The text report's words, made once per report and only when there is something to report. */
function reportOptions(settings: SinkSettings): ReportOptions {
  const messages = messagesFor(settings.lang);
  const catalogue = new Set(rules.map((r) => r.id)); // ids only: no rule's title translated
  const docs = new Map<string, string | undefined>(); // worked out once per rule
  const rulesDoc = rulesDocFrom(settings.cwd);
  return {
    cwd: settings.cwd,
    lang: settings.lang,
    color: settings.color === true,
    docsPath: (ruleId) => {
      if (!docs.has(ruleId))
        docs.set(ruleId, catalogue.has(ruleId) ? `${rulesDoc}#${ruleAnchor(ruleId, messages.lang)}` : undefined);
      return docs.get(ruleId);
    },
  };
}

/** formatJson's array, written element by element. */
function jsonSink(settings: SinkSettings): DiagnosticSink {
  let count = 0;
  return {
    files(sorted) {
      if (!sorted.length) return;
      settings.stdout((count ? ',\n' : '[\n') + sorted.map(formatJsonElement).join(',\n'));
      count += sorted.length;
    },
    end() {
      settings.stdout(count ? '\n]\n' : '[]\n');
    },
  };
}

/** SARIF names every rule the results use before the results: it is written whole at the end. */
function sarifSink(settings: SinkSettings): DiagnosticSink {
  const all: LocalisedDiagnostic[] = [];
  return {
    files(sorted) {
      for (const d of sorted) all.push(d);
    },
    end() {
      const { version, homepage } = settings.tool();
      // helpUri: the published docs when package.json names a homepage, else the path inside the package.
      const docsBase = homepage ? homepage.replace(/\/?$/, '/') : undefined;
      const tool = { name: 'policyc', version, ...(homepage ? { informationUri: homepage } : {}) };
      const rules = ruleMetadata(messagesFor(settings.lang), docsBase);
      settings.stdout(formatLocalisedSarif(all, rules, tool, settings.cwd, settings.lang) + '\n');
    },
  };
}

export function diagnosticSink(settings: SinkSettings): DiagnosticSink {
  if (settings.format === 'json') return jsonSink(settings);
  if (settings.format === 'sarif') return sarifSink(settings);
  if (settings.format === 'compact')
    return joinedSink(settings.stderr, '\n', settings, (sorted) => formatLocalisedCompact(sorted, settings.cwd));
  // Workflow commands on stdout, where the GitHub Actions runner reads them. Not folded: an annotation shows beside
  // its own file only, so a finding repeated in several policies' files is one command for each of them.
  if (settings.format === 'github') {
    const unfolded = { ...settings, fold: undefined };
    const root = settings.githubWorkspace ?? settings.cwd;
    return joinedSink(settings.stdout, '\n', unfolded, (sorted) => formatLocalisedGithub(sorted, settings.cwd, root));
  }
  return textSink(settings);
}
