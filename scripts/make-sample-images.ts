// Generates the sample photos referenced by the articles in content/articles.
//
// Run with: node scripts/make-sample-images.ts   (Node >= 24 strips the types)
//
// Every picture is an SVG drawing rendered by sharp, so the output is fully
// deterministic (a seeded pseudo-random generator is used for details such as
// lit windows or crowds). Re-running the script rewrites the same files.

import sharp from 'sharp';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './lib/corpus.ts';

const W = 1200;
const H = 800;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = join(ROOT, 'content', 'articles');

type Rand = () => number;

const rng: (seed: number) => Rand = createRandom;

const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const f = (n: number): string => (Math.round(n * 10) / 10).toString();

function svg(defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
}

function linear(id: string, stops: Array<[number, string]>, vertical = true): string {
  const dir = vertical ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="0"';
  return `<linearGradient id="${id}" ${dir}>${stops
    .map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;
}

function radial(id: string, stops: Array<[number, string, number?]>): string {
  return `<radialGradient id="${id}">${stops
    .map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${op ?? 1}"/>`)
    .join('')}</radialGradient>`;
}

/** A standing or walking person, feet at (x, y). */
function person(x: number, y: number, h: number, shirt: string, pants = '#2d3047', skin = '#e0ac80', stride = 0): string {
  const head = h * 0.13;
  const bodyTop = y - h + head * 2;
  const hip = y - h * 0.45;
  const leg = h * 0.45;
  const s = stride * h * 0.18;
  return (
    `<g>` +
    `<line x1="${f(x)}" y1="${f(hip)}" x2="${f(x - s)}" y2="${f(y)}" stroke="${pants}" stroke-width="${f(h * 0.1)}" stroke-linecap="round"/>` +
    `<line x1="${f(x)}" y1="${f(hip)}" x2="${f(x + s)}" y2="${f(hip + leg)}" stroke="${pants}" stroke-width="${f(h * 0.1)}" stroke-linecap="round"/>` +
    `<rect x="${f(x - h * 0.11)}" y="${f(bodyTop)}" width="${f(h * 0.22)}" height="${f(hip - bodyTop + h * 0.04)}" rx="${f(h * 0.06)}" fill="${shirt}"/>` +
    `<circle cx="${f(x)}" cy="${f(bodyTop - head * 0.9)}" r="${f(head)}" fill="${skin}"/>` +
    `</g>`
  );
}

/** City skyline silhouette with optional lit windows. */
function skyline(r: Rand, base: number, color: string, opts: { minH: number; maxH: number; windows?: string; density?: number }): string {
  let out = '';
  let x = -20;
  while (x < W + 20) {
    const w = 40 + r() * 70;
    const h = opts.minH + r() * (opts.maxH - opts.minH);
    out += `<rect x="${f(x)}" y="${f(base - h)}" width="${f(w)}" height="${f(h + 2)}" fill="${color}"/>`;
    if (opts.windows) {
      for (let wy = base - h + 12; wy < base - 14; wy += 18) {
        for (let wx = x + 8; wx < x + w - 12; wx += 14) {
          if (r() < (opts.density ?? 0.3)) {
            out += `<rect x="${f(wx)}" y="${f(wy)}" width="6" height="8" fill="${opts.windows}"/>`;
          }
        }
      }
    }
    x += w + 2 + r() * 6;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scenes
// ---------------------------------------------------------------------------

/** Deep-water port at dawn with gantry cranes and container stacks. */
function portAtDawn(): string {
  const r = rng(101);
  const defs =
    linear('sky', [[0, '#27385f'], [0.45, '#c9708a'], [0.75, '#f6b26b'], [1, '#fbd38d']]) +
    linear('sea', [[0, '#3d5a80'], [1, '#1b2a41']]) +
    radial('sun', [[0, '#fff4d6'], [0.35, '#ffd27f', 0.9], [1, '#ffb347', 0]]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += `<circle cx="880" cy="520" r="260" fill="url(#sun)"/><circle cx="880" cy="520" r="46" fill="#fff2cc"/>`;
  body += `<rect y="560" width="${W}" height="240" fill="url(#sea)"/>`;
  for (let i = 0; i < 14; i++) {
    const y = 575 + i * 15;
    body += `<rect x="${f(820 - i * 6)}" y="${y}" width="${f(120 + i * 12)}" height="3" fill="#ffd9a0" opacity="${f(0.6 - i * 0.035)}"/>`;
  }
  // quay
  body += `<rect y="520" width="${W}" height="44" fill="#2b2d42"/>`;
  const colors = ['#c0392b', '#2e86ab', '#f39c12', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#7f8c8d'];
  for (let x = 10; x < W; x += 46) {
    const stack = 2 + Math.floor(r() * 4);
    for (let s = 0; s < stack; s++) {
      body += `<rect x="${x}" y="${520 - (s + 1) * 18}" width="44" height="17" fill="${pick(r, colors)}" opacity="0.92"/>`;
    }
  }
  // gantry cranes
  for (const cx of [150, 420, 690, 1010]) {
    const c = '#e9ecef';
    body += `<g stroke="${c}" stroke-width="9" fill="none" stroke-linecap="square">`;
    body += `<line x1="${cx - 50}" y1="560" x2="${cx - 50}" y2="250"/><line x1="${cx + 50}" y1="560" x2="${cx + 50}" y2="250"/>`;
    body += `<line x1="${cx - 50}" y1="400" x2="${cx + 50}" y2="400"/><line x1="${cx - 50}" y1="400" x2="${cx + 50}" y2="300"/>`;
    body += `</g>`;
    body += `<rect x="${cx - 90}" y="236" width="260" height="20" fill="#c0392b"/>`;
    body += `<rect x="${cx - 40}" y="214" width="60" height="24" fill="#e9ecef"/>`;
    body += `<line x1="${cx - 10}" y1="214" x2="${cx + 150}" y2="244" stroke="#adb5bd" stroke-width="3"/>`;
    body += `<line x1="${cx + 110}" y1="256" x2="${cx + 110}" y2="330" stroke="#343a40" stroke-width="2"/>`;
    body += `<rect x="${cx + 96}" y="330" width="28" height="12" fill="#343a40"/>`;
  }
  return svg(defs, body);
}

/** Large container ship berthing, helped by two tugs. */
function shipBerthing(): string {
  const r = rng(202);
  const defs =
    linear('sky', [[0, '#6fa8dc'], [0.7, '#cfe2f3'], [1, '#f4f9ff']]) +
    linear('sea', [[0, '#2f6f8f'], [1, '#173f5f']]) +
    linear('hull', [[0, '#1d3557'], [0.75, '#1d3557'], [0.76, '#9d2a2a'], [1, '#7a1f1f']]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += `<ellipse cx="260" cy="150" rx="170" ry="34" fill="#ffffff" opacity="0.7"/><ellipse cx="900" cy="110" rx="220" ry="40" fill="#ffffff" opacity="0.55"/>`;
  body += `<rect y="470" width="${W}" height="330" fill="url(#sea)"/>`;
  body += `<path d="M0 470 L0 450 L140 430 L260 452 L420 440 L560 470 Z" fill="#7a9a7e" opacity="0.8"/>`;
  // hull
  body += `<path d="M90 470 L1130 470 L1090 590 L160 590 Z" fill="url(#hull)"/>`;
  // containers
  const colors = ['#c0392b', '#2e86ab', '#f39c12', '#27ae60', '#e9ecef', '#d35400', '#5d6d7e'];
  for (let x = 130; x < 1040; x += 38) {
    if (x > 900 && x < 1000) continue;
    const rows = 5 + Math.floor(r() * 3);
    for (let s = 0; s < rows; s++) {
      body += `<rect x="${x}" y="${468 - (s + 1) * 20}" width="36" height="19" fill="${pick(r, colors)}"/>`;
    }
  }
  // superstructure
  body += `<rect x="905" y="300" width="90" height="170" fill="#f1f3f5"/><rect x="895" y="292" width="110" height="18" fill="#dee2e6"/>`;
  for (let y = 320; y < 460; y += 22) body += `<rect x="915" y="${y}" width="70" height="8" fill="#4a6fa5"/>`;
  body += `<rect x="955" y="250" width="18" height="42" fill="#343a40"/>`;
  // tugs
  for (const [tx, ty] of [[70, 610], [1060, 620]] as const) {
    body += `<path d="M${tx - 60} ${ty} L${tx + 60} ${ty} L${tx + 45} ${ty + 30} L${tx - 50} ${ty + 30} Z" fill="#e76f51"/>`;
    body += `<rect x="${tx - 25}" y="${ty - 28}" width="50" height="28" fill="#f8f9fa"/><rect x="${tx - 8}" y="${ty - 48}" width="14" height="20" fill="#264653"/>`;
    body += `<path d="M${tx - 70} ${ty + 34} Q${tx} ${ty + 48} ${tx + 70} ${ty + 34}" stroke="#ffffff" stroke-width="4" fill="none" opacity="0.7"/>`;
  }
  for (let i = 0; i < 10; i++) {
    const y = 610 + i * 18;
    body += `<path d="M${40 + i * 30} ${y} q60 -8 120 0 t120 0" stroke="#ffffff" stroke-width="2" fill="none" opacity="${f(0.35 - i * 0.025)}"/>`;
  }
  return svg(defs, body);
}

/** Electric bus in front of the city skyline. */
function electricBus(): string {
  const r = rng(303);
  const defs =
    linear('sky', [[0, '#8ecae6'], [1, '#e6f4fa']]) +
    linear('road', [[0, '#495057'], [1, '#343a40']]) +
    linear('bus', [[0, '#3ddc97'], [1, '#1e9e6a']]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += skyline(r, 520, '#a9c6d8', { minH: 120, maxH: 320 });
  body += skyline(r, 540, '#7c9cb4', { minH: 60, maxH: 200, windows: '#dbe9f2', density: 0.25 });
  body += `<rect y="540" width="${W}" height="40" fill="#adb5bd"/>`;
  // trees
  for (let x = 40; x < W; x += 160) {
    body += `<rect x="${x + 18}" y="490" width="10" height="55" fill="#6b4f3a"/><circle cx="${x + 23}" cy="480" r="34" fill="#4f9d69"/><circle cx="${x + 5}" cy="495" r="22" fill="#5cb377"/>`;
  }
  body += `<rect y="580" width="${W}" height="220" fill="url(#road)"/>`;
  for (let x = 0; x < W; x += 120) body += `<rect x="${x}" y="700" width="70" height="8" fill="#f8f9fa" opacity="0.85"/>`;
  // bus
  body += `<rect x="230" y="420" width="720" height="210" rx="34" fill="url(#bus)"/>`;
  body += `<rect x="230" y="420" width="720" height="26" rx="13" fill="#f8f9fa" opacity="0.9"/>`;
  for (let x = 270; x < 860; x += 96) body += `<rect x="${x}" y="465" width="82" height="74" rx="8" fill="#1b3a4b" opacity="0.85"/>`;
  body += `<rect x="872" y="462" width="60" height="140" rx="10" fill="#1b3a4b" opacity="0.85"/>`;
  body += `<rect x="250" y="560" width="600" height="10" fill="#ffffff" opacity="0.6"/>`;
  body += `<circle cx="940" cy="600" r="9" fill="#ffe066"/>`;
  for (const cx of [360, 800]) body += `<circle cx="${cx}" cy="632" r="42" fill="#212529"/><circle cx="${cx}" cy="632" r="18" fill="#adb5bd"/>`;
  // charging bolt on the side
  body += `<path d="M560 548 L545 585 L562 585 L552 615 L585 570 L567 570 L578 548 Z" fill="#ffe066"/>`;
  return svg(defs, body);
}

/** Volunteers cleaning a beach at sunrise. */
function beachCleanup(): string {
  const r = rng(404);
  const defs =
    linear('sky', [[0, '#f7c59f'], [0.6, '#ffe5b4'], [1, '#fff6e0']]) +
    linear('sea', [[0, '#4ea8de'], [1, '#2a6f97']]) +
    linear('sand', [[0, '#f2d7a6'], [1, '#d9b37c']]) +
    radial('sun', [[0, '#ffffff'], [0.3, '#fff0c2', 0.9], [1, '#ffd28a', 0]]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += `<circle cx="300" cy="360" r="200" fill="url(#sun)"/>`;
  body += `<path d="M700 390 Q820 300 950 340 Q1060 300 1200 360 L1200 400 L700 400 Z" fill="#6a8d73"/>`;
  body += `<rect y="390" width="${W}" height="140" fill="url(#sea)"/>`;
  for (let i = 0; i < 6; i++) body += `<rect x="${200 - i * 12}" y="${400 + i * 16}" width="${200 + i * 24}" height="3" fill="#fff3d6" opacity="0.6"/>`;
  body += `<path d="M0 520 Q300 495 600 520 T1200 515 L1200 800 L0 800 Z" fill="url(#sand)"/>`;
  body += `<path d="M0 522 Q300 497 600 522 T1200 517" stroke="#ffffff" stroke-width="6" fill="none" opacity="0.8"/>`;
  const shirts = ['#1d7ad6', '#2196f3', '#1565c0'];
  const people: Array<[number, number, number]> = [];
  for (let i = 0; i < 11; i++) people.push([60 + i * 105 + r() * 40, 600 + r() * 170, 0]);
  people.sort((a, b) => a[1] - b[1]);
  for (const [x, y] of people) {
    const h = 90 + (y - 600) * 0.55;
    body += person(x, y, h, pick(r, shirts), '#37474f', '#d9a07a', r() * 0.8 - 0.4);
    body += `<ellipse cx="${f(x + h * 0.22)}" cy="${f(y - h * 0.25)}" rx="${f(h * 0.12)}" ry="${f(h * 0.16)}" fill="#f5f5f5" stroke="#9e9e9e" stroke-width="1.5"/>`;
  }
  for (let i = 0; i < 25; i++) {
    body += `<rect x="${f(r() * W)}" y="${f(560 + r() * 230)}" width="${f(6 + r() * 10)}" height="${f(3 + r() * 4)}" fill="${pick(r, ['#ffffff', '#4fc3f7', '#ef5350'])}" opacity="0.8"/>`;
  }
  return svg(defs, body);
}

/** School building with flag and balloons on the first day of school. */
function schoolOpening(): string {
  const r = rng(505);
  const defs =
    linear('sky', [[0, '#74b9ff'], [1, '#dff0ff']]) +
    linear('yard', [[0, '#ced4da'], [1, '#adb5bd']]) +
    linear('wall', [[0, '#ffe08a'], [1, '#f6c453']]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += `<ellipse cx="200" cy="110" rx="140" ry="30" fill="#ffffff" opacity="0.8"/><ellipse cx="980" cy="150" rx="180" ry="34" fill="#ffffff" opacity="0.7"/>`;
  // building
  body += `<rect x="140" y="220" width="920" height="330" fill="url(#wall)"/>`;
  body += `<rect x="120" y="200" width="960" height="26" fill="#c0392b"/>`;
  for (let fl = 0; fl < 3; fl++) {
    const y = 250 + fl * 100;
    body += `<rect x="140" y="${y + 78}" width="920" height="8" fill="#e9b949"/>`;
    for (let x = 175; x < 1040; x += 95) {
      if (fl === 2 && x > 540 && x < 640) continue;
      body += `<rect x="${x}" y="${y}" width="55" height="60" fill="#5dade2"/><rect x="${x + 26}" y="${y}" width="3" height="60" fill="#ffffff"/>`;
    }
  }
  body += `<rect x="555" y="455" width="90" height="95" fill="#8d5524"/>`;
  // flag pole
  body += `<rect x="96" y="120" width="6" height="440" fill="#dee2e6"/>`;
  body += `<path d="M102 124 L182 124 Q176 150 182 176 L102 176 Z" fill="#da251d"/>`;
  body += `<path d="M134 136 L138 147 L150 147 L141 154 L144 166 L134 159 L124 166 L127 154 L118 147 L130 147 Z" fill="#ffde00"/>`;
  body += `<rect y="550" width="${W}" height="250" fill="url(#yard)"/>`;
  // balloon arch
  const bc = ['#e74c3c', '#f1c40f', '#3498db', '#2ecc71', '#9b59b6', '#ffffff'];
  for (let i = 0; i <= 26; i++) {
    const a = Math.PI * (i / 26);
    const x = 600 - Math.cos(a) * 230;
    const y = 560 - Math.sin(a) * 200;
    body += `<circle cx="${f(x)}" cy="${f(y)}" r="22" fill="${bc[i % bc.length]}"/>`;
  }
  // pupils in white shirts and blue trousers
  for (let row = 0; row < 3; row++) {
    for (let i = 0; i < 14; i++) {
      const x = 80 + i * 80 + (row % 2) * 40 + r() * 10;
      const y = 640 + row * 55;
      body += person(x, y, 70 + row * 12, '#ffffff', '#1f3a93', '#e3b38f');
      if (r() < 0.5) body += `<path d="M${f(x - 6)} ${f(y - 48 - row * 8)} l6 10 l6 -10 z" fill="#e74c3c"/>`;
    }
  }
  return svg(defs, body);
}

/** Lantern-lit riverside street at night. */
function lanternStreet(): string {
  const r = rng(606);
  const defs =
    linear('sky', [[0, '#141e30'], [0.6, '#3a2f5b'], [1, '#7b4b6e']]) +
    linear('river', [[0, '#243b55'], [1, '#0f1c2e']]) +
    radial('glow', [[0, '#ffcf70', 0.9], [1, '#ff7b00', 0]]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  for (let i = 0; i < 40; i++) body += `<circle cx="${f(r() * W)}" cy="${f(r() * 260)}" r="${f(0.8 + r() * 1.4)}" fill="#ffffff" opacity="${f(0.4 + r() * 0.5)}"/>`;
  body += skyline(r, 470, '#231942', { minH: 140, maxH: 280, windows: '#ffd166', density: 0.35 });
  body += `<rect y="470" width="${W}" height="40" fill="#3d2c4e"/>`;
  body += `<rect y="510" width="${W}" height="290" fill="url(#river)"/>`;
  // lantern strings and their reflections
  const lc = ['#e63946', '#ffb703', '#fb8500', '#e63946'];
  for (let s = 0; s < 3; s++) {
    const y0 = 300 + s * 55;
    const sag = 60;
    body += `<path d="M0 ${y0} Q${W / 2} ${y0 + sag * 2} ${W} ${y0}" stroke="#222" stroke-width="2" fill="none"/>`;
    for (let i = 1; i < 16; i++) {
      const t = i / 16;
      const x = t * W;
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + sag * 2) + t * t * y0;
      const c = lc[(i + s) % lc.length];
      body += `<circle cx="${f(x)}" cy="${f(y + 16)}" r="34" fill="url(#glow)" opacity="0.5"/>`;
      body += `<ellipse cx="${f(x)}" cy="${f(y + 16)}" rx="14" ry="17" fill="${c}"/>`;
      body += `<rect x="${f(x - 7)}" y="${f(y - 2)}" width="14" height="4" fill="#6d4c41"/><rect x="${f(x - 7)}" y="${f(y + 30)}" width="14" height="4" fill="#6d4c41"/>`;
      if (s === 2) body += `<rect x="${f(x - 4)}" y="${f(540 + r() * 200)}" width="8" height="${f(20 + r() * 40)}" fill="${c}" opacity="0.35"/>`;
    }
  }
  for (let i = 0; i < 12; i++) body += `<rect x="${f(r() * W)}" y="${f(530 + i * 22)}" width="${f(60 + r() * 120)}" height="2" fill="#ffd166" opacity="0.25"/>`;
  return svg(defs, body);
}

/** Street-food stalls with striped awnings and a crowd. */
function foodStalls(): string {
  const r = rng(707);
  const defs =
    linear('sky', [[0, '#1b1b3a'], [1, '#4b3869']]) +
    linear('ground', [[0, '#5c4033'], [1, '#2b1d16']]) +
    radial('warm', [[0, '#ffe8a3', 0.95], [1, '#ffb347', 0]]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += skyline(r, 360, '#2a2350', { minH: 100, maxH: 220, windows: '#ffd166', density: 0.2 });
  body += `<rect y="360" width="${W}" height="440" fill="url(#ground)"/>`;
  const awn = [['#e63946', '#f1faee'], ['#ffb703', '#fff8e1'], ['#2a9d8f', '#f1faee'], ['#e76f51', '#fff3e0']];
  for (let i = 0; i < 5; i++) {
    const x = 20 + i * 236;
    const [a, b] = awn[i % awn.length]!;
    body += `<rect x="${x}" y="300" width="220" height="240" fill="#3b2a20"/>`;
    body += `<circle cx="${x + 110}" cy="400" r="120" fill="url(#warm)" opacity="0.6"/>`;
    for (let k = 0; k < 8; k++) body += `<rect x="${x - 10 + k * 30}" y="260" width="30" height="60" fill="${k % 2 ? b : a}"/>`;
    body += `<path d="M${x - 10} 320 ${Array.from({ length: 8 }, () => "q15 18 30 0").join(' ')}" fill="${a}"/>`;
    body += `<rect x="${x + 10}" y="450" width="200" height="90" fill="#8d6e63"/><rect x="${x + 10}" y="446" width="200" height="8" fill="#bcaaa4"/>`;
    for (let k = 0; k < 4; k++) body += `<ellipse cx="${x + 40 + k * 48}" cy="444" rx="18" ry="7" fill="#f5f5f5"/><ellipse cx="${x + 40 + k * 48}" cy="441" rx="13" ry="4" fill="${pick(r, ['#d84315', '#ffb74d', '#8bc34a'])}"/>`;
    body += `<circle cx="${x + 110}" cy="340" r="8" fill="#fff3b0"/>`;
  }
  const shirts = ['#ef476f', '#ffd166', '#06d6a0', '#118ab2', '#f4f1de', '#e07a5f', '#3d405b'];
  for (let i = 0; i < 26; i++) {
    const y = 620 + r() * 170;
    body += person(r() * W, y, 130 + (y - 620) * 0.6, pick(r, shirts), '#1d1d2c', '#c68f6b');
  }
  return svg(defs, body);
}

/** Overpass under construction: piers, a tower crane and traffic. */
function overpassConstruction(): string {
  const r = rng(808);
  const defs =
    linear('sky', [[0, '#89c2d9'], [1, '#e9f5fb']]) +
    linear('road', [[0, '#6c757d'], [1, '#495057']]) +
    linear('pier', [[0, '#d6d2c4'], [1, '#aaa493']], false);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += skyline(r, 500, '#b8cfdc', { minH: 80, maxH: 230 });
  body += `<rect y="500" width="${W}" height="300" fill="url(#road)"/>`;
  body += `<rect y="640" width="${W}" height="6" fill="#f8f9fa" opacity="0.8"/>`;
  // piers and finished deck segments
  const piers = [140, 420, 700, 980];
  for (const px of piers) {
    body += `<rect x="${px - 32}" y="330" width="64" height="250" fill="url(#pier)"/>`;
    body += `<path d="M${px - 80} 300 L${px + 80} 300 L${px + 50} 340 L${px - 50} 340 Z" fill="#c9c4b5"/>`;
    body += `<rect x="${px - 50}" y="575" width="100" height="14" fill="#8a8577"/>`;
  }
  body += `<rect x="60" y="270" width="700" height="34" fill="#d8d3c4"/><rect x="60" y="262" width="700" height="8" fill="#b5b09f"/>`;
  // scaffolding on the last pier
  for (let y = 300; y < 580; y += 28) body += `<line x1="930" y1="${y}" x2="1030" y2="${y + 28}" stroke="#f4a261" stroke-width="3"/><line x1="930" y1="${y}" x2="1030" y2="${y}" stroke="#f4a261" stroke-width="3"/>`;
  body += `<line x1="930" y1="300" x2="930" y2="580" stroke="#f4a261" stroke-width="4"/><line x1="1030" y1="300" x2="1030" y2="580" stroke="#f4a261" stroke-width="4"/>`;
  // tower crane
  body += `<rect x="852" y="80" width="22" height="500" fill="#f6bd19"/>`;
  for (let y = 90; y < 570; y += 30) body += `<line x1="852" y1="${y}" x2="874" y2="${y + 30}" stroke="#c99700" stroke-width="3"/>`;
  body += `<rect x="640" y="70" width="520" height="18" fill="#f6bd19"/><rect x="860" y="40" width="8" height="32" fill="#c99700"/>`;
  body += `<line x1="864" y1="40" x2="1150" y2="72" stroke="#6c757d" stroke-width="2"/><line x1="864" y1="40" x2="650" y2="72" stroke="#6c757d" stroke-width="2"/>`;
  body += `<rect x="650" y="88" width="70" height="40" fill="#495057"/>`;
  body += `<line x1="1080" y1="88" x2="1080" y2="250" stroke="#343a40" stroke-width="2"/><rect x="1040" y="250" width="80" height="14" fill="#b5b09f"/>`;
  // workers in orange vests
  for (const x of [200, 240, 560, 600]) body += person(x, 262, 30, '#ff7f11', '#2d3047', '#e0ac80');
  // cars
  const cars = ['#e63946', '#f1faee', '#457b9d', '#2a9d8f', '#ffb703'];
  for (let i = 0; i < 7; i++) {
    const x = 30 + i * 170 + r() * 40;
    const y = i % 2 ? 690 : 590;
    body += `<rect x="${f(x)}" y="${y}" width="110" height="36" rx="10" fill="${pick(r, cars)}"/><rect x="${f(x + 22)}" y="${y - 22}" width="62" height="26" rx="8" fill="#adb5bd"/>`;
    body += `<circle cx="${f(x + 24)}" cy="${y + 38}" r="11" fill="#212529"/><circle cx="${f(x + 86)}" cy="${y + 38}" r="11" fill="#212529"/>`;
  }
  return svg(defs, body);
}

/** Runners on a coastal road with hills and the sea. */
function coastalRun(): string {
  const r = rng(909);
  const defs =
    linear('sky', [[0, '#9bd1f2'], [1, '#fdf1d6']]) +
    linear('sea', [[0, '#48cae4'], [1, '#0077b6']]) +
    linear('road', [[0, '#8d99ae'], [1, '#5c677d']]);
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  body += `<path d="M0 380 Q150 250 320 330 Q460 220 640 350 L640 420 L0 420 Z" fill="#5e8c61"/>`;
  body += `<path d="M0 400 Q200 320 380 380 Q520 330 700 400 L700 430 L0 430 Z" fill="#4a7c59"/>`;
  body += `<rect y="420" width="${W}" height="120" fill="url(#sea)"/>`;
  for (let i = 0; i < 8; i++) body += `<path d="M${f(600 + r() * 500)} ${430 + i * 12} q20 -4 40 0" stroke="#ffffff" stroke-width="2" fill="none" opacity="0.6"/>`;
  body += `<path d="M0 540 L1200 500 L1200 800 L0 800 Z" fill="url(#road)"/>`;
  body += `<path d="M0 540 L1200 500" stroke="#f1faee" stroke-width="8"/>`;
  for (let i = 0; i < 10; i++) body += `<path d="M${i * 130} ${f(680 - i * 4.5)} l70 -2" stroke="#ffffff" stroke-width="6" opacity="0.8"/>`;
  // finish arch
  body += `<rect x="880" y="300" width="20" height="230" fill="#e63946"/><rect x="1140" y="290" width="20" height="220" fill="#e63946"/>`;
  body += `<path d="M870 300 Q1020 240 1170 290 L1170 330 Q1020 280 870 340 Z" fill="#e63946"/>`;
  body += `<path d="M900 320 Q1020 276 1140 306" stroke="#ffffff" stroke-width="5" fill="none" opacity="0.8"/>`;
  const shirts = ['#ff006e', '#fb5607', '#ffbe0b', '#3a86ff', '#8338ec', '#06d6a0', '#ffffff'];
  const runners: Array<[number, number]> = [];
  for (let i = 0; i < 16; i++) runners.push([40 + r() * 1100, 560 + r() * 220]);
  runners.sort((a, b) => a[1] - b[1]);
  for (const [x, y] of runners) {
    const h = 90 + (y - 560) * 0.6;
    body += person(x, y, h, pick(r, shirts), '#212529', '#c68f6b', r() < 0.5 ? 1 : -1);
    body += `<rect x="${f(x - h * 0.08)}" y="${f(y - h * 0.68)}" width="${f(h * 0.16)}" height="${f(h * 0.1)}" fill="#ffffff"/>`;
  }
  return svg(defs, body);
}

/** Floodlit stadium full of supporters. */
function stadiumNight(): string {
  const r = rng(1010);
  const defs =
    linear('sky', [[0, '#0b132b'], [1, '#1c2541']]) +
    linear('pitch', [[0, '#2d6a4f'], [1, '#40916c']]) +
    radial('flood', [[0, '#ffffff', 1], [0.2, '#fdfcdc', 0.8], [1, '#fdfcdc', 0]]) +
    '<filter id="soft"><feGaussianBlur stdDeviation="2.4"/></filter>';
  let body = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  // stands
  body += `<path d="M0 190 L1200 190 L1200 470 L0 470 Z" fill="#3a0e12"/>`;
  // supporters in red shirts, slightly blurred as if out of focus
  const crowd = ['#d62828', '#c1121f', '#e63946', '#9d0208', '#b5172a', '#f28b93'];
  body += `<g filter="url(#soft)">`;
  for (let y = 206; y < 440; y += 18) {
    for (let x = 6; x < W; x += 15) {
      if (Math.floor(x / 15) % 14 === 0) continue; // aisles
      if (r() < 0.8) body += `<circle cx="${x}" cy="${y}" r="5" fill="${pick(r, crowd)}"/>`;
    }
  }
  body += `</g>`;
  for (let x = 0; x < W; x += 210) body += `<rect x="${x + 2}" y="196" width="9" height="250" fill="#5c5f66"/>`;
  body += `<rect y="446" width="${W}" height="24" fill="#1d3557"/><rect y="452" width="${W}" height="4" fill="#fcbf49" opacity="0.8"/>`;
  body += `<rect y="330" width="${W}" height="8" fill="#22223b"/>`;
  body += `<path d="M0 170 L1200 170 L1200 195 L0 195 Z" fill="#adb5bd"/>`;
  // floodlights
  for (const x of [90, 1110]) {
    body += `<circle cx="${x}" cy="70" r="190" fill="url(#flood)" opacity="0.55"/>`;
    body += `<rect x="${x - 6}" y="70" width="12" height="110" fill="#6c757d"/>`;
    body += `<rect x="${x - 50}" y="40" width="100" height="40" fill="#e9ecef"/>`;
    for (let i = 0; i < 4; i++) body += `<rect x="${x - 44 + i * 24}" y="46" width="18" height="28" fill="#ffffe0"/>`;
  }
  // pitch with mowing stripes and markings
  body += `<path d="M-100 800 L130 470 L1070 470 L1300 800 Z" fill="url(#pitch)"/>`;
  for (let i = 0; i < 10; i += 2) {
    const t0 = i / 10;
    const t1 = (i + 1) / 10;
    const x0 = -100 + t0 * 1400;
    const x1 = -100 + t1 * 1400;
    const u0 = 130 + t0 * 940;
    const u1 = 130 + t1 * 940;
    body += `<path d="M${f(x0)} 800 L${f(u0)} 470 L${f(u1)} 470 L${f(x1)} 800 Z" fill="#ffffff" opacity="0.05"/>`;
  }
  body += `<path d="M20 780 L170 490 L1030 490 L1180 780 Z" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.85"/>`;
  body += `<line x1="600" y1="490" x2="600" y2="780" stroke="#ffffff" stroke-width="3" opacity="0.85"/>`;
  body += `<ellipse cx="600" cy="620" rx="120" ry="42" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.85"/>`;
  // players
  for (let i = 0; i < 8; i++) {
    const x = 200 + r() * 800;
    const y = 540 + r() * 200;
    const home = i % 2 === 0;
    body += person(x, y, 40 + (y - 540) * 0.25, home ? '#d62828' : '#f8f9fa', home ? '#ffffff' : '#1d3557', '#c68f6b', r() - 0.5);
  }
  body += `<circle cx="640" cy="655" r="6" fill="#ffffff"/>`;
  return svg(defs, body);
}

// ---------------------------------------------------------------------------

const IMAGES: Array<{ path: string; draw: () => string }> = [
  { path: '2024/08/images/cang-van-hai.jpg', draw: portAtDawn },
  { path: '2024/08/images/tau-container-cap-ben.jpg', draw: shipBerthing },
  { path: '2024/08/images/xe-buyt-dien.jpg', draw: electricBus },
  { path: '2024/08/images/don-rac-bai-bien.jpg', draw: beachCleanup },
  { path: '2024/09/images/le-khai-giang.jpg', draw: schoolOpening },
  { path: '2024/09/images/pho-den-long.jpg', draw: lanternStreet },
  { path: '2024/09/images/gian-hang-am-thuc.jpg', draw: foodStalls },
  { path: '2024/09/images/cau-vuot.jpg', draw: overpassConstruction },
  { path: '2024/09/images/giai-chay-ven-bien.jpg', draw: coastalRun },
  { path: '2024/10/images/san-van-dong.jpg', draw: stadiumNight },
];

for (const { path, draw } of IMAGES) {
  const out = join(ARTICLES, path);
  await mkdir(dirname(out), { recursive: true });
  await sharp(Buffer.from(draw()))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70, mozjpeg: true })
    .toFile(out);
  const { size } = await stat(out);
  console.log(`${relative(ROOT, out)}  ${Math.round(size / 1024)} KB`);
}
