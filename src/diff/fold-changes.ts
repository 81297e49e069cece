import type { PolicyModel } from '../resolve/model.js';
import { changeKinds, type ChangeKind } from './change-kinds.js';
import type { Change } from './change.js';
import { canonical, type DiffContext } from './compare-values.js';

/** A party collection whose swaps and moves are told as one change each. */
interface PartyFold {
  list: 'processors' | 'recipients';
  added: ChangeKind;
  removed: ChangeKind;
  purposeAdded: ChangeKind;
  purposeRemoved: ChangeKind;
  replaced: ChangeKind;
  moved: ChangeKind;
}

const partyFolds: PartyFold[] = [
  {
    list: 'processors',
    added: 'processor-added',
    removed: 'processor-removed',
    purposeAdded: 'purpose-processor-added',
    purposeRemoved: 'purpose-processor-removed',
    replaced: 'processor-replaced',
    moved: 'purpose-processor-moved',
  },
  {
    list: 'recipients',
    added: 'recipient-added',
    removed: 'recipient-removed',
    purposeAdded: 'purpose-recipient-added',
    purposeRemoved: 'purpose-recipient-removed',
    replaced: 'recipient-replaced',
    moved: 'purpose-recipient-moved',
  },
];

const facts = (kind: ChangeKind): Pick<Change, 'kind' | 'class' | 'article'> => ({
  kind,
  class: changeKinds[kind].class,
  article: changeKinds[kind].article,
});

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The ids (in the new version's terms) of the purposes that use the party at a pointer. */
function purposesUsing(
  model: PolicyModel,
  list: PartyFold['list'],
  pointer: string,
  rename: Map<string, string> | undefined,
): string[] {
  const party = model[list].find((p) => p.pointer === pointer) as { usedBy?: Array<{ id: string }> } | undefined;
  return (party?.usedBy ?? []).map((p) => rename?.get(p.id) ?? p.id).sort();
}

/** What a party is, for telling a swap in the same role: a recipient's type, a processor's kind of service. */
function partyRole(model: PolicyModel, list: PartyFold['list'], pointer: string): string | undefined {
  const party = model[list].find((p) => p.pointer === pointer) as
    { type?: string; serviceCategory?: unknown } | undefined;
  const role = list === 'recipients' ? party?.type : party?.serviceCategory;
  return role === undefined ? undefined : canonical(role);
}

/** The same role: the same, when both parties state it (a processor without a category fits any). */
const sameRole = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined || a === b;

/**
 * A party removed and another added, used by the same (non-empty) set of
 * purposes and in the same role (a recipient of the same type, a processor
 * for the same kind of service when both say), is one replacement: the removal, the addition and the purposes'
 * list changes fold into it. A new third country stays its own change.
 */
function foldReplacements(ctx: DiffContext, fold: PartyFold, models: { old: PolicyModel; new: PolicyModel }): void {
  const purposeRenames = ctx.renames.get('purposes');
  const added = ctx.changes.filter((c) => c.kind === fold.added);
  for (const removed of ctx.changes.filter((c) => c.kind === fold.removed)) {
    const purposes = purposesUsing(models.old, fold.list, removed.pointer, purposeRenames);
    if (!purposes.length) continue;
    const role = partyRole(models.old, fold.list, removed.pointer);
    const match = added.find(
      (a) =>
        same(purposesUsing(models.new, fold.list, a.pointer, undefined), purposes) &&
        sameRole(role, partyRole(models.new, fold.list, a.pointer)),
    );
    if (!match) continue;
    added.splice(added.indexOf(match), 1);
    const folded = new Set<Change>([
      removed,
      match,
      ...ctx.changes.filter(
        (c) =>
          (c.kind === fold.purposeRemoved && same(c.old, removed.old)) ||
          (c.kind === fold.purposeAdded && same(c.new, match.new)),
      ),
    ]);
    const at = ctx.changes.indexOf(match);
    ctx.changes.splice(at, 1, { ...match, ...facts(fold.replaced), old: removed.old!, replaces: removed.old! });
    const kept = ctx.changes.filter((c) => !folded.has(c));
    ctx.changes.splice(0, ctx.changes.length, ...kept);
  }
}

/** A party dropped from one purpose and added to another: one move, told as the party now serving the other purpose. */
function foldMoves(ctx: DiffContext, fold: PartyFold): void {
  const removals = ctx.changes.filter((c) => c.kind === fold.purposeRemoved);
  for (const addition of ctx.changes.filter((c) => c.kind === fold.purposeAdded)) {
    const removal = removals.find((r) => same(r.old, addition.new) && !same(r.subject, addition.subject));
    if (!removal) continue;
    removals.splice(removals.indexOf(removal), 1);
    const moved: Change = {
      ...addition,
      ...facts(fold.moved),
      subject: addition.new!,
      old: removal.subject!,
      new: addition.subject!,
      movedFrom: removal.subject!,
    };
    ctx.changes.splice(ctx.changes.indexOf(addition), 1, moved);
    ctx.changes.splice(ctx.changes.indexOf(removal), 1);
  }
}

/** A new party's purposes are part of its addition: the purposes' links to it are not changes of their own. */
function foldPurposeLinks(ctx: DiffContext, fold: PartyFold): void {
  for (const added of ctx.changes.filter((c) => c.kind === fold.added)) {
    const links = ctx.changes.filter((c) => c.kind === fold.purposeAdded && same(c.new, added.new));
    if (!links.length) continue;
    ctx.changes.splice(ctx.changes.indexOf(added), 1, { ...added, usedFor: links.map((c) => c.subject!) });
    const kept = ctx.changes.filter((c) => !links.includes(c));
    ctx.changes.splice(0, ctx.changes.length, ...kept);
  }
}

const countryAdded = new Set<ChangeKind>(['transfer-added', 'location-added']);
const countryRemoved = new Set<ChangeKind>(['transfer-removed', 'location-removed']);

/**
 * A party that processes data in a new country and no longer in an old one moved it: the new country
 * is told 'in place of' the old ones ('in de VS in plaats van in Nederland'), not as 'also'.
 */
function foldCountryMoves(ctx: DiffContext): void {
  for (const added of ctx.changes.filter((c) => countryAdded.has(c.kind))) {
    const removed = ctx.changes.filter((c) => countryRemoved.has(c.kind) && same(c.subject, added.subject));
    if (!removed.length) continue;
    const countries = removed.map((c) => c.old!.value);
    ctx.changes.splice(ctx.changes.indexOf(added), 1, {
      ...added,
      old: { type: 'country', value: countries.length === 1 ? countries[0]! : countries },
    });
    const kept = ctx.changes.filter((c) => !removed.includes(c));
    ctx.changes.splice(0, ctx.changes.length, ...kept);
  }
}

/** Swaps and moves of processors and recipients, each told as one change; a party's country moved, as one. */
export function foldPartyChanges(ctx: DiffContext, models: { old: PolicyModel; new: PolicyModel }): void {
  for (const fold of partyFolds) {
    foldReplacements(ctx, fold, models);
    foldMoves(ctx, fold);
    foldPurposeLinks(ctx, fold);
  }
  foldCountryMoves(ctx);
}
