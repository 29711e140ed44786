/** `/rss.xml`: the newest articles of the whole site. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteConfig } from '../config/index.ts';
import { rssFeed } from '../lib/feeds.ts';
import { siteFeedPath } from '../lib/urls.ts';
import { getSite } from '../queries/site.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return rss(
    rssFeed(
      { title: siteConfig.name, description: siteConfig.description, pagePath: '/', feedPath: siteFeedPath },
      site.articles,
      { siteUrl: siteConfig.url, timeZone: siteConfig.timeZone, language: siteConfig.language, logo: siteConfig.publisher.logo },
      siteConfig.feedItems,
    ),
  );
};
