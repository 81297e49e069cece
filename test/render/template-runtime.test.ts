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

/** Blocks inside blocks inside `each`, and a partial, without parent paths: the frame `each` updates in place for every item. */
const nestedSource = [
  '{{#each rows}}<p>{{#if @first}}first {{else}}{{#if @last}}last {{/if}}{{/if}}{{@index}}',
  '{{#each items}}[{{#if @first}}*{{/if}}{{this}}:{{@index}}{{#if @last}}.{{/if}}]{{/each}}',
  '{{> cell value=text}}</p>{{/each}}',
].join('');

function compiled(version: string, template: string): (context: object) => string {
  const env: HandlebarsRuntime = createEnvironment();
  (env as { VERSION: string }).VERSION = version;
  for (const name of Object.keys(htmlCompileOptions.knownHelpers))
    env.registerHelper(name, (...args: unknown[]) => `[${name}:${String(args.length > 1 ? args[0] : '')}]`);
  env.registerPartial(
    'cell',
    compileTemplate(env, '<i>{{#if value}}{{inlines value}}{{else}}-{{/if}}</i>', htmlCompileOptions),
  );
  return compileTemplate(env, template, htmlCompileOptions);
}

const render = (version: string, context: object): string => compiled(version, source)(context);

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

  it("render blocks nested in each, and partials, exactly as the runtime's own container does", () => {
    const rows = [
      { text: 'a', items: ['x', 'y', 'z'] },
      { text: '', items: [] },
      { text: 'c', items: ['w'] },
    ];
    const lean = compiled(UNWRAPPED_FOR_VERSION, nestedSource);
    const own = compiled('0.0.0-another', nestedSource);
    expect(lean({ rows })).toBe(own({ rows }));
    expect(lean({ rows })).toBe(
      '<p>first 0[*x:0][y:1][z:2.]<i>[inlines:a]</i></p><p>1<i>-</i></p><p>last 2[*w:0.]<i>[inlines:c]</i></p>',
    );
    // A second render, with other frames: nothing of the first is kept.
    expect(lean({ rows: rows.slice(1) })).toBe(own({ rows: rows.slice(1) }));
    expect(lean({ rows: rows.slice(1) })).toBe('<p>first 0<i>-</i></p><p>last 1[*w:0.]<i>[inlines:c]</i></p>');
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
