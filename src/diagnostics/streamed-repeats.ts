import type { Messages } from '../i18n/messages.js';
import type { LocalisedDiagnostic } from './diagnostic.js';
import { location } from './format-diagnostics.js';
import { cyrb53, repeatedKey } from './repeated-findings.js';
import { singleLine } from './single-line.js';

/** The most characters of a repeated finding's message its reference quotes. */
const SHORT = 60;

/**
 * The text and compact reports' folding of a finding repeated at the same place in several policies' own files
 * (repeatedKey): it is written in full at the first of them, and in each other policy's part of the report as one
 * reference to it (its position, severity and rule with "The same finding as under <first file> above: “…”"), so
 * that whoever reads one organisation's part sees every finding of its file, and which files share it. Written as
 * each policy's findings come (build prints them as they are known); nothing of a written finding is held: per
 * distinct finding, two independent 53-bit hashes of its key (so no key is held to tell two keys with one hash
 * apart: with 106 bits, two findings taken for one are not to be expected) and the file it was written for (one
 * string per file), in flat arrays (SeenFindings), not an object per finding: a build of a thousand policies has
 * tens of thousands of distinct findings, and objects for them grew its peak memory with the number of policies.
 */
export function streamedRepeats(
  messages: Messages,
  cwd: string,
): {
  /** The diagnostics to write now: a finding already written for an earlier policy as a reference to it. */
  shown(sorted: readonly LocalisedDiagnostic[]): LocalisedDiagnostic[];
} {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const seen = new SeenFindings();
  const indexOf = (file: string): number => {
    let index = fileIndex.get(file);
    if (index === undefined) fileIndex.set(file, (index = files.push(file) - 1));
    return index;
  };
  const shown = (d: LocalisedDiagnostic): LocalisedDiagnostic => {
    const key = repeatedKey(d);
    if (key === undefined) return d;
    // The first file as the reports name it (from the working folder).
    const slot = seen.see(cyrb53(key), cyrb53(key, 1), () =>
      indexOf(singleLine(location({ ...d, line: undefined }, cwd))),
    );
    return seen.count[slot] === 1 ? d : reference(d, files[seen.file[slot]!]!, messages);
  };
  return { shown: (sorted) => sorted.map(shown) };
}

/** SeenFindings' first size (a power of two). */
const INITIAL = 1024;

/**
 * The distinct findings seen, by their two hashes: an open-addressing table in typed arrays. For each: the index of
 * the file it was first written for and how often it was seen.
 */
class SeenFindings {
  private first = new Float64Array(INITIAL);
  private second = new Float64Array(INITIAL);
  file = new Int32Array(INITIAL);
  count = new Int32Array(INITIAL);
  /** The order a finding was first seen in, 1-based (0: an empty slot). */
  private order = new Int32Array(INITIAL);
  private size = 0;

  /** The slot of the finding with hashes `h1` and `h2`, its count raised by one; `file` is asked only for a new one. */
  see(h1: number, h2: number, file: () => number): number {
    let slot = this.slotOf(h1, h2);
    if (this.order[slot] === 0) {
      if (2 * (this.size + 1) > this.order.length) {
        this.grow();
        slot = this.slotOf(h1, h2);
      }
      this.first[slot] = h1;
      this.second[slot] = h2;
      this.file[slot] = file();
      this.order[slot] = ++this.size;
    }
    this.count[slot]!++;
    return slot;
  }

  /** Where the finding is, or the empty slot where it goes (linear probing from its first hash's low bits). */
  private slotOf(h1: number, h2: number): number {
    const mask = this.order.length - 1;
    let slot = h1 % this.order.length;
    while (this.order[slot] !== 0 && (this.first[slot] !== h1 || this.second[slot] !== h2)) slot = (slot + 1) & mask;
    return slot;
  }

  /** Twice the room, every finding placed again. */
  private grow(): void {
    const old = {
      first: this.first,
      second: this.second,
      file: this.file,
      count: this.count,
      order: this.order,
    };
    const length = old.order.length * 2;
    this.first = new Float64Array(length);
    this.second = new Float64Array(length);
    this.file = new Int32Array(length);
    this.count = new Int32Array(length);
    this.order = new Int32Array(length);
    for (let from = 0; from < old.order.length; from++) {
      if (old.order[from] === 0) continue;
      const to = this.slotOf(old.first[from]!, old.second[from]!);
      this.first[to] = old.first[from]!;
      this.second[to] = old.second[from]!;
      this.file[to] = old.file[from]!;
      this.count[to] = old.count[from]!;
      this.order[to] = old.order[from]!;
    }
  }
}
/**
 * A repeat of a finding written in full for `first`: at its own position, severity and rule, its message one
 * sentence naming `first` and quoting the start of the message there. No hint, citation, related locations or data:
 * they are in the full entry above; an acknowledgement stays, so that the reference reads as accepted too.
 */
function reference(d: LocalisedDiagnostic, first: string, messages: Messages): LocalisedDiagnostic {
  const { ruleId, severity, messageId, pointer, file, line, column, acknowledged } = d;
  return {
    ruleId,
    severity,
    messageId,
    // One line, like the reports' (singleLine).
    message: singleLine(messages.t('diagnostics:sameAs', { file: first, short: shortForm(d.message) })),
    pointer,
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line, column } : {}),
    ...(acknowledged ? { acknowledged } : {}),
  };
}

/** The start of a message, cut at a word: enough to recognise the finding written above. */
function shortForm(message: string): string {
  if (message.length <= SHORT) return message;
  const cut = message.slice(0, SHORT);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(]+$/, '')}…`;
}
