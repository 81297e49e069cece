import type { SourceDocument } from '../load/load-document.js';

/**
 * Where to show a finding about a top-level member the policy does not have ('/recipients', '/security'): the
 * nearest related member it does have, which a reader would edit or add beside, and otherwise the controller, which
 * every policy has. Shown at the member's parent, the whole policy, the finding pointed at 1:1, the `{` (officer11
 * F16). The finding keeps its own pointer: it names what to add.
 */
const relatedMembers: Readonly<Record<string, readonly string[]>> = {
  recipients: ['sharing', 'processors'],
  processors: ['sharing', 'recipients'],
  transfers: ['processors', 'recipients'],
  retention: ['dataCategories'],
  complaints: ['rights', 'controller'],
  dpo: ['controller'],
};

/** The pointer whose position shows a finding at `pointer`: itself unless its top-level member is absent. */
export function positionPointer(document: SourceDocument, pointer: string): string {
  const top = pointer.split('/')[1];
  if (top === undefined || document.locations.get(`/${top}`) !== undefined) return pointer;
  const related = (relatedMembers[top] ?? []).find((member) => document.locations.get(`/${member}`) !== undefined);
  return `/${related ?? 'controller'}`;
}
