import { joinList, type Messages } from '../i18n/messages.js';
import { isInEea, partyCountries } from '../law/eea.js';
import { parsePointer } from '../load/json-pointer.js';
import { countryName, pick } from '../render/format.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import type { Change } from './change.js';
import { changeVars, changeWords, finishSentence, formatValue, goneVariant } from './change-words.js';
import { consentSwaps } from './consent-swap.js';
import { basesWords, newlyApplying, newlySentences, rightOfItem } from './notice-rights.js';

/** Both versions, so that a change can be looked up on the side it points into. */
export interface NoticeModels {
  old?: PolicyModel;
  new: PolicyModel;
}

type Party = { name?: unknown; transfer?: { mechanism?: string } } & object;

/** Changes that the sentence about a new party already says: its transfer, the purposes it now serves. */
const foldedIntoParty: Record<string, string> = {
  'transfer-added': 'subject',
  'purpose-processor-added': 'new',
  'purpose-recipient-added': 'new',
};
// A replacement names the new party too: its country and safeguard are told, its transfer not again.
const partyAdded = new Set(['processor-added', 'recipient-added', 'processor-replaced', 'recipient-replaced']);

/** The item a pointer starts in ('/processors/1/…' → that processor), in the side's model. */
function itemAt(change: Change, models: NoticeModels): { list: string; item: { pointer: string } } | undefined {
  const model = change.side === 'old' ? models.old : models.new;
  const [list, index] = parsePointer(change.pointer);
  if (!model || !list || index === undefined) return undefined;
  const items = (model as unknown as Record<string, unknown>)[list];
  const pointer = `/${list}/${index}`;
  const item = Array.isArray(items)
    ? (items as Array<{ pointer: string }>).find((x) => x.pointer === pointer)
    : undefined;
  return item ? { list, item } : undefined;
}

/** The purposes a change concerns: its own purpose, or those that use the item it is about. */
function purposesOf(change: Change, models: NoticeModels): Purpose[] {
  const found = itemAt(change, models);
  if (!found) return [];
  const model = (change.side === 'old' ? models.old : models.new)!;
  if (found.list === 'purposes') return [found.item as Purpose];
  if ('usedBy' in found.item) return (found.item as { usedBy: Purpose[] }).usedBy;
  if (found.list === 'retention')
    return model.purposes.filter((p) => p.retention.some((r) => r.pointer === found.item.pointer));
  return [];
}

/** 'Dit geldt voor patiënten en ouders.': the data subjects of the purposes concerned; empty when it concerns everyone. */
function forWhom(change: Change, models: NoticeModels, m: Messages): string {
  const names = [...new Set(purposesOf(change, models).flatMap((p) => p.dataSubjects.map((s) => pick(s.name, m))))];
  return names.length ? m.t('diff:notice.concerns', { subjects: joinList(names, m) }) : '';
}

/** The lists a moved party is in, by the kind of the move. */
const movedLists: Record<string, 'processors' | 'recipients'> = {
  'purpose-processor-moved': 'processors',
  'purpose-recipient-moved': 'recipients',
};

/** A party moved to another purpose (its change points into the purpose): the party itself, by its name. */
function movedParty(change: Change, models: NoticeModels): Party | undefined {
  const list = movedLists[change.kind];
  if (!list || !change.subject) return undefined;
  const name = JSON.stringify(change.subject.value);
  return models.new[list].find((p) => JSON.stringify(p.name) === name) as Party | undefined;
}

/** A new party: its country and, when data leaves the EEA, where to and on what safeguard. */
function partyFacts(change: Change, models: NoticeModels, m: Messages): string[] {
  const party = (movedParty(change, models) ?? itemAt(change, models)?.item) as Party | undefined;
  if (!party) return [];
  const countries = partyCountries(party);
  const outside = [...new Set(countries.filter((c) => !isInEea(c)))];
  const facts: string[] = [];
  const seat = (party as { country?: string }).country;
  if (seat) facts.push(m.t('diff:notice.party.country', { country: countryName(seat, m) }));
  if (outside.length) {
    const where = joinList(
      outside.map((c) => countryName(c, m)),
      m,
    );
    const mechanism = party.transfer?.mechanism;
    facts.push(
      mechanism
        ? m.t('diff:notice.party.transfer', {
            countries: where,
            safeguard: m.t(`terms:transferMechanism.${mechanism}`),
          })
        : m.t('diff:notice.party.transferNoSafeguard', { countries: where }),
    );
  }
  return facts;
}

/** A new purpose: on what basis, and how long its data is kept (13(3) with 13(1)(c), 13(2)(a)). */
function purposeFacts(change: Change, models: NoticeModels, m: Messages): string[] {
  const purpose = itemAt(change, models)?.item as Purpose | undefined;
  if (!purpose) return [];
  const facts: string[] = [];
  if (purpose.bases.length) facts.push(m.t('diff:notice.purpose.bases', { bases: basesWords(purpose, m) }));
  const kept = purpose.retention.map((rule) =>
    m.t('diff:notice.purpose.retentionRule', {
      name: formatValue({ type: 'name', value: rule.name }, m),
      period: formatValue({ type: 'retention', value: rule }, m),
    }),
  );
  if (kept.length) facts.push(m.t('diff:notice.purpose.retention', { rules: joinList(kept, m) }));
  return facts;
}

/**
 * A change of no particular kind (a value or a text of the notice), as the letter tells it:
 * 'In onze privacyverklaring verandert “klachten, toezichthouder”: …'. A yes/no property keeps its own sentence.
 */
function genericSentence(change: Change, vars: Record<string, string>, m: Messages): string | undefined {
  if ((change.kind !== 'changed' && change.kind !== 'wording') || (change.new ?? change.old)?.type === 'flag')
    return undefined;
  const where = [change.subject ? vars.subject : '', vars.field].filter(Boolean).join(', ');
  const variant = change.old === undefined ? 'New' : change.new === undefined ? 'Gone' : '';
  return m.t(`diff:notice.generic.${change.kind}${variant}`, { ...vars, where });
}

/** The purposes that brought a right the new version no longer has: those gone from it, and those it keeps. */
function rightPurposes(change: Change, models: NoticeModels): { gone: Purpose[]; kept: Purpose[] } {
  const right = models.old?.rights.find((r) => r.id === change.old?.value);
  const inNew = (p: Purpose): boolean => models.new.purposes.some((q) => q.id === p.id);
  const purposes = change.kind === 'right-removed' ? (right?.purposes ?? []) : [];
  return { gone: purposes.filter((p) => !inNew(p)), kept: purposes.filter(inNew) };
}

/** The purposes kept in the new version that swap from consent to another basis (consent-swap.ts). */
const swappedIds = (models: NoticeModels): Set<string> =>
  new Set(models.old ? consentSwaps(models.old, models.new).map((s) => s.purpose.id) : []);

/**
 * A right that no longer applies because the purposes that brought it are gone (or, for withdrawing consent,
 * swap to another basis): the letter tells that those purposes stop, not 'the following right no longer
 * applies', which would be all it said of them and, for consent, untrue of consent already given (diff review).
 */
function purposesStopped(change: Change, models: NoticeModels, m: Messages): string | undefined {
  const { gone, kept } = rightPurposes(change, models);
  const swapped = change.old?.value === 'withdraw-consent' ? swappedIds(models) : new Set<string>();
  if (!gone.length || kept.some((p) => !swapped.has(p.id))) return undefined;
  const names = gone.map((p) => formatValue({ type: 'name', value: p.name }, m));
  const subjects = [...new Set(gone.flatMap((p) => p.dataSubjects.map((s) => pick(s.name, m))))];
  return [
    m.t('diff:notice.purposesStopped', { purposes: joinList(names, m) }),
    ...(subjects.length ? [m.t('diff:notice.concerns', { subjects: joinList(subjects, m) })] : []),
  ].join(' ');
}

/** A DPO named for the first time, with how to reach them where the policy says (13(1)(b) asks for the contact details). */
function dpoAdded(change: Change, models: NoticeModels, m: Messages): string | undefined {
  if (change.kind !== 'dpo-added') return undefined;
  const contact = models.new.source.dpo?.contact;
  const ways = [contact?.email, contact?.phone, contact?.url].filter((w): w is string => Boolean(w));
  return ways.length ? m.t('diff:notice.dpoAddedContact', { contact: joinList(ways, m, 'or') }) : undefined;
}

/** One change as the people concerned read it: a plain sentence, the facts they need, for whom it holds. */
function noticeSentence(change: Change, models: NoticeModels, m: Messages): string {
  const special = purposesStopped(change, models, m) ?? dpoAdded(change, models, m);
  if (special) return finishSentence(special);
  const vars = changeVars(change, m);
  // A value stated for the first time, or no longer, is not a change 'from (none)' or 'to (none)'.
  const variant =
    change.old === undefined ? 'changeFirst' : change.new === undefined ? `change${goneVariant(change)}` : undefined;
  const own = variant && `diff:notice.${variant}.${change.kind}`;
  const key = own && m.has(own) ? own : `diff:notice.change.${change.kind}`;
  const sentence = m.has(key) ? m.t(key, vars) : (genericSentence(change, vars, m) ?? changeWords(change, m).sentence);
  const purposes = partyAdded.has(change.kind)
    ? joinList(
        purposesOf(change, models).map((p) => pick(p.name, m)),
        m,
      )
    : '';
  const used = purposes ? m.t('diff:notice.party.purposes', { purposes }) : '';
  // A party moved to another purpose is new to that purpose's people: where it is, and where the data goes.
  const facts =
    partyAdded.has(change.kind) || change.kind in movedLists
      ? partyFacts(change, models, m)
      : change.kind === 'purpose-added'
        ? purposeFacts(change, models, m)
        : [];
  return finishSentence([sentence, used, ...facts, forWhom(change, models, m)].filter(Boolean).join(' '));
}

/**
 * The material changes as sentences for the notice. A new party's transfer
 * and the purposes it now serves are told in the sentence about the party,
 * not again on their own.
 */
export function noticeChanges(changes: readonly Change[], models: NoticeModels, m: Messages): string[] {
  const newParties = changes.filter((c) => partyAdded.has(c.kind)).map((c) => JSON.stringify(c.new));
  const newly = models.new.purposes
    .map((purpose) => ({
      purpose,
      items: newlyApplying(
        purpose,
        models.old?.purposes.find((p) => p.id === purpose.id),
      ),
    }))
    .filter(({ items }) => items.length > 0);
  const rightsTold = new Set(newly.flatMap(({ items }) => items.map((item) => rightOfItem[item])));
  // A purpose's new automated decisions or direct marketing is told with what it means for people, not twice.
  const toldWithRights = (c: Change): boolean => {
    const item =
      c.kind === 'automated-decision-added'
        ? 'automated'
        : c.field === 'directMarketing'
          ? 'directMarketing'
          : undefined;
    const ids = purposesOf(c, models).map((p) => p.id);
    return item !== undefined && newly.some(({ purpose, items }) => ids.includes(purpose.id) && items.includes(item));
  };
  // A purpose that swaps from consent keeps the consent already given: 'withdrawing consent no longer applies'
  // would tell its people they cannot withdraw it (GDPR 7(3)); the change of basis is told, and the sender warned.
  const swapped = swappedIds(models);
  const onlySwaps = (c: Change): boolean => {
    const { gone, kept } = rightPurposes(c, models);
    return c.old?.value === 'withdraw-consent' && !gone.length && kept.some((p) => swapped.has(p.id));
  };
  const told = (c: Change): boolean => {
    if (c.kind === 'right-removed') return onlySwaps(c);
    if (c.kind === 'right-added') return rightsTold.has(String(c.new?.value));
    if (toldWithRights(c)) return true;
    const field = foldedIntoParty[c.kind] as 'subject' | 'new' | undefined;
    return field !== undefined && newParties.includes(JSON.stringify(c[field]));
  };
  return [
    // Two rights gone with the same purposes are one sentence.
    ...new Set(changes.filter((c) => !told(c)).map((c) => noticeSentence(c, models, m))),
    // What the changes bring each purpose's data subjects: consent, objection, automated decisions (13(3), 21(4)).
    ...newly.map(({ purpose, items }) => {
      const subjects = joinList([...new Set(purpose.dataSubjects.map((s) => pick(s.name, m)))], m);
      const concerns = subjects ? ` ${m.t('diff:notice.concerns', { subjects })}` : '';
      return `${newlySentences(purpose, items, m)}${concerns}`;
    }),
  ];
}
