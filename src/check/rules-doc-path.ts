import type { Language } from '../i18n/messages.js';

/** The anchor of a rule in docs/rules.md, per language section: 'en-art6-basis-missing'. */
export function ruleAnchor(ruleId: string, lang: Language): string {
  return `${lang}-${ruleId.replace(/\//g, '-')}`;
}

/** Where a rule is documented, relative to the package root: 'docs/rules.md#en-art6-basis-missing'. */
export function ruleDocsPath(ruleId: string, lang: Language): string {
  return `docs/rules.md#${ruleAnchor(ruleId, lang)}`;
}
