/**
 * A list value of a message, its items written in the message language: a message that names it (`{{names}}`)
 * gets the items joined by `join` (with the list's conjunction or separator); one that formats it
 * (`{{names, quoted}}`) gets each item formatted, then joined the same way (messages.ts, the `quoted` format).
 */
export class JoinedList {
  constructor(
    readonly items: readonly string[],
    private readonly join: (items: readonly string[]) => string,
  ) {}

  /** The list with each item written by `write` first ('“a”, “b” en “c”'). */
  joinedAs(write: (item: string) => string): string {
    return this.join(this.items.map(write));
  }

  toString(): string {
    return this.join(this.items);
  }

  /** For the message cache's key: the items and how they are joined. */
  toJSON(): { items: readonly string[]; joined: string } {
    return { items: this.items, joined: this.toString() };
  }
}
