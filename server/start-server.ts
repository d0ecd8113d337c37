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
import { DEMO_PASSWORD, demoLogins, hasDemo, seedDemo } from './demo/seed-demo';
import { ensureClientBuild } from './client-build';
import { createApp } from './app';
import { startExpiryScheduler } from './requests/expire-requests';
import { startOutboxWorker } from './outbox/deliver-outbox';
import { createMailTransport } from './mail/transport';
import { join } from 'node:path';

// How long in-flight requests get to finish after a shutdown signal.
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  database: Database;
  server: Server;
  close(): Promise<void>;
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

export async function startServer(options: { config: Config; logger?: Logger; buildClient?: boolean; announce?: (line: string) => void }): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const announce = options.announce ?? ((line: string) => console.log(line));
  // The client build needs no database: it runs while the schema is migrated and the demo seeded.
  const clientBuild = options.buildClient !== false ? ensureClientBuild(logger, announce) : Promise.resolve();
  clientBuild.catch(() => {}); // awaited below; not unhandled meanwhile
  let database: Database;
  try {
    database = (await prepareSchema(config, logger, announce)) ?? (await openDatabase(config.database));
  } catch (error) {
    await clientBuild.catch(() => {});
    throw error;
  }
  try {
    const admin = await ensureFirstRunAdmin({ db: database.prisma, admin: config.admin });
    if (admin.created) logger.info({ email: config.admin?.email }, 'first-run admin created');
    if (config.demo && !(await hasDemo(database.prisma))) {
      const started = performance.now();
      announce('Seeding the demo press office…');
      const { seeded } = await seedDemo({ db: database.prisma, now: new Date() });
      if (seeded) logger.info('demo press office seeded');
      announce(`Demo press office seeded in ${seconds(started)}.`);
    }
    await clientBuild;
  } catch (error) {
    await database.close();
    throw error;
  }

  const transport = createMailTransport({ smtpUrl: config.smtpUrl, outboxDir: join(config.dataDir, 'outbox') });
  const outbox = startOutboxWorker({ database, transport, config, logger });
  const expiry = startExpiryScheduler({ db: database.prisma, config, onError: (error) => logger.error({ err: error }, 'request expiry failed') });
  const app = createApp({ database, config, logger });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.on('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, publicUrl: config.publicUrl, database: database.provider }, 'Interview Desk is listening');

  announce(`Interview Desk is running at ${config.publicUrl} (listening on ${url}, database: ${database.provider}).`);
  announce(config.smtpUrl ? 'Email goes out through SMTP_URL.' : `No SMTP_URL: emails are written to ${join(config.dataDir, 'outbox')} (and listed in the staff mail view) instead of being sent.`);
  if (config.demo && (await hasDemo(database.prisma))) {
    announce('Demo press office logins (password "' + DEMO_PASSWORD + '" unless changed):');
    for (const login of demoLogins) announce(`  ${login.role.padEnd(13)} ${login.email}`);
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(force);
      expiry.stop();
      await outbox.stop();
      transport.close();
      await database.close();
      logger.info('Interview Desk stopped');
    })();
    return closing;
  };
  return { url, database, server, close };
}
