import type { Command } from '../cli-support.js';
import { compileAndWrite, outputFlags } from './build.js';

/**
 * `policyc register [paths…] --out dist --lang nl,en [--bom]`: write only the
 * art. 30 registers (dist/<org>/<lang>/register.{csv,xlsx,html,md}); other
 * files in the output folder stay as they are.
 */
export const registerCommand: Command = {
  name: 'register',
  formats: ['text', 'compact', 'json', 'sarif'],
  flags: outputFlags,
  run: (options, io) => compileAndWrite(options, io, ['register']),
};
