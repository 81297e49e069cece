/**
 * The policy schema as validation needs it: without the keywords that only
 * annotate (descriptions for authors, materiality for the diff). With ajv's
 * `verbose` option every sub-schema is embedded in the generated validator,
 * so these made a fifth of its size and of its load time. Names of
 * properties and definitions are kept, whatever they are called; data
 * (enum, const, default) is left as it is. The top-level fields, which the
 * schema requires (for editors) only of a file that extends no base, are
 * required outright: policyc validates the merged policy, which needs them
 * whether or not its file extends one.
 */
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment', 'x-change']);
const NAMED_SCHEMAS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);
const DATA = new Set(['enum', 'const', 'default']);

export function withoutAnnotations(schema: unknown): unknown {
  return requiredOfMergedPolicy(stripped(schema));
}

function stripped(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripped);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (DATA.has(key)) out[key] = value;
    else if (NAMED_SCHEMAS.has(key) && value !== null && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripped(sub)]));
    else out[key] = stripped(value);
  }
  return out;
}

/** The top-level `allOf: [{if: {not: {required: ["extends"]}}, then: {required: […]}}]` made `required: […]` (see withoutAnnotations). */
function requiredOfMergedPolicy(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const { allOf, ...rest } = schema as Record<string, unknown>;
  const [only] = Array.isArray(allOf) && allOf.length === 1 ? (allOf as Record<string, unknown>[]) : [];
  const required = (only?.then as { required?: unknown } | undefined)?.required;
  if (JSON.stringify(only?.if) !== JSON.stringify({ not: { required: ['extends'] } }) || !Array.isArray(required))
    return schema;
  return { ...rest, required };
}
