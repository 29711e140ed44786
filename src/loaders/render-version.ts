/**
 * The version of the code that renders article bodies. The articles loader
 * puts it in every entry's digest, so a body rendered by other code (kept in
 * Astro's content store or in `newsroom-html/`) is rendered again instead of
 * reused, and the pages that show it get new cache keys. It is a digest of:
 * - the Markdown processor's plugin lists in the Astro config, names and
 *   options in order (`describePlugins`: a plugin added, removed or moved, the
 *   site URL, the embed hosts...);
 * - the source of `src/markdown/plugins.ts` and of every module it imports,
 *   followed through static imports (our plugins and the `src/lib` code they
 *   call), except `src/config/`, whose values reach the plugins only as the
 *   options above (so editing a label does not render every body again);
 * - the installed version of every package those modules import (rehype-slug,
 *   rehype-sanitize, @astrojs/markdown-remark...): `codeDigest`.
 * Astro itself empties the content store when its own version changes.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { codeDigest, codeSources, type CodeSources } from './code-digest.ts';
import { describePlugins } from './markdown-protocol.ts';

/** Where the plugin lists that Astro and the Markdown workers use are made. */
export const PLUGINS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'markdown', 'plugins.ts');

/** The modules and packages the render version follows from the plugin lists (`codeSources`). */
export function renderSources(entry = PLUGINS_FILE): CodeSources {
  return codeSources(entry);
}

interface ProcessorLike {
  name?: string;
  options?: { remarkPlugins?: unknown[]; rehypePlugins?: unknown[] };
}

/** The render version for this Astro config (see the top of the file). */
export function renderVersion(config: Pick<AstroConfig, 'markdown'>, entry = PLUGINS_FILE): string {
  const processor = (config.markdown as { processor?: ProcessorLike } | undefined)?.processor;
  return createHash('sha1')
    .update(`${processor?.name ?? 'none'}\n${describePlugins(processor?.options?.remarkPlugins, processor?.options?.rehypePlugins)}\n`)
    // The processor itself comes from @astrojs/markdown-remark (plugins.ts imports only its types).
    .update(codeDigest(entry, { packages: ['@astrojs/markdown-remark'] }))
    .digest('hex')
    .slice(0, 16);
}
