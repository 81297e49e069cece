import type { MessageValue } from '../diagnostics/diagnostic.js';
import type { Text } from '../policy/policy-types.js';

/**
 * Names as one message value, joined as a list ('Treatment, Billing and Research'); the message quotes each
 * (`{{names, quoted}}`: '“Treatment”, “Billing” and “Research”'), the value stays the names as written.
 */
export const nameList = (items: ReadonlyArray<{ name: Text }>): MessageValue => ({
  list: items.map((i) => i.name),
  conjunction: 'and',
});
