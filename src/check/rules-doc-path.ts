import path from 'node:path';
import type { Language } from '../i18n/messages.js';
import { packageRoot, posixPath, shownPath } from '../paths.js';

/** The anchor of a rule in docs/rules.md, per language section: 'en-art6-basis-missing'. */
export function ruleAnchor(ruleId: string, lang: Language): string {
  return `${lang}-${ruleId.replace(/\//g, '-')}`;
}

/** Where a rule is documented, relative to the package root: 'docs/rules.md#en-art6-basis-missing'. */
export function ruleDocsPath(ruleId: string, lang: Language): string {
  return `docs/rules.md#${ruleAnchor(ruleId, lang)}`;
}

/**
 * The package's docs/rules.md as a path that opens from the working folder `cwd`: docs/rules.md in this
 * repository, node_modules/policyc/docs/rules.md in a project that installed policyc, absolute from elsewhere.
 */
export function rulesDocFrom(cwd: string): string {
  return posixPath(shownPath(cwd, path.join(packageRoot, 'docs', 'rules.md')));
}
