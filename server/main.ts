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

// The handlers are in place before the server starts: it listens, and its outbox
// worker claims mail, a moment before startServer returns (it still reads the
// database to announce the logins), and a SIGTERM in that moment must still stop
// it gracefully rather than kill it with the sends it had claimed.
let running: Awaited<ReturnType<typeof startServer>> | undefined;
let stopping: string | undefined;
const close = () =>
  running!.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
const stop = (signal: string) => {
  if (stopping) return;
  stopping = signal;
  console.log(`${signal} received: finishing in-flight requests and sends for up to ${config.shutdownTimeoutMs / 1000} s, then stopping.`);
  // A backstop: whatever still runs at the deadline (a hung socket, a stuck
  // query, a start that never ends) must not keep the process alive past what the orchestrator allows.
  setTimeout(() => {
    console.error('Shutdown deadline passed; exiting now.');
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  if (running) void close();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

try {
  running = await startServer({ config });
  // Asked to stop while starting: stop now.
  if (stopping) void close();
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
