/**
 * Loading (type-stripping and compiling) modules is a large part of a short
 * command's time, on every thread and process: keep them in Node's compile
 * cache on disk, checked against the sources on each load. Worker threads and
 * child processes get it through the environment.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 *
 * Import this first, and the rest of the command's modules afterwards
 * (`await import(...)`), so that they come from the cache.
 */
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

process.env.NODE_COMPILE_CACHE ??= path.join(os.tmpdir(), 'node-compile-cache');
module.enableCompileCache?.();
