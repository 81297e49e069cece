import type { Messages } from '../i18n/messages.js';
import type { LocalisedDiagnostic } from './diagnostic.js';
import { policyList } from './render-message.js';
import { cyrb53, repeatedKey } from './repeated-findings.js';
import { singleLine } from './single-line.js';

/** How many of the other policies a repeat's line names, as policiesPhrase names a folded finding's. */
const NAMED = 3;
/** The most characters of a repeated finding's message its line quotes. */
const SHORT = 60;

/** A finding seen again: what its closing line says, taken from the first repeat (which says what the first did). */
interface Repeat {
  ruleId: string;
  line?: number;
  column?: number;
  short: string;
  /** The first few other policies' files. */
  names: string[];
}

/**
 * build's text and compact reports, streamed: each policy's findings are printed as they arrive, but a finding
 * repeated at the same place in several policies' own files (repeatedKey) only at the first of them. Nothing of a
 * printed finding is held: per distinct finding, two independent 53-bit hashes of its key (so no key is held to
 * tell two keys with one hash apart: with 106 bits, two findings taken for one are not to be expected), the file
 * it was printed for (one string per file), a count and, once it repeats, what its closing line says. Those are
 * kept in flat arrays (SeenFindings), not an object per finding: a build of a thousand policies has tens of
 * thousands of distinct findings, and objects for them grew its peak memory with the number of policies.
 */
export function streamedRepeats(): {
  /** The diagnostics to print now: all but a finding already printed for an earlier policy. */
  firsts(sorted: readonly LocalisedDiagnostic[]): LocalisedDiagnostic[];
  /** One line per finding seen in more than one policy, in the order they were printed. */
  closing(messages: Messages): string[];
} {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const seen = new SeenFindings();
  const repeats: Repeat[] = [];
  const indexOf = (file: string): number => {
    let index = fileIndex.get(file);
    if (index === undefined) fileIndex.set(file, (index = files.push(file) - 1));
    return index;
  };
  const isFirst = (d: LocalisedDiagnostic): boolean => {
    const key = repeatedKey(d);
    if (key === undefined) return true;
    const slot = seen.see(cyrb53(key), cyrb53(key, 1), () => indexOf(d.file!));
    if (seen.count[slot] === 1) return true;
    if (!seen.repeat[slot]) seen.repeat[slot] = repeats.push(repeatOf(d));
    const repeat = repeats[seen.repeat[slot]! - 1]!;
    if (repeat.names.length < NAMED) repeat.names.push(d.file!);
    return false;
  };
  return {
    firsts: (sorted) => sorted.filter(isFirst),
    closing: (messages) =>
      seen
        .repeated()
        .map((slot) =>
          closingLine(files[seen.file[slot]!]!, seen.count[slot]! - 1, repeats[seen.repeat[slot]! - 1]!, messages),
        ),
  };
}

/** SeenFindings' first size (a power of two). */
const INITIAL = 1024;

/**
 * The distinct findings seen, by their two hashes: an open-addressing table in typed arrays. For each: the index of
 * the file it was first printed for, how often it was seen, and (1-based, 0 for none) its Repeat's index.
 */
class SeenFindings {
  private first = new Float64Array(INITIAL);
  private second = new Float64Array(INITIAL);
  file = new Int32Array(INITIAL);
  count = new Int32Array(INITIAL);
  repeat = new Int32Array(INITIAL);
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

  /** The slots of the findings seen more than once, in the order they were first seen (that is, printed). */
  repeated(): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.order.length; slot++) if (this.repeat[slot]) slots.push(slot);
    return slots.sort((a, b) => this.file[a]! - this.file[b]! || this.order[a]! - this.order[b]!);
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
      repeat: this.repeat,
      order: this.order,
    };
    const length = old.order.length * 2;
    this.first = new Float64Array(length);
    this.second = new Float64Array(length);
    this.file = new Int32Array(length);
    this.count = new Int32Array(length);
    this.repeat = new Int32Array(length);
    this.order = new Int32Array(length);
    for (let from = 0; from < old.order.length; from++) {
      if (old.order[from] === 0) continue;
      const to = this.slotOf(old.first[from]!, old.second[from]!);
      this.first[to] = old.first[from]!;
      this.second[to] = old.second[from]!;
      this.file[to] = old.file[from]!;
      this.count[to] = old.count[from]!;
      this.repeat[to] = old.repeat[from]!;
      this.order[to] = old.order[from]!;
    }
  }
}
/** What a repeated finding's closing line says of it, from one of its repeats. */
function repeatOf(d: LocalisedDiagnostic): Repeat {
  return {
    ruleId: d.ruleId,
    ...(d.line !== undefined ? { line: d.line, column: d.column ?? 0 } : {}),
    short: shortForm(d.message),
    names: [],
  };
}

/** The start of a message, cut at a word: enough to recognise the finding printed above. */
function shortForm(message: string): string {
  if (message.length <= SHORT) return message;
  const cut = message.slice(0, SHORT);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(]+$/, '')}…`;
}

/** 'The same finding (rule at file:3:5: “…”) is also in 179 more policies: a, b, c and 176 more.' */
function closingLine(file: string, count: number, repeat: Repeat, messages: Messages): string {
  const more = count - repeat.names.length;
  const position = repeat.line === undefined ? file : `${file}:${repeat.line}:${repeat.column}`;
  // A closing line of the text and compact reports: one line, like theirs (singleLine).
  return singleLine(
    messages.t(`diagnostics:alsoIn${more > 0 ? 'More' : ''}`, {
      rule: repeat.ruleId,
      position,
      short: repeat.short,
      count,
      list: policyList(repeat.names, more, messages),
      more,
    }),
  );
}
