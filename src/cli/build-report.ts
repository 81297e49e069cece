import { compareStrings } from '../compare-strings.js';
import {
  compareDiagnostics,
  type Diagnostic,
  type LocalisedDiagnostic,
  type Severity,
} from '../diagnostics/diagnostic.js';
import { duplicateIdDiagnostic, type PolicyId } from '../pipeline/duplicate-ids.js';
import { mergeSharedFindings, sharedFindingKey } from '../diagnostics/shared-findings.js';
import { stopsComplianceCheck } from '../diagnostics/stage-rule-ids.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import type { IdPosition } from '../pipeline/compile-policy.js';

/** What one policy of a build reports, its sentences already written in the message language. */
export interface PolicyReport {
  /** The policy's place on the command line. */
  index: number;
  displayPath: string;
  id?: string;
  idPosition?: IdPosition;
  diagnostics: readonly LocalisedDiagnostic[];
  /** Compliance findings, the config's rule settings applied. */
  findings: readonly LocalisedDiagnostic[];
}

type Counts = Record<Severity, number>;
const noCounts = (): Counts => ({ error: 0, warning: 0, info: 0 });

/**
 * A build's report, written while the build runs and the same as if it were
 * written at the end: every diagnostic sorted with compareDiagnostics, as
 * one report. Policies arrive in any order (worker threads, the cache); each
 * is taken in the order of the command line (the policy that keeps a duplicate
 * id is known before: `owners`), and a file's diagnostics are written as soon as no
 * policy still to come can report on a file sorted before it. A policy
 * reports on its own file and on the bases it extends (`sources`), so only
 * those and policies that arrive early are held; the rest is kept as counts.
 */
export class BuildReport {
  /** Problems (not findings) by severity, acknowledged or not: what fails the build. */
  readonly problems = noCounts();
  /** Unacknowledged findings by severity: for --strict and --max-warnings. */
  readonly findings = noCounts();
  /** Unacknowledged diagnostics of both kinds, for the summary line. */
  readonly unacknowledged = noCounts();
  acknowledged = 0;
  /** Policies that errors stopped before their compliance rules ran. */
  unchecked = 0;
  /** The places (on the command line) of the policies with an error that stops a build: their own, a base's, a duplicate id. */
  readonly failedPolicies = new Set<number>();
  /** The files those errors (and errors about the whole run) are in, as the report shows them. */
  private readonly failedIn = new Set<string>();
  private readonly early = new Map<number, PolicyReport>();
  private readonly held = new Map<string, LocalisedDiagnostic[]>();
  private readonly firstWithId = new Map<string, PolicyId>();
  /** The findings in shared bases counted so far: each is counted once, however many policies it was found for. */
  private readonly countedShared = new Set<string>();
  /** For each place on the command line, the first file (in report order) that it or any later policy reports on. */
  private readonly lowest: (string | undefined)[];
  private next = 0;
  /** A policy without an id was taken: the run's ids are not known. */
  private withoutId = false;

  /**
   * `sources`: for each policy in command-line order, the display paths of the
   * files it may report on (its own, then its bases'). `localise` writes a
   * diagnostic the build makes itself (a duplicate id) in the message language. `atEnd`: a file that
   * finish()'s closing diagnostics may report on. `owners`: for an id that several policies have, the place and
   * display path of the one that keeps it (idOwners); the others get the duplicate-id error.
   */
  constructor(
    sources: readonly (readonly string[])[],
    private readonly sink: DiagnosticSink,
    private readonly localise: (d: Diagnostic) => LocalisedDiagnostic,
    atEnd?: string,
    private readonly owners: ReadonlyMap<string, { place: number; file: string }> = new Map(),
  ) {
    this.lowest = new Array<string | undefined>(sources.length + 1);
    // A file finish() may still report on (the config file, for its acknowledgements): nothing after it is written before.
    this.lowest[sources.length] = atEnd;
    for (let i = sources.length - 1; i >= 0; i--)
      this.lowest[i] = [...sources[i]!, this.lowest[i + 1]].reduce(lower, undefined);
  }

  /** One policy's report, in any order; what can be written is written. */
  add(policy: PolicyReport): void {
    for (const d of policy.diagnostics) this.count(d, this.problems, false);
    for (const d of policy.findings) this.count(d, this.findings, true);
    if (policy.diagnostics.some(stopsComplianceCheck)) this.unchecked++;
    this.noteErrors(policy.index, policy.diagnostics);
    this.early.set(policy.index, policy);
    let taken = false;
    for (let p = this.early.get(this.next); p; p = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.take(p);
      this.next++;
      taken = true;
    }
    if (taken) this.write(this.lowest[this.next]);
  }

  /**
   * Writes what is held (policies that never arrived report nothing) and ends the report. `closing` adds
   * diagnostics about the whole run, given the ids of its policies (undefined when a policy had none).
   */
  finish(closing?: (ids: ReadonlySet<string> | undefined) => readonly Diagnostic[]): void {
    for (const index of [...this.early.keys()].sort((a, b) => a - b)) this.take(this.early.get(index)!);
    this.early.clear();
    this.addRun(closing?.(this.withoutId ? undefined : new Set(this.firstWithId.keys())) ?? []);
    this.write(undefined);
    this.sink.end();
  }

  /** The files with an error that stops a build, sorted as the report lists them. */
  get failedFiles(): string[] {
    return [...this.failedIn].sort(compareStrings);
  }

  /** Notes the policy at `index` (undefined: the whole run) as failed when one of `diagnostics` is an error, and the error's file. */
  private noteErrors(index: number | undefined, diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (d.severity !== 'error') continue;
      if (index !== undefined) this.failedPolicies.add(index);
      if (d.file !== undefined) this.failedIn.add(d.file);
    }
  }

  /** Diagnostics about the run, not one policy (a folder skipped, …): held with the rest, and written in report order. */
  addRun(diagnostics: readonly Diagnostic[]): void {
    this.noteErrors(undefined, diagnostics);
    for (const d of diagnostics) {
      this.count(d, this.problems, false);
      this.hold(this.localise(d));
    }
  }

  private count(d: Diagnostic, bySeverity: Counts, onlyUnacknowledged: boolean): void {
    const shared = sharedFindingKey(d);
    if (shared !== undefined) {
      if (this.countedShared.has(shared)) return;
      this.countedShared.add(shared);
    }
    if (d.acknowledged) this.acknowledged++;
    else this.unacknowledged[d.severity]++;
    if (!onlyUnacknowledged || !d.acknowledged) bySeverity[d.severity]++;
  }

  /** A policy in command-line order: its duplicate-id error, if any, and its diagnostics held by file. */
  private take(policy: PolicyReport): void {
    if (policy.id === undefined) this.withoutId = true;
    else {
      const entry: PolicyId = { id: policy.id, file: policy.displayPath, ...policy.idPosition };
      const first = this.firstWithId.get(policy.id);
      if (!first) this.firstWithId.set(policy.id, entry);
      // The policy that keeps the id, known before compiling (idOwners); else the first taken with it.
      const owner = this.owners.get(policy.id);
      const other = owner === undefined ? first?.file : owner.place === policy.index ? undefined : owner.file;
      const duplicate = other === undefined ? [] : [duplicateIdDiagnostic(entry, other)];
      this.noteErrors(policy.index, duplicate);
      for (const d of duplicate) {
        this.count(d, this.problems, false);
        this.hold(this.localise(d));
      }
    }
    for (const d of policy.diagnostics) this.hold(d);
    for (const d of policy.findings) this.hold(d);
  }

  private hold(d: LocalisedDiagnostic): void {
    const file = d.file ?? '';
    const list = this.held.get(file);
    if (list) list.push(d);
    else this.held.set(file, [d]);
  }

  /** Writes the held files sorted before `before` (all when undefined), in report order. */
  private write(before: string | undefined): void {
    const ready = [...this.held.keys()].filter((file) => before === undefined || file < before).sort(compareStrings);
    if (!ready.length) return;
    const sorted: LocalisedDiagnostic[] = [];
    for (const file of ready) {
      // Every policy that may report on the file has been taken: a finding in a shared base is said once, for all of them.
      const merged = mergeSharedFindings(this.held.get(file)!, (d) => this.localise(withoutTexts(d)));
      for (const d of merged.sort(compareDiagnostics)) sorted.push(d);
      this.held.delete(file);
    }
    this.sink.files(sorted);
  }
}

/** A diagnostic's sentences written anew (a finding in a base, now for several policies). */
function withoutTexts(d: LocalisedDiagnostic): Diagnostic {
  const { message: _message, suggestion: _suggestion, citation: _citation, ...rest } = d;
  return rest;
}

function lower(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareStrings(a, b) <= 0 ? a : b;
}
