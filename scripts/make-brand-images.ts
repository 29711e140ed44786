/**
 * Generates the site's default share image (`public/og-default.png`, 1200x630,
 * used for Open Graph and JSON-LD when an article has no cover) and the
 * publisher logo (`public/logo.png`, 512x512, for JSON-LD and feeds).
 *
 *   node scripts/make-brand-images.ts
 *
 * Shapes only, no text: the drawing does not depend on the fonts installed,
 * so re-running the script writes the same files.
 */
import sharp from 'sharp';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const NAVY = '#0b3d5c';
const SEA = '#1f7a8c';
const SUN = '#f2b134';

/** The mark: a sun over three waves, in a 100x100 box. */
const MARK = `
  <circle cx="50" cy="38" r="16" fill="${SUN}"/>
  <path d="M8 62 q10.5 -9 21 0 t21 0 t21 0 t21 0" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/>
  <path d="M8 76 q10.5 -9 21 0 t21 0 t21 0 t21 0" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" opacity="0.8"/>
  <path d="M8 90 q10.5 -9 21 0 t21 0 t21 0 t21 0" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" opacity="0.6"/>`;

function shareImage(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${NAVY}"/><stop offset="1" stop-color="${SEA}"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>
  <g transform="translate(420 135) scale(3.6)">${MARK}</g>
</svg>`;
}

function logo(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="16" fill="${NAVY}"/>
  <g transform="translate(6 2) scale(0.88)">${MARK}</g>
</svg>`;
}

await sharp(Buffer.from(shareImage())).png({ compressionLevel: 9 }).toFile(path.join(PUBLIC, 'og-default.png'));
await sharp(Buffer.from(logo())).png({ compressionLevel: 9 }).toFile(path.join(PUBLIC, 'logo.png'));
console.log('Wrote public/og-default.png and public/logo.png');
