#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runFreshBundle } from '../code-cache.js';
import type * as ProcessCli from './process-cli.js';

/**
 * The `policyc` command. It runs the bundled CLI (lib/policyc-bundle.cjs,
 * written by scripts/bundle-cli.mjs: every module of the CLI in one file,
 * with V8's code cache trained on a check, or on a build for the other
 * commands), which starts in a fraction of the time the hundred modules it
 * holds take to load. The compiled modules run instead when there is no
 * bundle, when it is older than them (`tsc` ran after `npm run compile`), or
 * with POLICYC_BUNDLE=0. scripts/bundle-cli.mjs also writes this file as
 * CommonJS, lib/cli/main.cjs (the bin), which starts without Node's ES module
 * loader.
 */
function bundledCli(): typeof ProcessCli | undefined {
  const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  return runFreshBundle(
    fileURLToPath(new URL('../policyc-bundle.cjs', import.meta.url)),
    fileURLToPath(new URL('./process-cli.js', import.meta.url)),
    command === 'check' ? 'check' : 'build',
  ) as typeof ProcessCli | undefined;
}

// No top-level await: the CommonJS copy has none.
void Promise.resolve(bundledCli() ?? import('./process-cli.js'))
  .then((cli) => cli.runFromProcess())
  .then((code) => {
    process.exitCode = code;
  });
