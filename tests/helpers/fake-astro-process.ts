/** Stands in for scripts/lib/astro-process.ts in tests of `runAstro`: prints at once, reports success, exits. */
process.stdout.write('[build] fake-astro says hello\n');
process.stderr.write('[build] fake-astro warns\n');
process.send!({ ok: true, phases: { 'astro.sync': 1 } }, () => process.exit(0));
