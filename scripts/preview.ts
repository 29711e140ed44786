/**
 * `npm run preview`: serves the built site (`dist/`) the way a static host
 * would, with the same headers as `dist/_headers` (so the browser enforces the
 * real Content-Security-Policy), the redirects of `dist/_redirects`, a
 * directory's `index.html` for `/path/`, and `404.html` for anything missing.
 *
 *   node scripts/preview.ts [--port 4321] [--host 127.0.0.1] [--dir dist]
 *
 * Tests start the same server with `startServer({ root, port: 0 })`.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHeaderRules, type HeaderRule, headersForPath, parseHeadersFile } from '../src/lib/headers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Files hosts read as configuration and never serve. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** Static lines of a `_redirects` file ("/from /to 301"); the build writes no patterns. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [from, to, status = '302'] = line.split(/\s+/);
    if (from && to && /^30[1278]$/.test(status)) rules.push({ from, to, status: Number(status) });
  }
  return rules;
}

export interface ServerOptions {
  /** The built site. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Header rules; by default those of `root/_headers`, or the site configuration's. */
  rules?: HeaderRule[];
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:4321". */
  url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function defaultRules(root: string): Promise<HeaderRule[]> {
  const file = path.join(root, '_headers');
  if (existsSync(file)) return parseHeadersFile(readFileSync(file, 'utf8'));
  const { siteConfig } = await import('../src/config/index.ts');
  return createHeaderRules({ embedHosts: siteConfig.embedHosts });
}

export async function startServer(options: ServerOptions): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  if (!existsSync(root)) throw new Error(`${root} does not exist: run npm run build first`);
  const rules = options.rules ?? (await defaultRules(root));
  const redirectsFile = path.join(root, '_redirects');
  const redirects = new Map(
    (existsSync(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : []).map((rule) => [rule.from, rule]),
  );

  const send = (response: ServerResponse, status: number, pathname: string, headers: Record<string, string | number>, body?: Buffer | string) => {
    response.writeHead(status, { ...headersForPath(rules, pathname), ...headers });
    response.end(body);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<number> {
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    const { pathname, search } = url;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, pathname, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed');
      return 405;
    }
    const redirect = redirects.get(pathname) ?? (pathname.endsWith('/') ? undefined : redirects.get(`${pathname}/`));
    if (redirect) {
      send(response, redirect.status, pathname, { Location: `${redirect.to}${search}` });
      return redirect.status;
    }

    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      send(response, 400, pathname, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request');
      return 400;
    }
    let file = path.resolve(root, `.${decoded}`);
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && !HOST_FILES.has(decoded) && !decoded.includes('\0')) {
      if (decoded.endsWith('/')) file = path.join(file, 'index.html');
      else if (!(await isFile(file)) && (await isFile(path.join(file, 'index.html')))) {
        send(response, 301, pathname, { Location: `${pathname}/${search}` });
        return 301;
      }
      if (await isFile(file)) {
        const body = await fs.readFile(file);
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        send(response, 200, pathname, { 'Content-Type': type, 'Content-Length': body.length }, request.method === 'HEAD' ? undefined : body);
        return 200;
      }
    }
    const notFound = path.join(root, '404.html');
    const body = (await isFile(notFound)) ? await fs.readFile(notFound) : Buffer.from('Not found');
    const type = (await isFile(notFound)) ? CONTENT_TYPES['.html']! : 'text/plain; charset=utf-8';
    send(response, 404, pathname, { 'Content-Type': type, 'Content-Length': body.length }, request.method === 'HEAD' ? undefined : body);
    return 404;
  }

  const server = createServer((request, response) => {
    handle(request, response)
      .then((status) => options.log?.(`${status} ${request.method} ${request.url}`))
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Internal error');
        options.log?.(`500 ${request.method} ${request.url}: ${String(error)}`);
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      dir: { type: 'string', default: 'dist' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${values.port} is not a port number`);
    process.exit(1);
  }
  try {
    const server = await startServer({ root: values.dir, port, host: values.host, log: (line) => console.log(line) });
    console.log(`Serving ${values.dir}/ with the headers of _headers at ${server.url}/ (Ctrl+C to stop)`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
