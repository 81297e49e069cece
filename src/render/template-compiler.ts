import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { generatedTemplatesPath } from '../paths.js';

const requireModule = createRequire(import.meta.url);

/** Handlebars' runtime only (no compiler): what rendering a precompiled template needs. */
export type HandlebarsRuntime = typeof Handlebars;
export const handlebarsRuntime = requireModule('handlebars/runtime') as HandlebarsRuntime;

export type Template = Handlebars.TemplateDelegate;

/** The compile options templates use: HTML escapes every value, Markdown escapes through helpers only. */
export const htmlCompileOptions = { strict: true, preventIndent: true } as const;
export const markdownCompileOptions = { strict: true, preventIndent: true, noEscape: true } as const;
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
  if (!precompiled)
    precompiled = existsSync(generatedTemplatesPath)
      ? (requireModule(generatedTemplatesPath) as Record<string, unknown>)
      : {};
  return precompiled;
}

/** The template function's source, as Handlebars' precompiler writes it (used here and by the generator). */
export function precompileSource(source: string, options: CompileOptions): string {
  const compiler = requireModule('handlebars') as typeof Handlebars;
  return compiler.precompile(source, { ...options }) as string; // a copy: the precompiler adds defaults to the object it is given
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
  return env.template(spec as Parameters<HandlebarsRuntime['template']>[0]);
}
