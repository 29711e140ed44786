/**
 * A worker thread of `npm run check`: asks the main thread for batches of
 * article files, checks each with `createArticleChecker` and posts the results
 * back (see checkArticles in check.ts). It asks for the next batch before
 * checking one, so it never waits for the main thread, which is busy checking
 * batches of its own.
 */
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { createArticleChecker, mapLimit, type ArticleCheckContext } from './check-article.ts';
import type { WorkerReply, WorkerRequest } from './check.ts';

// The modules are compiled now: keep them in Node's compile cache (when it is on) for the next run.
module.flushCompileCache?.();
const { context } = workerData as { context: ArticleCheckContext };
const checkArticle = createArticleChecker({ ...context, syncReads: true });
const port = parentPort!;
const ask = () => port.postMessage({ type: 'more' } satisfies WorkerReply);

port.on('message', async (message: WorkerRequest) => {
  if (message.type === 'done') {
    port.close();
    return;
  }
  // The next batch comes while this one is checked.
  ask();
  const results = await mapLimit(message.files, 32, checkArticle);
  port.postMessage({ type: 'results', start: message.start, results } satisfies WorkerReply);
});
ask();
