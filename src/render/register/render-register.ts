import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Language, Messages } from '../../i18n/messages.js';
import type { OutputFile } from '../../output/output-file.js';
import type { PolicyModel } from '../../resolve/model.js';
import type { CsvDialect } from './csv-dialect.js';
import { csvOptions, registerToCsv } from './register-csv.js';
import { registerStylesheet, registerToHtml } from './register-html.js';
import { registerToMarkdown } from './register-markdown.js';
import { buildRegister, standaloneTable, standaloneWithoutActivity } from './register-model.js';
import { registerToXlsx } from './register-xlsx.js';

export interface RegisterRenderOptions {
  /** How the CSV files are written (register-csv.ts); default 'excel'. */
  csvDialect?: CsvDialect;
  /** Start RFC 4180 CSV files with a UTF-8 byte-order mark too (the Excel dialect always has one). */
  csvBom?: boolean;
  /** The languages of this build: register.html links the others. */
  languages?: readonly Language[];
  /** The check's findings: those acknowledged, with their reasons, are the register's documented assessments. */
  findings?: readonly Diagnostic[];
}

/**
 * The art. 30 register in one language, built once and written four ways:
 * register.csv (and register-processor.csv for a 30(2) record, register-without-activity.csv for what the
 * notice names that no activity processes),
 * register.xlsx, register.html and register.md.
 */
export function renderRegister(
  model: PolicyModel,
  messages: Messages,
  options: RegisterRenderOptions = {},
): OutputFile[] {
  const register = buildRegister(model, messages, options.findings);
  const csv = csvOptions(options.csvDialect ?? 'excel', register.lang, options.csvBom ?? false);
  return [
    ...register.tables.map((table) => ({
      path: `${table.fileStem}.csv`,
      contents: registerToCsv(standaloneTable(table, model, messages), csv),
    })),
    // What the notice names that no activity processes: a file of its own, as its rows are no activities.
    ...(register.withoutActivity
      ? [
          {
            path: `${register.withoutActivity.fileStem}.csv`,
            contents: registerToCsv(standaloneWithoutActivity(register.withoutActivity, model, messages), csv),
          },
        ]
      : []),
    { path: 'register.xlsx', contents: registerToXlsx(register) },
    { path: 'register.html', contents: registerToHtml(register, options.languages) },
    { path: 'register.css', contents: registerStylesheet(register) },
    { path: 'register.md', contents: registerToMarkdown(register) },
  ];
}
