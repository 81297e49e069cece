import type { Diagnostic, MessageData } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import { joinPointer } from '../load/json-pointer.js';
import type { PolicySource } from '../policy/policy-types.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';

/**
 * What every collection's resolver shares: the document, a way to report a
 * problem at a position, to claim an id (duplicates reported), and to look up
 * references (dangling ones reported, with a did-you-mean). The diagnostics
 * are kept in the order they were reported.
 */
export class ResolveContext {
  readonly source: PolicySource;
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly doc: SourceDocument) {
    this.source = doc.value as PolicySource;
  }

  /** An error at `pointer` (its value, or its key with `where: 'key'`), message `key` with `vars`. */
  report(
    ruleId: StageRuleId<'resolve'>,
    pointer: string,
    key: string,
    vars: MessageData,
    suggestion?: string,
    where: 'value' | 'key' = 'value',
  ): void {
    const pos = locate(this.doc, pointer, where);
    this.diagnostics.push({
      ruleId,
      severity: 'error',
      messageId: key,
      data: vars,
      file: pos.file,
      pointer,
      line: pos.line,
      column: pos.column,
      ...(suggestion ? { hint: didYouMeanHint(suggestion) } : {}),
    });
  }

  /**
   * True when `id` is not yet taken in `seen` (a map of items, or a set of
   * ids — which it then records); a repeat is reported at its position
   * (pointer/id) and the caller skips the item.
   */
  claim(seen: Set<string> | Map<string, unknown>, id: string, pointer: string): boolean {
    if (!seen.has(id)) {
      if (seen instanceof Set) seen.add(id);
      return true;
    }
    this.report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id });
    return false;
  }

  /** Indexes the collection at `/<collection>` by id, each item with its pointer; duplicates reported. */
  index<T extends { id: string }>(items: T[] | undefined, collection: string): Map<string, T & { pointer: string }> {
    const map = new Map<string, T & { pointer: string }>();
    // Loops, not closures made per call (docs/architecture.md, "No closures made per call").
    const all = items ?? [];
    for (let i = 0; i < all.length; i++) {
      const item = all[i]!;
      const pointer = joinPointer('', collection, i);
      if (this.claim(map, item.id, pointer)) map.set(item.id, { ...item, pointer });
    }
    return map;
  }

  /** Looks up each id in `ids` (written at `base`); a dangling one is reported at its own position. */
  lookUp<T>(ids: string[] | undefined, map: ReadonlyMap<string, T>, base: string, kind: string): T[] {
    const found: T[] = [];
    const all = ids ?? [];
    for (let j = 0; j < all.length; j++) {
      const item = map.get(all[j]!);
      if (item) found.push(item);
      else this.dangling(all[j]!, joinPointer(base, j), kind, map);
    }
    return found;
  }

  /** Looks up one id written at `pointer`; a dangling one is reported there. */
  lookUpOne<T>(id: string, map: ReadonlyMap<string, T>, pointer: string, kind: string): T | undefined {
    const item = map.get(id);
    if (!item) this.dangling(id, pointer, kind, map);
    return item;
  }

  private dangling(id: string, pointer: string, kind: string, known: ReadonlyMap<string, unknown>): void {
    const removal = this.removal(id);
    if (removal !== undefined) {
      // The policy removed what a base still uses: reported at the removal, naming the use.
      const used = locate(this.doc, pointer);
      const write = listWithout(this.source, pointer, this.removedIds());
      this.report(
        'reference/dangling',
        removal,
        `diagnostics:reference.${write ? 'removedButUsedWrite' : 'removedButUsed'}`,
        {
          id,
          kind: { message: { messageId: `diagnostics:reference.kind.${kind}` } },
          place: `${used.file}:${used.line}:${used.column}`,
          pointer,
          ...(write ? { write } : {}),
        },
      );
      return;
    }
    this.report(
      'reference/dangling',
      pointer,
      'diagnostics:reference.dangling',
      {
        id,
        kind: { message: { messageId: `diagnostics:reference.kind.${kind}` } },
      },
      didYouMean(id, [...known.keys()]),
    );
  }

  /** Every id the policy's own `remove` lists. */
  private removedIds(): Set<string> {
    const remove = (this.source as { remove?: unknown }).remove;
    if (typeof remove !== 'object' || remove === null) return new Set();
    return new Set(Object.values(remove).flatMap((ids) => (Array.isArray(ids) ? (ids as string[]) : [])));
  }

  /** Where the policy's own `remove` lists `id` (/remove/<list>/<i>), if it does. */
  private removal(id: string): string | undefined {
    const remove = (this.source as { remove?: unknown }).remove;
    if (typeof remove !== 'object' || remove === null) return undefined;
    for (const [list, ids] of Object.entries(remove)) {
      const i = Array.isArray(ids) ? ids.indexOf(id) : -1;
      if (i >= 0) return joinPointer('/remove', list, i);
    }
    return undefined;
  }
}

/**
 * What a policy writes to drop removed ids from an inherited item's list of
 * references at `pointer` (/<collection>/<i>/<list>/<j>, the item having an
 * id): `"purposes": [{ "id": "treatment", "recipients": ["a", "b"] }]`, the
 * list without every id the policy removes. Undefined for another shape.
 */
function listWithout(source: PolicySource, pointer: string, removed: ReadonlySet<string>): string | undefined {
  const match = /^\/([A-Za-z]+)\/(\d+)\/([A-Za-z]+)\/\d+$/.exec(pointer);
  if (!match) return undefined;
  const [, collection, index, key] = match;
  const item = ((source as unknown as Record<string, unknown>)[collection!] as unknown[] | undefined)?.[Number(index)];
  const { id, [key!]: list } = (item ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || !Array.isArray(list)) return undefined;
  const kept = list.filter((ref) => !removed.has(ref as string)).map((ref) => JSON.stringify(ref));
  return `"${collection}": [{ "id": ${JSON.stringify(id)}, "${key}": [${kept.join(', ')}] }]`;
}
