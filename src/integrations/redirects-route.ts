/**
 * The redirect plan of this build, as JSON at `/_newsroom/redirects.json`
 * (injected by `redirects.ts`, which turns it into `_redirects` and redirect
 * pages once the build is done, then deletes it). Computed here because only
 * code inside the build can read the published articles through the query layer.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { readBuildSettings } from '../config/index.ts';
import {
  historyKey,
  parseUrlHistory,
  planRedirects,
  type PublishedArticle,
  URL_HISTORY_FILE,
  updateUrlHistory,
} from '../lib/redirects.ts';
import { getRoutes } from '../queries/routes.ts';
import { getSite } from '../queries/site.ts';

export const prerender = true;

export interface RedirectsArtifact {
  redirects: ReturnType<typeof planRedirects>['redirects'];
  warnings: string[];
  history: ReturnType<typeof updateUrlHistory>['history'];
  historyChanged: boolean;
  renamed: [string, string][];
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export const GET: APIRoute = async () => {
  const settings = readBuildSettings();
  const articlesDir = path.join(settings.contentDir, 'articles');
  const historyFile = path.join(settings.contentDir, URL_HISTORY_FILE);
  const [site, routes, historyText] = await Promise.all([getSite(), getRoutes(), readText(historyFile)]);

  const published: PublishedArticle[] = site.articles.map((article) => {
    // filePath is relative to the project root, which is the working directory of every build.
    const absolute = path.resolve(article.filePath ?? '');
    const file = path.relative(articlesDir, absolute);
    if (!article.filePath || file.startsWith('..') || path.isAbsolute(file)) {
      throw new Error(`redirects: cannot place ${article.filePath} under ${articlesDir} (run the build from the project folder)`);
    }
    return { file: historyKey(file), url: article.url, title: article.title, date: article.date.toISOString(), aliases: article.aliases };
  });

  const update = updateUrlHistory(parseUrlHistory(historyText, historyFile), published, (file) =>
    existsSync(path.join(articlesDir, file)),
  );
  const plan = planRedirects(published, update.history, ['/', ...routes.map((route) => route.path)]);
  if (plan.errors.length > 0) throw new Error(`Redirects:\n  ${plan.errors.join('\n  ')}`);

  const artifact: RedirectsArtifact = {
    redirects: plan.redirects,
    warnings: plan.warnings,
    history: update.history,
    historyChanged: update.changed,
    renamed: update.renamed,
  };
  return new Response(JSON.stringify(artifact), { headers: { 'Content-Type': 'application/json' } });
};
