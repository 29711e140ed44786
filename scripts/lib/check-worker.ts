/**
 * A worker thread of `npm run check`: checks its share of the article files
 * with `createArticleChecker` and posts the results back (see checkArticles
 * in check.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createArticleChecker, mapLimit, type ArticleCheckContext } from './check-article.ts';

const { files, context } = workerData as { files: string[]; context: ArticleCheckContext };
const results = await mapLimit(files, 32, createArticleChecker({ ...context, syncReads: true }));
parentPort!.postMessage(results);
