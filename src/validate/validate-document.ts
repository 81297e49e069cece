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
  if (!validate(doc.value)) for (const d of schemaDiagnostics(validate.errors ?? [], doc, messages)) if (!placeholders.has(d.pointer)) add(d);
  for (const problem of findTextProblems(schema, doc.value)) add(textDiagnostic(problem, doc, messages));
  for (const found of findIllegalCharacters(doc.value)) {
    const position = found.offset < 0 ? positionOf(doc, found.pointer, 'key') : positionInString(doc, found.pointer, found.offset);
    add({
      ruleId: 'schema/illegal-character', severity: 'error', file: doc.file, pointer: found.pointer, line: position.line, column: position.column,
      message: messages.t('diagnostics:schema.illegalCharacter', { codePoint: found.codePoint }),
    });
  }
  return diagnostics;
}

/** ajv's errors for a document as positioned diagnostics (also used for policyc.config.json). */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: SourceDocument, messages: Messages): Diagnostic[] {
  // An 'if' failure only says the then/else branch failed; that branch's own errors say how.
  return dropAnyOfBranches(errors).filter((e) => e.keyword !== 'if').map((error) => toDiagnostic(error, doc, messages));
}

function textDiagnostic(problem: TextProblem, doc: SourceDocument, messages: Messages): Diagnostic {
  const t = messages.t;
  const base = { severity: 'error' as const, pointer: problem.pointer };
  if (problem.kind === 'missing-translation') {
    const position = locate(doc, parentPointer(problem.pointer));
    return {
      ...base, file: position.file, ruleId: 'schema/missing-translation', line: position.line, column: position.column,
      message: t('diagnostics:schema.missingTranslation', { language: t(`terms:language.${problem.language}`) }),
    };
  }
  const position = positionInString(doc, problem.pointer, problem.hazard.offset);
  return {
    ...base, file: position.file, ruleId: 'schema/unsafe-markdown', line: position.line, column: position.column,
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
    Object.entries((policySchema().schema as { $defs?: Record<string, unknown> }).$defs ?? {}).map(([name, def]) => [JSON.stringify(def), name]),
  );
  const own = error.parentSchema === undefined ? undefined : definitionsByText.get(JSON.stringify(error.parentSchema));
  if (own) return own;
  const names = [...error.schemaPath.matchAll(/\$defs\/([^/]+)/g)];
  return names[names.length - 1]?.[1];
}

function toDiagnostic(error: ErrorObject, doc: SourceDocument, messages: Messages): Diagnostic {
  const t = messages.t;
  let pointer = error.instancePath;
  let ruleId = 'schema/invalid';
  let message: string;
  let suggestion: string | undefined;
  let position: ReturnType<typeof locate>;

  switch (error.keyword) {
    case 'required': {
      const property = (error.params as { missingProperty: string }).missingProperty;
      pointer = joinPointer(pointer, property);
      ruleId = 'schema/required';
      message = t('diagnostics:schema.required', { property });
      position = locate(doc, error.instancePath);
      break;
    }
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      pointer = joinPointer(pointer, property);
      ruleId = 'schema/unknown-property';
      message = t('diagnostics:schema.unknownProperty', { property });
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = didYouMean(property, allowed);
      if (guess) suggestion = t('diagnostics:didYouMean', { value: guess });
      position = locate(doc, pointer, 'key');
      break;
    }
    case 'propertyNames': {
      const property = (error.params as { propertyName: string }).propertyName;
      pointer = joinPointer(pointer, property);
      ruleId = 'schema/unknown-property';
      message = t('diagnostics:schema.unknownProperty', { property });
      position = locate(doc, pointer, 'key');
      break;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      ruleId = 'schema/enum';
      message = t('diagnostics:schema.enum', { values: summariseValues(allowed) });
      if (typeof error.data === 'string') {
        const guess = didYouMean(error.data, allowed);
        if (guess) suggestion = t('diagnostics:didYouMean', { value: guess });
      }
      position = locate(doc, pointer);
      break;
    }
    case 'type': {
      // ajv gives several allowed types as 'string,object'.
      const types = String((error.params as { type: string | string[] }).type).split(',');
      ruleId = 'schema/type';
      message = t('diagnostics:schema.type', { type: types.map((type) => t(`diagnostics:types.${type}`)).join(t('diagnostics:types.or')) });
      position = locate(doc, pointer);
      break;
    }
    case 'pattern': {
      ruleId = 'schema/pattern';
      const defName = definitionName(error);
      const specific = `diagnostics:schema.pattern.${defName ?? ''}`;
      message = defName && messages.has(specific)
        ? t(specific)
        : t('diagnostics:schema.pattern.generic', { pattern: (error.params as { pattern: string }).pattern });
      position = locate(doc, pointer);
      break;
    }
    case 'format': {
      ruleId = 'schema/format';
      message = t(`diagnostics:schema.format.${(error.params as { format: string }).format}`);
      position = locate(doc, pointer);
      break;
    }
    case 'minLength':
      ruleId = 'schema/empty';
      message = t('diagnostics:schema.minLength');
      position = locate(doc, pointer);
      break;
    case 'minItems':
    case 'minProperties':
      ruleId = 'schema/empty';
      message = t('diagnostics:schema.minItems', { count: (error.params as { limit: number }).limit });
      position = locate(doc, pointer);
      break;
    case 'uniqueItems':
      ruleId = 'schema/duplicate-item';
      message = t('diagnostics:schema.uniqueItems', { index: (error.params as { j: number }).j + 1 });
      position = locate(doc, pointer);
      break;
    case 'minimum':
    case 'maximum':
      ruleId = 'schema/range';
      message = t(`diagnostics:schema.${error.keyword}`, { limit: (error.params as { limit: number }).limit });
      position = locate(doc, pointer);
      break;
    case 'not':
      ruleId = 'schema/exclusive';
      message = t(`diagnostics:schema.not.${messages.has(`diagnostics:schema.not.${definitionName(error) ?? ''}`) ? definitionName(error) : 'generic'}`);
      position = locate(doc, pointer);
      break;
    case 'anyOf':
      ruleId = 'schema/any-of';
      message = t(`diagnostics:schema.anyOf.${definitionName(error) ?? 'generic'}`);
      position = locate(doc, pointer);
      break;
    default:
      message = t('diagnostics:schema.generic', { keyword: error.keyword, detail: error.message ?? '' });
      position = locate(doc, pointer);
  }

  return {
    ruleId,
    severity: 'error',
    message,
    file: position.file,
    pointer,
    line: position.line,
    column: position.column,
    ...(suggestion ? { suggestion } : {}),
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
export function positionInString(doc: SourceDocument, pointer: string, decodedOffset: number): SourcePosition & { file: string } {
  const loc = doc.locations.get(pointer);
  if (!loc) return { ...positionOf(doc, pointer), file: locate(doc, pointer).file };
  const raw = (loc.origin?.text ?? doc.text).slice(loc.value.offset, loc.valueEnd.offset);
  let rawIndex = 1; // after the opening quote
  for (let decoded = 0; decoded < decodedOffset && rawIndex < raw.length - 1; decoded++) {
    if (raw[rawIndex] === '\\') rawIndex += raw[rawIndex + 1] === 'u' ? 6 : 2;
    else rawIndex += 1;
  }
  // A JSON string cannot hold a raw line break, so the line is the value's own.
  return { line: loc.value.line, column: loc.value.column + rawIndex, offset: loc.value.offset + rawIndex, file: loc.origin?.file ?? doc.file };
}

