/** Publication rules: drafts and future-dated articles are published nowhere. */

export interface PublishingOptions {
  /** The build clock. */
  now: Date;
  /** Preview mode shows drafts and future articles. */
  preview: boolean;
}

export function isPublished(article: { draft: boolean; date: Date }, options: PublishingOptions): boolean {
  if (options.preview) return true;
  return !article.draft && article.date.getTime() <= options.now.getTime();
}

/** Newest first; ties broken by URL so the order never depends on file system order. */
export function compareNewestFirst(a: { date: Date; url: string }, b: { date: Date; url: string }): number {
  return b.date.getTime() - a.date.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
