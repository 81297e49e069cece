import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import { diffRenderers } from '../../src/diff/render-diff.js';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import { expectGolden } from '../support/golden.js';
import { repoRoot } from '../support/cli.js';
import { diffFixtures } from './support.js';

/** Realistic second versions of two policies, diffed, with golden outputs in both languages and every format. */
const pairs = [
  { name: 'clinic', old: 'clinic-v1/policy.json', new: 'clinic-v2/policy.json' },
  { name: 'ipractice', old: 'ipractice-v1/policy.json', new: 'ipractice-v2/policy.json' },
  // The old side is the Dental Clinics seed itself.
  { name: 'dental-clinics', old: '../../../policies/dental-clinics/policy.json', new: 'dental-clinics-v2/policy.json' },
  // The newsletter processor Laposta (NL) swapped for Mailchimp (US, DPF) and a retention period shortened: grouping and the notice.
  { name: 'newsletter', old: 'newsletter-v1/policy.json', new: 'newsletter-v2/policy.json' },
  // Issue 17: a processor moved between purposes, and a recipient replaced by one in the US, each one change.
  { name: 'processor-moved', old: 'clinic-v1/policy.json', new: 'pairs/processor-moved/new.json' },
  { name: 'recipient-replaced', old: 'clinic-v1/policy.json', new: 'pairs/recipient-replaced/new.json' },
];
const extensions: Record<string, string> = { text: 'txt', markdown: 'md', html: 'html', json: 'json' };

function compare(pair: (typeof pairs)[number], notifyDate?: string) {
  const side = (relative: string) => ({
    text: readFileSync(path.join(diffFixtures, relative), 'utf8'),
    label: path.relative(repoRoot, path.join(diffFixtures, relative)),
  });
  const result = comparePolicies(side(pair.old), side(pair.new), notifyDate ? { notifyDate } : {});
  expect(result.diagnostics).toEqual([]);
  return result.value!;
}

describe('diff golden outputs', () => {
  for (const pair of pairs) {
    for (const lang of ['nl', 'en'] as Language[]) {
      for (const [format, ext] of Object.entries(extensions)) {
        it(`${pair.name} ${lang} ${format}`, () => {
          expectGolden(
            path.join(diffFixtures, 'expected', pair.name, `diff.${lang}.${ext}`),
            diffRenderers[format]!(compare(pair), messagesFor(lang)),
          );
        });
      }
    }
  }

  it('dates the clinic notice from lastModified plus the 15-day notice period, and says the stated date is too early', () => {
    const notice = compare(pairs[0]!).notice!;
    expect(notice).toMatchObject({
      notifyDate: '2025-01-10',
      noticePeriod: 'P15D',
      earliestEffectiveDate: '2025-01-25',
      effectiveDate: '2025-01-25',
    });
    const nl = notice.texts.find((t) => t.lang === 'nl')!;
    expect(nl.opening[0]).toBe(
      'We wijzigen onze privacyverklaring. De nieuwe versie (2025.1) gaat in op 25 januari 2025.',
    );
    // The new processor's transfer is told in the sentence about the processor: where it is, where the data goes, on what safeguard, for whom.
    const processor = nl.changes.find((c) => c.startsWith('Wij schakelen Imaging Cloud Inc. in als nieuwe verwerker'))!;
    expect(processor).toContain('Deze partij is gevestigd in de Verenigde Staten.');
    expect(processor).toContain(
      'de waarborg daarvoor is: standaardbepalingen inzake gegevensbescherming van de Europese Commissie (artikel 46, lid 2, onder c, AVG)',
    );
    expect(processor).toContain('Dat is voor: Tandheelkundige behandeling.');
    expect(processor.endsWith('Dit geldt voor: Patiënten.')).toBe(true);
    expect(nl.changes.some((c) => c.startsWith('Nieuwe doorgifte buiten de EER'))).toBe(false);
    expect(nl.changes).toContain(
      'Wij bewaren Medische gegevens langer: 20 jaar in plaats van 15 jaar. Dit geldt voor: Patiënten.',
    );
    expect(nl.senderNotes[1]).toContain('15 januari 2025');
  });

  it("positions each change in its side's file: additions in the new, removals in the old", () => {
    const forward = compare(pairs[0]!).changes.find((c) => c.kind === 'purpose-added')!;
    const lines = readFileSync(path.join(diffFixtures, 'clinic-v2/policy.json'), 'utf8').split('\n');
    expect(lines[forward.line! - 1]!.slice(forward.column! - 1)).toBe('{');
    expect(lines[forward.line!]).toContain('"id": "satisfaction-survey"');
    const back = compare({ ...pairs[0]!, old: pairs[0]!.new, new: pairs[0]!.old }).changes.find(
      (c) => c.kind === 'purpose-removed',
    )!;
    expect(back).toMatchObject({ side: 'old', pointer: '/purposes/2', line: forward.line, column: forward.column });
  });

  it('counts from --notify-date, and keeps a stated effective date that is late enough', () => {
    const notice = compare(pairs[0]!, '2024-12-01').notice!;
    expect(notice).toMatchObject({
      notifyDate: '2024-12-01',
      earliestEffectiveDate: '2024-12-16',
      effectiveDate: '2025-01-15',
    });
    expect(notice.texts[0]!.senderNotes).toHaveLength(1);
  });

  it('reports the Dental Clinics US processor under SCC as a new processor and a new transfer', () => {
    const result = compare(pairs[2]!);
    expect(result.changes.filter((c) => c.class === 'material').map((c) => [c.kind, c.pointer])).toEqual([
      ['processor-added', '/processors/1'],
      ['transfer-added', '/processors/1'],
      // Its purpose link is part of the addition (diff review defect 8: counted once).
    ]);
    expect(result.notice).toMatchObject({
      notifyDate: '2025-06-01',
      earliestEffectiveDate: '2025-06-16',
      effectiveDate: '2025-07-01',
    });
  });

  it('uses the informal Dutch register when the policy does', () => {
    const nl = compare(pairs[1]!).notice!.texts.find((t) => t.lang === 'nl')!;
    expect(nl.closing).toEqual(['Heb je vragen? Neem dan contact met ons op via privacy@ipractice.nl.']);
  });
});

describe('noticeDraft without dates in the policy', () => {
  const undated = () => {
    const result = compare(pairs[0]!);
    const source = structuredClone(result.new.model.source);
    const metadata = source.metadata as { effectiveDate?: string; lastModified?: string };
    delete metadata.effectiveDate;
    delete metadata.lastModified;
    return { model: { ...result.new.model, source }, changes: result.changes };
  };

  it('says the change takes effect the notice period after the message, and asks for --notify-date', () => {
    const { model: m, changes } = undated();
    const notice = noticeDraft(m, changes)!;
    expect(notice).toMatchObject({ noticePeriod: 'P15D' });
    expect(notice.notifyDate).toBeUndefined();
    expect(notice.effectiveDate).toBeUndefined();
    const en = notice.texts.find((t) => t.lang === 'en')!;
    expect(en.opening).toEqual([
      'We are changing our privacy notice. The new version (2025.1) takes effect no earlier than 15 days after this message.',
    ]);
    expect(en.senderNotes).toEqual([expect.stringContaining('--notify-date')]);
  });

  it('dates it from --notify-date', () => {
    const { model: m, changes } = undated();
    expect(noticeDraft(m, changes, { notifyDate: '2025-03-01' })).toMatchObject({
      earliestEffectiveDate: '2025-03-16',
      effectiveDate: '2025-03-16',
    });
  });

  it('is not drafted when nothing material changed', () => {
    const v1 = compare(pairs[0]!).old.model;
    expect(noticeDraft(v1, [])).toBeUndefined();
  });
});

describe('grouping by what a reader cares about', () => {
  const newsletter = () => compare(pairs[3]!);

  it('puts each change in its group by kind or by pointer, groups with material changes first, material first within', () => {
    const json = JSON.parse(diffRenderers.json!(newsletter(), messagesFor('nl'))) as {
      changes: Array<{ kind: string; group: string; where: string }>;
    };
    expect(json.changes.map((c) => [c.kind, c.group])).toEqual([
      // Laposta swapped for Mailchimp: one replacement, not two parties and two purpose-list changes (issue 17).
      ['processor-replaced', 'who'],
      ['transfer-added', 'where'],
      ['retention-shorter', 'howLong'],
    ]);
    expect(json.changes[0]!.where).toBe('Verwerker “The Rocket Science Group LLC (Mailchimp)”');
    const text = diffRenderers.text!(newsletter(), messagesFor('nl'));
    const headings = text.split('\n').filter((l) => /^\S.*:$/.test(l));
    expect(headings.slice(0, 3)).toEqual(['Wie krijgt mijn gegevens:', 'Waar gaan mijn gegevens heen:', 'Hoe lang:']);
    // Material first within a group: the iPractice pair has a group with both classes ('Hoe lang').
    const mixed = diffRenderers.text!(compare(pairs[1]!), messagesFor('nl'))
      .split('\n\n')
      .filter((g) => g.includes('[Redactioneel]') && g.includes('[Wezenlijk]'));
    expect(mixed.length).toBeGreaterThan(0);
    for (const group of mixed)
      expect(group.indexOf('[Redactioneel]')).toBeGreaterThan(group.lastIndexOf('[Wezenlijk]'));
  });

  it('tells the people concerned about the swapped processor in plain words: where it is, on what safeguard, for whom', () => {
    const nl = newsletter().notice!.texts.find((t) => t.lang === 'nl')!;
    expect(nl.changes).toEqual([
      expect.stringContaining(
        'Deze partij is gevestigd in de Verenigde Staten. Uw gegevens gaan daarbij naar de Verenigde Staten, buiten de Europese Economische Ruimte; de waarborg daarvoor is: EU-VS Data Privacy Framework',
      ),
    ]);
    // One sentence for the swap, naming both parties (issue 17: it *replaced* Laposta).
    expect(nl.changes[0]).toMatch(
      /^Wij schakelen The Rocket Science Group LLC \(Mailchimp\) in als verwerker in plaats van Laposta B\.V\.;/,
    );
    expect(nl.changes.join(' ')).not.toMatch(/niet meer ingeschakeld|Nieuwe doorgifte/);
    expect(nl.changes[0]).toMatch(/Dit geldt voor: Abonnees van de nieuwsbrief\.$/);
  });

  it('cites the AVG in Dutch as the check does (art. 13, lid 1, onder e, AVG), the GDPR in English, and shows no JSON pointer outside JSON', () => {
    for (const format of ['text', 'markdown', 'html']) {
      const nl = diffRenderers[format]!(newsletter(), messagesFor('nl'));
      expect(nl.split(/\[Engels\]|### Engels|<article lang="en">/)[0]).not.toContain('GDPR');
      expect(nl).toContain('art. 13, lid 1, onder e, AVG');
      expect(nl).not.toMatch(/\/purposes\/\d|\/processors\/\d/);
      expect(diffRenderers[format]!(newsletter(), messagesFor('en'))).toContain('GDPR 13(1)(e)');
    }
  });
});

describe('the README', () => {
  it('shows a real report: the newsletter diff in Dutch, exactly as policyc writes it', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Comparing two versions'));
    const shown = /```text\n([\s\S]*?)```/.exec(section)![1];
    expect(shown).toBe(diffRenderers.text!(compare(pairs[3]!), messagesFor('nl')));
  });
});
