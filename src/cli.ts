import { loadConfig } from './config';
import { buildServices } from './platform';
import type { Services } from './services';
import { parseArgs, type ParsedArgs } from './cli/args';
import { organiserCommand } from './cli/organiser.cli';
import { importCommand } from './cli/import.cli';
import { evaluateCommand } from './cli/evaluate.cli';
import { encryptKeysCommand, keysCommand } from './cli/keys.cli';
import { purgeCommand } from './cli/purge.cli';
import { endorseCommand, offlineEndorseCommand } from './cli/endorse.cli';
import { retentionCommand } from './cli/retention.cli';
import { openDatabase, type Database } from './db/client';
import { runMigrations } from './db/migrate';
import { AppError } from './shared/errors';
import { translate } from './text';

const commands: Record<string, (services: Services, args: ParsedArgs) => Promise<void>> = {
  organiser: organiserCommand,
  import: importCommand,
  evaluate: evaluateCommand,
  keys: keysCommand,
  purge: purgeCommand,
  endorse: endorseCommand,
  retention: retentionCommand,
};

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`usage: npm run cli -- <${Object.keys(commands).join('|')}> …`);
  process.exit(2);
}

let services: Services | undefined;
let database: Database | undefined;
try {
  // The endorser's own machine: no configuration, no database, no network.
  const offline = name === 'endorse' && ['keygen', 'sign'].includes(rest[0] ?? '');
  const config = offline ? undefined : loadConfig(process.env);
  if (!config) await offlineEndorseCommand(parseArgs(rest));
  else if (name === 'keys' && rest[0] === 'encrypt') {
    // Before the platform starts: a start with the secret would seal the keys without a word.
    if (config.keySecret) {
      database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
      await runMigrations(database);
    }
    await encryptKeysCommand(database!, config.keySecret);
  } else {
    services = await buildServices(config);
    await command(services, parseArgs(rest));
  }
} catch (error) {
  const e = error as AppError;
  const details = e.details ? `\n${e.details.map((d) => `  - ${JSON.stringify(d)}`).join('\n')}` : '';
  console.error(error instanceof AppError ? `${e.code}: ${translate(e.code, e.params, 'fr')}${details}` : e.message);
  process.exitCode = 1;
} finally {
  services?.mailer.close();
  await services?.database.close();
  await database?.close();
}
