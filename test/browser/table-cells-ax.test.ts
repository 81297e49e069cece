import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeSeeds } from '../support/seed-pages.js';
import { workerChromium, type Browser } from '../support/browser.js';

/**
 * Table cells as Chromium's accessibility tree has them (the accessibility review of 2026-12-07, WCAG 1.3.1). A card
 * hid its blank cells ('—') with display: none, which took them out of the tree: Chromium numbers a row's cells in
 * sequence, so each cell after one was read under the column before its own (iPractice's AI retention row: its
 * reason announced as 'Gerekend vanaf'). Every row must keep one cell per column, on a phone (cards) and on a wide
 * screen (a table); a blank one says a word, not 'em dash' or nothing; and a card's label, which the column header
 * says already, is not read a second time in the cell.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-ax-cells-'));
let browser: Browser;

beforeAll(async () => {
  await writeSeeds(dir, ['ipractice', 'doctolib'], ['nl', 'en']);
  browser = await workerChromium();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

const CELL = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

/** Each table's rows, each row as its cells' roles and names (through any node the tree ignores). */
function tables(nodes: AxNode[]): Record<string, { role: string; name: string }[][]> {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const below = (node: AxNode, wanted: (n: AxNode) => boolean, into: AxNode[] = []): AxNode[] => {
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (!child) continue;
      if (!child.ignored && wanted(child)) into.push(child);
      else if (child.ignored || child.role?.value === 'rowgroup' || child.role?.value === 'generic')
        below(child, wanted, into);
    }
    return into;
  };
  const found = nodes
    .filter((n) => n.role?.value === 'table')
    .map((table) => [
      table.name?.value ?? '',
      below(table, (n) => n.role?.value === 'row').map((row) =>
        below(row, (n) => CELL.has(n.role?.value ?? '')).map((c) => ({
          role: c.role!.value,
          name: c.name?.value ?? '',
        })),
      ),
    ]);
  return Object.fromEntries(found);
}

/** Each table's rows as the page has them: each cell's text, less what is hidden from screen readers ('—'). */
const domTables = (): Record<string, string[][]> =>
  Object.fromEntries(
    [...document.querySelectorAll('table')].map((table) => [
      table.caption!.textContent!.trim(),
      [...table.rows].map((row) =>
        [...row.cells].map((cell) => {
          const copy = cell.cloneNode(true) as Element;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
          return copy.textContent!.replace(/\s+/g, ' ').trim();
        }),
      ),
    ]),
  );

test.each([
  { file: 'ipractice/nl/privacy.html', width: 320, blank: 'leeg' },
  { file: 'ipractice/nl/privacy.html', width: 1024, blank: 'leeg' },
  { file: 'doctolib/nl/privacy.html', width: 320, blank: 'leeg' },
  { file: 'ipractice/en/privacy.html', width: 1280, blank: 'empty' },
])(
  '$file at $width px: one cell per column, a blank one says "$blank", labels read once',
  async ({ file, width, blank }) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      await page.goto(`file://${path.join(dir, file)}`);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
      const found = tables(nodes);
      const expected = await page.evaluate(domTables);
      expect(Object.keys(found).sort()).toEqual(Object.keys(expected).sort());
      expect(Object.keys(found).length).toBeGreaterThan(1);
      Object.entries(found).forEach(([t, [head, ...rows]]) => {
        expect(head!.map((c) => c.role)).toEqual(head!.map(() => 'columnheader'));
        for (const row of rows)
          expect(row.map((c) => c.role)).toEqual(['rowheader', ...Array<string>(head!.length - 1).fill('cell')]);
        expect([head!, ...rows].map((row) => row.map((c) => c.name))).toEqual(expected[t]);
      });
      const names = Object.values(found)
        .flat(2)
        .map((c) => c.name);
      expect(names).toContain(blank);
      expect(names.filter((n) => /^\s*(—\s*)?$/.test(n))).toEqual([]);
    } finally {
      await page.close();
    }
  },
);
