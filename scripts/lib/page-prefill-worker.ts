/** The worker thread of `pagePrefill`: copies the pages of Astro's last manifest into the staging folder. */
import { parentPort, workerData } from 'node:worker_threads';
import { prefillPages } from './page-prefill.ts';

const { cacheDir, outDir } = workerData as { cacheDir: string; outDir: string };
parentPort!.postMessage(prefillPages(cacheDir, outDir));
