import type { MessageValue } from '../diagnostics/diagnostic.js';
import type { Text } from '../policy/policy-types.js';

/** An author's text in a message, between the language's quotation marks (terms:punctuation.quoted): '“Behandeling”'. */
export const quotedText = (text: Text): MessageValue => ({
  message: { messageId: 'terms:punctuation.quoted', data: { text } },
});

/** Names as one message value, each quoted, joined as a list ('“Treatment”, “Billing” and “Research”'). */
export const quotedNames = (items: ReadonlyArray<{ name: Text }>): MessageValue => ({
  list: items.map((i) => quotedText(i.name)),
  conjunction: 'and',
});
