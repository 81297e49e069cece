import type { ErrorObject } from 'ajv';
import type { Diagnostic, MessageRef } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import { hasMessage } from '../i18n/messages.js';
import { locate, positionOf, type SourceDocument, type SourcePosition } from '../load/load-document.js';
import { joinPointer, parentPointer } from '../load/json-pointer.js';
import { didYouMeanHint } from './did-you-mean.js';
import { fillInMarkers } from './fill-in-markers.js';
import { guessKey, guessValue } from './key-guess.js';
import { foldMistypedKeys } from './mistyped-keys.js';
import { isoDateFor } from './date-rewrite.js';
import { durationHint, noSuchDayHint, typeHint } from './value-hints.js';
import { policySchema } from './schema-validator.js';
import { findTextProblems, type TextProblem } from './text-checks.js';
import { findIllegalCharacters } from './illegal-characters.js';

/**
 * Validates a loaded document against the policy schema, then checks its
 * texts (every declared language present, Markdown safe); every problem
 * positioned in the source.
 */
export function validateDocument(doc: SourceDocument): Diagnostic[] {
  const { schema, validate } = policySchema();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (d: Diagnostic): void => {
    const key = `${d.ruleId}\u0000${d.pointer}\u0000${d.messageId}\u0000${JSON.stringify(d.data)}\u0000${d.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  // An 'if' failure only says the then/else branch failed; that branch's own errors say how.
  // A placeholder is reported as one; the schema's complaint about its form would only repeat it.
  const markers = fillInMarkers(doc);
  for (const d of markers) add(d);
  const placeholders = new Set(markers.map((d) => d.pointer));
  if (!validate(doc.value))
    for (const d of schemaDiagnostics(validate.errors ?? [], doc)) if (!placeholders.has(d.pointer)) add(d);
  for (const problem of findTextProblems(schema, doc.value)) add(textDiagnostic(problem, doc));
  for (const found of findIllegalCharacters(doc.value)) {
    const position =
      found.offset < 0 ? positionOf(doc, found.pointer, 'key') : positionInString(doc, found.pointer, found.offset);
    add({
      ruleId: 'schema/illegal-character' satisfies StageRuleId<'validate'>,
      severity: 'error',
      file: doc.file,
      pointer: found.pointer,
      line: position.line,
      column: position.column,
      messageId: 'diagnostics:schema.illegalCharacter',
      data: { codePoint: found.codePoint },
    });
  }
  return foldMistypedKeys(diagnostics, doc.file);
}

/** ajv's errors for a document as positioned diagnostics (also used for policyc.config.json). */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: SourceDocument): Diagnostic[] {
  // An 'if' failure only says the then/else branch failed; that branch's own errors say how.
  return dropAnyOfBranches(errors)
    .filter((e) => e.keyword !== 'if')
    .map((error) => toDiagnostic(error, doc));
}

function textDiagnostic(problem: TextProblem, doc: SourceDocument): Diagnostic {
  const base = { severity: 'error' as const, pointer: problem.pointer };
  if (problem.kind === 'missing-translation') {
    const position = locate(doc, parentPointer(problem.pointer));
    return {
      ...base,
      file: position.file,
      ruleId: 'schema/missing-translation' satisfies StageRuleId<'validate'>,
      line: position.line,
      column: position.column,
      messageId: 'diagnostics:schema.missingTranslation',
      data: { language: { message: { messageId: `terms:language.${problem.language}` } } },
    };
  }
  const position = positionInString(doc, problem.pointer, problem.hazard.offset);
  return {
    ...base,
    file: position.file,
    ruleId: 'schema/unsafe-markdown' satisfies StageRuleId<'validate'>,
    line: position.line,
    column: position.column,
    messageId: `diagnostics:schema.unsafeMarkdown.${problem.hazard.kind}`,
    data: { excerpt: problem.hazard.excerpt },
  };
}

/** An anyOf failure is reported once, in words, not as each failed branch. */
function dropAnyOfBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.instancePath}\u0000${e.schemaPath}/`);
  return errors.filter((e) => !anyOfPaths.some((p) => `${e.instancePath}\u0000${e.schemaPath}`.startsWith(p)));
}

let definitionsByText: Map<string, string> | undefined;

/**
 * The $defs name of the schema an error comes from, e.g. 'duration': the
 * definition the failing keyword sits in (ajv inlines references, so the
 * schema path alone does not always name it; the ahead-of-time validator
 * holds copies of the schema, so definitions are matched by content), else
 * the last one the schema path runs through.
 */
function definitionName(error: ErrorObject): string | undefined {
  definitionsByText ??= new Map(
    Object.entries((policySchema().schema as { $defs?: Record<string, unknown> }).$defs ?? {}).map(([name, def]) => [
      JSON.stringify(def),
      name,
    ]),
  );
  const own = error.parentSchema === undefined ? undefined : definitionsByText.get(JSON.stringify(error.parentSchema));
  if (own) return own;
  const names = [...error.schemaPath.matchAll(/\$defs\/([^/]+)/g)];
  return names[names.length - 1]?.[1];
}

/** What an ajv error becomes: its rule, its message and where it points (a property of the object, or its key). */
interface ErrorReading extends MessageRef {
  ruleId: StageRuleId<'validate'>;
  /** The property the error is about, below the error's instance path. */
  property?: string;
  /** Where the position is taken: the value (default), the key of `property`, or the parent object (a missing property). */
  at?: 'value' | 'key' | 'parent';
  hint?: MessageRef;
}

type Reader = (error: ErrorObject) => ErrorReading;

const params = <T>(error: ErrorObject): T => error.params as T;
/** The value an enum error guesses: a near spelling, or the one the schema's x-synonyms give for the word. */
const guessed = (error: ErrorObject, allowed: string[]): { hint?: MessageRef } => {
  const synonyms = (error.parentSchema as { 'x-synonyms'?: Record<string, string> } | undefined)?.['x-synonyms'];
  const guess = typeof error.data === 'string' ? guessValue(error.data, allowed, synonyms) : undefined;
  return guess ? { hint: didYouMeanHint(guess) } : {};
};
/**
 * A property that belongs at the top of the policy, written inside something else ("dpo" inside "controller"):
 * the hint says where it goes, when no name there is close enough to guess.
 */
const topLevelHint = (property: string, instancePath: string): { hint?: MessageRef } => {
  const topLevel = (policySchema().schema as { properties?: object }).properties ?? {};
  return instancePath !== '' && Object.hasOwn(topLevel, property)
    ? { hint: { messageId: 'diagnostics:belongsAtTop', data: { property } } }
    : {};
};
/** The value given, as written in JSON ("formel", 3, true), cut short after 40 characters. */
const shownValue = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
};
const hinted = (hint: MessageRef | undefined): { hint?: MessageRef } => (hint ? { hint } : {});
/** A message of `family` specific to the schema definition at fault, else the generic one. */
const byDefinition = (family: string, error: ErrorObject): MessageRef => {
  const name = definitionName(error);
  return hasMessage(`${family}.${name ?? ''}`)
    ? { messageId: `${family}.${name}` }
    : { messageId: `${family}.generic`, data: pickDefined({ pattern: params<{ pattern?: string }>(error).pattern }) };
};
/**
 * A value that misses its pattern: the message the schema names for the field (x-form: 'kvkNumber'), else
 * its definition's, else the generic one; each gets the value as given and how many digits it has.
 */
const patternMessage = (error: ErrorObject): MessageRef => {
  const form = (error.parentSchema as { 'x-form'?: string } | undefined)?.['x-form'];
  const { messageId, data } =
    form !== undefined && hasMessage(`diagnostics:schema.pattern.${form}`)
      ? { messageId: `diagnostics:schema.pattern.${form}`, data: {} }
      : byDefinition('diagnostics:schema.pattern', error);
  const value = typeof error.data === 'string' ? error.data : '';
  return { messageId, data: { ...data, value: shownValue(value), digits: value.replace(/[^0-9]/g, '').length } };
};
const pickDefined = (values: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
const limit = (e: ErrorObject): number => params<{ limit: number }>(e).limit;

/** ajv keyword → reading; a keyword not listed is read generically. */
const readers: Record<string, Reader> = {
  required: (e) => {
    const property = params<{ missingProperty: string }>(e).missingProperty;
    return {
      ruleId: 'schema/required',
      messageId: 'diagnostics:schema.required',
      data: { property },
      property,
      at: 'parent',
    };
  },
  additionalProperties: (e) => {
    const property = params<{ additionalProperty: string }>(e).additionalProperty;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const key = guessKey(property, allowed);
    const guess = key === undefined ? {} : { hint: didYouMeanHint(key) };
    return {
      ruleId: 'schema/unknown-property',
      messageId: 'diagnostics:schema.unknownProperty',
      data: { property },
      property,
      at: 'key',
      ...(guess.hint ? guess : topLevelHint(property, e.instancePath)),
    };
  },
  propertyNames: (e) => {
    const property = params<{ propertyName: string }>(e).propertyName;
    return {
      ruleId: 'schema/unknown-property',
      messageId: 'diagnostics:schema.unknownProperty',
      data: { property },
      property,
      at: 'key',
    };
  },
  enum: (e) => {
    const allowed = params<{ allowedValues: unknown[] }>(e).allowedValues.map(String);
    return {
      ruleId: 'schema/enum',
      messageId: 'diagnostics:schema.enum',
      data: { value: shownValue(e.data), values: summariseValues(allowed) },
      ...guessed(e, allowed),
    };
  },
  type: (e) => {
    // ajv gives several allowed types as 'string,object'.
    const types = String(params<{ type: string | string[] }>(e).type).split(',');
    const list = types.map((type) => ({ message: { messageId: `diagnostics:types.${type}` } }));
    return {
      ruleId: 'schema/type',
      messageId: 'diagnostics:schema.type',
      data: { type: { list, separator: 'diagnostics:types.or' } },
      ...hinted(typeHint(e.data, types)),
    };
  },
  pattern: (e) => ({
    ruleId: 'schema/pattern',
    ...patternMessage(e),
    ...hinted(definitionName(e) === 'duration' && typeof e.data === 'string' ? durationHint(e.data) : undefined),
  }),
  format: (e) => {
    const format = params<{ format: string }>(e).format;
    const iso = format === 'date' && typeof e.data === 'string' ? isoDateFor(e.data) : undefined;
    const noDay = format === 'date' && typeof e.data === 'string' ? noSuchDayHint(e.data) : undefined;
    return {
      ruleId: 'schema/format',
      messageId: `diagnostics:schema.format.${format}`,
      data: { value: shownValue(e.data) },
      ...hinted(iso ? { messageId: 'diagnostics:writeDate', data: { date: iso } } : noDay),
    };
  },
  minLength: () => ({ ruleId: 'schema/empty', messageId: 'diagnostics:schema.minLength' }),
  minItems: (e) => ({ ruleId: 'schema/empty', messageId: 'diagnostics:schema.minItems', data: { count: limit(e) } }),
  minProperties: (e) => ({
    ruleId: 'schema/empty',
    messageId: 'diagnostics:schema.minItems',
    data: { count: limit(e) },
  }),
  uniqueItems: (e) => ({
    ruleId: 'schema/duplicate-item',
    messageId: 'diagnostics:schema.uniqueItems',
    data: { index: params<{ j: number }>(e).j + 1 },
  }),
  minimum: (e) => ({ ruleId: 'schema/range', messageId: 'diagnostics:schema.minimum', data: { limit: limit(e) } }),
  maximum: (e) => ({ ruleId: 'schema/range', messageId: 'diagnostics:schema.maximum', data: { limit: limit(e) } }),
  not: (e) => ({ ruleId: 'schema/exclusive', ...byDefinition('diagnostics:schema.not', e) }),
  anyOf: (e) => ({ ruleId: 'schema/any-of', messageId: `diagnostics:schema.anyOf.${definitionName(e) ?? 'generic'}` }),
};

const genericReader: Reader = (e) => ({
  ruleId: 'schema/invalid',
  messageId: 'diagnostics:schema.generic',
  data: { keyword: e.keyword, detail: e.message ?? '' },
});

function toDiagnostic(error: ErrorObject, doc: SourceDocument): Diagnostic {
  const reading = (readers[error.keyword] ?? genericReader)(error);
  const pointer =
    reading.property === undefined ? error.instancePath : joinPointer(error.instancePath, reading.property);
  const position =
    reading.at === 'parent'
      ? locate(doc, error.instancePath)
      : reading.at === 'key'
        ? locate(doc, pointer, 'key')
        : locate(doc, pointer);
  return {
    ruleId: reading.ruleId,
    severity: 'error',
    messageId: reading.messageId,
    ...(reading.data ? { data: reading.data } : {}),
    file: position.file,
    pointer,
    line: position.line,
    column: position.column,
    ...(reading.hint ? { hint: reading.hint } : {}),
  };
}

/** '6(1)(a)…6(1)(f)' for a run of values that differ only at the end; else a comma list. */
function summariseValues(values: readonly string[]): string {
  if (values.length > 4) {
    const first = values[0]!;
    const last = values[values.length - 1]!;
    const stem = first.slice(0, -2);
    if (values.every((v) => v.length === first.length && v.startsWith(stem))) return `${first}…${last}`;
  }
  return values.join(', ');
}

/**
 * The source position of a character inside a JSON string value: walks the
 * raw token, counting escape sequences, so that the column points at the
 * offending character as written in the file.
 */
export function positionInString(
  doc: SourceDocument,
  pointer: string,
  decodedOffset: number,
): SourcePosition & { file: string } {
  const loc = doc.locations.get(pointer);
  if (!loc) return { ...positionOf(doc, pointer), file: locate(doc, pointer).file };
  const raw = (loc.origin?.text ?? doc.text).slice(loc.value.offset, loc.valueEnd.offset);
  let rawIndex = 1; // after the opening quote
  for (let decoded = 0; decoded < decodedOffset && rawIndex < raw.length - 1; decoded++) {
    if (raw[rawIndex] === '\\') rawIndex += raw[rawIndex + 1] === 'u' ? 6 : 2;
    else rawIndex += 1;
  }
  // A JSON string cannot hold a raw line break, so the line is the value's own.
  return {
    line: loc.value.line,
    column: loc.value.column + rawIndex,
    offset: loc.value.offset + rawIndex,
    file: loc.origin?.file ?? doc.file,
  };
}
