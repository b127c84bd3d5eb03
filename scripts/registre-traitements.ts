/**
 * Writes docs/registre-traitements.md from src/privacy/register.ts and the configuration read from
 * the environment (controller, DPO, durations): `npx tsx scripts/registre-traitements.ts`.
 * The committed file is written with the defaults (tests/privacy/retention.test.ts checks it).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPrivacyEnv } from '../src/privacy/privacy.config';
import { registerMarkdown } from '../src/privacy/register';

const env: Record<string, unknown> = { ...process.env };
for (const key of Object.keys(env)) if (/^RETENTION_.*_DAYS$/.test(key)) env[key] = Number(env[key]);
const file = resolve(process.argv[2] ?? 'docs/registre-traitements.md');
writeFileSync(file, registerMarkdown(readPrivacyEnv(env)));
console.log(`Registre écrit / register written: ${file}`);
