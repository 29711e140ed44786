/**
 * What `npm run check` (and the build's check) keeps between runs: for every
 * article checked, what its checks found that depends only on the file
 * (`CachedArticle`), so that an unchanged article is not parsed again.
 * Reading the YAML and applying the schema is most of a check's time, and a
 * reporter's next check, or the pre-commit hook's, usually follows a change
 * to one or two files of thousands.
 *
 * An article is unchanged when its size, modification and change times and
 * inode are those it had when it was checked (what git does for its index).
 * Any write to a file sets its change time, which no tool can set back, so a
 * file restored with an old modification time is still seen as changed. A
 * file whose change time was less than two seconds before it was checked is
 * checked again next time: a second write within the file system's clock tick
 * would leave the times as they were.
 *
 * One cache file per check context: the site configuration, the categories,
 * the folders, and a digest of the code that checks (`codeDigest` of
 * check-article.ts: our modules it imports and the packages they use, the
 * YAML and schema libraries among them). Change any of them and the
 * check starts afresh. The clock is not part of it: an article that has
 * crossed the build clock since it was checked (its embargo ended, or the
 * clock was set back before it) is checked again; images are looked at again
 * on every check.
 */
import { createHash } from 'node:crypto';
import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFile } from '../../src/loaders/cache-file.ts';
import { codeDigest } from '../../src/loaders/code-digest.ts';
import type { ArticleCheckContext, CachedArticle } from './check-article.ts';

/**
 * Bumped when the cache file's layout changes (2: the records keep the
 * spellings of the tags and authors). `codeDigest` changes with any edit to
 * check-article.ts anyway; this says so where the layout is read.
 */
const FORMAT = 'newsroom-check 2';
/** A change this close before a check may hide a second one in the same clock tick. */
const RACY_MS = 2000;
const PREFIX = 'check-';

interface Entry {
  /** `size:mtimeMs:ctimeMs:ino` when the file was checked. */
  stat: string;
  article: CachedArticle;
}

const signature = (stat: Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;

export interface CheckCache {
  /** What was kept of `file`, if it has not changed since and is on the same side of the clock. */
  lookup(file: string): CachedArticle | undefined;
  /** Keeps what a check found of `file` (stat taken by `lookup`, before the file was read). */
  store(file: string, article: CachedArticle): void;
  /** Writes the cache file when anything changed, keeping only the files of this check. */
  save(files: readonly string[]): Promise<void>;
}

export async function openCheckCache(cacheDir: string, context: ArticleCheckContext): Promise<CheckCache> {
  const { now: _now, reported: _reported, syncReads: _syncReads, ...settings } = context;
  const key = createHash('sha1')
    .update(FORMAT)
    .update(codeDigest(fileURLToPath(new URL('./check-article.ts', import.meta.url))))
    .update(JSON.stringify(settings))
    .digest('hex')
    .slice(0, 20);
  const file = path.join(cacheDir, `${PREFIX}${key}.json`);
  let entries: Record<string, Entry> = {};
  try {
    entries = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, Entry>;
  } catch {
    // No cache yet, or an unreadable one: check everything.
  }
  const now = context.now.getTime();
  const stats = new Map<string, string>();
  let changed = false;

  return {
    lookup(article) {
      let stat: Stats;
      try {
        stat = statSync(article);
      } catch {
        return undefined;
      }
      // A file changed just now is not trusted by its times: nothing is kept of it.
      if (stat.ctimeMs < Date.now() - RACY_MS) stats.set(article, signature(stat));
      const entry = entries[article];
      if (!entry || entry.stat !== signature(stat) || entry.article.future !== (entry.article.instant !== undefined && entry.article.instant > now)) {
        return undefined;
      }
      return entry.article;
    },
    store(article, cached) {
      const stat = stats.get(article);
      if (!stat) return;
      const entry = entries[article];
      if (entry && entry.stat === stat && entry.article === cached) return;
      entries[article] = { stat, article: cached };
      changed = true;
    },
    async save(files) {
      const keep = new Set(files);
      for (const name of Object.keys(entries)) {
        if (!keep.has(name)) {
          delete entries[name];
          changed = true;
        }
      }
      if (!changed) return;
      await fs.mkdir(cacheDir, { recursive: true });
      writeCacheFile(file, JSON.stringify(entries));
      // Caches of other contexts (an older code or configuration) are not needed any more.
      for (const name of await fs.readdir(cacheDir)) {
        if (name.startsWith(PREFIX) && name.endsWith('.json') && path.join(cacheDir, name) !== file) {
          await fs.rm(path.join(cacheDir, name), { force: true });
        }
      }
    },
  };
}
