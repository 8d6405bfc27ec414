import { ConfigError, loadConfig } from './config';
import { createApp } from './app';
import { loadPrompts, DEFAULT_PROMPTS_DIR } from './data/prompts';
import { loadRubrics, DEFAULT_RUBRICS_DIR } from './data/rubrics';
import { createLogger } from './log';
import { openStorage } from './storage/open';

/** Entry point: read the environment, open storage, listen, and shut down cleanly on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const prompts = await loadPrompts(DEFAULT_PROMPTS_DIR);
  const rubrics = await loadRubrics(DEFAULT_RUBRICS_DIR);
  const storage = await openStorage(config);
  const app = createApp({ config, storage, prompts, rubrics, log });
  if (config.REDIS_URL) {
    const { useRedisAdapter } = await import('./sockets/redis-adapter');
    app.onClose(await useRedisAdapter(app.io, config.REDIS_URL, log));
    app.relay.enable();
  }

  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, host: config.HOST, storage: storage.kind }, 'listening');
  // The one line a person starting the server looks for, whatever the log level.
  console.log(`Designroom is running on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: storing open boards');
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
