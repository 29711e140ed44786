import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { categorySectionId, PAGE_IDS, RESERVED_IDS, unreservedId } from '../../src/lib/page-ids.ts';

describe('unreservedId', () => {
  const reserved = new Set(['main', 'tin-khac']);

  it('keeps an id the page chrome does not use', () => {
    expect(unreservedId('ket-qua', new Set(['ket-qua']), reserved)).toBe('ket-qua');
    expect(unreservedId('main-1', new Set(['main-1']), reserved)).toBe('main-1');
  });

  it('numbers a reserved id like github-slugger, skipping taken and reserved numbers', () => {
    expect(unreservedId('main', new Set(['main']), reserved)).toBe('main-1');
    expect(unreservedId('main', new Set(['main', 'main-1', 'main-2']), reserved)).toBe('main-3');
    expect(unreservedId('tin-khac', new Set(['tin-khac']), new Set([...reserved, 'tin-khac-1']))).toBe('tin-khac-2');
  });
});

describe('PAGE_IDS', () => {
  it('are distinct, and reserved', () => {
    const values = Object.values(PAGE_IDS);
    expect(new Set(values).size).toBe(values.length);
    expect([...RESERVED_IDS].sort()).toEqual([...values].sort());
  });

  it('hold every id the scripts in public/ look up', () => {
    const dir = path.join(projectRoot, 'public');
    const looked = readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/getElementById\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!));
    expect(looked.length).toBeGreaterThanOrEqual(3);
    for (const id of looked) expect(RESERVED_IDS, id).toContain(id);
  });

  it('name a home category block after its slug', () => {
    expect(categorySectionId('kinh-te')).toBe('muc-kinh-te');
  });
});
