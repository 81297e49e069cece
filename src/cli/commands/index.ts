import type { Command } from '../cli-support.js';

/** The flags of the commands that write outputs (build, register). */
const outputFlags = {
  out: { type: 'string' },
  lang: { type: 'string' },
  jobs: { type: 'string' },
  bom: { type: 'boolean' },
  csv: { type: 'string' },
  'max-warnings': { type: 'string' },
  strict: { type: 'boolean' },
  force: { type: 'boolean' },
} as const satisfies Command['flags'];

/**
 * Every subcommand: what parsing the arguments needs (every command's flags, since flags before
 * the command may take values), and the module that runs it, loaded only for the command given. Add a
 * command: one module in this folder that exports `run`, one entry here.
 */
const table: readonly Command[] = [
  {
    name: 'init',
    formats: [],
    flags: {
      sector: { type: 'string' },
      extends: { type: 'string' },
      base: { type: 'string' },
      id: { type: 'string' },
      formal: { type: 'boolean' },
      informal: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
    },
    load: () => import('./init.js'),
  },
  {
    name: 'check',
    formats: ['text', 'compact', 'github', 'json', 'sarif'],
    flags: { lang: { type: 'string' }, 'max-warnings': { type: 'string' } },
    load: () => import('./check.js'),
  },
  {
    name: 'build',
    formats: ['text', 'compact', 'github', 'json', 'sarif'],
    flags: {
      ...outputFlags,
      'id-prefix': { type: 'string' },
      'heading-level': { type: 'string' },
      watch: { type: 'boolean' },
      history: { type: 'boolean' },
      'keep-going': { type: 'boolean' },
      report: { type: 'string' },
    },
    load: () => import('./build.js'),
  },
  {
    name: 'register',
    formats: ['text', 'compact', 'github', 'json', 'sarif'],
    flags: outputFlags,
    load: () => import('./register.js'),
  },
  {
    name: 'diff',
    formats: ['text', 'markdown', 'html', 'json'],
    flags: { lang: { type: 'string' }, 'fail-on': { type: 'string' }, 'notify-date': { type: 'string' } },
    load: () => import('./diff.js'),
  },
  {
    name: 'audit-site',
    formats: ['text', 'compact', 'github', 'json', 'sarif'],
    flags: { lang: { type: 'string' } },
    load: () => import('./audit-site.js'),
  },
  {
    name: 'serve',
    formats: ['text', 'compact'],
    flags: { port: { type: 'string' }, host: { type: 'string' }, lang: { type: 'string' } },
    load: () => import('./serve.js'),
  },
];

/** Every subcommand, by name. */
export const commands: ReadonlyMap<string, Command> = new Map(table.map((c) => [c.name, c]));
