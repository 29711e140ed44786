/**
 * `npm run build`: the production build. Checks the content first and refuses
 * to build on errors; builds into a staging folder; swaps it into `dist/` only
 * when everything succeeded. A failed build leaves the previous `dist/` as it was.
 *
 *   node scripts/build.ts [--out dist] [--work .build] [--quiet] [--timings file.json]
 */
import './lib/compile-cache.ts';
import { parseArgs } from 'node:util';

// Imported only now, so that it (and Astro, in its own process) come from the compile cache.
const { runBuild } = await import('./lib/pipeline.ts');

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    work: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    timings: { type: 'string' },
  },
});

const result = await runBuild({ outDir: values.out, workDir: values.work, quiet: values.quiet, timingsFile: values.timings });
process.exit(result.ok ? 0 : 1);
