import { stringify } from 'csv-stringify/sync';
import type { RegisterTable } from './register-model.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
}

/** Values of a multi-value cell go on lines of their own: readable in a spreadsheet, easy to split. */
export const CSV_VALUE_SEPARATOR = '\n';

/**
 * One register table as CSV, a file that stands alone (RegisterTable.standalone: the
 * organisation-wide entries in every row, marked, and the policy's version and dates last),
 * in RFC 4180: CRLF between records, fields quoted
 * when they hold a comma, quote or line break), header row first. A cell
 * starting with =, +, -, @, tab or CR gets a leading apostrophe (OWASP's
 * advice against CSV formula injection: a spreadsheet shows it as text).
 */
export function registerToCsv(table: RegisterTable, options: CsvOptions = {}): string {
  return stringify(
    [
      table.standalone.columns.map((c) => c.header),
      ...table.standalone.rows.map((row) => row.map((cell) => cell.join(CSV_VALUE_SEPARATOR))),
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR,
      // which multi-value cells hold: quote those too, as RFC 4180 requires.
    ],
    { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: options.bom ?? false, escape_formulas: true },
  );
}
