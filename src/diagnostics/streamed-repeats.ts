import type { Messages } from '../i18n/messages.js';
import type { LocalisedDiagnostic } from './diagnostic.js';
import { cyrb53, repeatedKey } from './repeated-findings.js';

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

/** A distinct finding: its key's second hash, the file it was printed for, how often it was seen. */
interface Seen {
  hash: number;
  file: number;
  count: number;
  repeat?: Repeat;
  /** Another key with the same first hash (unlikely). */
  next?: Seen;
}

/**
 * build's text and compact reports, streamed: each policy's findings are printed as they arrive, but a finding
 * repeated at the same place in several policies' own files (repeatedKey) only at the first of them. Nothing of a
 * printed finding is held: per distinct finding, two independent 53-bit hashes of its key (so no key is held to
 * tell two keys with one hash apart: with 106 bits, two findings taken for one are not to be expected), the file
 * it was printed for (one string per file), a count and, once it repeats, what its closing line says.
 */
export function streamedRepeats(): {
  /** The diagnostics to print now: all but a finding already printed for an earlier policy. */
  firsts(sorted: readonly LocalisedDiagnostic[]): LocalisedDiagnostic[];
  /** One line per finding seen in more than one policy, in the order they were printed. */
  closing(messages: Messages): string[];
} {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const seen = new Map<number, Seen>();
  const indexOf = (file: string): number => {
    let index = fileIndex.get(file);
    if (index === undefined) fileIndex.set(file, (index = files.push(file) - 1));
    return index;
  };
  const isFirst = (d: LocalisedDiagnostic): boolean => {
    const key = repeatedKey(d);
    if (key === undefined) return true;
    const first = cyrb53(key);
    const hash = cyrb53(key, 1);
    let entry = seen.get(first);
    while (entry && entry.hash !== hash) entry = entry.next;
    if (!entry) {
      seen.set(first, {
        hash,
        file: indexOf(d.file!),
        count: 1,
        ...(seen.has(first) ? { next: seen.get(first) } : {}),
      });
      return true;
    }
    entry.count++;
    entry.repeat ??= repeatOf(d);
    if (entry.repeat.names.length < NAMED) entry.repeat.names.push(d.file!);
    return false;
  };
  return {
    firsts: (sorted) => sorted.filter(isFirst),
    closing(messages) {
      const lines: { first: Seen; repeat: Repeat }[] = [];
      for (const head of seen.values())
        for (let entry: Seen | undefined = head; entry; entry = entry.next)
          if (entry.repeat) lines.push({ first: entry, repeat: entry.repeat });
      return lines
        .sort((a, b) => a.first.file - b.first.file)
        .map(({ first, repeat }) => closingLine(files[first.file]!, first.count - 1, repeat, messages));
    },
  };
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
  return messages.t(`diagnostics:alsoIn${more > 0 ? 'More' : ''}`, {
    rule: repeat.ruleId,
    position,
    short: repeat.short,
    count,
    list: repeat.names.join(messages.t('diagnostics:policySeparator')),
    more,
  });
}
