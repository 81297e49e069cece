import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { duplicateKeys, positionTable, type DuplicateKey, type PositionTable } from './json-positions.js';
import { MAX_JSON_DEPTH, memberCount, scanJson } from './json-depth.js';
import { explainSyntaxError } from './json-syntax.js';
import { lineAndColumn } from './text-position.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

export interface NodeLocation {
  /** Where the value starts. */
  value: SourcePosition;
  /** Where the value ends (exclusive). */
  valueEnd: SourcePosition;
  /** Where the member's key starts, for values inside objects. */
  key?: SourcePosition;
  /** The file the value is written in, when it is not the document's own (a value inherited through `extends`). */
  origin?: { file: string; text: string };
  /**
   * The value's pointer in the file it is written in, when that is not its pointer in the document (an item of a
   * list that a base contributes items to: /processors/0 in the practice's file is /processors/1 in the policy).
   */
  pointer?: string;
}

/** Source positions by JSON pointer. */
export interface Locations {
  get(pointer: string): NodeLocation | undefined;
}

/** A parsed policy: the plain value plus a map from JSON pointer to source position. */
export interface SourceDocument {
  file: string;
  text: string;
  value: unknown;
  locations: Locations;
  /** Lists of ids this policy gives in place of a base's list that holds ids it leaves out (see extends.ts). */
  replacedLists?: ReplacedList[];
  /**
   * Items the policy adds to an inherited list whose id is a plausible typo of an inherited one (see extends.ts):
   * the item's pointer in the document, and the inherited id.
   */
  nearOverrides?: { pointer: string; inherited: string }[];
  /**
   * Placeholders (`"FILL-IN:…"`) the policy writes where a base it extends gives a value (see extends.ts): the
   * placeholder's pointer in the document, and where the base's value is.
   */
  placeholdersOverBase?: { pointer: string; base: { file: string; line: number; column: number } }[];
  /** The package's presets this policy is built from, which no user edits (see extends.ts). */
  presets?: PresetSource[];
  /** The ids this document and its bases remove (`remove`), each where its removal is written (see extends.ts). */
  removals?: Removal[];
  /**
   * Items the policy gives whose id one of its bases removes (see extends.ts): the item's pointer in the document,
   * which no longer completes an inherited item, and the removal.
   */
  removedByBase?: { pointer: string; removal: Removal }[];
}

/** An id a policy's `remove` drops from an inherited list, and where that entry is written. */
export interface Removal {
  list: string;
  id: string;
  file: string;
  line: number;
  column: number;
}

/** A preset a policy is built from: its file as shown, its name ('preset:other') and the policy's `extends` entry it comes through. */
export interface PresetSource {
  file: string;
  name: string;
  via: string;
}

/** A list of ids a policy gives in place of its base's: where (in the policy), the base's list, and its ids the policy leaves out. */
export interface ReplacedList {
  pointer: string;
  base: { file: string; line: number; column: number };
  missing: string[];
}

/**
 * Parses JSON text (JSON.parse), with the position of every value by JSON
 * pointer found on first demand (positionTable). Malformed JSON yields one positioned 'json/syntax' diagnostic and no value;
 * JSON nested deeper than MAX_JSON_DEPTH one 'json/too-deep'; a key written
 * twice in one object 'json/duplicate-key' for each repeat. A leading
 * byte-order mark (Windows editors write one) is skipped.
 */
export function loadDocument(
  textIn: string,
  file: string,
): { value: SourceDocument | undefined; diagnostics: Diagnostic[] } {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const { tooDeep: deep, colons } = scanJson(text);
  if (deep) {
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: 'json/too-deep' satisfies StageRuleId<'load'>,
          severity: 'error',
          file,
          pointer: '',
          ...deep,
          messageId: 'diagnostics:json.tooDeep',
          data: { limit: MAX_JSON_DEPTH },
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: undefined, diagnostics: [syntaxError(text, file)] };
  }
  // Fewer members than colons: JSON.parse kept the last of a repeated key. Only then is the text read for them.
  if (typeof value === 'object' && value !== null && memberCount(value) !== colons) {
    const repeated = duplicateKeys(text).map((d) => duplicateKey(d, file));
    if (repeated.length) return { value: undefined, diagnostics: repeated };
  }
  return { value: { file, text, value, locations: lazyLocations(text) }, diagnostics: [] };
}

/** Positions are found only when something asks for one (a finding to report): most builds never do. */
function lazyLocations(text: string): Locations {
  let table: PositionTable | undefined;
  return { get: (pointer) => (table ??= positionTable(text)).get(pointer) };
}

/** A key written twice in one object: refused at the second, naming the first's line (JSON.parse drops the first). */
function duplicateKey({ pointer, key, line, column, firstLine }: DuplicateKey, file: string): Diagnostic {
  return {
    ruleId: 'json/duplicate-key' satisfies StageRuleId<'load'>,
    severity: 'error',
    messageId: 'diagnostics:json.duplicateKey',
    data: { key, line: firstLine },
    file,
    pointer,
    line,
    column,
  };
}

/** The positioned 'json/syntax' diagnostic for text JSON.parse refused: what is wrong, in the author's terms. */
function syntaxError(text: string, file: string): Diagnostic {
  const { messageId, data, offset } = explainSyntaxError(text);
  return {
    ruleId: 'json/syntax' satisfies StageRuleId<'load'>,
    severity: 'error',
    messageId,
    data,
    file,
    pointer: '',
    ...lineAndColumn(text, offset),
  };
}

/** The file and position to report for a pointer (see positionOf): inherited values point into their base file. */
export function locate(
  doc: SourceDocument,
  pointer: string,
  prefer: 'key' | 'value' = 'value',
): { file: string; line: number; column: number } {
  const { position, origin } = find(doc, pointer, prefer);
  return { file: origin?.file ?? doc.file, line: position.line, column: position.column };
}

function find(
  doc: SourceDocument,
  pointer: string,
  prefer: 'key' | 'value',
): { position: SourcePosition; origin?: NodeLocation['origin'] } {
  let p = pointer;
  for (;;) {
    const loc = doc.locations.get(p);
    if (loc)
      return { position: (prefer === 'key' && loc.key) || loc.value, ...(loc.origin ? { origin: loc.origin } : {}) };
    if (p === '') return { position: { line: 1, column: 1, offset: 0 } };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * `pointer` as it is written in the file its position is in (see locate): the pointer of the nearest value that
 * has a position there, followed by the rest of `pointer` (a property that is missing).
 */
export function filePointer(doc: SourceDocument, pointer: string): string {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const loc = doc.locations.get(p);
    if (loc) return loc.pointer === undefined ? pointer : loc.pointer + pointer.slice(p.length);
  }
  return pointer;
}

/**
 * The position to report for a pointer: the value itself, or else the
 * nearest ancestor that exists (a missing property is reported at its parent).
 */
export function positionOf(doc: SourceDocument, pointer: string, prefer: 'key' | 'value' = 'value'): SourcePosition {
  return find(doc, pointer, prefer).position;
}
