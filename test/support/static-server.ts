import { createServer, get, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jsonld': 'application/ld+json',
  '.md': 'text/markdown; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 (never another address) on a free port, with
 * `headers` on every response (e.g. a Content-Security-Policy).
 */
export async function serveFolder(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = path.resolve(base, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    // Chromium asks for /favicon.ico on its own; no page refers to it, so its absence is not the page's error.
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204, headers).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers })
          .end(body),
      () => response.writeHead(404, headers).end('not found'),
    );
  });
  // Idle connections stay open until close(): a client that reuses one (a browser context's request API does,
  // across the pages it loads) would otherwise race the server closing it after 5 s, and get ECONNRESET.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The HTTP status of a GET of `url` (an http: URL, e.g. of a served folder); the body is read and dropped. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    }).on('error', reject);
  });
}
