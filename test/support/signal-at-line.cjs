/**
 * Loaded with `node --require` into a policyc started by a test: sends this process the signal named by
 * POLICYC_SIGNAL_AT_SIGNAL from inside the write of the first stderr line that matches the pattern
 * POLICYC_SIGNAL_AT_LINE. The signal is then pending at exactly that line (a signal sent by the test on
 * the line's arrival lands some time later), so a test can say what a stop at that moment does.
 */
const pattern = new RegExp(process.env.POLICYC_SIGNAL_AT_LINE ?? '(?!)');
const signal = process.env.POLICYC_SIGNAL_AT_SIGNAL ?? 'SIGTERM';
const write = process.stderr.write.bind(process.stderr);
let sent = false;
process.stderr.write = (chunk, ...rest) => {
  const written = write(chunk, ...rest);
  if (!sent && pattern.test(String(chunk))) {
    sent = true;
    process.kill(process.pid, signal);
  }
  return written;
};
