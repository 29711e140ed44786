/**
 * A failed build leaves the previous dist/ byte for byte as it was: bad
 * content, a page that fails to render, kill -9 in the middle of Astro, Ctrl-C.
 * Plus the pieces of the swap on their own: recovery after a crash between
 * the two renames, the clean-up of internal files, the build lock.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, recoverInterruptedSwap, removeInternalFiles, swapIntoPlace } from '../../scripts/lib/atomic-output.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { buildFixture, SAMPLE_IMAGE, writeFixture } from '../helpers/fixture.ts';

const ENV = { NEWSROOM_NOW: '2025-01-01T00:00:00Z' };
/** Builds of one checkout wait for each other (see acquireBuildLock): allow for a queue. */
const BUILD_TIMEOUT = 600_000;

/** Every file and folder under `dir`, with a hash of each file's bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    out.set(relative, entry.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(path.join(dir, relative))).digest('hex'));
  }
  return out;
}

/** Astro build processes (scripts/lib/astro-process.ts) still running for the fixture in `root`. */
function astroProcesses(root: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (command.includes('astro-process.ts') && command.includes(root)) pids.push(Number(pid));
  }
  return pids;
}

/** Waits up to `ms` for the fixture's Astro process to be gone; returns those still alive. */
async function astroProcessesAfter(root: string, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (astroProcesses(root).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return astroProcesses(root);
}

function hiddenEntries(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((relative) => relative.split(path.sep).some((part) => part.startsWith('.')));
}

/** Starts a build, kills it with `signal` once Astro has started; resolves with its exit. */
function killMidAstro(root: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(
    path.join(projectRoot, 'node_modules/.bin/node'),
    ['scripts/build.ts', '--out', path.join(root, 'dist'), '--work', path.join(root, '.build')],
    { cwd: projectRoot, env: { ...process.env, ...ENV, NEWSROOM_CONTENT_DIR: path.join(root, 'content'), ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    // Astro is running once it logs; give it a moment to be well inside.
    if (!timer && /\[(content|build|types|vite)\]/.test(output)) timer = setTimeout(() => child.kill(signal), 700);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // Should Astro never log (it always does), kill anyway rather than hang.
  const fallback = setTimeout(() => child.kill(signal), BUILD_TIMEOUT - 60_000);
  return new Promise((resolve) => {
    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      clearTimeout(fallback);
      resolve({ code, signal: exitSignal, output });
    });
  });
}

describe('a failed build leaves dist/ as it was', { timeout: BUILD_TIMEOUT }, () => {
  let root: string;
  let outDir: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    root = writeFixture({
      articles: [
        { path: '2024/09/bai-mot.md', frontMatter: 'title: Bài một\ncategory: chinh-tri\ndate: 2024-09-18 16:00\nauthor: Lê Oanh' },
        {
          path: '2024/09/bai-anh.md',
          frontMatter: 'title: Bài có ảnh\ncategory: kinh-te\ndate: 2024-09-19 08:00\nauthor: Trần Minh',
          body: '![Bến cảng](./images/cang.jpg "Bến cảng")\n',
        },
      ],
      files: { 'articles/2024/09/images/cang.jpg': SAMPLE_IMAGE },
    });
    const first = await buildFixture(root, ENV, ['--quiet']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    outDir = first.outDir;
    before = snapshot(outDir);
    expect(before.has(path.join('chinh-tri', 'bai-mot', 'index.html'))).toBe(true);
    expect([...before.keys()].some((file) => file.startsWith('_astro') && file.endsWith('.webp'))).toBe(true);
    expect(hiddenEntries(outDir)).toEqual([]);
  }, BUILD_TIMEOUT);

  function expectUnchanged(): void {
    expect(snapshot(outDir)).toEqual(before);
    expect(hiddenEntries(outDir)).toEqual([]);
  }

  it('bad content: refused by the check, nothing written', async () => {
    const bad = path.join(root, 'content/articles/2024/09/bai-loi.md');
    writeFileSync(bad, '---\ntitle: Bài lỗi\ncategory: chinh-tr\n---\n');
    try {
      const result = await buildFixture(root, ENV, ['--quiet']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('content/articles/2024/09/bai-loi.md:3: category:');
      expectUnchanged();
    } finally {
      rmSync(bad);
    }
  });

  it('a page that fails to render (MDX error at build time): the error names the article', async () => {
    const bad = path.join(root, 'content/articles/2024/09/bai-hong.mdx');
    writeFileSync(bad, '---\ntitle: Bài hỏng\ncategory: chinh-tri\ndate: 2024-09-20 10:00\nauthor: Lê Oanh\n---\n\nXin chào {khongCo.thuocTinh}\n');
    try {
      const result = await buildFixture(root, ENV, ['--quiet']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Build failed: content/articles/2024/09/bai-hong.mdx: the page /chinh-tri/bai-hong/ could not be made: khongCo is not defined');
      expect(result.stderr).toContain('The live site is unchanged');
      expectUnchanged();
      // Astro renders pages four at a time and goes on after a failure: its process is ended first.
      expect(astroProcesses(root)).toEqual([]);
      expect(existsSync(path.join(root, '.build/next'))).toBe(false);
    } finally {
      rmSync(bad);
    }
  });

  it('kill -9 in the middle of Astro', async () => {
    writeFileSync(
      path.join(root, 'content/articles/2024/09/bai-moi.md'),
      '---\ntitle: Bài mới\ncategory: xa-hoi\ndate: 2024-09-21 10:00\nauthor: Lê Oanh\n---\n\nNội dung mới.\n',
    );
    // Enough work that Astro's process would still be busy for seconds after its parent is killed.
    const paragraph = 'Thành phố đẩy mạnh chuyển đổi số trong các cơ quan hành chính, người dân được hướng dẫn dùng dịch vụ công trực tuyến. '.repeat(12);
    for (let n = 1; n <= 150; n += 1) {
      writeFileSync(
        path.join(root, `content/articles/2024/09/bai-them-${n}.md`),
        `---\ntitle: Bài thêm số ${n}\ncategory: kinh-te\ndate: 2024-09-10 08:00\nauthor: Trần Minh\n---\n\n${`## Mục ${n}\n\n${paragraph}\n\n`.repeat(8)}`,
      );
    }
    const result = await killMidAstro(root, 'SIGKILL');
    expect(result.signal).toBe('SIGKILL');
    expect(result.output).toMatch(/\[(content|build|types|vite)\]/);
    // Astro's process notices that its parent is gone and stops at once (it would render for seconds more).
    expect(await astroProcessesAfter(root, 1500)).toEqual([]);
    expectUnchanged();
  });

  it('Ctrl-C (SIGINT) in the middle of Astro', async () => {
    const result = await killMidAstro(root, 'SIGINT');
    expect(result.code).toBe(130);
    expect(result.output).toContain('Build interrupted: the live site is unchanged.');
    expect(await astroProcessesAfter(root, 1500)).toEqual([]);
    expectUnchanged();
  });

  it('the next build takes over (stale lock, leftovers) and replaces dist/ completely', async () => {
    const result = await buildFixture(root, ENV, ['--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = snapshot(outDir);
    expect(after.has(path.join('xa-hoi', 'bai-moi', 'index.html'))).toBe(true);
    expect(after.get(path.join('chinh-tri', 'bai-mot', 'index.html'))).toBe(before.get(path.join('chinh-tri', 'bai-mot', 'index.html')));
    expect(hiddenEntries(outDir)).toEqual([]);
    // The replaced output waits here for the next build to delete it in the background.
    expect(readdirSync(path.join(root, '.build')).sort()).toEqual(['cache', 'previous-dist']);
    expect(existsSync(path.join(root, '.build', 'previous-dist', 'chinh-tri', 'bai-mot', 'index.html'))).toBe(true);
  });
});

describe('swap pieces', () => {
  const temp = () => mkdtempSync(path.join(os.tmpdir(), 'newsroom-swap-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  it('swaps a staging folder in, and the old output is gone', async () => {
    const dir = temp();
    write(path.join(dir, 'dist/index.html'), 'old');
    write(path.join(dir, 'work/next/index.html'), 'new');
    await swapIntoPlace(path.join(dir, 'work/next'), path.join(dir, 'dist'), path.join(dir, 'work'));
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(path.join(dir, 'work'))).toEqual([]);
  });

  it('swaps across file systems (staging in /dev/shm where it is one) by copying next to the output first', async () => {
    const dir = temp();
    const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/newsroom-swap-') : temp();
    write(path.join(dir, 'dist/index.html'), 'old');
    write(path.join(shm, 'next/a/index.html'), 'new');
    await swapIntoPlace(path.join(shm, 'next'), path.join(dir, 'dist'), path.join(shm));
    expect(readFileSync(path.join(dir, 'dist/a/index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['dist']);
    expect(existsSync(path.join(shm, 'next'))).toBe(false);
    rmSync(shm, { recursive: true, force: true });
  });

  it('with keepPrevious, leaves the old output in the work folder for the next build to delete in the background', async () => {
    const dir = temp();
    write(path.join(dir, 'dist/index.html'), 'old');
    write(path.join(dir, 'work/next/index.html'), 'new');
    await swapIntoPlace(path.join(dir, 'work/next'), path.join(dir, 'dist'), path.join(dir, 'work'), true);
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dir, 'work/previous-dist/index.html'), 'utf8')).toBe('old');
    // The next build: the new output stays, the old one goes while the build runs.
    const { cleared } = await recoverInterruptedSwap(path.join(dir, 'dist'), path.join(dir, 'work'));
    expect(existsSync(path.join(dir, 'work/previous-dist'))).toBe(false);
    await cleared;
    expect(readdirSync(path.join(dir, 'work'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toBe('new');
  });

  it('recovers the old output after a crash between the two renames', async () => {
    const dir = temp();
    write(path.join(dir, 'work/previous-dist/index.html'), 'old');
    await recoverInterruptedSwap(path.join(dir, 'dist'), path.join(dir, 'work'));
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toBe('old');
    expect(existsSync(path.join(dir, 'work/previous-dist'))).toBe(false);
  });

  it('removes internal dot-files at any depth, but keeps those from public/', async () => {
    const dir = temp();
    write(path.join(dir, 'out/.prerender/chunks/entry.mjs'), 'data');
    write(path.join(dir, 'out/_astro/.vite/manifest.json'), '{}');
    write(path.join(dir, 'out/.well-known/security.txt'), 'x');
    write(path.join(dir, 'out/index.html'), 'x');
    write(path.join(dir, 'public/.well-known/security.txt'), 'x');
    const removed = await removeInternalFiles(path.join(dir, 'out'), path.join(dir, 'public'));
    expect(removed.sort()).toEqual(['.prerender', path.join('_astro', '.vite')]);
    expect(snapshot(path.join(dir, 'out')).has(path.join('.well-known', 'security.txt'))).toBe(true);
  });

  it('the build lock waits for a live owner and takes over from a dead one', async () => {
    const project = temp();
    const first = await acquireBuildLock(project);
    let waitedFor = 0;
    const second = acquireBuildLock(project, (pid) => (waitedFor = pid));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(waitedFor).toBe(process.pid);
    first.release();
    (await second).release();
    // A lock left by a process that no longer exists (killed with kill -9).
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(first.file, String(dead.pid));
    const third = await acquireBuildLock(project);
    expect(readFileSync(third.file, 'utf8')).toBe(String(process.pid));
    third.release();
    expect(existsSync(third.file)).toBe(false);
  });
});
