/**
 * `runAstro` (scripts/lib/pipeline.ts) with a stand-in for Astro's process:
 * its output is held back until the pipeline shows it (Astro runs while the
 * content is checked, and a refused build shows the check's report only).
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAstro } from '../../scripts/lib/pipeline.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const FAKE = path.join(projectRoot, 'tests/helpers/fake-astro-process.ts');
const JOB = { root: projectRoot, outDir: '/nonexistent', cacheDir: '/nonexistent', quiet: true };

function captureOutput(): { text: () => string } {
  let text = '';
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const value = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (value.includes('fake-astro')) {
        text += value;
        return true;
      }
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  return { text: () => text };
}

describe('the Astro process', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('holds its output back until shown, then shows it all, in order', async () => {
    const output = captureOutput();
    const astro = runAstro(JOB, FAKE);
    expect(await astro.outcome).toEqual({ ok: true, phases: { 'astro.sync': 1 } });
    // It has printed and exited, and nothing reached the terminal.
    expect(output.text()).toBe('');
    astro.showOutput();
    expect(output.text()).toContain('[build] fake-astro says hello\n');
    expect(output.text()).toContain('[build] fake-astro warns\n');
  });

  it('shows nothing when stopped before being shown (a build the check refused)', async () => {
    const output = captureOutput();
    const astro = runAstro(JOB, FAKE);
    await astro.stop();
    expect(output.text()).toBe('');
  });
});
