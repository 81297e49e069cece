import { expect } from 'vitest';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import { policyJsonLdText } from '../../src/render/policy-jsonld.js';
import { registerToMarkdown } from '../../src/render/register/register-markdown.js';
import { buildRegister } from '../../src/render/register/register-model.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { analyse } from '../../src/pipeline/analyse-policy.js';

/** The text outputs of one policy, compiled in memory: Markdown notice and register (with its acknowledged findings) per language, and the JSON-LD. */
export interface PolicyOutputs {
  notice: Record<Language, string>;
  register: Record<Language, string>;
  jsonld: string;
}

export function policyOutputs(policy: unknown): PolicyOutputs {
  const { model, diagnostics, findings } = analyse(JSON.stringify(policy, null, 2), 'policy.json');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const notice = {} as Record<Language, string>;
  const register = {} as Record<Language, string>;
  for (const lang of model!.languages) {
    const m = messagesFor(lang, model!.source.metadata.formality);
    notice[lang] = renderNotice(model!, m).markdown;
    register[lang] = registerToMarkdown(buildRegister(model!, m, findings));
  }
  return { notice, register, jsonld: policyJsonLdText(model!) };
}

/** How often `needle` occurs in `haystack`. */
export const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
