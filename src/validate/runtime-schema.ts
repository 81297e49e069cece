/**
 * The policy schema as validation needs it: without the keywords that only
 * annotate (descriptions for authors, materiality for the diff). With ajv's
 * `verbose` option every sub-schema is embedded in the generated validator,
 * so these made a fifth of its size and of its load time. Names of
 * properties and definitions are kept, whatever they are called; data
 * (enum, const, default) is left as it is.
 */
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment', 'x-change']);
const NAMED_SCHEMAS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);
const DATA = new Set(['enum', 'const', 'default']);

export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (DATA.has(key)) out[key] = value;
    else if (NAMED_SCHEMAS.has(key) && value !== null && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    else out[key] = withoutAnnotations(value);
  }
  return out;
}
