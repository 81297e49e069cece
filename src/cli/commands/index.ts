import type { Command } from '../cli-support.js';
import { auditSiteCommand } from './audit-site.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { initCommand } from './init.js';
import { registerCommand } from './register.js';
import { serveCommand } from './serve.js';

/** Every subcommand, by name. Add a command: one module in this folder, one line here. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [initCommand, checkCommand, buildCommand, registerCommand, diffCommand, auditSiteCommand, serveCommand].map((c) => [
    c.name,
    c,
  ]),
);
