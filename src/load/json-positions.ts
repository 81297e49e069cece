import { joinPointer } from './json-pointer.js';
import type { NodeLocation, SourcePosition } from './load-document.js';

/**
 * The source position of every value in JSON text that JSON.parse has
 * already accepted, by JSON pointer: one pass over the text, no tree. The
 * positions are momoa's (line and column 1-based, columns in UTF-16 code
 * units, CR, LF and CRLF each one line break); test/load/json-positions.test.ts
 * proves them equal to momoa's on generated documents. Valid JSON is
 * assumed: on anything else the result is unspecified, so callers parse first.
 */
export function scanPositions(text: string): Map<string, NodeLocation> {
  const scanner = new PositionScanner(text);
  scanner.skipSpace();
  scanner.value('', undefined);
  return scanner.locations;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const LF = 0x0a;

class PositionScanner {
  readonly locations = new Map<string, NodeLocation>();
  private at = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  private position(): SourcePosition {
    return { line: this.line, column: this.at - this.lineStart + 1, offset: this.at };
  }

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

  /** Scans the value at the cursor, recording it (and its key, when a member) under `pointer`. */
  value(pointer: string, key: SourcePosition | undefined): void {
    const start = this.position();
    const c = this.text.charCodeAt(this.at);
    if (c === 0x7b) this.object(pointer);
    else if (c === 0x5b) this.array(pointer);
    else if (c === QUOTE) this.string();
    else this.scalar();
    const valueEnd = this.position();
    this.locations.set(pointer, key ? { value: start, valueEnd, key } : { value: start, valueEnd });
  }

  private object(pointer: string): void {
    this.at++; // {
    this.skipSpace();
    while (this.text.charCodeAt(this.at) !== 0x7d) {
      const key = this.position();
      const name = this.string();
      this.skipSpace();
      this.at++; // :
      this.skipSpace();
      this.value(joinPointer(pointer, name), key);
      this.skipSpace();
      if (this.text.charCodeAt(this.at) === 0x2c) this.at++;
      this.skipSpace();
    }
    this.at++; // }
  }

  private array(pointer: string): void {
    this.at++; // [
    this.skipSpace();
    for (let i = 0; this.text.charCodeAt(this.at) !== 0x5d; i++) {
      this.value(joinPointer(pointer, i), undefined);
      this.skipSpace();
      if (this.text.charCodeAt(this.at) === 0x2c) this.at++;
      this.skipSpace();
    }
    this.at++; // ]
  }

  /** A string literal at the cursor; returns its value (decoded only when it has escapes). */
  private string(): string {
    const text = this.text;
    const open = this.at;
    let escaped = false;
    let i = open + 1;
    for (let c = text.charCodeAt(i); c !== QUOTE; c = text.charCodeAt(i)) {
      if (c === BACKSLASH) {
        escaped = true;
        i += 2;
      } else i++;
    }
    this.at = i + 1;
    const raw = text.slice(open, this.at);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
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
