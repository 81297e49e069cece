import type { CompileJob } from '../compile-job.js';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from '../../pipeline/layout-options.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { StageRuleId } from '../../diagnostics/stage-rule-ids.js';
import { CSV_DIALECTS, isCsvDialect, type CsvDialect } from '../../render/register/csv-dialect.js';
import { cli, parseLanguages, UsageError, type CommonOptions } from '../cli-support.js';
import { joinList } from '../../i18n/messages.js';

export function parseJobs(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(cli.t('cli:badJobs', { value: String(value) }));
  return n;
}

/** --id-prefix and --heading-level for the fragment, checked here so that a bad value is a usage error. */
function parseLayout(values: CommonOptions['values']): LayoutOptions {
  const layout: LayoutOptions = {};
  const prefix = values['id-prefix'];
  if (typeof prefix === 'string') {
    if (!isIdPrefix(prefix)) throw new UsageError(cli.t('cli:badIdPrefix', { value: prefix }));
    layout.idPrefix = prefix;
  }
  const level = values['heading-level'];
  if (typeof level === 'string') {
    if (!/^\d+$/.test(level) || !isHeadingLevel(Number(level)))
      throw new UsageError(cli.t('cli:badHeadingLevel', { value: level }));
    layout.headingLevel = Number(level);
  }
  return layout;
}

/** --csv: excel (default) or rfc4180, checked here so that a bad value is a usage error. */
function parseCsv(value: unknown): CsvDialect | undefined {
  if (value === undefined) return undefined;
  if (!isCsvDialect(value))
    throw new UsageError(cli.t('cli:badCsv', { value: String(value), dialects: joinList(CSV_DIALECTS, cli, 'or') }));
  return value;
}

/**
 * "bom": false in the config file under the excel dialect, which always
 * writes a byte-order mark (Excel needs it): a warning at the key, not a
 * setting silently ignored. (A flag can only turn --bom on.)
 */
export function ignoredBom(options: CommonOptions): Diagnostic[] {
  const at = options.config.bomAt;
  if (!at || options.values.bom !== false || (parseCsv(options.values.csv) ?? 'excel') !== 'excel') return [];
  return [
    {
      ruleId: 'config/bom-ignored' satisfies StageRuleId<'config'>,
      severity: 'warning',
      ...at,
      pointer: '/bom',
      messageId: 'diagnostics:config.bomIgnored',
      data: {},
    },
  ];
}

/** What every compile job of one invocation shares: languages, fragment layout, acknowledged findings, CSV dialect and BOM. */
export function jobSettings(
  options: CommonOptions,
  groups?: readonly string[],
): Omit<CompileJob, 'index' | 'file' | 'displayPath'> {
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  const csvDialect = parseCsv(options.values.csv);
  return {
    csvBom: options.values.bom === true,
    ...(csvDialect ? { csvDialect } : {}),
    ...(languages ? { languages } : {}),
    ...(groups ? { groups } : {}),
    ...parseLayout(options.values),
    acknowledged: options.acknowledged ?? [],
    ...(options.values.history === true ? { history: true } : {}),
  };
}
