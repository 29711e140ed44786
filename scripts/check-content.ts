/** `npm run check`: report every content problem; exit 1 when there are errors. */
import { checkContent, formatReport } from './lib/check.ts';
import { projectRoot } from './lib/paths.ts';
import { readBuildSettings, siteConfig } from '../src/config/index.ts';

const settings = readBuildSettings();
const report = await checkContent({ contentDir: settings.contentDir, config: siteConfig, now: settings.now, cwd: projectRoot });
console.log(formatReport(report));
process.exit(report.errors > 0 ? 1 : 0);
