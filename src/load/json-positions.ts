import { escapeToken, isBelow } from './json-pointer.js';
import { closingQuote } from './json-string-end.js';
import type { NodeLocation, SourcePosition } from './load-document.js';

/**
 * The source position of every value in JSON text that JSON.parse has
 * already accepted, by JSON pointer: one pass over the text, no tree. The
 * positions are momoa's (line and column 1-based, columns in UTF-16 code
 * units, CR, LF and CRLF each one line break); test/load/json-positions.test.ts
 * proves them equal to momoa's on generated documents. Valid JSON is
 * assumed: on anything else the result is unspecified, so callers parse first.
 * They are kept as numbers (offset, line, line start of each value's start,
 * end and key) and made into objects only for the pointers asked for: a
 * policy has thousands of values and its findings ask for a few dozen.
 */
export function positionTable(text: string): PositionTable {
  const scanner = new PositionScanner(text);
  scanner.skipSpace();
  scanner.value('', -1, 0, 0);
  return new PositionTable(scanner.slots, scanner.numbers);
}

/** A key written a second time in one object: where (1-based line and column), and the line of the first. */
export interface DuplicateKey {
  pointer: string;
  key: string;
  line: number;
  column: number;
  firstLine: number;
}

/**
 * Every key of `text` (which JSON.parse accepted) written a second time in
 * the same object, in text order. A repeated object's own members are not
 * reported again: only the key that repeats it.
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const scanner = new PositionScanner(text, []);
  scanner.skipSpace();
  scanner.value('', -1, 0, 0);
  const found = scanner.duplicates!;
  return found.filter((d) => !found.some((outer) => isBelow(d.pointer, outer.pointer)));
}

export class PositionTable {
  constructor(
    private readonly slots: ReadonlyMap<string, number>,
    private readonly numbers: readonly number[],
  ) {}

  pointers(): IterableIterator<string> {
    return this.slots.keys();
  }

  get(pointer: string): NodeLocation | undefined {
    const slot = this.slots.get(pointer);
    if (slot === undefined) return undefined;
    const value = this.position(slot);
    const valueEnd = this.position(slot + 3);
    return this.numbers[slot + 6]! < 0 ? { value, valueEnd } : { value, valueEnd, key: this.position(slot + 6) };
  }

  private position(at: number): SourcePosition {
    const offset = this.numbers[at]!;
    return { line: this.numbers[at + 1]!, column: offset - this.numbers[at + 2]! + 1, offset };
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

class PositionScanner {
  /**
   * Each pointer's first number in `numbers`, where each value has nine: its start, end and key, each as
   * offset, line and the offset its line starts at (key offset -1: no key). A repeated key keeps the
   * last, as JSON.parse does.
   */
  readonly slots = new Map<string, number>();
  readonly numbers: number[] = [];
  private at = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    /** When given, each repeated key is added to it (see duplicateKeys). */
    readonly duplicates?: DuplicateKey[],
  ) {}

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c === 0x20 || c === 0x09) this.at++;
      else if (c === LF || c === CR) {
        this.at += c === CR && text.charCodeAt(this.at + 1) === LF ? 2 : 1;
        this.line++;
        this.lineStart = this.at;
      } else return;
    }
  }

  /** Scans the value at the cursor, recording it (and its key, when a member: keyOffset -1 when not) under `pointer`. */
  value(pointer: string, keyOffset: number, keyLine: number, keyLineStart: number): void {
    const numbers = this.numbers;
    const slot = numbers.length;
    numbers.push(this.at, this.line, this.lineStart, 0, 0, 0, keyOffset, keyLine, keyLineStart);
    const c = this.text.charCodeAt(this.at);
    if (c === 0x7b) this.object(pointer);
    else if (c === 0x5b) this.array(pointer);
    else if (c === QUOTE) this.skipString();
    else this.scalar();
    numbers[slot + 3] = this.at;
    numbers[slot + 4] = this.line;
    numbers[slot + 5] = this.lineStart;
    this.slots.set(pointer, slot);
  }

  private object(pointer: string): void {
    this.at++; // {
    this.skipSpace();
    while (this.text.charCodeAt(this.at) !== 0x7d) {
      const keyOffset = this.at;
      const keyLine = this.line;
      const keyLineStart = this.lineStart;
      const name = this.string();
      this.skipSpace();
      this.at++; // :
      this.skipSpace();
      // joinPointer's steps, written out: this runs for every member of the policy.
      const member = pointer + '/' + escapeToken(name);
      if (this.duplicates) this.noteRepeat(member, name, keyLine, keyOffset - keyLineStart + 1);
      this.value(member, keyOffset, keyLine, keyLineStart);
      this.skipSpace();
      if (this.text.charCodeAt(this.at) === 0x2c) this.at++;
      this.skipSpace();
    }
    this.at++; // }
  }

  /** Records `member`, its key at `line` and `column`, when an earlier key of the same object had its pointer. */
  private noteRepeat(member: string, key: string, line: number, column: number): void {
    const first = this.slots.get(member);
    if (first === undefined) return;
    this.duplicates!.push({ pointer: member, key, line, column, firstLine: this.numbers[first + 7]! });
  }

  private array(pointer: string): void {
    this.at++; // [
    this.skipSpace();
    for (let i = 0; this.text.charCodeAt(this.at) !== 0x5d; i++) {
      this.value(pointer + '/' + i, -1, 0, 0);
      this.skipSpace();
      if (this.text.charCodeAt(this.at) === 0x2c) this.at++;
      this.skipSpace();
    }
    this.at++; // ]
  }

  /** A string literal at the cursor; returns its value (decoded only when it has escapes). */
  private string(): string {
    const open = this.at;
    this.at = closingQuote(this.text, open) + 1;
    const value = this.text.slice(open + 1, this.at - 1);
    return value.includes('\\') ? (JSON.parse(this.text.slice(open, this.at)) as string) : value;
  }

  /** A string value at the cursor, passed over: only its position is recorded, not its text. */
  private skipString(): void {
    this.at = closingQuote(this.text, this.at) + 1;
  }

  /** A number, true, false or null: runs to the next delimiter. */
  private scalar(): void {
    const text = this.text;
    let i = this.at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x09 || c === LF || c === CR)
        break;
      i++;
    }
    this.at = i;
  }
}
