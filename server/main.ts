// Entry point for `npm start`: read configuration, start, stop gracefully.
import { ConfigError, loadConfig } from './env';
import { startServer, StartupError } from './start-server';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    console.error('See README.md, "Configuration", for every variable and its allowed values.');
    process.exit(1);
  }
  throw error;
}

try {
  const running = await startServer({ config });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests, then stopping.`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
