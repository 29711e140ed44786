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
 *   rehype-sanitize, @astrojs/markdown-remark...).
 * Astro itself empties the content store when its own version changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { describePlugins } from './markdown-protocol.ts';

const SRC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the plugin lists that Astro and the Markdown workers use are made. */
export const PLUGINS_FILE = path.join(SRC_DIR, 'markdown', 'plugins.ts');

const CONFIG_DIR = path.join(SRC_DIR, 'config') + path.sep;

/** `import ... from 'x'` / `export ... from 'x'` at the start of a line; group 1 is what is imported. */
const FROM_IMPORT = /^[ \t]*(?:import|export)\b([^'";]*?)\bfrom\s*['"]([^'"]+)['"]/gm;
/** `import 'x'` (for its side effects). */
const BARE_IMPORT = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;

export interface RenderSources {
  /** Our modules, absolute paths. */
  files: string[];
  /** Packages they import: "rehype-slug", "@astrojs/markdown-remark". */
  packages: string[];
}

/** "@scope/name/sub" -> "@scope/name", "name/sub" -> "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The modules reachable from `entry` through static, non-type-only imports
 * (not entering `excluded` folders), and the packages they import.
 */
export function renderSources(entry = PLUGINS_FILE, excluded: readonly string[] = [CONFIG_DIR]): RenderSources {
  const files = new Set<string>();
  const packages = new Set<string>();
  const follow = (file: string) => {
    if (files.has(file) || excluded.some((dir) => file.startsWith(dir))) return;
    files.add(file);
    if (!existsSync(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...source.matchAll(FROM_IMPORT)].filter((match) => !/^\s*type\b/.test(match[1]!)).map((match) => match[2]!),
      ...[...source.matchAll(BARE_IMPORT)].map((match) => match[1]!),
    ];
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) follow(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(packageName(specifier));
    }
  };
  follow(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The version of a package as Node would find it from `dir` (node_modules of `dir` and its parents). */
function installedVersion(name: string, dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (path.dirname(current) === current) return undefined;
  }
}

interface ProcessorLike {
  name?: string;
  options?: { remarkPlugins?: unknown[]; rehypePlugins?: unknown[] };
}

/** The render version for this Astro config (see the top of the file). */
export function renderVersion(config: Pick<AstroConfig, 'markdown'>, entry = PLUGINS_FILE): string {
  const processor = (config.markdown as { processor?: ProcessorLike } | undefined)?.processor;
  const sources = renderSources(entry);
  const base = path.dirname(entry);
  const hash = createHash('sha1');
  hash.update(`${processor?.name ?? 'none'}\n${describePlugins(processor?.options?.remarkPlugins, processor?.options?.rehypePlugins)}\n`);
  // Paths relative to the entry: a cache restored into another checkout folder stays valid.
  for (const file of sources.files) {
    hash.update(`${path.relative(base, file)}\n`);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  // The processor itself comes from @astrojs/markdown-remark (plugins.ts imports only its types).
  const packages = [...new Set(['@astrojs/markdown-remark', ...sources.packages])];
  for (const name of packages) hash.update(`\n${name}@${installedVersion(name, base) ?? 'none'}`);
  return hash.digest('hex').slice(0, 16);
}
