// fflate's browser build: the same synchronous code as its Node build, which requires node:worker_threads when it
// loads (a ms or two of a cold build) for asynchronous calls that this module does not make.
import { zipSync, type Zippable } from 'fflate/browser';

/**
 * A small SpreadsheetML (Office Open XML) package writer: just what the
 * register needs — shared strings, one styles part, column widths, row
 * heights, frozen panes, an autofilter, print areas, print titles and page
 * setup. Deterministic: no clock, fixed zip entry times, fixed part order.
 * test/register.test.ts reads every workbook back with exceljs.
 */

/** Cell styles, by index into styles.xml's cellXfs. */
export const XlsxStyle = {
  Default: 0,
  /** Wrapped, top-aligned body cell. */
  Body: 1,
  /** Bold, shaded, wrapped, top-aligned header cell. */
  Header: 2,
} as const;
export type XlsxStyle = (typeof XlsxStyle)[keyof typeof XlsxStyle];

export interface XlsxPageSetup {
  orientation: 'landscape' | 'portrait';
  /** Pages wide and tall the sheet is scaled to fit (0 = as many as needed), or a scale in percent it prints at. */
  size: { fitToWidth: number; fitToHeight: number } | { scale: number };
  /** The columns printed, the first and the last (0 = A): those outside are on screen only. */
  printColumns: ColumnRange;
  /** Columns repeated at the left of every printed page, printed though outside `printColumns`; absent: none. */
  repeatColumns?: ColumnRange;
}

/** A run of columns, the first and the last (0 = A). */
export interface ColumnRange {
  from: number;
  to: number;
}

export interface XlsxSheet {
  name: string;
  /** Column widths in characters. */
  widths: readonly number[];
  /** Rows of cells; '' is a blank cell (still styled). Every row has one cell per column. */
  rows: ReadonlyArray<readonly string[]>;
  /** Style per row (by index). */
  rowStyle(index: number): XlsxStyle;
  /** Row heights in points (undefined: the application's default). */
  heights: ReadonlyArray<number | undefined>;
  /** Frozen columns and rows (top-left pane). */
  freeze: { columns: number; rows: number };
  /** An autofilter on the first row. */
  autoFilter: boolean;
  page: XlsxPageSetup;
}

export interface XlsxWorkbook {
  title: string;
  /** Which version of the source the workbook was made from: printed at the left of every page's footer. */
  versionLine: string;
  /** The one date the package carries (ISO yyyy-mm-dd): the document's created and modified date; none for an undated document. */
  date?: string;
  sheets: readonly XlsxSheet[];
  /** The sheet the workbook opens at (index into `sheets`). */
  activeSheet: number;
}

/** Every zip entry's time: the zip format's epoch, so any document date (even before 1980) packs the same. */
const ZIP_TIME = new Date(1980, 0, 1, 12);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Characters XML 1.0 cannot carry at all (tab, newline and carriage return it can).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A carriage return as a reference: XML parsers turn a literal one into a line feed. */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

const xmlEntity = (c: string): string => XML_ESCAPES[c]!;

function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"\r]/g, xmlEntity);
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: always quoted, quotes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Strings stored once per workbook (xl/sharedStrings.xml); cells refer to them by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map(sharedStringXml).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const sharedStringXml = (text: string): string => `<si><t xml:space="preserve">${xmlEscape(text)}</t></si>`;
const colXml = (width: number, i: number): string =>
  `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;

function sheetViewXml(freeze: XlsxSheet['freeze'], active: boolean): string {
  const { columns, rows } = freeze;
  const view = `<sheetView${active ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  if (!columns && !rows) return `<sheetViews>${view}/></sheetViews>`;
  const topLeft = `${columnLetter(columns)}${rows + 1}`;
  const pane = columns && rows ? 'bottomRight' : columns ? 'topRight' : 'bottomLeft';
  const split = `${columns ? ` xSplit="${columns}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
  return (
    `<sheetViews>${view}><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function rowXml(
  cells: readonly string[],
  r: number,
  style: XlsxStyle,
  height: number | undefined,
  strings: SharedStrings,
): string {
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  let body = '';
  for (let c = 0; c < cells.length; c++) {
    const text = cells[c]!;
    const ref = `${columnLetter(c)}${r}`;
    body +=
      text === '' ? `<c r="${ref}" s="${style}"/>` : `<c r="${ref}" s="${style}" t="s"><v>${strings.add(text)}</v></c>`;
  }
  return `<row r="${r}" spans="1:${cells.length}" s="${style}" customFormat="1"${ht}>${body}</row>`;
}

function worksheetXml(sheet: XlsxSheet, strings: SharedStrings, workbook: XlsxWorkbook, active: boolean): string {
  const last = columnLetter(sheet.widths.length - 1);
  const cols = sheet.widths.map(colXml).join('');
  let rows = '';
  for (let i = 0; i < sheet.rows.length; i++)
    rows += rowXml(sheet.rows[i]!, i + 1, sheet.rowStyle(i), sheet.heights[i], strings);
  const { page } = sheet;
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    ('scale' in page.size ? '' : `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`) +
    `<dimension ref="A1:${last}${Math.max(1, sheet.rows.length)}"/>` +
    sheetViewXml(sheet.freeze, active) +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows}</sheetData>` +
    (sheet.autoFilter ? `<autoFilter ref="A1:${last}1"/>` : '') +
    `<printOptions gridLines="1"/>` +
    `<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    // Across, then down: the pages that hold one band of activities follow each other on paper.
    `<pageSetup paperSize="9" pageOrder="overThenDown" orientation="${page.orientation}" ${sizeXml(page.size)}/>` +
    // Whose register at the head of every printed page; which version of it, the sheet and the page number at the foot.
    `<headerFooter><oddHeader>${xmlEscape(pageHeader(workbook))}</oddHeader><oddFooter>${xmlEscape(pageFooter(workbook))}</oddFooter></headerFooter>` +
    `</worksheet>`
  );
}

const sizeXml = (size: XlsxPageSetup['size']): string =>
  'scale' in size ? `scale="${size.scale}"` : `fitToWidth="${size.fitToWidth}" fitToHeight="${size.fitToHeight}"`;

/** Print areas, print titles and the autofilter's hidden range, per sheet. */
function definedNamesXml(sheets: readonly XlsxSheet[]): string {
  const names: string[] = [];
  sheets.forEach((sheet, i) => {
    const ref = sheetRef(sheet.name);
    const last = columnLetter(sheet.widths.length - 1);
    const rows = Math.max(1, sheet.rows.length);
    if (sheet.autoFilter)
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${ref}!$A$1:$${last}$1`)}</definedName>`,
      );
    const { printColumns, repeatColumns } = sheet.page;
    const area = `${ref}!$${columnLetter(printColumns.from)}$1:$${columnLetter(printColumns.to)}$${rows}`;
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlEscape(area)}</definedName>`);
    const titles = [
      ...(repeatColumns ? [`${ref}!$${columnLetter(repeatColumns.from)}:$${columnLetter(repeatColumns.to)}`] : []),
      ...(sheet.freeze.rows ? [`${ref}!$1:$${sheet.freeze.rows}`] : []),
    ];
    if (titles.length)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(titles.join(','))}</definedName>`,
      );
  });
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

function workbookXml(workbook: XlsxWorkbook): string {
  const { sheets } = workbook;
  const list = sheets.map(sheetEntryXml).join('');
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView activeTab="${workbook.activeSheet}"/></bookViews><sheets>${list}</sheets>${definedNamesXml(sheets)}</workbook>`
  );
}

const sheetEntryXml = (sheet: XlsxSheet, i: number): string =>
  `<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;

const sheetRelXml = (_: unknown, i: number): string =>
  `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;

function workbookRelsXml(count: number): string {
  const sheets = Array.from({ length: count }, sheetRelXml).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheets}` +
    `<Relationship Id="rId${count + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${count + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

const sheetTypeXml = (_: unknown, i: number): string =>
  `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;

function contentTypesXml(count: number): string {
  const sheets = Array.from({ length: count }, sheetTypeXml).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>policyc</Application></Properties>`;

/** Body font 10 pt; header bold on a light shade; every cell wrapped and top-aligned. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="10"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The document properties; without a date no created or modified date at all (Excel showed 1-1-1980 for the zip epoch). */
function coreXml(title: string, date: string | undefined): string {
  const stamp = `${date}T00:00:00Z`;
  const dates = date
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`
    : '';
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>policyc</dc:creator><cp:lastModifiedBy>policyc</cp:lastModifiedBy>` +
    dates +
    '</cp:coreProperties>'
  );
}

/** Characters of a header or footer section as written: with the codes around it within Excel's 255. */
const HEADER_SECTION = 200;

/**
 * Text for a header section: '&' starts a header code, so a literal one is doubled; the text is
 * shortened to `HEADER_SECTION` characters as written, never cutting a pair in half.
 */
function headerText(text: string): string {
  let written = '';
  for (const c of text) {
    const code = c === '&' ? '&&' : c;
    if (written.length + code.length > HEADER_SECTION) break;
    written += code;
  }
  return written;
}

/** The register's title, at the left of every printed page's head. */
const pageHeader = (workbook: XlsxWorkbook): string => `&L${headerText(workbook.title)}`;

/**
 * At the foot of every printed page: the version the register was made from (left), the sheet and the page
 * number (right). Not beside the title: on a portrait page a long title and version overprinted each other.
 */
const pageFooter = (workbook: XlsxWorkbook): string => `&L${headerText(workbook.versionLine)}&R&A — &P / &N`;

/**
 * The deflate level of a part: the register's content (the sheets and their
 * shared strings) is deflated; the small fixed-shape parts (content types,
 * relationships, properties, workbook, styles; about 5 KB in all) are stored.
 * Setting up a deflate costs more than such a part saves: storing them made
 * a Doctolib-size workbook about 5 KB larger and its writing about 40% faster.
 * Level 1, the fastest: level 6 took about 4% more of a whole Doctolib compile
 * to make a workbook about 6% smaller (16.5 KB, not 17.5). Every part with a
 * match table of 2^15 entries (fflate's mem 3), not one sized by the part's
 * length (2^16 for Doctolib's shared strings): 3% fewer instructions per
 * compile, and the workbooks no larger (mem 0 to 4 measured; 3 did best).
 * Fixed levels and table size, so the bytes are the same on every machine.
 */
const ZIP_MEMORY = 3;

function levelOf(part: string): 0 | 1 {
  return part.startsWith('xl/worksheets/') || part === 'xl/sharedStrings.xml' ? 1 : 0;
}

const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const sheetPart = (bytes: Uint8Array, i: number): [string, Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, bytes];

/** The workbook as .xlsx bytes. Same workbook, same bytes, in any time zone. */
export function writeXlsx(workbook: XlsxWorkbook): Uint8Array {
  const strings = new SharedStrings();
  const sheets: Uint8Array[] = [];
  for (let i = 0; i < workbook.sheets.length; i++)
    sheets.push(encode(worksheetXml(workbook.sheets[i]!, strings, workbook, i === workbook.activeSheet)));
  const parts: Array<[string, string | Uint8Array]> = [
    ['[Content_Types].xml', contentTypesXml(sheets.length)],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreXml(workbook.title, workbook.date)],
    ['docProps/app.xml', APP],
    ['xl/workbook.xml', workbookXml(workbook)],
    ['xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length)],
    ['xl/styles.xml', STYLES],
    ...sheets.map(sheetPart),
    ['xl/sharedStrings.xml', strings.xml()],
  ];
  const files: Zippable = {};
  for (const [name, data] of parts)
    files[name] = [
      typeof data === 'string' ? encode(data) : data,
      { mtime: ZIP_TIME, level: levelOf(name), mem: ZIP_MEMORY },
    ];
  return zipSync(files);
}
