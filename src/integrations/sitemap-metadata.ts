/**
 * What @astrojs/sitemap needs to know about each page and that only the page
 * itself says: its `lastmod` (an article's `article:modified_time`, computed
 * from `updated`/`date` by SeoHead) and whether it asks to stay out of search
 * engines (`<meta name="robots" content="noindex">`: 404, search, redirects).
 *
 * astro.config.mjs cannot import `astro:content`, so instead of recomputing
 * dates from the content, this reads them back from the built pages (one
 * source of truth: the page's own head) when Astro has written them
 * (`astro:build:generated`, which runs before any `astro:build:done`, where the
 * sitemap is written). Only the `<head>` of each page is read.
 *
 *   const metadata = createSitemapMetadata();
 *   integrations: [metadata.integration, sitemap({ filter: metadata.filter, serialize: metadata.serialize })]
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SitemapItem } from '@astrojs/sitemap';
import { builtFileUrl } from '../lib/urls.ts';

export interface PageMetadata {
  lastmod?: string;
  noindex: boolean;
}

const HEAD_BYTES = 32 * 1024;

/** Reads the metadata of a page from its HTML (at least up to `</head>`). */
export function readPageMetadata(head: string): PageMetadata {
  const end = head.indexOf('</head>');
  const scope = end === -1 ? head : head.slice(0, end);
  let lastmod: string | undefined;
  let noindex = false;
  for (const match of scope.matchAll(/<meta\s[^>]*>/gi)) {
    const tag = match[0];
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
    if (attribute('property') === 'article:modified_time') lastmod = attribute('content');
    if (attribute('name')?.toLowerCase() === 'robots' && /noindex/i.test(attribute('content') ?? '')) noindex = true;
  }
  return { lastmod, noindex };
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return head.includes('</head>') || bytesRead < HEAD_BYTES ? head : await fs.readFile(file, 'utf8');
  } finally {
    await handle.close();
  }
}

export function createSitemapMetadata() {
  const pages = new Map<string, PageMetadata>();
  const lookup = (url: string) => pages.get(new URL(url).pathname);

  const integration: AstroIntegration = {
    name: 'newsroom-sitemap-metadata',
    hooks: {
      'astro:build:generated': async ({ dir }) => {
        pages.clear();
        const root = fileURLToPath(dir);
        for (const entry of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = path.join(entry.parentPath, entry.name);
          const relative = path.relative(root, file).split(path.sep).join('/');
          pages.set(builtFileUrl(relative), readPageMetadata(await readHead(file)));
        }
      },
    },
  };

  return {
    integration,
    /** Keeps pages that may be indexed: HTML pages without `noindex`. */
    filter(url: string): boolean {
      const page = lookup(url);
      return page !== undefined && !page.noindex;
    },
    /** Adds `lastmod` where the page declares one. */
    serialize(item: SitemapItem): SitemapItem {
      const lastmod = lookup(item.url)?.lastmod;
      return lastmod ? { ...item, lastmod } : item;
    },
  };
}
