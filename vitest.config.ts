import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Files run in forks, one PGlite (or PostgreSQL database) per file; one fork per core (vitest's
    // default leaves a core idle).
    pool: 'forks',
    maxWorkers: 2,
    // A fork runs file after file without reloading the modules (the Digital Bazaar libraries, PGlite's
    // WebAssembly, fastify…): a test file must leave no state behind (README, « Tests »).
    isolate: false,
    // Migrates once; each file copies the migrated database (tests/helpers/db.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
