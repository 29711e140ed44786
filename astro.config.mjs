// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/plugins.ts';
import { readBuildSettings, siteConfig } from './src/config/index.ts';
import { newsroomHeaders } from './src/integrations/headers.ts';
import { newsroomRedirects } from './src/integrations/redirects.ts';
import { searchIndex } from './src/integrations/search.ts';
import { createSitemapMetadata } from './src/integrations/sitemap-metadata.ts';
import { sitemapBaseName } from './src/lib/urls.ts';

const settings = readBuildSettings();
// lastmod and noindex of each built page, read back for @astrojs/sitemap.
const sitemapMetadata = createSitemapMetadata();

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'ignore',
  // Stylesheets as files, never inlined: the CSP allows styles from 'self' only.
  // Pages render one at a time (build.concurrency 1). Four at a time was ~30 %
  // faster (2,000 articles: pages 9.8 s -> 6.5 s), but when one page fails Astro
  // keeps rendering the queued pages into the staging folder while the build
  // reports the failure and cleans up: a failed build must stop and leave nothing.
  build: { format: 'directory', inlineStylesheets: 'never' },
  image: {
    // AVIF at sharp's default effort (4) takes seconds per photo; effort 2 gives
    // files within a few percent of the size at about a tenth of the time.
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  // Astro's content cache (rendered Markdown) lives here and is kept between builds.
  cacheDir: './.build/cache',
  markdown: {
    // Smart punctuation comes from remarkSmartPunctuation in remarkPlugins (same
    // output as Astro's built-in smartypants, without its wasted passes).
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
    // Shiki colours code with inline style attributes, which the CSP forbids.
    syntaxHighlight: false,
  },
  // Scripts as files, never inlined into pages: the CSP allows scripts from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
  // Two routes writing one URL stop the build instead of one silently winning.
  prerenderConflictBehavior: 'error',
  integrations: [
    mdx(),
    newsroomHeaders({ embedHosts: siteConfig.embedHosts }),
    newsroomRedirects({
      page: {
        siteUrl: siteConfig.url,
        siteName: siteConfig.name,
        language: siteConfig.language,
        text: siteConfig.labels.redirectText,
      },
      contentDir: settings.contentDir,
      recordHistory: !settings.preview,
    }),
    sitemapMetadata.integration,
    sitemap({ filenameBase: sitemapBaseName, filter: sitemapMetadata.filter, serialize: sitemapMetadata.serialize }),
    searchIndex({
      language: siteConfig.language,
      timeZone: siteConfig.timeZone,
      dateFormat: siteConfig.dateFormat,
      shardSize: siteConfig.searchShardSize,
    }),
  ],
  experimental: {
    // Article and listing pages whose cache key (src/queries/routes.ts) and code
    // are unchanged are copied from the last build (kept in cacheDir).
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
});
