import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import { isAtOrBelow, parentPointer } from '../load/json-pointer.js';
import type { SourceDocument } from '../load/load-document.js';

/**
 * The schema's 'missing required property' errors of an item a policy gives whose id one of its bases removes (a
 * practice's copy of a placeholder item, made by init --extends, after the chain's base removed that item): one
 * error at the item instead, saying that the base removes the id and so the item completes nothing, with the
 * removal's file, line and column related, in place of every diagnostic in the item. An item given in full, which misses nothing, is the policy's own and
 * stays as it is.
 */
export function explainRemovedByBase(diagnostics: Diagnostic[], doc: SourceDocument): Diagnostic[] {
  let result = diagnostics;
  for (const item of doc.removedByBase ?? []) result = explainItem(result, item);
  return result;
}

function explainItem(
  diagnostics: Diagnostic[],
  { pointer, removal }: NonNullable<SourceDocument['removedByBase']>[number],
): Diagnostic[] {
  const missing = diagnostics.filter((d) => d.ruleId === 'schema/required' && parentPointer(d.pointer) === pointer);
  const [first] = missing;
  if (!first) return diagnostics;
  const { hint: _hint, ...at } = first;
  const explained: Diagnostic = {
    ...at,
    ruleId: 'extends/removed-by-base' satisfies StageRuleId<'load'>,
    pointer,
    messageId: 'diagnostics:extends.removedByBase',
    data: {
      id: removal.id,
      properties: { list: missing.map((d) => d.data?.property ?? ''), separator: 'diagnostics:policySeparator' },
    },
    related: [
      { file: removal.file, line: removal.line, column: removal.column, messageId: 'diagnostics:related.baseRemoval' },
    ],
  };
  // What else is found in the item (its placeholders copied by init) goes with it: delete it, or give it in full.
  return diagnostics.flatMap((d) => (d === first ? [explained] : isAtOrBelow(d.pointer, pointer) ? [] : [d]));
}
