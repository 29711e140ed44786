/**
 * Redirects from old article addresses (front-matter `aliases` and the URL
 * history, see `src/lib/redirects.ts`):
 * - injects `/_newsroom/redirects.json`, the plan computed inside the build;
 * - once Astro is done, writes `_redirects` (301 lines) and a redirect page at
 *   every old path into the output folder, refusing to overwrite any file the
 *   build produced (an alias on a live page, a feed, the search page...);
 * - writes `content/url-history.json` when a URL was added (production builds
 *   only: a preview build publishes drafts, whose addresses are not public).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  formatRedirectsFile,
  formatUrlHistory,
  type Redirect,
  type RedirectPageOptions,
  redirectPageFile,
  renderRedirectPage,
  URL_HISTORY_FILE,
} from '../lib/redirects.ts';
import type { RedirectsArtifact } from './redirects-route.ts';

export const REDIRECTS_FILE = '_redirects';
const ARTIFACT_DIR = '_newsroom';
const ARTIFACT = `${ARTIFACT_DIR}/redirects.json`;

export interface RedirectsOptions {
  page: RedirectPageOptions;
  /** Folder holding categories.yaml, articles/ and url-history.json. */
  contentDir: string;
  /** Write the URL history (false for preview builds that publish drafts). */
  recordHistory: boolean;
}

export function newsroomRedirects(options: RedirectsOptions): AstroIntegration {
  return {
    name: 'newsroom-redirects',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: `/${ARTIFACT}`,
          entrypoint: new URL('./redirects-route.ts', import.meta.url),
          prerender: true,
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = path.resolve(fileURLToPath(dir));
        const artifact = JSON.parse(await readFile(path.join(outDir, ARTIFACT), 'utf8')) as RedirectsArtifact;
        await rm(path.join(outDir, ARTIFACT_DIR), { recursive: true, force: true });

        const written: Redirect[] = [];
        for (const redirect of artifact.redirects) {
          const file = path.resolve(outDir, redirectPageFile(redirect.from));
          if (!file.startsWith(outDir + path.sep)) throw new Error(`Redirect from ${redirect.from} would leave the output folder`);
          if (existsSync(file)) {
            const message = `${redirect.from} (${redirect.source === 'alias' ? 'alias' : 'old address'} of ${redirect.file}) is a file the site already has`;
            if (redirect.source === 'alias') throw new Error(`${message}: remove the alias or choose another path`);
            logger.warn(`${message}: no redirect`);
            continue;
          }
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, renderRedirectPage(redirect, options.page));
          written.push(redirect);
        }
        await writeFile(path.join(outDir, REDIRECTS_FILE), formatRedirectsFile(written));
        for (const warning of artifact.warnings) logger.warn(warning);
        logger.info(`${REDIRECTS_FILE}: ${written.length} redirects, each with a redirect page`);

        if (options.recordHistory && artifact.historyChanged) {
          for (const [from, to] of artifact.renamed) logger.info(`${from} was renamed ${to}: its old addresses follow it`);
          await writeFile(path.join(options.contentDir, URL_HISTORY_FILE), formatUrlHistory(artifact.history));
          logger.info(`${URL_HISTORY_FILE} updated with new article addresses: commit it with the content`);
        }
      },
    },
  };
}
