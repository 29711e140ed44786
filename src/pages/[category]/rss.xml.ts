/** `/<category>/rss.xml`: the newest articles of one category. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteConfig } from '../../config/index.ts';
import { rssFeed } from '../../lib/feeds.ts';
import { categoryFeedPath } from '../../lib/urls.ts';
import { getSite, type Category } from '../../queries/site.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.categories.map((category) => ({ params: { category: category.slug }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category } }) => {
  const site = await getSite();
  return rss(
    rssFeed(
      {
        title: `${category.name} | ${siteConfig.name}`,
        description: category.description ?? siteConfig.description,
        pagePath: category.url,
        feedPath: categoryFeedPath(category.slug),
      },
      site.byCategory.get(category.slug) ?? [],
      { siteUrl: siteConfig.url, timeZone: siteConfig.timeZone, language: siteConfig.language, logo: siteConfig.publisher.logo },
      siteConfig.feedItems,
    ),
  );
};
