import closeWithGrace from 'close-with-grace';
import { type Config, ConfigError, loadConfig } from './config';
import { startPlatform } from './platform';

// The only file that reads process.env and listens.
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

try {
  const platform = await startPlatform(config);
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) platform.app.log.error({ err }, 'stopping after an error');
    await platform.stop();
  });
  await platform.app.listen({ port: config.port, host: config.host });
  platform.app.log.info(
    `Parcours prêt / ready: ${config.publicUrl} (database: ${platform.database.kind}, docs: ${config.publicUrl}/docs)`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
