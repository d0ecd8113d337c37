// Boots Interview Desk: database (and migrations on the embedded default),
// first-run admin, demo data, web client build, HTTP listener. Returns a
// handle whose close() shuts down gracefully. Used by server/main.ts and by
// tests that need a real server on an ephemeral port.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from './env';
import { openDatabase, type Database } from './db';
import { createLogger, type Logger } from './logger';
import { applyMigrations, readSchemaStatus } from './migrate';
import { ensureFirstRunAdmin } from './auth/create-user';
import { demoLogins, hasDemo, replacePublishedDemoPassword, seedDemo } from './demo/seed-demo';
import { DEMO_PASSWORD_FILE, loadOrCreateDemoPassword } from './demo/demo-password';
import { prepareServerSecrets } from './secrets';
import { isLoopbackUrl } from './env';
import { ensureClientBuild } from './client-build';
import { createApp } from './app';
import { startExpiryScheduler } from './requests/expire-requests';
import { startReminderScheduler } from './reminders/send-due-reminders';
import { startOutboxWorker } from './outbox/deliver-outbox';
import { startCalendarSync } from './calendars/sync-connection';
import { createMailTransport } from './mail/transport';
import { join } from 'node:path';

/**
 * Time kept back at the end of the shutdown deadline for releasing abandoned
 * outbox rows and closing the database (at most a quarter of the deadline).
 */
const SHUTDOWN_RESERVE_MS = 1_000;

export interface RunningServer {
  url: string;
  database: Database;
  server: Server;
  /** This install's demo password, when the demo office runs. */
  demoPassword: string | undefined;
  /**
   * Stops gracefully within `timeoutMs` (default SHUTDOWN_TIMEOUT_SECONDS):
   * see server/main.ts and README "Stopping and deploying".
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export class StartupError extends Error {}

/**
 * Brings the schema up to date (SQLite) or checks it is (PostgreSQL). Nothing
 * pending, the usual restart, is told from the migrations table alone and the
 * connection that read it is returned for the server to keep (no second client,
 * no schema engine). Otherwise that connection is closed before migrating: the
 * Prisma CLI migrates from another process, which an open SQLite connection would block.
 */
export async function prepareSchema(config: Config, logger: Logger, announce: (line: string) => void = () => {}): Promise<Database | undefined> {
  const database = await openDatabase(config.database);
  let status;
  try {
    status = await readSchemaStatus(database.prisma, database.provider);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (status.pending.length === 0) return database;
  await database.close();
  if (database.provider === 'sqlite') {
    const started = performance.now();
    announce(`Migrating the database (${status.pending.length} migration${status.pending.length === 1 ? '' : 's'} to apply)…`);
    logger.info({ pending: status.pending }, 'applying database migrations');
    await applyMigrations(config.database);
    announce(`Database migrated in ${seconds(started)}.`);
    return undefined;
  }
  // Shared PostgreSQL: migrating is a deliberate deployment step, never a race
  // between instances starting at once.
  throw new StartupError(
    `The PostgreSQL database is missing ${status.pending.length} migration(s) (${status.pending.join(', ')}). Run \`npm run db:migrate\` with the same DATABASE_URL, then start again.`,
  );
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** `now`: an injected clock for the tRPC procedures (browser tests move time forward); the real time by default. */
export async function startServer(options: { config: Config; logger?: Logger; buildClient?: boolean; announce?: (line: string) => void; now?: () => Date }): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const announce = options.announce ?? ((line: string) => console.log(line));
  // The client build needs no database: it runs while the schema is migrated and the demo seeded.
  const clientBuild = (options.buildClient ?? config.buildClient) ? ensureClientBuild(logger, announce) : Promise.resolve();
  clientBuild.catch(() => {}); // awaited below; not unhandled meanwhile
  let database: Database;
  try {
    database = (await prepareSchema(config, logger, announce)) ?? (await openDatabase(config.database));
  } catch (error) {
    await clientBuild.catch(() => {});
    throw error;
  }
  let demoPassword: string | undefined;
  try {
    const secrets = await prepareServerSecrets({ db: database.prisma, config });
    if (secrets.movedFromDatabase) logger.info({ file: secrets.file }, 'server secret moved from the database to its key file');
    if (database.provider === 'postgres' && secrets.source === 'file') {
      logger.warn({ file: secrets.file }, 'the server secret is in a local file: instances sharing this database need the same key (set SECRET_KEY on each, README "Security")');
    }
    const admin = await ensureFirstRunAdmin({ db: database.prisma, admin: config.admin });
    if (admin.created) logger.info({ email: config.admin?.email }, 'first-run admin created');
    if (config.demo) {
      demoPassword = loadOrCreateDemoPassword(config.dataDir);
      if (!(await hasDemo(database.prisma))) {
        const started = performance.now();
        announce('Seeding the demo press office…');
        const { seeded } = await seedDemo({ db: database.prisma, now: new Date(), password: demoPassword });
        if (seeded) logger.info('demo press office seeded');
        announce(`Demo press office seeded in ${seconds(started)}.`);
      } else if ((await replacePublishedDemoPassword({ db: database.prisma, password: demoPassword })) > 0) {
        logger.info('demo logins moved off the published password');
      }
    }
    await clientBuild;
  } catch (error) {
    await database.close();
    throw error;
  }

  const transport = createMailTransport({
    smtpUrl: config.smtpUrl,
    outboxDir: join(config.dataDir, 'outbox'),
    timeoutMs: config.outbox.smtpTimeoutMs,
    sendTimeoutMs: config.outbox.sendTimeoutMs,
    maxConnections: config.outbox.concurrency,
  });
  const outbox = startOutboxWorker({ database, transport, config, logger, settings: config.outbox, lanes: ['email', 'http'], http: config.webhooks });
  const expiry = startExpiryScheduler({ db: database.prisma, config, onError: (error) => logger.error({ err: error }, 'request expiry failed') });
  const reminders = startReminderScheduler({ db: database.prisma, config, onError: (error) => logger.error({ err: error }, 'interview reminders failed') });
  // Failures are recorded on each connection; only unexpected errors reach the log (never a credential: none is in them).
  const calendars = startCalendarSync({ db: database.prisma, config, onError: (error) => logger.error({ err: error }, 'calendar sync failed') });
  const app = createApp({ database, config, logger, now: options.now });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.on('error', reject);
  });
  let shuttingDown = false;
  // While stopping, every answer closes its connection, so keep-alive sockets
  // end right after a response and never between a client's requests.
  server.prependListener('request', (_request, response) => {
    if (shuttingDown) response.setHeader('Connection', 'close');
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, publicUrl: config.publicUrl, database: database.provider }, 'Interview Desk is listening');

  announce(`Interview Desk is running at ${config.publicUrl} (listening on ${url}, database: ${database.provider}).`);
  announce(config.smtpUrl ? 'Email goes out through SMTP_URL.' : `No SMTP_URL: emails are written to ${join(config.dataDir, 'outbox')} (and listed in the staff mail view) instead of being sent.`);
  if (config.demo && (await hasDemo(database.prisma))) {
    announce(`Demo press office logins (password "${demoPassword}" unless changed; it is also in ${join(config.dataDir, DEMO_PASSWORD_FILE)}):`);
    for (const login of demoLogins) announce(`  ${login.role.padEnd(13)} ${login.email}`);
  } else if ((await database.prisma.user.count()) === 0) {
    if (!config.demo && isLoopbackUrl(config.publicUrl)) announce('The demo press office is off (DESK_DEMO=0).');
    else if (!config.demo) announce(`No demo press office: PUBLIC_URL (${config.publicUrl}) is not this machine. Set DESK_DEMO=1 to seed it anyway.`);
    announce('No staff account yet. To create the first admin, set DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD (at least 12 characters) and start again; then sign in at ' + `${config.publicUrl}/desk.`);
  }

  let closing: Promise<void> | undefined;
  const close = (closeOptions: { timeoutMs?: number } = {}) => {
    closing ??= (async () => {
      const started = Date.now();
      const timeoutMs = closeOptions.timeoutMs ?? config.shutdownTimeoutMs;
      const deadline = started + timeoutMs;
      // Sends and requests still running at this point are cut off.
      const workDeadline = deadline - Math.min(SHUTDOWN_RESERVE_MS, timeoutMs / 4);
      shuttingDown = true;
      // Stop accepting new connections. Node's close() would also close idle
      // keep-alive sockets at once, but a client may be sending its next
      // request on one at that very moment and would see a reset (measured:
      // up to half the connections of a loaded server). So: every answer from
      // now on says Connection: close and ends its socket; a socket that stays
      // idle closes at its keep-alive timeout (advertised to clients in the
      // Keep-Alive header, so they do not reuse it); whatever is left is closed
      // at the work deadline.
      server.closeIdleConnections = () => {};
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      const force = setTimeout(() => server.closeAllConnections(), Math.max(0, workDeadline - Date.now()));
      expiry.stop();
      // The worker stops claiming at once, lets sends finish until workDeadline,
      // then abandons the rest (their rows go back to the queue at once).
      const outboxStopped = outbox.stop({ deadline: workDeadline });
      await withDeadline(Promise.all([httpClosed, outboxStopped, reminders.stop(), calendars.stop()]), deadline);
      clearTimeout(force);
      transport.close();
      await withDeadline(database.close(), deadline);
      logger.info({ ms: Date.now() - started }, 'Interview Desk stopped');
    })();
    return closing;
  };
  return { url, database, server, demoPassword, close };
}

/** Waits for `work`, but no later than `deadline` (epoch ms); a late `work` is left to finish on its own. */
async function withDeadline(work: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
  clearTimeout(timer);
}
