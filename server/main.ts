// Entry point for `npm start`: read configuration, start, stop gracefully.
// SIGTERM/SIGINT: stop accepting connections and claiming mail, let requests
// and sends in flight finish, abandon what is left at SHUTDOWN_TIMEOUT_SECONDS
// (abandoned mail goes back to the queue at once), close the database, exit.
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
    console.log(`${signal} received: finishing in-flight requests and sends for up to ${config.shutdownTimeoutMs / 1000} s, then stopping.`);
    // A backstop: whatever still runs at the deadline (a hung socket, a stuck
    // query) must not keep the process alive past what the orchestrator allows.
    setTimeout(() => {
      console.error('Shutdown deadline passed; exiting now.');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
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
