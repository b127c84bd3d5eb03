import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { parseArgs } from './cli/args';
import { organiserCommand } from './cli/organiser.cli';
import { AppError } from './shared/errors';
import { translate } from './shared/messages';

const commands = {
  organiser: organiserCommand,
} as const;

const [name, ...rest] = process.argv.slice(2);
const command = commands[name as keyof typeof commands];
if (!command) {
  console.error(`usage: npm run cli -- <${Object.keys(commands).join('|')}> …`);
  process.exit(2);
}

const config = loadConfig(process.env);
const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
try {
  await runMigrations(database);
  await command(database, parseArgs(rest));
} catch (error) {
  console.error(error instanceof AppError ? `${error.code}: ${translate(error.code, error.params, 'fr')}` : (error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
