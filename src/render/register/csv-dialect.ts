/**
 * How register.csv is written. 'excel' (the default): for the spreadsheet a
 * privacy officer double-clicks — the list separator of Excel in the
 * register language's regional settings, and a UTF-8 byte-order mark, without
 * which Excel reads a CSV in the Windows code page. 'rfc4180': commas and no
 * byte-order mark (unless --bom asks for one), for programs.
 * (A module of its own, without the CSV writer: the CLI checks --csv before it loads the renderers.)
 */
export type CsvDialect = 'excel' | 'rfc4180';

export const CSV_DIALECTS: readonly CsvDialect[] = ['excel', 'rfc4180'];

export const isCsvDialect = (value: unknown): value is CsvDialect => CSV_DIALECTS.includes(value as CsvDialect);
