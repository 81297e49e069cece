import type { Messages } from '../i18n/messages.js';
import { parsePointer } from '../load/json-pointer.js';
import { lowerFirst } from '../render/format.js';
import { termKey } from '../render/legal-text.js';
import type { Change } from './change.js';
import { fieldLabel, placeholderWords } from './change-words.js';

type Json = unknown;

/** Lists of named items: an index into one is written as the item's kind and name ('doel “Nieuwsbrief”'). */
const itemKinds: Record<string, string> = {
  purposes: 'purpose',
  processors: 'processor',
  recipients: 'recipient',
  retention: 'retention',
  dataCategories: 'dataCategory',
  dataSubjects: 'dataSubject',
  controllers: 'controller',
  processorActivities: 'processorActivity',
  subProcessors: 'processor',
  jointControllers: 'controller',
  legalBases: 'legalBasis',
  additional: 'right',
};

/** Lists of references: an id in one of them names an item of this top-level list. */
const referenced: Record<string, string> = { subProcessors: 'processors', jointControllers: 'controllers' };

/**
 * Lists whose items are named by a property holding a code: the item is written by that code's words
 * ('grondslag “toestemming”', never '6(1)(a)'), and a step to that property adds no word of its own.
 */
const namedByCode: Record<string, { property: string; terms: string }> = {
  legalBases: { property: 'basis', terms: 'legalBasis' },
};

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The name of a list item: its own name, or (an id) the name of the item it refers to. */
function itemName(item: Json, list: string, root: Record<string, Json>, m: Messages): string {
  if (typeof item === 'string') {
    const target = root[referenced[list] ?? list];
    const found = Array.isArray(target) ? target.find((x) => isRecord(x) && x.id === item) : undefined;
    return found === undefined ? item : itemName(found, list, root, m);
  }
  if (!isRecord(item)) return String(item);
  const coded = namedByCode[list];
  if (coded) return codeWords(item[coded.property], coded.terms, m);
  const name = item.name ?? item.basis ?? item.id;
  const words = isRecord(name) ? String(name[m.lang] ?? Object.values(name)[0] ?? '') : String(name ?? '');
  return placeholderWords(words, m) ?? words;
}

/** A code by its words in the locale ('6(1)(a)' → 'toestemming'); the code itself only where the locale has none. */
function codeWords(code: Json, terms: string, m: Messages): string {
  const key = `terms:${terms}.${termKey(String(code))}.name`;
  return m.has(key) ? lowerFirst(m.t(key)) : String(code);
}

/**
 * Where a change is, in words: '/purposes/2/processors/1' becomes
 * 'Doel “Nieuwsbrief”, verwerker “Laposta”', read from that side's policy.
 * The pointer itself is for machines (JSON, SARIF); people read this.
 */
export function positionWords(change: Pick<Change, 'pointer'>, source: object, m: Messages): string {
  const root = source as Record<string, Json>;
  const words: string[] = [];
  let value: Json = root;
  let parent = '';
  let grandparent = '';
  for (const step of parsePointer(change.pointer)) {
    if (Array.isArray(value) && /^\d+$/.test(step) && itemKinds[parent] && value[Number(step)] !== undefined) {
      const name = itemName(value[Number(step)], parent, root, m);
      words[words.length - 1] = m.t(`diff:position.${itemKinds[parent]}`, { name });
    } else if (!Array.isArray(value) && namedByCode[grandparent]?.property !== step) {
      words.push(fieldLabel(step, m));
    }
    value = Array.isArray(value) ? value[Number(step)] : isRecord(value) ? value[step] : undefined;
    [grandparent, parent] = [parent, step];
  }
  const text = words.filter(Boolean).join(', ') || m.t('diff:position.document');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
