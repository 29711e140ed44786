/**
 * Writes `_headers` (Netlify / Cloudflare Pages format) into the build output
 * once Astro is done: security headers and cache rules from `src/lib/headers.ts`.
 * In a production build the output folder is the staging folder, so the file
 * is swapped into `dist/` with the rest of the site.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { createHeaderRules, formatHeadersFile, type HeaderOptions } from '../lib/headers.ts';

export const HEADERS_FILE = '_headers';

export function newsroomHeaders(options: HeaderOptions): AstroIntegration {
  return {
    name: 'newsroom-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const rules = createHeaderRules(options);
        await writeFile(new URL(HEADERS_FILE, dir), formatHeadersFile(rules));
        logger.info(`${HEADERS_FILE}: ${rules.length} rules`);
      },
    },
  };
}
