import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
// A static import, so that the bundled CLI holds it (scripts/bundle-cli.mjs); CommonJS, its exports are the default.
import * as runtimeModule from 'handlebars/runtime.js';
import { runGeneratedFile } from '../code-cache.js';
import { generatedTemplatesPath } from '../paths.js';

const requireModule = createRequire(import.meta.url);

/** Handlebars' runtime only (no compiler): what rendering a precompiled template needs. */
export type HandlebarsRuntime = typeof Handlebars;
export const handlebarsRuntime = (runtimeModule as unknown as { default: HandlebarsRuntime }).default;

export type Template = Handlebars.TemplateDelegate;

type EachOptions = Handlebars.HelperOptions & { fn: Handlebars.TemplateDelegate & { blockParams?: number } };

/** Handlebars' data: `root` (initData), the enclosing frame and the iteration's variables. */
interface DataFrame {
  root: unknown;
  _parent?: DataFrame;
  key?: number;
  index?: number;
  first?: boolean;
  last?: boolean;
}

/**
 * Handlebars' createFrame for one `each`, built in one shape: a copy of the
 * parent's keys by spread gave each nesting depth maps of its own, which
 * every read of @index or @root had to tell apart. Our templates are given
 * no data of their own and use no partial blocks, so `root` and the parent
 * are all a frame inherits (a frame with a partial block goes to the built-in).
 */
const eachFrame = (parent: DataFrame): DataFrame => ({
  root: parent.root,
  _parent: parent,
  key: 0,
  index: 0,
  first: true,
  last: false,
});

/**
 * A Handlebars environment whose `each` walks arrays without what the
 * built-in allocates per item and we never use (block parameters, a context
 * path, a fresh options object); it gives the same @index, @key, @first and
 * @last, and the same output. Anything else (an object, `as |item|`) goes to
 * the built-in. The notice and register pages iterate thousands of times per
 * policy.
 */
export function createEnvironment(): HandlebarsRuntime {
  const env = handlebarsRuntime.create();
  const builtin = env.helpers.each as (this: unknown, context: unknown, options: EachOptions) => string;
  env.registerHelper('each', function (this: unknown, context: unknown, options: EachOptions): string {
    const parent = options.data as DataFrame | undefined;
    if (!Array.isArray(context) || !parent || 'partial-block' in parent || options.fn.blockParams)
      return builtin.call(this, context, options);
    if (context.length === 0) return options.inverse(this);
    const data = eachFrame(parent);
    const iteration = { data };
    let out = '';
    for (let i = 0; i < context.length; i++) {
      if (!(i in context)) continue;
      data.key = i;
      data.index = i;
      data.first = i === 0;
      data.last = i === context.length - 1;
      out += options.fn(context[i], iteration);
    }
    return out;
  });
  return env;
}

/**
 * The compile options templates use: HTML escapes every value, Markdown escapes through helpers only.
 * Helpers are named up front (knownHelpersOnly): the compiled code calls them directly and reads
 * every other name from the context, without asking at each use whether it is a helper. A helper
 * registered in templates.ts or register-html.ts must be listed here, or compiling a template that
 * uses it fails.
 */
export const htmlCompileOptions = {
  strict: true,
  preventIndent: true,
  knownHelpersOnly: true,
  knownHelpers: {
    inlines: true,
    anchor: true,
    headingTag: true,
    rich: true,
    many: true,
    lines: true,
    tableCards: true,
  },
} as const;
export const markdownCompileOptions = {
  strict: true,
  preventIndent: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: { text: true, heading: true, inlines: true, factLabel: true, rich: true, mdTable: true, tocLink: true },
} as const;
export type CompileOptions = typeof htmlCompileOptions | typeof markdownCompileOptions;

/** Key of a template source under compile options, as stored in the precompiled file. */
export function templateKey(source: string, options: CompileOptions): string {
  return createHash('sha256')
    .update(JSON.stringify([source, options]))
    .digest('hex')
    .slice(0, 32);
}

/** Precompiled specs by key, as `npm run compile` writes them (lib/render/templates.precompiled.cjs). */
let precompiled: Record<string, unknown> | undefined;
function precompiledSpecs(): Record<string, unknown> {
  // With the code cache that `npm run compile` trained on a build: required instead, V8 parsed the file's 70 KB
  // and compiled each template function anew in every cold build. None when running from source.
  precompiled ??= (runGeneratedFile(generatedTemplatesPath) as Record<string, unknown> | undefined) ?? {};
  return precompiled;
}

/**
 * Where a helper is called, in the options object the precompiler writes for
 * each call: `"loc":{"start":{…},"end":{…}}`. Three objects made at every call
 * (thousands per notice), read only to place an error of a helper the runtime
 * cannot find, which knownHelpersOnly rules out at compile time. The location
 * of a strict lookup (`container.strict(depth0, "name", {…})`), which words
 * the error for a missing value, has no "loc" key and stays.
 */
const HELPER_CALL_LOCATION = /,"loc":\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

/**
 * The location of a strict lookup, as the precompiler writes it into the call:
 * three objects made at every lookup, read only to word the error for a
 * missing value. Written once per template instead, into a table the spec's
 * functions share (the same values, so the same error).
 */
const STRICT_LOOKUP_LOCATION = /\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

/**
 * The start of a helper call's options, `{"name":"each","hash":{}`: the
 * empty hash is made at every call, and the runtime then adds
 * `lookupProperty` to the object (a new property on a literal: one more
 * allocation per call). One frozen empty hash shared by every call (no
 * helper here writes to its hash), and `lookupProperty` in the literal from
 * the start, with the value the runtime sets.
 */
const HELPER_OPTIONS_START = /\{"name":("[A-Za-z]+"),"hash":\{\}/g;

/**
 * The template function's source, as Handlebars' precompiler writes it
 * without helper-call locations, with strict-lookup locations in a table and
 * the helper options above (used here and by the generator): an expression
 * that evaluates to the spec.
 */
export function precompileSource(source: string, options: CompileOptions): string {
  const compiler = requireModule('handlebars') as typeof Handlebars;
  // A copy of the options: the precompiler adds defaults to the object it is given.
  const spec = (compiler.precompile(source, { ...options }) as string).replace(HELPER_CALL_LOCATION, '');
  const locations: string[] = [];
  const hoisted = spec
    .replace(STRICT_LOOKUP_LOCATION, (location) => `$locations[${locations.push(location) - 1}]`)
    .replace(HELPER_OPTIONS_START, '{"name":$1,"hash":$emptyHash,"lookupProperty":container.lookupProperty');
  return `(function () {\n  var $emptyHash = Object.freeze({}), $locations = [${locations.join(', ')}];\n  return ${hoisted};\n})()`;
}

/**
 * A template for an environment: the spec precompiled by `npm run compile`
 * when it matches the source and options (no Handlebars compiler is loaded),
 * otherwise compiled now (running from source, or after editing a template).
 */
export function compileTemplate(env: HandlebarsRuntime, source: string, options: CompileOptions): Template {
  const spec =
    precompiledSpecs()[templateKey(source, options)] ??
    // The precompiler's output is a JavaScript object literal: the same text the generated file holds.
    (new Function(`return ${precompileSource(source, options)};`)() as unknown);
  const lean = env.VERSION === UNWRAPPED_FOR_VERSION ? withUnwrappedHelpers(spec as TemplateSpec, env) : spec;
  return env.template(lean as Parameters<HandlebarsRuntime['template']>[0]);
}

/**
 * The Handlebars runtime withUnwrappedHelpers was written and tested against: it sets two things of that
 * runtime's per-render container. Under another version (a library user's newer 4.7.x; the bundled CLI
 * holds this one) templates render through the runtime's own container, slower and the same.
 * test/render/template-runtime.test.ts fails when the installed runtime is another version.
 */
export const UNWRAPPED_FOR_VERSION = '4.7.10';

/** The parts of the runtime's container set here. */
interface Container {
  helpers: unknown;
  /** A block's program by index, as `program` asks for it. */
  fn: (i: number) => unknown;
}

/** A program of a precompiled spec, as the runtime calls it. */
type Program = (
  container: Container,
  depth0: unknown,
  helpers: unknown,
  partials: unknown,
  data: unknown,
  blockParams: unknown,
  depths: unknown,
) => string;
type TemplateSpec = { main: Program } & Record<string, unknown>;

/**
 * The spec with its main program setting two things of the runtime's
 * container for the render:
 *
 * - The environment's helpers as they are registered. At each render the
 *   runtime wraps every helper in a function that adds `lookupProperty` to
 *   the options (copying `arguments` at every call, thousands per notice);
 *   the precompiled options already carry it (precompileSource), so the
 *   wrapper adds nothing. The programs read their helpers from the
 *   container, and partials are given the caller's: setting both here
 *   reaches every helper call of the render, in its partials too.
 * - `fn`, which the runtime calls for every block it runs: its own sets the
 *   program's decorator each time, from a key it builds as a string
 *   (`i + '_d'`), then looked up. Set once here, the same values.
 */
function withUnwrappedHelpers(spec: TemplateSpec, env: HandlebarsRuntime): TemplateSpec {
  const helpers = env.helpers;
  const main = spec.main;
  const lean: TemplateSpec = {
    ...spec,
    main(container, depth0, _wrapped, partials, data, blockParams, depths) {
      container.helpers = helpers;
      container.fn = programOf;
      return main(container, depth0, helpers, partials, data, blockParams, depths);
    },
  };
  for (const key of Object.keys(spec))
    if (/^\d+$/.test(key)) (spec[key] as { decorator?: unknown }).decorator = spec[`${key}_d`];
  const programOf = (i: number): unknown => lean[i];
  return lean;
}
