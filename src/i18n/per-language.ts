import type { Messages } from './messages.js';

/**
 * `write(item, m)` remembered per item and language: the notice, the register
 * and the JSON-LD of a policy each write the same purpose's lawfulness and the
 * same retention rules, in the same language. Kept beside the item (a WeakMap
 * on it), so nothing outlives the policy's model. The value is shared: callers
 * must not change it.
 */
export function rememberedPerLanguage<Item extends object, Value>(
  write: (item: Item, m: Messages) => Value,
): (item: Item, m: Messages) => Value {
  const written = new WeakMap<Item, Map<Messages, Value>>();
  return (item, m) => {
    let byLanguage = written.get(item);
    if (!byLanguage) written.set(item, (byLanguage = new Map()));
    let value = byLanguage.get(m);
    if (value === undefined) byLanguage.set(m, (value = write(item, m)));
    return value;
  };
}
