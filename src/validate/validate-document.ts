import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { locate, positionOf, type SourceDocument, type SourcePosition } from '../load/load-document.js';
import { joinPointer, parentPointer } from '../load/json-pointer.js';
import { didYouMean } from './did-you-mean.js';
import { fillInMarkers } from './fill-in-markers.js';
import { policySchema } from './schema-validator.js';
import { findTextProblems, type TextProblem } from './text-checks.js';
import { findIllegalCharacters } from './illegal-characters.js';

/**
 * Validates a loaded document against the policy schema, then checks its
 * texts (every declared language present, Markdown safe); every problem
 * positioned in the source.
 */
export function validateDocument(doc: SourceDocument, messages: Messages): Diagnostic[] {
  const { schema, validate } = policySchema();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (d: Diagnostic): void => {
    const key = `${d.ruleId}\u0000${d.pointer}\u0000${d.message}\u0000${d.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  // An 'if' failure only says the then/else branch failed; that branch's own errors say how.
  // A placeholder is reported as one; the schema's complaint about its form would only repeat it.
  const markers = fillInMarkers(doc, messages);
  for (const d of markers) add(d);
  const placeholders = new Set(markers.map((d) => d.pointer));
  if (!validate(doc.value))
    for (const d of schemaDiagnostics(validate.errors ?? [], doc, messages)) if (!placeholders.has(d.pointer)) add(d);
  for (const problem of findTextProblems(schema, doc.value)) add(textDiagnostic(problem, doc, messages));
  for (const found of findIllegalCharacters(doc.value)) {
    const position =
      found.offset < 0 ? positionOf(doc, found.pointer, 'key') : positionInString(doc, found.pointer, found.offset);
    add({
      ruleId: 'schema/illegal-character',
      severity: 'error',
      file: doc.file,
      pointer: found.pointer,
      line: position.line,
      column: position.column,
      message: messages.t('diagnostics:schema.illegalCharacter', { codePoint: found.codePoint }),
    });
  }
  return diagnostics;
}

/** ajv's errors for a document as positioned diagnostics (also used for policyc.config.json). */
export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  doc: SourceDocument,
  messages: Messages,
): Diagnostic[] {
  // An 'if' failure only says the then/else branch failed; that branch's own errors say how.
  return dropAnyOfBranches(errors)
    .filter((e) => e.keyword !== 'if')
    .map((error) => toDiagnostic(error, doc, messages));
}

function textDiagnostic(problem: TextProblem, doc: SourceDocument, messages: Messages): Diagnostic {
  const t = messages.t;
  const base = { severity: 'error' as const, pointer: problem.pointer };
  if (problem.kind === 'missing-translation') {
    const position = locate(doc, parentPointer(problem.pointer));
    return {
      ...base,
      file: position.file,
      ruleId: 'schema/missing-translation',
      line: position.line,
      column: position.column,
      message: t('diagnostics:schema.missingTranslation', { language: t(`terms:language.${problem.language}`) }),
    };
  }
  const position = positionInString(doc, problem.pointer, problem.hazard.offset);
  return {
    ...base,
    file: position.file,
    ruleId: 'schema/unsafe-markdown',
    line: position.line,
    column: position.column,
    message: t(`diagnostics:schema.unsafeMarkdown.${problem.hazard.kind}`, { excerpt: problem.hazard.excerpt }),
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
interface ErrorReading {
  ruleId: string;
  message: string;
  /** The property the error is about, below the error's instance path. */
  property?: string;
  /** Where the position is taken: the value (default), the key of `property`, or the parent object (a missing property). */
  at?: 'value' | 'key' | 'parent';
  suggestion?: string;
}

type Reader = (error: ErrorObject, messages: Messages) => ErrorReading;

const params = <T>(error: ErrorObject): T => error.params as T;
const guessed = (value: unknown, allowed: string[], m: Messages): string | undefined => {
  const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
  return guess ? m.t('diagnostics:didYouMean', { value: guess }) : undefined;
};
/** A message of `family` specific to the schema definition at fault, else the generic one. */
const byDefinition = (family: string, error: ErrorObject, m: Messages): string => {
  const name = definitionName(error);
  return m.has(`${family}.${name ?? ''}`)
    ? m.t(`${family}.${name}`)
    : m.t(`${family}.generic`, { pattern: params<{ pattern?: string }>(error).pattern });
};

/** ajv keyword → reading; a keyword not listed is read generically. */
const readers: Record<string, Reader> = {
  required: (e, m) => {
    const property = params<{ missingProperty: string }>(e).missingProperty;
    return {
      ruleId: 'schema/required',
      message: m.t('diagnostics:schema.required', { property }),
      property,
      at: 'parent',
    };
  },
  additionalProperties: (e, m) => {
    const property = params<{ additionalProperty: string }>(e).additionalProperty;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const suggestion = guessed(property, allowed, m);
    return {
      ruleId: 'schema/unknown-property',
      message: m.t('diagnostics:schema.unknownProperty', { property }),
      property,
      at: 'key',
      ...(suggestion ? { suggestion } : {}),
    };
  },
  propertyNames: (e, m) => {
    const property = params<{ propertyName: string }>(e).propertyName;
    return {
      ruleId: 'schema/unknown-property',
      message: m.t('diagnostics:schema.unknownProperty', { property }),
      property,
      at: 'key',
    };
  },
  enum: (e, m) => {
    const allowed = params<{ allowedValues: unknown[] }>(e).allowedValues.map(String);
    const suggestion = guessed(e.data, allowed, m);
    return {
      ruleId: 'schema/enum',
      message: m.t('diagnostics:schema.enum', { values: summariseValues(allowed) }),
      ...(suggestion ? { suggestion } : {}),
    };
  },
  type: (e, m) => {
    // ajv gives several allowed types as 'string,object'.
    const types = String(params<{ type: string | string[] }>(e).type).split(',');
    return {
      ruleId: 'schema/type',
      message: m.t('diagnostics:schema.type', {
        type: types.map((type) => m.t(`diagnostics:types.${type}`)).join(m.t('diagnostics:types.or')),
      }),
    };
  },
  pattern: (e, m) => ({ ruleId: 'schema/pattern', message: byDefinition('diagnostics:schema.pattern', e, m) }),
  format: (e, m) => ({
    ruleId: 'schema/format',
    message: m.t(`diagnostics:schema.format.${params<{ format: string }>(e).format}`),
  }),
  minLength: (_e, m) => ({ ruleId: 'schema/empty', message: m.t('diagnostics:schema.minLength') }),
  minItems: (e, m) => ({
    ruleId: 'schema/empty',
    message: m.t('diagnostics:schema.minItems', { count: params<{ limit: number }>(e).limit }),
  }),
  minProperties: (e, m) => ({
    ruleId: 'schema/empty',
    message: m.t('diagnostics:schema.minItems', { count: params<{ limit: number }>(e).limit }),
  }),
  uniqueItems: (e, m) => ({
    ruleId: 'schema/duplicate-item',
    message: m.t('diagnostics:schema.uniqueItems', { index: params<{ j: number }>(e).j + 1 }),
  }),
  minimum: (e, m) => ({
    ruleId: 'schema/range',
    message: m.t('diagnostics:schema.minimum', { limit: params<{ limit: number }>(e).limit }),
  }),
  maximum: (e, m) => ({
    ruleId: 'schema/range',
    message: m.t('diagnostics:schema.maximum', { limit: params<{ limit: number }>(e).limit }),
  }),
  not: (e, m) => ({ ruleId: 'schema/exclusive', message: byDefinition('diagnostics:schema.not', e, m) }),
  anyOf: (e, m) => ({
    ruleId: 'schema/any-of',
    message: m.t(`diagnostics:schema.anyOf.${definitionName(e) ?? 'generic'}`),
  }),
};

const genericReader: Reader = (e, m) => ({
  ruleId: 'schema/invalid',
  message: m.t('diagnostics:schema.generic', { keyword: e.keyword, detail: e.message ?? '' }),
});

function toDiagnostic(error: ErrorObject, doc: SourceDocument, messages: Messages): Diagnostic {
  const reading = (readers[error.keyword] ?? genericReader)(error, messages);
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
    message: reading.message,
    file: position.file,
    pointer,
    line: position.line,
    column: position.column,
    ...(reading.suggestion ? { suggestion: reading.suggestion } : {}),
  };
}

/** '6(1)(a)…6(1)(f)' for a run of values that differ only at the end; else a comma list. */
export function summariseValues(values: readonly string[]): string {
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
