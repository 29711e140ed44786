/**
 * Finer phases of `astro build` for `--timings`: integration hook marks (an
 * integration that the pipeline adds last, so its hooks run after everyone
 * else's) and Astro's own internal timer (ASTRO_TIMER_PATH: content sync,
 * Vite bundles, static generation).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

export interface AstroPhaseRecorder {
  integration: AstroIntegration;
  /** Env value for ASTRO_TIMER_PATH while the build runs. */
  timerFile: string;
  /** Astro phases in ms, relative to `start`; call after the build. */
  phases(start: number): Record<string, number>;
}

export function createAstroPhaseRecorder(timerFile: string): AstroPhaseRecorder {
  mkdirSync(path.dirname(timerFile), { recursive: true });
  const marks: Record<string, number> = {};
  const mark = (name: string) => () => {
    marks[name] = performance.now();
  };
  const integration: AstroIntegration = {
    name: 'newsroom:build-timings',
    hooks: {
      'astro:config:setup': mark('configSetup'),
      'astro:build:start': mark('buildStart'),
      'astro:build:generated': mark('generated'),
      'astro:build:done': mark('done'),
    },
  };
  return {
    integration,
    timerFile,
    phases(start) {
      const out: Record<string, number> = {};
      let internal: Record<string, { elapsedTime: number }> = {};
      try {
        internal = JSON.parse(readFileSync(timerFile, 'utf8'));
        rmSync(timerFile, { force: true });
      } catch {
        // No timer file: the build stopped early.
      }
      const ms = (value: number | undefined) => (value === undefined ? undefined : Math.round(value));
      const set = (name: string, value: number | undefined) => {
        if (value !== undefined && Number.isFinite(value)) out[name] = ms(value)!;
      };
      set('astro.config', marks.configSetup === undefined ? undefined : marks.configSetup - start);
      set('astro.sync', internal['Sync content layer']?.elapsedTime);
      const bundles = ['Prerender build', 'SSR build', 'Client build'].map((name) => internal[name]?.elapsedTime ?? 0);
      if (internal['Prerender build']) set('astro.bundle', bundles.reduce((a, b) => a + b, 0));
      set('astro.generate', (internal['Static generate'] ?? internal['Server generate'])?.elapsedTime);
      if (marks.generated !== undefined && marks.done !== undefined) set('astro.postprocess', marks.done - marks.generated);
      return out;
    },
  };
}
