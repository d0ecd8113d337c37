// Interview Desk as the HTTP benchmarks run it: its own process (like the
// bare server it is compared with), on a database the bench seeded, started
// as `npm start` starts it (outbox worker and expiry scheduler included).
// Prints its URL on stdout; answers "counters" messages with the answer
// cache's counters. Usage (forked with an IPC channel):
//   node --import tsx bench/load/app-server.ts <DATABASE_URL> [DATA_DIR]
import { loadConfig } from '../../server/env';
import { startServer } from '../../server/start-server';
import { createLogger } from '../../server/logger';
import { readAnswerCacheCounters } from '../../server/availability/find-free-slots';

const [databaseUrl, dataDir] = process.argv.slice(2);
const config = loadConfig({
  DATABASE_URL: databaseUrl!, DESK_DEMO: '0', LOG_LEVEL: 'silent', PORT: '3999',
  REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000',
  ...(dataDir ? { DATA_DIR: dataDir } : {}),
});
const running = await startServer({ config: { ...config, port: 0 }, logger: createLogger('silent'), buildClient: false, announce: () => {} });
process.on('message', (message) => {
  if (message === 'counters') process.send?.({ counters: readAnswerCacheCounters() });
});
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
process.stdout.write(`${running.url}\n`);
