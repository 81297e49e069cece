import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fixturesDir } from './support/fixtures.js';
import { startPolicyc } from './support/cli-process.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'policyc-serve-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function request(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (c: string) => (body += c))
        .on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    }).on('error', reject);
  });
}

/** Opens the live-reload event stream; resolves `reloaded` at the first reload event. */
function openEvents(url: string): Promise<{ reloaded: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = get(url, (response) => {
      let data = '';
      const reloaded = new Promise<void>((done) =>
        response.setEncoding('utf8').on('data', (c: string) => {
          data += c;
          if (data.includes('event: reload')) done();
        }),
      );
      resolve({ reloaded, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

test('serve answers on 127.0.0.1 with the notice, reloads the page after an edit, and stops when asked', async () => {
  const policy = path.join(temp, 'policies/minimal/policy.json');
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), policy);
  const server = startPolicyc(['serve', '--port', '0'], temp);
  try {
    const [, url] = await server.waitFor(/Previewing at (http:\/\/[^ ]+\/)/, 30_000);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const index = await request(url!);
    expect(index.body).toContain('<a href="/minimal/en/privacy.html">Privacy notice (en)</a>');
    const page = await request(`${url}minimal/en/privacy.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Praktijk Voorbeeld B.V.');
    // The preview adds its reload script (allowed by its CSP); the notice in dist has none.
    expect(page.body).toContain('<script src="/__policyc/live-reload.js"></script>\n</body>');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
    );
    expect((await request(`${url}__policyc/live-reload.js`)).body).toContain("new EventSource('/__policyc/events')");
    expect((await request(`${url}minimal/en/privacy.css`)).headers['content-type']).toBe('text/css; charset=utf-8');
    // The fragment the site embeds, in a neutral host page with only its own stylesheet (review webdev10, finding 11).
    expect(index.body).toContain('<a href="/minimal/en/privacy.fragment-host.html">Fragment in a host page (en)</a>');
    const host = await request(`${url}minimal/en/privacy.fragment-host.html`);
    expect(host.status).toBe(200);
    expect(host.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    // The fragment as served on its own: no </body>, so the reload script is at its end.
    const reload = '<script src="/__policyc/live-reload.js"></script>';
    const fragment = (await request(`${url}minimal/en/privacy.fragment.html`)).body.slice(0, -reload.length);
    expect(fragment).toContain('class="policyc-notice"');
    expect(host.body).toBe(
      [
        '<!doctype html>',
        '<html lang="en">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fragment in a host page (en)</title>',
        '<link rel="stylesheet" href="privacy.fragment.css"></head>',
        `<body><main>\n${fragment}\n</main><script src="/__policyc/live-reload.js"></script>\n</body>`,
        '</html>',
      ].join('\n'),
    );
    expect((await request(`${url}minimal/en/privacy.fragment.css`)).body).toContain('.policyc-notice');
    expect((await request(`${url}nosuch/en/privacy.fragment-host.html`)).status).toBe(404);
    expect((await request(`${url}../../etc/passwd`)).status).toBe(404);
    expect((await request(`${url}%E0%A4%A`)).status).toBe(400);
    expect((await request(url!, { Host: 'attacker.example' })).status).toBe(421);

    const events = await openEvents(`${url}__policyc/events`);
    const from = server.stderr().length;
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('Praktijk Voorbeeld B.V.', 'Praktijk Gewijzigd B.V.'));
    await Promise.race([
      events.reloaded,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no reload event within 30 s')), 30_000)),
    ]);
    events.close();
    expect(server.stderr().slice(from)).toContain(`Changed: ${path.join('policies', 'minimal', 'policy.json')}`);
    expect((await request(`${url}minimal/en/privacy.html`)).body).toContain('Praktijk Gewijzigd B.V.');
  } finally {
    expect(await server.stop()).toBe(0);
  }
}, 90_000);

test('serve refuses a bad port', async () => {
  const server = startPolicyc(['serve', '--port', 'eighty'], temp);
  expect(await new Promise((resolve) => server.child.once('exit', resolve))).toBe(2);
  expect(server.stderr()).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
});

test('serve --message-lang nl: its own lines and the index page in Dutch, the page marked lang="nl"', async () => {
  const dir = path.join(temp, 'nl');
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), path.join(dir, 'policies/minimal/policy.json'));
  const server = startPolicyc(['serve', '--port', '0', '--message-lang', 'nl'], dir);
  try {
    const [, url] = await server.waitFor(/Voorbeeld op (http:\/\/[^ ]+\/) — pagina's laden opnieuw/, 30_000);
    const index = await request(url!);
    expect(index.body).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(index.body).toContain('<title>policyc-voorbeeld</title>');
    expect(index.body).toContain('<a href="/minimal/en/privacy.html">Privacyverklaring (en)</a>');
  } finally {
    expect(await server.stop()).toBe(0);
  }
}, 60_000);

test('serve on a port in use says so (exit 2) and names a free port to give --port', async () => {
  cpSync(path.join(fixturesDir, 'minimal/policy.json'), path.join(temp, 'policies/minimal/policy.json'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const server = startPolicyc(['serve', '--port', String(port)], temp);
    expect(await new Promise((resolve) => server.child.once('exit', resolve))).toBe(2);
    const said = new RegExp(
      `^policyc: port ${port} on 127\\.0\\.0\\.1 is in use \\(another policyc serve or dev server\\?\\)\\. ` +
        'Port (\\d+) is free: run again with --port \\1 \\(or --port 0 for any free port\\)\\.$',
      'm',
    ).exec(server.stderr());
    expect(said, server.stderr()).not.toBeNull();
    expect(Number(said![1])).toBeGreaterThan(port);
    expect(Number(said![1])).toBeLessThanOrEqual(port + 10);
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
}, 60_000);
