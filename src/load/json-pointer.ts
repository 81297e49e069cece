/** RFC 6901 JSON pointers. */

export function escapeToken(token: string | number): string {
  const text = String(token);
  // Most tokens (ids, property names, indexes) hold neither character: skip the two replaces.
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let pointer = base;
  // An index, not for…of: a cold process runs this for every value, and for…of allocates an iterator result per token.
  for (let i = 0; i < tokens.length; i++) pointer += '/' + escapeToken(tokens[i]!);
  return pointer;
}

/** Whether `pointer` is inside the value at `ancestor` ('/retention/0/period' in '/retention/0'), not the value itself. */
export const isBelow = (pointer: string, ancestor: string): boolean =>
  pointer.length > ancestor.length && pointer[ancestor.length] === '/' && pointer.startsWith(ancestor);

/** Whether `pointer` is the value at `ancestor` or inside it: what an acknowledgement's pointer covers. */
export const isAtOrBelow = (pointer: string, ancestor: string): boolean =>
  pointer === ancestor || isBelow(pointer, ancestor);

export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** '/purposes/0/a~1b' → ['purposes', '0', 'a/b']; '' (the whole document) → []. */
export function parsePointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
