import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, shownPath } from '../src/paths.js';

/** How a path is shown in messages: as given where it was given, else relative inside the working folder, absolute outside it. */
describe('shownPath', () => {
  const cwd = path.resolve('/work/site');

  it('shows a path as the user gave it (normalised, without a trailing separator)', () => {
    expect(shownPath(cwd, path.resolve('/work/shared-out'), '../shared-out')).toBe('../shared-out');
    expect(shownPath(cwd, path.resolve('/sys/x'), '/sys/x')).toBe('/sys/x');
    expect(shownPath(cwd, path.resolve('/work/site/dist'), './dist/')).toBe('dist');
  });

  it('without what was given (or when it names another path): relative inside the working folder, absolute outside', () => {
    expect(shownPath(cwd, path.resolve('/work/site/dist'))).toBe('dist');
    expect(shownPath(cwd, cwd)).toBe('.');
    expect(shownPath(cwd, path.resolve('/sys/x'))).toBe(path.resolve('/sys/x'));
    expect(shownPath(cwd, path.resolve('/sys/x'), 'elsewhere')).toBe(path.resolve('/sys/x'));
  });
});

describe('isWithin', () => {
  const out = path.resolve('/work/site/dist');

  it('holds for the folder itself and anything inside it, names starting with dots included', () => {
    expect(isWithin(out, out)).toBe(true);
    expect(isWithin(path.join(out, 'org/en/index.html'), out)).toBe(true);
    expect(isWithin(path.join(out, '..notes'), out)).toBe(true);
    expect(isWithin(path.join(out, '...'), out)).toBe(true);
  });

  it('fails for the parent, siblings sharing a prefix, and paths elsewhere', () => {
    expect(isWithin(path.resolve('/work/site'), out)).toBe(false);
    expect(isWithin(path.resolve('/work/site/dist-old/x'), out)).toBe(false);
    expect(isWithin(path.resolve('/work/site/dist/../x'), out)).toBe(false);
    expect(isWithin(path.resolve('/etc/passwd'), out)).toBe(false);
  });
});
