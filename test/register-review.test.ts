import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../src/i18n/messages.js';
import { repoRoot } from './support/cli.js';

/**
 * The privacy officer's review of the art. 30 register (2026-12-06): the
 * AVG's own Dutch words.
 */
describe("the AVG's own Dutch terms", () => {
  it('"functionaris voor gegevensbescherming" everywhere in the Dutch locales, never without "voor"', () => {
    const dir = path.join(repoRoot, 'locales/nl');
    for (const file of readdirSync(dir))
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/functionaris(sen)? gegevensbescherming/i);
    expect(messagesFor('nl').t('statements:label.dpo')).toBe('Functionaris voor gegevensbescherming');
  });
});
