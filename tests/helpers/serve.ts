/**
 * A tiny static file server for browser tests: serves a built `dist/` on
 * 127.0.0.1 with the headers a CDN would send (content types, directory
 * index, 404.html), and nothing else.
 *
 *   const server = await serveStatic(outDir);
 *   await page.goto(`${server.url}/tim-kiem/?q=...`);
 *   await server.close();
 */
import { createServer, type Server } from 'node:http';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:41234". */
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

/** Serves `root` on 127.0.0.1 on a free port. */
export async function serveStatic(root: string, options: { headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      let file = path.join(base, decodeURIComponent(pathname));
      if (!file.startsWith(base)) {
        response.writeHead(403).end();
        return;
      }
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      else if (!(await isFile(file)) && (await isFile(path.join(file, 'index.html')))) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      let status = 200;
      if (!(await isFile(file))) {
        status = 404;
        file = path.join(base, '404.html');
        if (!(await isFile(file))) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
      }
      const body = await fs.readFile(file);
      response.writeHead(status, {
        'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        ...options.headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
