/**
 * Set up before every test file (vitest.config.ts): the Node processes the tests start (the CLI, about 200
 * of them in a run, and scripts) load no extra CA certificates. Node reads every certificate named by
 * NODE_EXTRA_CA_CERTS at start-up, before any of the script runs: on a machine that sets it (the project's
 * does, to its whole CA bundle) that was about 57 ms of CPU per start (`node -e 0`: 140 ms with it, 84 ms
 * without). Nothing policyc does opens a TLS connection. The one child that reaches the network, npm
 * installing the packed package (package-install.test.ts), gets the machine's setting back from
 * `registryEnv()`.
 */
const SAVED = 'POLICYC_TEST_NODE_EXTRA_CA_CERTS';

if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  process.env[SAVED] = process.env.NODE_EXTRA_CA_CERTS;
  delete process.env.NODE_EXTRA_CA_CERTS;
}

/** The environment a child that reaches the npm registry needs: the machine's NODE_EXTRA_CA_CERTS, if it set one. */
export function registryEnv(): NodeJS.ProcessEnv {
  const certificates = process.env[SAVED];
  return certificates === undefined ? {} : { NODE_EXTRA_CA_CERTS: certificates };
}
