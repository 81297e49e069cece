import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.js';

export const fixturesDir = path.join(repoRoot, 'test/fixtures');

export function readFixture(relative: string): string {
  return readFileSync(path.join(fixturesDir, relative), 'utf8');
}

/** 1-based line and column of the first occurrence of `needle` (after the `occurrence`-th match), as an editor shows it. */
export function positionOfText(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
