import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { noticeOutline } from '../../src/render/notice-outline.js';
import { diffFixtures, model } from './support.js';

describe('metadata.history in the notice', () => {
  it('renders the earlier versions in the changes section, per language', () => {
    const policy = model('clinic-v2/policy.json');
    const section = (lang: 'nl' | 'en') =>
      noticeOutline(policy, messagesFor(lang)).sections.find((s) => s.id === 'changes')!;
    expect(section('nl').blocks.slice(-2)).toEqual([
      { paragraph: [{ text: 'Eerdere versies van deze verklaring:' }] },
      { list: [[{ text: '1 maart 2024 (versie 2024.1): Eerste versie van deze verklaring.' }]] },
    ]);
    expect(section('en').blocks.at(-1)).toEqual({
      list: [[{ text: '1 March 2024 (version 2024.1): First version of this notice.' }]],
    });
  });

  it('leaves the list out when there is no history', () => {
    const blocks = noticeOutline(model('clinic-v1/policy.json'), messagesFor('en')).sections.find(
      (s) => s.id === 'changes',
    )!.blocks;
    expect(blocks.some((b) => 'list' in b)).toBe(false);
  });

  it('reports a history entry without a summary at its position', () => {
    const file = path.join(diffFixtures, 'clinic-v2/policy.json');
    const text = readFileSync(file, 'utf8').replace(/,\n\s*"summary": \{[^}]*\}/, '');
    const { diagnostics } = analysePolicy(text, 'policy.json');
    expect(diagnostics).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('"version": "2024.1"')) + 1;
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'schema/required',
      pointer: '/metadata/history/0/summary',
      line: line - 1,
    });
    expect(diagnostics[0]!.message).toContain('summary');
  });
});
