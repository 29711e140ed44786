/**
 * Takes the README's screenshots of the built sample site: the home page at a
 * desktop viewport and the newest article with a cover at a phone viewport,
 * with the cookie notice dismissed, as small WebP files.
 *
 *   npm run build && node scripts/screenshots.ts [dist] [out-dir]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { launchBrowser, VIEWPORTS } from '../tests/helpers/browser.ts';
import { startServer } from './preview.ts';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const outDir = path.resolve(process.argv[3] ?? 'docs/screenshots');

/** The first article on the home page that has a photo (its list item has a thumbnail). */
function articleWithCover(): string {
  const { document } = parseHTML(readFileSync(path.join(distDir, 'index.html'), 'utf8'));
  const item = document.querySelector('.home-latest .article-list__item--thumb .article-list__title a');
  const href = item?.getAttribute('href');
  if (!href) throw new Error('no article with a photo on the home page');
  return href;
}

const shots = [
  { file: 'home-desktop.webp', path: '/', viewport: VIEWPORTS.desktop },
  { file: 'article-phone.webp', path: articleWithCover(), viewport: VIEWPORTS.phone },
];

mkdirSync(outDir, { recursive: true });
const server = await startServer({ root: distDir, port: 0, rules: [] });
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
    await page.locator('[data-cookie-accept]').click();
    await page.mouse.move(0, 0);
    const png = await page.screenshot();
    const file = path.join(outDir, shot.file);
    const { size } = await sharp(png).webp({ quality: 78 }).toFile(file);
    console.log(`${path.relative(process.cwd(), file)}: ${shot.path} at ${shot.viewport.width}x${shot.viewport.height}, ${Math.round(size / 1000)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
