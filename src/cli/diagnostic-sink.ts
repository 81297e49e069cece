import type { LocalisedDiagnostic } from '../diagnostics/diagnostic.js';
import { formatJsonElement, formatLocalisedCompact, formatLocalisedGithub } from '../diagnostics/format-diagnostics.js';
import { formatLocalisedReport, type ReportOptions } from '../diagnostics/format-report.js';
import { formatLocalisedSarif } from '../diagnostics/format-sarif.js';
import { ruleMetadata } from '../check/rule-metadata.js';
import { rules } from '../check/rules.js';
import { ruleAnchor, rulesDocFrom } from '../check/rules-doc-path.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { repeatedFindings } from '../diagnostics/repeated-findings.js';
import { streamedRepeats } from '../diagnostics/streamed-repeats.js';

/**
 * Where a command's diagnostics go, in the --format the user chose: a report
 * given in parts. JSON, and text and compact of build and diff, are written in
 * parts, so that a build of many policies prints each policy's findings when
 * they are known and holds none of them afterwards (build's text and compact
 * print a finding repeated across policies once, and what else has it at the
 * end); text and compact of check fold a finding repeated across policies into
 * one entry, and SARIF lists its rules first, so they are written at the end.
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
   * Give a finding repeated in many policies' own files once in text and compact (not diff, whose two versions of
   * one policy are not two policies). 'whole': one entry naming the policies, written at the end (check, which
   * holds its findings anyway). 'streamed': at the first policy as it comes, and at the end one line per repeated
   * finding naming the others (build, which would otherwise hold every finding to its end).
   */
  fold?: 'whole' | 'streamed';
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
 * The text and compact reports. Written as each part comes, but for folding ('whole'): a finding repeated in many
 * policies' own files is one entry (repeatedFindings), at the first of them, which can only be written once every
 * policy has reported: then the report is written at the end, holding one entry per distinct finding. 'streamed'
 * writes the first and leaves out its repeats as they come (streamedRepeats), then one line for each at the end.
 */
function joinedSink(
  write: (text: string) => void,
  separator: string,
  settings: SinkSettings,
  format: (sorted: readonly LocalisedDiagnostic[]) => string,
): DiagnosticSink {
  const out = joined(write, separator);
  if (settings.fold === 'whole') {
    const repeated = repeatedFindings(messagesFor(settings.lang));
    return {
      files: (sorted) => repeated.add(sorted),
      end() {
        const all = repeated.folded();
        if (all.length) out.part(format(all));
        out.end();
      },
    };
  }
  const repeats = settings.fold === 'streamed' ? streamedRepeats() : undefined;
  return {
    files(given) {
      const sorted = repeats ? repeats.firsts(given) : given;
      if (sorted.length) out.part(format(sorted));
    },
    end() {
      const lines = repeats?.closing(messagesFor(settings.lang)) ?? [];
      if (lines.length) out.part(lines.join('\n'));
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
