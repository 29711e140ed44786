/**
 * The parsed site configuration, and the build settings that come from the
 * environment. This is the only module that reads `process.env`.
 *
 * - `NEWSROOM_SITE_URL` overrides `url` (e.g. for a staging deploy).
 * - `NEWSROOM_CONTENT_DIR` points at another content folder (tests, benchmark).
 * - `NEWSROOM_NOW` fixes the build clock (ISO 8601) so embargoes are testable.
 * - `NEWSROOM_PREVIEW=1` publishes drafts and future-dated articles (never for production).
 * - `NEWSROOM_MARKDOWN_WORKERS=N` renders uncached Markdown on N worker threads
 *   (0: on the main thread); unset, the loader decides from the cores and the batch.
 * - `NEWSROOM_SEARCH_SHARD_SIZE=N` overrides `searchShardSize` (tests, trials).
 */
import path from 'node:path';
import { SiteConfigSchema, type SiteConfig } from './schema.ts';
import { site } from './site.ts';
import { formatConfigError } from '../lib/config-errors.ts';

function parseSiteConfig(): SiteConfig {
  const input = { ...site };
  if (process.env.NEWSROOM_SITE_URL) input.url = process.env.NEWSROOM_SITE_URL;
  if (process.env.NEWSROOM_SEARCH_SHARD_SIZE) input.searchShardSize = Number(process.env.NEWSROOM_SEARCH_SHARD_SIZE);
  const parsed = SiteConfigSchema.safeParse(input);
  if (!parsed.success) throw new Error(formatConfigError('src/config/site.ts', parsed.error));
  return parsed.data;
}

export const siteConfig: SiteConfig = parseSiteConfig();

export interface BuildSettings {
  /** Absolute path of the content folder (holds categories.yaml and articles/). */
  contentDir: string;
  /** The instant that decides what is published. */
  now: Date;
  /** Publish drafts and future articles too (dev server, explicit preview). */
  preview: boolean;
  /** Worker threads for Markdown rendering; undefined lets the loader decide. */
  markdownWorkers?: number;
}

function parseNow(value: string | undefined): Date {
  if (!value) return new Date();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) {
    throw new Error(`NEWSROOM_NOW="${value}" is not a date (use ISO 8601, e.g. 2024-09-18T08:00:00+07:00)`);
  }
  return now;
}

export function readBuildSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BuildSettings {
  return {
    contentDir: path.resolve(cwd, env.NEWSROOM_CONTENT_DIR ?? 'content'),
    now: parseNow(env.NEWSROOM_NOW),
    preview: env.NEWSROOM_PREVIEW === '1' || env.NEWSROOM_PREVIEW === 'true',
    markdownWorkers: parseWorkers(env.NEWSROOM_MARKDOWN_WORKERS),
  };
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new Error(`NEWSROOM_MARKDOWN_WORKERS="${value}" is not a number of threads (0 to 64)`);
  }
  return workers;
}
