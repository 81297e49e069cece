/** A step from a JSON value to one inside it: a property name or an array index. */
export type PathToken = string | number;

/**
 * Calls `visit` for every string in a parsed JSON value, property names
 * included (`isKey`; a name comes before its value), depth first in
 * Object.keys order. `path` leads to the string (for a name, to its value);
 * it is one array that the walk changes as it goes: join it (joinPointer)
 * to keep it. Nothing is allocated per value: a policy holds thousands of
 * strings and the walkers report a few, and a cold process runs Object.entries,
 * destructuring and a pointer per value an order of magnitude slower.
 * `state` is passed on to `visit`, so that a visitor can be a module-level
 * function rather than a closure made per call (docs/architecture.md).
 */
export function eachString<S = undefined>(
  value: unknown,
  visit: (text: string, path: readonly PathToken[], isKey: boolean, state: S) => void,
  state?: S,
  path: PathToken[] = [],
): void {
  if (typeof value === 'string') {
    visit(value, path, false, state as S);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      eachString(value[i], visit, state, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      path.push(key);
      visit(key, path, true, state as S);
      eachString(object[key], visit, state, path);
      path.pop();
    }
  }
}
