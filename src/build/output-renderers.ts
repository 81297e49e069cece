import type { Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { renderNotice } from '../render/render-notice.js';
import { renderRegister } from '../render/register/render-register.js';
import { stylesheet } from '../render/templates.js';

/** One output file; `path` is relative to the folder the renderer is given. */
export interface RenderedFile {
  path: string;
  contents: string | Uint8Array;
}

/** Options some outputs take, from the command line through `compilePolicy`. */
export interface RenderOptions {
  /** Start CSV files with a UTF-8 byte-order mark, which Excel needs. */
  csvBom: boolean;
}

type Rendered = RenderedFile[] | Promise<RenderedFile[]>;

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
  render(model, messages) {
    const rendered = renderNotice(model, messages);
    return [
      { path: 'privacy.md', contents: rendered.markdown },
      { path: 'privacy.html', contents: rendered.html },
      { path: 'privacy.fragment.html', contents: rendered.fragment },
      { path: 'privacy.css', contents: stylesheet() },
    ];
  },
};

/** The art. 30 record of processing activities (CSV, XLSX, HTML, Markdown). */
const register: OutputRenderer = {
  name: 'register',
  group: 'register',
  scope: 'language',
  owns: (file) => /^register(-processor)?\.(csv|xlsx|html|md)$/.test(file),
  render: (model, messages, options) => renderRegister(model, messages, { csvBom: options.csvBom }),
};

/** Every output `build` writes, in order. Add an output: one renderer module, one entry here. */
export const outputRenderers: readonly OutputRenderer[] = [notice, register];
