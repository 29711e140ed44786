import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCacheFile } from '../../src/loaders/cache-file.ts';

describe('writeCacheFile', () => {
  const temp = () => mkdtempSync(path.join(os.tmpdir(), 'newsroom-cache-file-'));

  it('writes the file, replacing an older one, and leaves nothing else beside it', () => {
    const dir = temp();
    const file = path.join(dir, 'abc.html');
    writeFileSync(file, 'old');
    writeCacheFile(file, '<p>Chuyển đổi số</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>Chuyển đổi số</p>');
    expect(readdirSync(dir)).toEqual(['abc.html']);
  });

  it('writes whole files when one file is written many times (each write has its own temporary file)', () => {
    const dir = temp();
    const file = path.join(dir, 'same.html');
    const texts = Array.from({ length: 50 }, (_, i) => `<p>${String(i).repeat(2000)}</p>`);
    for (const text of texts) writeCacheFile(file, text);
    expect(readFileSync(file, 'utf8')).toBe(texts.at(-1));
    expect(readdirSync(dir)).toEqual(['same.html']);
  });

  it('fails without leaving a temporary file or touching the target when the rename fails', () => {
    const dir = temp();
    // A folder where the file should go: the rename over it fails.
    const target = path.join(dir, 'abc.html');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeCacheFile(target, 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['abc.html']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});
