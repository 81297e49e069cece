import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  createEnvironment,
  handlebarsRuntime,
  htmlCompileOptions,
  UNWRAPPED_FOR_VERSION,
  type HandlebarsRuntime,
} from '../../src/render/template-compiler.js';

/** A template with what the notice and register templates use: helpers, blocks, each, partials, a parent path. */
const source = [
  '<h1>{{anchor title}}</h1><h2>{{subtitle}}</h2>',
  '{{#each rows}}<p>{{inlines this.text}}{{#if @last}}!{{/if}} {{../title}} {{> cell value=this.text}}</p>{{/each}}',
  '{{#if missing}}no{{else}}{{many rows}}{{/if}}',
].join('\n');

function render(version: string, context: object): string {
  const env: HandlebarsRuntime = createEnvironment();
  (env as { VERSION: string }).VERSION = version;
  for (const name of Object.keys(htmlCompileOptions.knownHelpers))
    env.registerHelper(name, (...args: unknown[]) => `[${name}:${String(args.length > 1 ? args[0] : '')}]`);
  env.registerPartial('cell', compileTemplate(env, '<i>{{inlines value}}</i>', htmlCompileOptions));
  return compileTemplate(env, source, htmlCompileOptions)(context);
}

describe("templates rendered without the runtime's per-render wrappers", () => {
  it('are written against the installed Handlebars runtime (upgrade: check withUnwrappedHelpers, then the version)', () => {
    expect(handlebarsRuntime.VERSION).toBe(UNWRAPPED_FOR_VERSION);
  });

  it("render exactly what the runtime's own container renders", () => {
    const context = { title: 'T <&>', subtitle: 'S', rows: [{ text: 'a' }, { text: 'b"' }], missing: false };
    const lean = render(UNWRAPPED_FOR_VERSION, context);
    expect(lean).toBe(render('0.0.0-another', context));
    expect(lean).toContain('<p>[inlines:a] T &lt;&amp;&gt; <i>[inlines:a]</i></p>');
  });

  it('report a missing value with the same error', () => {
    const error = (version: string): string => {
      try {
        render(version, { title: 'T', rows: [] });
        return 'rendered';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(error(UNWRAPPED_FOR_VERSION)).toMatch(/"subtitle" not defined/);
    expect(error(UNWRAPPED_FOR_VERSION)).toBe(error('0.0.0-another'));
  });
});
