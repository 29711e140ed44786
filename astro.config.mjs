// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/plugins.ts';
import { readBuildSettings, siteConfig } from './src/config/index.ts';
import { newsroomHeaders } from './src/integrations/headers.ts';
import { newsroomRedirects } from './src/integrations/redirects.ts';
import { createSitemapMetadata } from './src/integrations/sitemap-metadata.ts';
import { sitemapBaseName } from './src/lib/urls.ts';

const settings = readBuildSettings();
// lastmod and noindex of each built page, read back for @astrojs/sitemap.
const sitemapMetadata = createSitemapMetadata();

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'ignore',
  // Stylesheets as files, never inlined: the CSP allows styles from 'self' only.
  // Four pages rendered at a time: ~30 % faster than one (2,000 articles: pages
  // 9.8 s -> 6.5 s). When one fails, Astro's queue goes on rendering the others;
  // the build runs Astro in a process of its own and ends it before cleaning up
  // (scripts/lib/astro-process.ts), so a failed build leaves nothing behind.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
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
  ],
  experimental: {
    // Article and listing pages whose cache key (src/queries/routes.ts) and code
    // are unchanged are copied from the last build (kept in cacheDir).
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
});
