/**
 * A digest of the code behind something kept between builds, so that what
 * other code made is not reused: the source of a module and of every module
 * it imports, followed through static imports (not type-only ones), and the
 * installed version of every package they import. `src/config/` is not
 * entered by default: its values reach the code as options, which the caller
 * digests itself (so editing a label does not throw every cache away).
 *
 * Used for rendered article bodies (`renderVersion`), the search index's
 * stand-in pages (`standInVersion`) and the content check's cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `src/config/`, with a trailing separator. */
export const CONFIG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'config') + path.sep;

/** `import ... from 'x'` / `export ... from 'x'` at the start of a line; group 1 is what is imported. */
const FROM_IMPORT = /^[ \t]*(?:import|export)\b([^'";]*?)\bfrom\s*['"]([^'"]+)['"]/gm;
/** `import 'x'` (for its side effects). */
const BARE_IMPORT = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;

export interface CodeSources {
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
export function codeSources(entry: string, excluded: readonly string[] = [CONFIG_DIR]): CodeSources {
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
export function installedVersion(name: string, dir: string): string | undefined {
  const folder = installedFolder(name, dir);
  return folder ? (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version?: string }).version : undefined;
}

/** The folder of package `name` as Node finds it from `dir` (the nearest `node_modules/<name>` up the tree). */
export function installedFolder(name: string, dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const folder = path.join(current, 'node_modules', name);
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(current) === current) return undefined;
  }
}

export interface CodeDigestOptions {
  /** Folders not entered (default: `src/config/`). */
  excluded?: readonly string[];
  /** Packages whose version counts although no followed module imports them by name. */
  packages?: readonly string[];
}

/**
 * The digest of `entry`'s code (see the top of the file), 40 hex digits. Paths
 * are taken relative to the entry's folder: a cache restored into another
 * checkout folder stays valid.
 */
export function codeDigest(entry: string, options: CodeDigestOptions = {}): string {
  const sources = codeSources(entry, options.excluded);
  const base = path.dirname(entry);
  const hash = createHash('sha1');
  for (const file of sources.files) {
    hash.update(`${path.relative(base, file)}\n`);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  for (const name of new Set([...(options.packages ?? []), ...sources.packages])) {
    hash.update(`\n${name}@${installedVersion(name, base) ?? 'none'}`);
  }
  return hash.digest('hex');
}
