import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { findPolicies } from '../src/pipeline/find-policies.js';
import { messagesFor } from '../src/i18n/messages.js';
import { buildRegister, type Register } from '../src/render/register/register-model.js';
import { registerToXlsx } from '../src/render/register/register-xlsx.js';
import { repoRoot } from './support/cli.js';

/**
 * register.xlsx as LibreOffice prints it (Debian's libreoffice-calc, which
 * .ci/run installs): every seed's workbook, in both languages, converted to
 * PDF with `soffice --headless --convert-to pdf`, read with pdftotext. Each
 * record prints landscape A4 with its header row and activity columns on
 * every page; every cell's text is on paper; the organisation sheet is one
 * portrait page.
 */
const soffice = process.env.POLICYC_SOFFICE ?? '/usr/bin/soffice';

interface Printed {
  register: Register;
  /** Median height of a printed word's box on the table pages, in points (about 1.3 × the font size). */
  wordHeight: number;
  /** Text per page, in drawing order (pdftotext -raw). */
  pages: string[];
  /** 'landscape' or 'portrait', per page. */
  orientations: string[];
}

const printed: Printed[] = [];
let work: string;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

function readPdf(file: string): Pick<Printed, 'pages' | 'orientations' | 'wordHeight'> {
  const info = run('pdfinfo', ['-f', '1', '-l', '999', file]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/gm)];
  const orientations = sizes.map(([, w, h]) => (Number(w) > Number(h) ? 'landscape' : 'portrait'));
  const pages = run('pdftotext', ['-raw', file, '-']).split('\f').slice(0, sizes.length);
  return { pages, orientations, wordHeight: medianWordHeight(file, orientations) };
}

/** The median height of the word boxes on the landscape (table) pages, by pdftotext -bbox. */
function medianWordHeight(file: string, orientations: string[]): number {
  const pages = run('pdftotext', ['-bbox', file, '-']).split('<page ').slice(1);
  const heights = pages
    .filter((_, i) => orientations[i] === 'landscape')
    .flatMap((page) => [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)])
    .map(([, top, bottom]) => Number(bottom) - Number(top))
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

beforeAll(() => {
  if (!existsSync(soffice))
    throw new Error(`LibreOffice not found at ${soffice} (install Debian's libreoffice-calc; .ci/run does)`);
  work = mkdtempSync(path.join(os.tmpdir(), 'policyc-xlsx-print-'));
  const registers: Array<{ register: Register; file: string }> = [];
  for (const policy of findPolicies([path.join(repoRoot, 'policies')]).files) {
    const { model } = analysePolicy(readFileSync(policy, 'utf8'), policy);
    if (!model) throw new Error(`${policy} does not compile`);
    for (const lang of model.languages) {
      const register = buildRegister(model, messagesFor(lang, model.source.metadata.formality));
      const file = path.join(work, `${model.id}-${lang}.xlsx`);
      writeFileSync(file, registerToXlsx(register));
      registers.push({ register, file });
    }
  }
  // One LibreOffice process for every workbook, with a profile of its own (another instance may be running).
  run(soffice, [
    `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    ...registers.map((r) => r.file),
  ]);
  for (const { register, file } of registers) printed.push({ register, ...readPdf(file.replace(/\.xlsx$/, '.pdf')) });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Text compared without whitespace: LibreOffice wraps lines wherever the column ends. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('register.xlsx printed by LibreOffice', () => {
  it('prints its tables at about 7 points or more (a word box of 9 points), not shrunk to unreadable', () => {
    // 240 characters of column width a page printed the seeds at about 5.3 points (register review, 2026-12-06).
    for (const { register, wordHeight } of printed) expect(wordHeight, register.title).toBeGreaterThanOrEqual(9);
  });

  it('converts every seed workbook in both languages, with no blank page', () => {
    expect(printed.length).toBeGreaterThanOrEqual(10);
    for (const { register, pages } of printed) {
      expect(pages.length).toBeGreaterThan(1);
      for (const [n, page] of pages.entries()) expect(page.trim(), `${register.title}, page ${n + 1}`).not.toBe('');
    }
  });

  it('prints each record landscape, with its header row and activity columns repeated on every page', () => {
    for (const { register, pages, orientations } of printed) {
      const tablePages = pages.slice(0, -1);
      expect(
        orientations.slice(0, -1).every((o) => o === 'landscape'),
        register.title,
      ).toBe(true);
      for (const [n, page] of tablePages.entries()) {
        // The footer names the sheet; the header row starts a line of its own (the footer may be drawn before it).
        const table = register.tables.find((t) => page.includes(t.sheetName));
        expect(table, `${register.title}, page ${n + 1} names its sheet`).toBeDefined();
        expect(
          page.split('\n').some((line) => line.startsWith(`${table!.columns[0]!.header} `)),
          `${register.title}, page ${n + 1} has the header row`,
        ).toBe(true);
        expect(page).toContain(table!.columns[table!.rowHeader]!.header);
      }
    }
  });

  it("prints every column header's words whole", () => {
    // 'verwerkingsverantwoordelijken' printed as 'verwerkingsverantwoordelijke' and a lone 'n' (register review).
    for (const { register, pages } of printed) {
      const words = new Set(pages.join('\n').split(/\s+/));
      for (const table of register.tables)
        for (const column of table.columns)
          for (const word of column.header.split(' '))
            expect(words.has(word), `${register.title}: ${column.header}`).toBe(true);
    }
  });

  it('puts every cell of every record on paper', () => {
    for (const { register, pages } of printed) {
      const paper = squeeze(pages.join(''));
      for (const table of register.tables) {
        for (const cell of table.rows.flat()) {
          for (const value of cell) expect(paper.includes(squeeze(value)), `${register.title}: ${value}`).toBe(true);
        }
      }
    }
  });

  it('fits the organisation sheet on one portrait page', () => {
    for (const { register, pages, orientations } of printed) {
      const holding = pages.filter(
        (page) => page.includes(register.organisation.head[1]) && page.includes(register.organisation.facts[0]!.label),
      );
      expect(holding, register.title).toHaveLength(1);
      expect(holding[0]).toBe(pages.at(-1));
      expect(orientations.at(-1)).toBe('portrait');
      const paper = squeeze(pages.at(-1)!);
      for (const fact of register.organisation.facts)
        expect(paper.includes(squeeze(fact.value)), fact.value).toBe(true);
    }
  });
});
