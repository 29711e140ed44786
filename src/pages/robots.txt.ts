/** `/robots.txt`: lists the sitemap index and the Google News sitemap. */
import type { APIRoute } from 'astro';
import { siteConfig } from '../config/index.ts';
import { robotsTxt } from '../lib/feeds.ts';
import { absoluteUrl, newsSitemapPath, sitemapIndexPath } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt([absoluteUrl(siteConfig.url, sitemapIndexPath), absoluteUrl(siteConfig.url, newsSitemapPath)]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
