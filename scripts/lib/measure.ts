/**
 * Measures a command as a whole process tree (Linux /proc): wall time, CPU
 * time (user + system of the command and every descendant), peak RSS of the
 * tree (the sum over its live processes, sampled every 100 ms) and the largest
 * single-process peak (VmHWM), bytes written to storage.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface RunMeasurement {
  code: number;
  wallMs: number;
  /** user + system time of the whole tree, from the parent's reaped-children counters. */
  cpuMs: number;
  userMs: number;
  systemMs: number;
  /** Largest sum of the tree's resident set sizes seen by the sampler. */
  peakTreeRssBytes: number;
  /** Largest single-process peak resident set size (VmHWM) in the tree. */
  peakProcessRssBytes: number;
  /** Bytes the tree caused to be written to storage (/proc/<pid>/io write_bytes), as last sampled. */
  writeBytes: number;
  samples: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime, stime of this process's reaped children (fields 16 and 17 of /proc/self/stat), in ms. */
function childrenCpuMs(): { user: number; system: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); cutime is field 16, cstime field 17.
  const toMs = (ticks: string | undefined) => (Number(ticks) * 1000) / TICKS_PER_SECOND;
  return { user: toMs(fields[13]), system: toMs(fields[14]) };
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The pid and all its live descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    let list = children.get(ppid);
    if (!list) children.set(ppid, (list = []));
    list.push(pid);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function statusKb(pid: number, key: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function writeBytesOf(pid: number): number {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return Number(/^write_bytes:\s+(\d+)/m.exec(io)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export interface MeasureOptions extends Pick<SpawnOptions, 'cwd' | 'env'> {
  /** Where the command's stdout and stderr go (a file); default: inherited. */
  logFile?: string;
  intervalMs?: number;
}

/** Runs `command args` to completion and measures its whole process tree. */
export async function measureCommand(command: string, args: string[], options: MeasureOptions = {}): Promise<RunMeasurement> {
  const before = childrenCpuMs();
  const start = performance.now();
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (log) {
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
  }
  let peakTreeRss = 0;
  let peakProcessRss = 0;
  let samples = 0;
  // Written bytes of processes that have exited are lost; keep the last value seen per pid.
  const written = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    let total = 0;
    for (const pid of processTree(child.pid)) {
      total += statusKb(pid, 'VmRSS') * 1024;
      peakProcessRss = Math.max(peakProcessRss, statusKb(pid, 'VmHWM') * 1024);
      const bytes = writeBytesOf(pid);
      if (bytes > 0) written.set(pid, bytes);
    }
    peakTreeRss = Math.max(peakTreeRss, total);
    samples += 1;
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  });
  clearInterval(timer);
  const wallMs = performance.now() - start;
  await closed;
  if (log) await new Promise<void>((resolve) => log.end(resolve));
  const after = childrenCpuMs();
  const userMs = after.user - before.user;
  const systemMs = after.system - before.system;
  return {
    code,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(userMs + systemMs),
    userMs: Math.round(userMs),
    systemMs: Math.round(systemMs),
    peakTreeRssBytes: peakTreeRss,
    peakProcessRssBytes: peakProcessRss,
    writeBytes: [...written.values()].reduce((a, b) => a + b, 0),
    samples,
  };
}
