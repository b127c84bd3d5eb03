import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every area's tables; no file gathers them.
  schema: './src/**/*.tables.ts',
  out: './migrations',
});
