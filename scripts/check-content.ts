/**
 * `npm run check`: report every content problem; exit 1 when there are errors.
 *
 *   npm run check                       the whole content folder
 *   npm run check -- --staged           files staged for commit (the pre-commit hook)
 *   npm run check -- content/articles/2024/09/bai.md ...   these files
 *
 * With --staged or files, cross-file rules (two articles at one URL) still
 * read every article, but only the named files are reported.
 *
 * What was found of each article is kept in .build/cache (shared with the
 * build; --cache-dir <folder> elsewhere, --no-cache not at all), so a file
 * that has not changed since the last check is not read again (check-cache.ts).
 */
import './lib/compile-cache.ts';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

// Imported only now, so that they come from the compile cache.
const { checkContent, formatReport } = await import('./lib/check.ts');
const { projectRoot, resolveBuildPaths } = await import('./lib/paths.ts');
const { readBuildSettings, siteConfig } = await import('../src/config/index.ts');
const { messages } = await import('../src/lib/messages.ts');

function stagedFiles(cwd: string): string[] {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const listed = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']);
  return listed
    .split('\0')
    .filter((name) => name !== '')
    .map((name) => path.resolve(top, name));
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        staged: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${messages.checkUsage}`);
    process.exit(2);
  }
}

const parsed = parseArguments();
if (parsed.values.help) {
  console.log(messages.checkUsage);
  process.exit(0);
}

// npm runs scripts from the package folder; file names are relative to where the user typed.
// (Only under `npm run check`: a hook or an outer npm command may leave a stale INIT_CWD.)
const userCwd = (process.env.npm_lifecycle_event === 'check' && process.env.INIT_CWD) || process.cwd();
const settings = readBuildSettings();
let only: string[] | undefined;
if (parsed.values.staged) {
  const contentDir = path.resolve(settings.contentDir);
  only = stagedFiles(process.cwd()).filter((file) => file.startsWith(contentDir + path.sep));
  if (only.length === 0) {
    console.log(messages.noStagedContent);
    process.exit(0);
  }
} else if (parsed.positionals.length > 0) {
  only = parsed.positionals.map((file) => path.resolve(userCwd, file));
}

const report = await checkContent({
  contentDir: settings.contentDir,
  config: siteConfig,
  now: settings.now,
  cwd: projectRoot,
  publicDir: path.join(projectRoot, 'public'),
  only,
  cacheDir: parsed.values['no-cache'] ? undefined : path.resolve(userCwd, parsed.values['cache-dir'] ?? resolveBuildPaths().cacheDir),
});
console.log(formatReport(report));
process.exitCode = report.errors > 0 ? 1 : 0;
