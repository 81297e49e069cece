import type { CliIo, CommonOptions } from '../cli-support.js';
import { compileAndWrite } from './build.js';

/**
 * `policyc register [paths…] --out dist --lang nl,en [--bom]`: write only the
 * art. 30 registers (dist/<org>/<lang>/register.{csv,xlsx,html,md}); other
 * files in the output folder stay as they are, except the registers of a
 * language --lang leaves out: those are removed, and the run says so.
 */
export const run = (options: CommonOptions, io: CliIo): Promise<number> => compileAndWrite(options, io, ['register']);
