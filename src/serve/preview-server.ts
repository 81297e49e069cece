import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { OutputFile } from '../output/output-file.js';
import { readTemplate } from '../render/templates.js';

/** One policy as the preview shows it: its latest good outputs, and the problems of its latest compile. */
export interface PreviewEntry {
  file: string;
  id?: string;
  outputs: OutputFile[];
  problems: string[];
}

export interface PreviewTexts {
  /** The language of the texts: the index page's lang attribute. */
  lang: string;
  title: string;
  problemsIntro: string;
  link: (lang: string, kind: PreviewKind) => string;
}

/** What an index link opens: the notice page, the register page, or the notice fragment in a neutral host page. */
export type PreviewKind = 'notice' | 'register' | 'fragment';

const RELOAD_SCRIPT = '/__policyc/live-reload.js';
/** The fragment a site embeds, and the preview's host page for it beside it (not an output: made on request). */
const FRAGMENT = 'privacy.fragment.html';
const FRAGMENT_HOST = 'privacy.fragment-host.html';
const EVENTS = '/__policyc/events';

/** The pages' strict policy, plus the preview's own script and its event stream (same origin only). */
const PREVIEW_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface PreviewServer {
  /** The address it answers on, e.g. http://127.0.0.1:4300/. */
  url: string;
  /** Replaces the entries shown and tells every open page to reload. */
  update(entries: readonly PreviewEntry[]): void;
  close(): Promise<void>;
}

/**
 * Serves compiled outputs from memory — nothing is read from disk but the
 * live-reload script — on a loopback address by default. HTML responses get
 * a <script> for live reload (Server-Sent Events) and a CSP that allows just
 * that; the files in dist/ are not changed. Requests whose Host header is
 * not this server's are refused (no DNS rebinding).
 */
export async function startPreviewServer(options: {
  host: string;
  port: number;
  texts: PreviewTexts;
  entries: readonly PreviewEntry[];
}): Promise<PreviewServer> {
  let entries = options.entries;
  const streams = new Set<ServerResponse>();
  const allowedHosts = new Set<string>();
  const index = Handlebars.compile(readTemplate('preview-index.html.hbs'), { strict: false });
  const server: Server = createServer((request, response) => {
    handle(request, response, { entries, index, texts: options.texts, streams, allowedHosts });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as { port: number };
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  allowedHosts.add(`${hostInUrl}:${address.port}`).add(`localhost:${address.port}`);
  return {
    url: `http://${hostInUrl}:${address.port}/`,
    update(next) {
      entries = next;
      for (const stream of streams) stream.write('event: reload\ndata: \n\n');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface HandlerState {
  entries: readonly PreviewEntry[];
  index: HandlebarsTemplateDelegate;
  texts: PreviewTexts;
  streams: Set<ServerResponse>;
  allowedHosts: Set<string>;
}

function handle(request: IncomingMessage, response: ServerResponse, state: HandlerState): void {
  const send = (status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void => {
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (!state.allowedHosts.has(request.headers.host ?? ''))
    return send(421, 'text/plain; charset=utf-8', 'Misdirected request\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://preview').pathname);
  } catch {
    return send(400, 'text/plain; charset=utf-8', 'Bad request\n');
  }
  if (pathname === EVENTS) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    state.streams.add(response);
    request.on('close', () => state.streams.delete(response));
    return;
  }
  if (pathname === RELOAD_SCRIPT) return send(200, contentTypes['.js']!, readTemplate('live-reload.js'));
  const html = (body: string): void =>
    send(200, contentTypes['.html']!, withReload(body), { 'Content-Security-Policy': PREVIEW_CSP });
  if (pathname === '/') return html(indexPage(state));
  const wanted = pathname.slice(1);
  const host = fragmentHost(state, wanted);
  if (host !== undefined) return html(host);
  for (const entry of state.entries) {
    const output = entry.outputs.find((o) => o.path === wanted);
    if (!output) continue;
    const type = contentTypes[path.extname(wanted)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) return html(String(output.contents));
    return send(
      200,
      type,
      output.contents,
      type.startsWith('text/css') ? {} : { 'Content-Security-Policy': "default-src 'none'" },
    );
  }
  return send(404, 'text/plain; charset=utf-8', 'Not found\n');
}

/** The live-reload script before </body> (or at the end, for a page without one). */
function withReload(html: string): string {
  const tag = `<script src="${RELOAD_SCRIPT}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + '\n' + html.slice(at);
}

/**
 * The fragment of `<id>/<lang>/` in a neutral host page (review webdev10, finding 11): what the site embeds, with
 * its privacy.fragment.css and nothing of the standalone page's, so that the container query, the heading level
 * and the id prefix show as on the site. Undefined when `wanted` is no such page.
 */
function fragmentHost(state: HandlerState, wanted: string): string | undefined {
  if (!wanted.endsWith(`/${FRAGMENT_HOST}`)) return undefined;
  const folder = wanted.slice(0, -FRAGMENT_HOST.length);
  const fragment = state.entries.flatMap((e) => e.outputs).find((o) => o.path === folder + FRAGMENT);
  if (!fragment) return undefined;
  const lang = folder.split('/')[1] ?? '';
  const title = Handlebars.escapeExpression(state.texts.link(lang, 'fragment'));
  return [
    '<!doctype html>',
    `<html lang="${Handlebars.escapeExpression(lang)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>`,
    '<link rel="stylesheet" href="privacy.fragment.css"></head>',
    `<body><main>\n${String(fragment.contents)}\n</main></body>`,
    '</html>',
  ].join('\n');
}

/** The index's link for an output it links to: a page, or the fragment's host page. */
function indexLink(state: HandlerState, output: OutputFile): { href: string; label: string } {
  const [, lang = '', name = ''] = output.path.split('/');
  if (name === FRAGMENT)
    return {
      href: '/' + output.path.slice(0, -FRAGMENT.length) + FRAGMENT_HOST,
      label: state.texts.link(lang, 'fragment'),
    };
  return { href: '/' + output.path, label: state.texts.link(lang, name.startsWith('privacy') ? 'notice' : 'register') };
}

function indexPage(state: HandlerState): string {
  const policies = state.entries.map((entry) => ({
    id: entry.id ?? '?',
    file: entry.file,
    problems: entry.problems,
    links: entry.outputs
      .filter((o) => /\/(privacy|register|privacy\.fragment)\.html$/.test(o.path))
      .map((o) => indexLink(state, o)),
  }));
  return state.index({
    lang: state.texts.lang,
    title: state.texts.title,
    problemsIntro: state.texts.problemsIntro,
    policies,
  });
}
