import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Messages } from '../src/i18n/messages.js';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import type { PolicyModel, Purpose, PurposeBasis } from '../src/resolve/model.js';
import { termKey } from '../src/render/legal-text.js';
import { renderNotice } from '../src/render/render-notice.js';
import { repoRoot } from './support/cli.js';
import { readingText } from './support/seed-output.js';

/**
 * A patient's review of the notice (finding F13): every purpose card said why the processing is allowed twice, once
 * in plain words ('Waarom dat mag: Omdat wij daar een gerechtvaardigd belang bij hebben') and once as the AVG's term
 * ('Grondslag: Gerechtvaardigd belang (artikel 6, lid 1, onder f, AVG)'), line by line for several bases. Each basis
 * is now said once: its plain reason, its term and article, and the author's note on one line.
 */
const policyFiles = [
  ...readdirSync(path.join(repoRoot, 'policies'))
    .sort()
    .map((id) => path.join('policies', id, 'policy.json')),
  path.join('test', 'fixtures', 'full', 'policy.json'),
  path.join('test', 'fixtures', 'statements', 'policy.json'),
];

function modelOf(file: string): PolicyModel {
  const { model } = analysePolicy(readFileSync(path.join(repoRoot, file), 'utf8'), file);
  expect(model).toBeDefined();
  return model!;
}

/** The purpose cards of a notice in order, each as its lines (list items, facts) as a reader sees them. */
function cardLines(notice: Notice, form: Form, m: Messages, count: number): string[][] {
  const cards =
    form === 'markdown'
      ? notice.markdown
          .split('\n## ')
          .find((section) => section.startsWith(m.t('notice:heading.purposes')))!
          .split('\n### ')
          .slice(1)
          .map((card) => card.split('\n').map((line) => readingText(line, 'privacy.md')))
      : notice[form]
          .split('<section class="policyc-subsection policyc-card">')
          .slice(1)
          .map((card) =>
            card
              .slice(0, card.indexOf('</section>'))
              .split(/<\/?(?:li|dd|dt|p|ul)\b[^>]*>/)
              .map((line) => readingText(line, 'privacy.html')),
          );
  expect(cards).toHaveLength(count);
  return cards.map((lines) => lines.filter(Boolean));
}

type Form = 'markdown' | 'html' | 'fragment';
type Notice = Record<Form, string>;

/** The words a basis's plain reason starts with ('Met toestemming van de', 'Omdat wij daar …'), in lower case. */
function reasonOf(part: PurposeBasis, m: Messages): string {
  const key = part.consentBy.length ? 'consentOf' : termKey(part.basis);
  return m.t(`notice:purposeCard.basis.${key}`, { subjects: '\u0000' }).split('\u0000')[0]!.trim().toLowerCase();
}

/**
 * The lines of a card that name the basis's article, and those that give its plain reason: at the start of the line
 * or after a colon (a label, or what the basis covers), not the same words inside the author's description.
 */
function linesFor(lines: readonly string[], part: PurposeBasis, m: Messages): { cited: string[]; reasoned: string[] } {
  const article = m.t(`terms:legalBasis.${termKey(part.basis)}.article`);
  const reason = reasonOf(part, m);
  return {
    cited: lines.filter((line) => line.includes(article)),
    reasoned: lines.filter((line) => {
      const lower = line.toLowerCase();
      return lower.startsWith(reason) || lower.includes(`: ${reason}`);
    }),
  };
}

/** How many of the purpose's bases are this basis (two parts may rest on the same point of art. 6(1)). */
const partsOn = (p: Purpose, basis: string): number => p.bases.filter((b) => b.basis === basis).length;

describe('a purpose card says each basis once: plain reason, AVG term and article, author’s note on one line', () => {
  it.each(policyFiles)('%s', (file) => {
    const model = modelOf(file);
    for (const lang of model.languages) {
      const m = messagesFor(lang, model.source.metadata.formality);
      const notice = renderNotice(model, m);
      for (const form of ['markdown', 'html', 'fragment'] as const) {
        const cards = cardLines(notice, form, m, model.purposes.length);
        model.purposes.forEach((p, i) => {
          for (const part of p.bases) {
            const { cited, reasoned } = linesFor(cards[i]!, part, m);
            const where = `${lang} ${form} ${p.id} ${part.basis}`;
            // The article once per basis, on the line that gives the plain reason: no second row that repeats it.
            expect(cited.length, where).toBe(partsOn(p, part.basis));
            expect(reasoned, where).toEqual(cited);
          }
        });
      }
    }
  });
});
