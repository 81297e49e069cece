import { parseArgs } from 'node:util';
import { cli, EXIT_OK, EXIT_USAGE, packageVersion, UsageError, type CliIo, type CommonOptions } from './cli-support.js';
import { commands } from './commands/index.js';

export type { CliIo } from './cli-support.js';

/** Options every command accepts; command-specific flags are declared here too, so that parsing stays strict. */
const optionSpec = {
  out: { type: 'string', default: 'dist' },
  lang: { type: 'string' },
  format: { type: 'string', default: 'text' },
  jobs: { type: 'string' },
  bom: { type: 'boolean', default: false },
  'id-prefix': { type: 'string' },
  'heading-level': { type: 'string' },
  'max-warnings': { type: 'string' },
  strict: { type: 'boolean', default: false },
  'fail-on': { type: 'string' },
  'notify-date': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;


/** Runs one CLI invocation; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: optionSpec });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    const [name, ...paths] = positionals;
    if (values.version) {
      io.stdout(packageVersion() + '\n');
      return EXIT_OK;
    }
    if (values.help || name === 'help') {
      io.stdout(cli.t('cli:usage') + '\n');
      return EXIT_OK;
    }
    if (name === undefined) {
      io.stderr(cli.t('cli:usage') + '\n');
      return EXIT_USAGE;
    }
    const command = commands.get(name);
    if (!command) throw new UsageError(cli.t('cli:unknownCommand', { command: name }));
    if (!command.formats.includes(values.format)) {
      throw new UsageError(cli.t('cli:badFormat', { format: values.format, formats: command.formats.join(', ') }));
    }
    const options: CommonOptions = {
      out: values.out, format: values.format, paths, values,
      ...(values.lang !== undefined ? { lang: values.lang } : {}),
    };
    return await command.run(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(cli.t('cli:usageError', { detail: error.message }) + '\n');
      return EXIT_USAGE;
    }
    throw error;
  }
}
