/**
 * Summarises V8 CPU profiles (`node --cpu-prof`): self time by function and by
 * package, so BENCHMARKS.md can say where the time goes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  functions: ProfileEntry[];
  packages: ProfileEntry[];
}

/** "node_modules/@astrojs/markdown-remark/dist/x.js" -> "@astrojs/markdown-remark"; project files -> "project: src/..". */
export function packageOf(url: string, projectRoot = ''): string {
  if (!url) return '(native/V8)';
  const clean = url.replace(/^file:\/\//, '');
  const at = clean.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = clean.slice(at + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (clean.startsWith('node:') || !clean.startsWith('/')) return `node (${clean.split('/')[0]})`;
  return `project: ${path.relative(projectRoot, clean).split(path.sep).slice(0, 2).join('/')}`;
}

export function summariseProfile(file: string, projectRoot = '', top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const selfMicros = new Map<number, number>();
  // Self time from samples and their time deltas (more precise than hitCount).
  if (profile.samples && profile.timeDeltas) {
    for (let i = 0; i < profile.samples.length; i += 1) {
      const id = profile.samples[i]!;
      selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
  }
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (!micros) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += micros;
    const where = url ? `${packageOf(url, projectRoot)} ${path.basename(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where ? ` [${where}]` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const pkg = packageOf(url, projectRoot);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfMs: Math.round(micros / 1000), share: total ? micros / total : 0 }));
  return { file, totalMs: Math.round(total / 1000), functions: rank(byFunction), packages: rank(byPackage) };
}

/** Every .cpuprofile in a folder (one per thread: main and workers), largest first. */
export function summariseProfileDir(dir: string, projectRoot = '', top = 25): ProfileSummary[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => summariseProfile(path.join(dir, name), projectRoot, top))
    .sort((a, b) => b.totalMs - a.totalMs);
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`.padStart(6);
  const lines = [`${path.basename(summary.file)}: ${summary.totalMs} ms sampled (idle excluded)`, '  by package (self time):'];
  for (const entry of summary.packages) lines.push(`    ${String(entry.selfMs).padStart(7)} ms ${pct(entry.share)}  ${entry.name}`);
  lines.push('  top functions (self time):');
  for (const entry of summary.functions) lines.push(`    ${String(entry.selfMs).padStart(7)} ms ${pct(entry.share)}  ${entry.name}`);
  return lines.join('\n');
}
