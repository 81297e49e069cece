import type { Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { renderNotice } from '../render/render-notice.js';
import { stylesheet } from '../render/templates.js';
import { policyJsonLdText } from '../render/policy-jsonld.js';

/** One output file; `path` is relative to the folder the renderer is given. */
export interface RenderedFile {
  path: string;
  contents: string | Uint8Array;
}

/**
 * An output kind. Language renderers write into dist/<org>/<lang>/, policy
 * renderers into dist/<org>/. `group` lets a command build a subset
 * (e.g. `policyc register` builds only the 'register' group).
 */
export type OutputRenderer =
  | { name: string; group: string; scope: 'language'; render(model: PolicyModel, messages: Messages): RenderedFile[] }
  | { name: string; group: string; scope: 'policy'; render(model: PolicyModel): RenderedFile[] };

const notice: OutputRenderer = {
  name: 'notice',
  group: 'notice',
  scope: 'language',
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
export const outputRenderers: readonly OutputRenderer[] = [notice, jsonLd];
