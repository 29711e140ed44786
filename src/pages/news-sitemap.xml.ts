/**
 * `/news-sitemap.xml`: the Google News sitemap, articles published in the two
 * days before the build clock (`NEWSROOM_NOW`, else the time of the build).
 * Always written, never empty: with no such article it lists the home page
 * alone, without news metadata (see `newsSitemap`).
 */
import type { APIRoute } from 'astro';
import { readBuildSettings, siteConfig } from '../config/index.ts';
import { newsSitemap } from '../lib/feeds.ts';
import { getSite } from '../queries/site.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const body = newsSitemap(site.articles, {
    siteUrl: siteConfig.url,
    timeZone: siteConfig.timeZone,
    publicationName: siteConfig.publisher.name ?? siteConfig.name,
    language: siteConfig.language,
    now: readBuildSettings().now,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
