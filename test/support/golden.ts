import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file at `file`. With UPDATE=1 the file is
 * (re)written instead — review the diff before committing it. A missing
 * golden file is a failure otherwise: a lost file must not pass silently.
 */
export function expectGolden(file: string, actual: string | Buffer): void {
  if (process.env.UPDATE === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`golden file missing: ${file} (create it with UPDATE=1 npm test, then review it)`);
  const expected = readFileSync(file);
  const actualBuffer = typeof actual === 'string' ? Buffer.from(actual) : actual;
  if (!expected.equals(actualBuffer)) {
    // Compare as text for a readable diff.
    expect(actualBuffer.toString('utf8'), `golden ${path.basename(file)} differs (UPDATE=1 to accept)`).toBe(
      expected.toString('utf8'),
    );
  }
}
