/**
 * Loaded with `node --require` into a policyc started by a test: appends the path of every file written into a
 * build's staging folder (fs.writeFileSync under `.policyc-staging-`) to the file POLICYC_RECORD_WRITES names, one
 * a line, so that a test can tell which policies a build (on this thread: --jobs 1) compiled into outputs.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload for node --require is CommonJS */
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const record = process.env.POLICYC_RECORD_WRITES;
const write = fs.writeFileSync;
const append = fs.appendFileSync;
if (record) {
  fs.writeFileSync = function writeFileSync(file, ...rest) {
    if (String(file).includes('.policyc-staging-')) append(record, `${String(file)}\n`);
    return write.call(this, file, ...rest);
  };
  syncBuiltinESMExports();
}
