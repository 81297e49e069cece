import type ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Register, RegisterTable } from './register-model.js';

/** Values of a multi-value cell go on lines of their own; cells wrap. */
export const XLSX_VALUE_SEPARATOR = '\n';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const TOP_WRAPPED: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

function addTableSheet(workbook: ExcelJS.Workbook, table: RegisterTable): void {
  const sheet = workbook.addWorksheet(table.sheetName, {
    // Header row and columns up to the activity's name frozen; landscape when printed, header repeated on every page.
    views: [{ state: 'frozen', xSplit: table.rowHeader + 1, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => { cell.fill = HEADER_FILL; });
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell.join(XLSX_VALUE_SEPARATOR)));
  sheet.eachRow((row) => { row.alignment = TOP_WRAPPED; });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function addOrganisationSheet(workbook: ExcelJS.Workbook, register: Register): void {
  const { organisation } = register;
  const sheet = workbook.addWorksheet(organisation.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ key: 'label', width: 36 }, { key: 'value', width: 80 }];
  const header = sheet.addRow([...organisation.head]);
  header.font = { bold: true };
  header.eachCell((cell) => { cell.fill = HEADER_FILL; });
  sheet.addRow([register.title, register.versionLine]);
  for (const fact of organisation.facts) sheet.addRow([fact.label, fact.value]);
  sheet.eachRow((row) => { row.alignment = TOP_WRAPPED; });
}

/** '2025-02-05' as a Date at midnight UTC: the one timestamp a workbook carries comes from the policy. */
function policyDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The register as an Excel workbook: one sheet per record (30(1), 30(2)),
 * then one with the organisation's details. Same register, same bytes: the
 * document dates are the policy's effective date, and the package is re-zipped
 * with fixed entry times (exceljs's zip writer stamps the current time).
 */
export async function registerToXlsx(register: Register): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes a few hundred milliseconds to import.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const date = policyDate(register.date);
  workbook.creator = 'policyc';
  workbook.lastModifiedBy = 'policyc';
  workbook.title = register.title;
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = date;
  for (const table of register.tables) addTableSheet(workbook, table);
  addOrganisationSheet(workbook, register);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return rezipDeterministically(written, register.date);
}

/**
 * The date `iso` at noon as a zip entry time. A zip stores local DOS time,
 * which fflate derives with local-time getters; a Date built from local
 * fields gives the same fields back in every time zone (noon: never skipped
 * by a daylight-saving change). DOS time covers 1980–2099 only: a date
 * outside is clamped to the first or last day it can hold.
 */
export function zipEntryTime(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (year < 1980) return new Date(1980, 0, 1, 12);
  if (year > 2099) return new Date(2099, 11, 31, 12);
  return new Date(year, month - 1, day, 12);
}

/** Rewrites a zip with every entry dated `iso` (see zipEntryTime). */
export function rezipDeterministically(zip: Uint8Array, iso: string): Uint8Array {
  const mtime = zipEntryTime(iso);
  const entries = unzipSync(zip);
  const files: Zippable = {};
  for (const name of Object.keys(entries)) files[name] = [entries[name]!, { mtime, level: 6 }];
  return zipSync(files);
}
