import { describe, expect, it } from 'vitest';
import { isCardTable } from '../../src/render/table-cards.js';
import type { Table } from '../../src/render/outline.js';

const table = (head: string[], ...rows: string[][]): Table => ({
  caption: 'T',
  head,
  rows: rows.map((row) => row.map((cell) => [{ text: cell }])),
});

describe('isCardTable: a table is cards where its whole words cannot fit the notice column', () => {
  it('more than four columns is always cards', () => {
    expect(isCardTable(table(['A', 'B', 'C', 'D', 'E'], ['a', 'b', 'c', 'd', 'e']))).toBe(true);
    expect(isCardTable(table(['A', 'B', 'C', 'D'], ['a', 'b', 'c', 'd']))).toBe(false);
  });

  it("sums each column's longest word (headers included) against 64 characters", () => {
    // iPractice's Dutch retention table: 16 + 11 + 21 + 24 = 72 characters, 721 px measured in a 704–719 px column.
    const long = table(
      ['Gegevens', 'Hoe lang', 'Gerekend vanaf', 'Grond en toelichting'],
      ['Sollicitatiegegevens', 'sollicitatie', 'sollicitatieprocedure', 'wervingsactiviteitenbeleid'],
    );
    expect(isCardTable(long)).toBe(true);
    const short = table(
      ['Gegevens', 'Hoe lang', 'Gerekend vanaf', 'Grond'],
      ['Medische gegevens', '20 jaar', 'het einde', '—'],
    );
    expect(isCardTable(short)).toBe(false);
  });

  it('a link does not count: an address may break anywhere', () => {
    const linked: Table = {
      caption: 'T',
      head: ['A', 'B', 'C', 'D'],
      rows: [
        [[{ text: 'x' }], [{ text: 'https://'.padEnd(90, 'x'), href: 'https://x' }], [{ text: 'y' }], [{ text: 'z' }]],
      ],
    };
    expect(isCardTable(linked)).toBe(false);
  });
});
