import { stringify } from 'csv-stringify/sync';
import type { Language } from '../../i18n/messages.js';
import type { CsvDialect } from './csv-dialect.js';
import type { StandaloneTable } from './register-model.js';

export type CsvSeparator = ',' | ';';

/**
 * Excel's list separator in each register language's regional settings (Windows' "List separator"):
 * nl-NL writes decimals with a comma, so it separates with a semicolon; English with a comma.
 */
const EXCEL_SEPARATOR: Record<Language, CsvSeparator> = { nl: ';', en: ',' };

export interface CsvOptions {
  /** Between fields: ',' (RFC 4180, the default) or ';'. */
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
}

/** The CSV options of a dialect for a register in `lang`; `bom` adds a byte-order mark to RFC 4180 (--bom). */
export function csvOptions(dialect: CsvDialect, lang: Language, bom = false): Required<CsvOptions> {
  return dialect === 'excel' ? { separator: EXCEL_SEPARATOR[lang], bom: true } : { separator: ',', bom };
}

/** Values of a multi-value cell go on lines of their own: readable in a spreadsheet, easy to split. */
const CSV_VALUE_SEPARATOR = '\n';

/**
 * One register table as CSV, a file that stands alone (standaloneTable: the
 * organisation-wide entries in every row, marked, and the policy's version and dates last),
 * in RFC 4180's shape (CRLF between records, fields quoted when they hold the separator,
 * a quote or a line break), header row first. A cell starting with =, +, -, @, tab or CR
 * gets a leading apostrophe (OWASP's advice against CSV formula injection: a spreadsheet
 * shows it as text).
 */
export function registerToCsv(table: StandaloneTable, options: CsvOptions = {}): string {
  return stringify(
    [
      table.headers,
      ...table.rows.map(csvRecord),
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR,
      // which multi-value cells hold: quote those too, as RFC 4180 requires.
    ],
    {
      delimiter: options.separator ?? ',',
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      bom: options.bom ?? false,
      escape_formulas: true,
    },
  );
}

// Module-level callbacks (docs/architecture.md, "No closures made per call").
const csvRecord = (row: StandaloneTable['rows'][number]): string[] => row.map(csvField);
const csvField = (cell: readonly string[]): string => cell.join(CSV_VALUE_SEPARATOR);
