import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Language, Messages } from '../i18n/messages.js';
import type { OutputFile } from './output-file.js';
import type { PolicyModel } from '../resolve/model.js';
import { renderNotice } from '../render/render-notice.js';
import { renderRegister } from '../render/register/render-register.js';
import type { CsvDialect } from '../render/register/csv-dialect.js';
import { fragmentStylesheet, stylesheet } from '../render/templates.js';
import { policyJsonLdText } from '../render/policy-jsonld.js';

/** Options some outputs take, from the command line through `compilePolicy`. */
export interface RenderOptions {
  /** Start CSV files with a UTF-8 byte-order mark, which Excel needs (the Excel dialect always does). */
  csvBom: boolean;
  /** How register.csv is written: for Excel in the register's language (default) or RFC 4180. */
  csvDialect?: CsvDialect;
  /** Prepended to every id in privacy.fragment.html (default 'policyc-'). */
  idPrefix?: string;
  /** Level of the fragment's title heading (default 2). */
  headingLevel?: number;
  /** The languages this build writes: each page links the others (hreflang). */
  languages?: readonly Language[];
  /** The policy's compliance findings: the register lists those acknowledged, with their reasons. */
  findings?: readonly Diagnostic[];
}

type Rendered = OutputFile[] | Promise<OutputFile[]>;

/**
 * An output kind. Language renderers write into dist/<org>/<lang>/, policy
 * renderers into dist/<org>/. `group` lets a command build a subset
 * (e.g. `policyc register` builds only the 'register' group).
 */
export type OutputRenderer = {
  name: string;
  group: string;
  /**
   * True for a file name this renderer may write, so that a partial build
   * (`policyc register`) can remove one it no longer makes. Without it, such
   * files are left in place.
   */
  owns?(fileName: string): boolean;
} & (
  | { scope: 'language'; render(model: PolicyModel, messages: Messages, options: RenderOptions): Rendered }
  | { scope: 'policy'; render(model: PolicyModel, options: RenderOptions): Rendered }
);

const notice: OutputRenderer = {
  name: 'notice',
  group: 'notice',
  scope: 'language',
  owns: (file) => /^privacy(\.fragment)?\.(md|html|css)$/.test(file),
  render(model, messages, options) {
    const rendered = renderNotice(model, messages, {
      ...(options.idPrefix !== undefined ? { idPrefix: options.idPrefix } : {}),
      ...(options.headingLevel !== undefined ? { headingLevel: options.headingLevel } : {}),
      ...(options.languages ? { languages: options.languages } : {}),
    });
    return [
      { path: 'privacy.md', contents: rendered.markdown },
      { path: 'privacy.html', contents: rendered.html },
      { path: 'privacy.fragment.html', contents: rendered.fragment },
      { path: 'privacy.css', contents: stylesheet() },
      { path: 'privacy.fragment.css', contents: fragmentStylesheet() },
    ];
  },
};

/** The art. 30 record of processing activities (CSV, XLSX, HTML, Markdown). */
const register: OutputRenderer = {
  name: 'register',
  group: 'register',
  scope: 'language',
  owns: (file) => /^register(-processor|-without-activity)?\.(csv|xlsx|html|md)$|^register\.css$/.test(file),
  render: (model, messages, options) =>
    renderRegister(model, messages, {
      csvBom: options.csvBom,
      ...(options.csvDialect ? { csvDialect: options.csvDialect } : {}),
      ...(options.languages ? { languages: options.languages } : {}),
      ...(options.findings ? { findings: options.findings } : {}),
    }),
};

/** The policy as JSON-LD in the W3C Data Privacy Vocabulary, one per policy (all languages in one graph). */
const jsonLd: OutputRenderer = {
  name: 'jsonld',
  group: 'notice',
  scope: 'policy',
  render(model) {
    return [{ path: 'policy.jsonld', contents: policyJsonLdText(model) }];
  },
};

/** Every output `build` writes, in order. Add an output: one renderer module, one entry here. */
export const outputRenderers: readonly OutputRenderer[] = [notice, jsonLd, register];
