import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.js';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * Table cells as a card's lines (the phone review of 2026-12-06): a cell with nothing to state is marked so that a
 * card leaves it out, a party inside the EEA needs no transfer safeguard, and a caption that repeats its heading
 * is for screen readers only.
 */
function policy(): PolicySource {
  const p = miniPolicy();
  p.purposes[0]!.retention = ['kept'];
  p.retention = [
    { id: 'kept', name: { nl: 'Contactgegevens', en: 'Contact data' }, dataCategories: ['phone'], period: 'P2Y' },
  ];
  const service = { nl: 'Opslag', en: 'Storage' };
  p.processors = [
    { id: 'abroad', name: 'Overzee', service, country: 'US' },
    { id: 'near', name: 'Dichtbij', service, country: 'LU', serverLocations: ['EU'] },
    { id: 'somewhere', name: 'Ergens', service },
  ];
  return p;
}

const html = (): string => {
  const { model } = analyse(policy());
  return renderNotice(model!, messagesFor('nl')).html;
};

/** The cells of the row whose header is `name`. */
function row(page: string, name: string): string[] {
  const tr = page.split('<tr>').find((r) => r.includes(`<strong>${name}</strong>`))!;
  return [...tr.matchAll(/<td[^>]*>.*?<\/td>/g)].map((m) => m[0]);
}

describe('table cells and captions', () => {
  it('marks a cell with nothing to state, in the retention table and the transfer column; its dash hidden from screen readers, which say "leeg"', () => {
    const page = html();
    const dash = '<span aria-hidden="true">—</span><span class="policyc-visually-hidden">leeg</span>';
    expect(row(page, 'Contactgegevens').slice(1)).toEqual([
      `<td data-label="Gerekend vanaf" class="policyc-blank">${dash}</td>`,
      `<td data-label="Grond en toelichting" class="policyc-blank">${dash}</td>`,
    ]);
    expect(row(page, 'Ergens').at(-1)).toBe(
      `<td data-label="Waarborg voor doorgifte" class="policyc-blank">${dash}</td>`,
    );
    expect(row(page, 'Overzee').at(-1)).toBe(
      '<td data-label="Waarborg voor doorgifte">Niet vermeld in deze verklaring</td>',
    );
  });

  it('says a party whose every place is inside the EEA needs no transfer safeguard', () => {
    expect(row(html(), 'Dichtbij').at(-1)).toBe(
      '<td data-label="Waarborg voor doorgifte">Niet nodig (binnen de EER)</td>',
    );
  });

  it('keeps a caption that repeats the heading above it for screen readers only', () => {
    const page = html();
    expect(page).toContain('<h3 id="processors">Verwerkers</h3>');
    expect(page).toContain('<caption class="policyc-visually-hidden">Verwerkers</caption>');
    expect(page).toContain('<caption>Bewaartermijnen</caption>');
  });
});
