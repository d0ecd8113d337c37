/**
 * Outbox delivery throughput: messages per second from one instance's worker
 * to a local SMTP server (smtp-server on 127.0.0.1, accepting at once), on
 * SQLite and PostgreSQL, sending one at a time and with 8 at once (pooled
 * SMTP connections). The messages are the real ones an approval queues
 * (confirmation, desk notice, two iCalendar invites), rendered at delivery.
 *
 * Run alone: `node --import tsx bench/outbox.ts` (prints JSON).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/env';
import { createLogger } from '../server/logger';
import { openDatabase, type Database } from '../server/db';
import { resolveDatabaseUrl, type DatabaseTarget } from '../server/db-url';
import { applyMigrations } from '../server/migrate';
import { createRequest } from '../server/requests/create-request';
import { createRequestInput } from '../server/requests/schema';
import { approveRequest } from '../server/requests/desk-actions';
import { startTestSmtpServer } from '../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../server/mail/transport';
import { startOutboxWorker } from '../server/outbox/deliver-outbox';
import { body, seedSpokespeople } from './http-requests';
import { hasServerKeys, useServerKeys } from '../server/secrets';

const DAY = 86_400_000;
const APPROVALS = Number(process.env.OUTBOX_BENCH_APPROVALS ?? 125); // four messages each: 500 messages
const CONCURRENCIES = [1, 8];

export interface OutboxThroughput {
  messages: number;
  runs: { concurrency: number; seconds: number; messagesPerSecond: number; connections: number }[];
}

async function seed(database: Database) {
  const config = loadConfig({ DATABASE_URL: 'file:/dev/null', DESK_DEMO: '0', LOG_LEVEL: 'silent', REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
  const [spokespersonId] = await seedSpokespeople(database.prisma, 1, { holdSlots: false, prefix: `outbox-${randomUUID().slice(0, 6)}` });
  const officer = await database.prisma.user.create({ data: { email: `outbox-${randomUUID().slice(0, 8)}@example.org`, name: 'Bench', role: 'press_officer', passwordHash: 'x' } });
  const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
  for (let index = 0; index < APPROVALS; index++) {
    const start = new Date(firstDay + Math.floor(index / 20) * DAY + 8 * 3_600_000 + (index % 20) * 1_800_000);
    const created = await createRequest({ db: database.prisma, config, actor: { type: 'reporter' }, now: new Date() }, createRequestInput.parse(body(spokespersonId!, start)));
    await approveRequest({ db: database.prisma, config, actor: { type: 'user', id: officer.id }, now: new Date() }, { requestId: created.requestId, overrideHours: false });
  }
  return config;
}

async function measure(target: DatabaseTarget): Promise<OutboxThroughput> {
  const database = await openDatabase(target);
  try {
    const config = await seed(database);
    const messages = await database.prisma.outboxMessage.count();
    const runs: OutboxThroughput['runs'] = [];
    for (const concurrency of CONCURRENCIES) {
      await database.prisma.outboxMessage.updateMany({ data: { status: 'pending', attempts: 0, sentAt: null, lockedBy: null, lockedUntil: null, nextAttemptAt: new Date(Date.now() - 1_000) } });
      const smtp = await startTestSmtpServer();
      const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: '/nonexistent', maxConnections: concurrency });
      const began = performance.now();
      const worker = startOutboxWorker({ database, transport, config, logger: createLogger('silent'), settings: { concurrency }, pollMs: 100 });
      while (smtp.received.length < messages) await new Promise((resolve) => setTimeout(resolve, 20));
      const seconds = (performance.now() - began) / 1000;
      await worker.stop({ deadline: Date.now() + 5_000 });
      transport.close();
      runs.push({ concurrency, seconds: Math.round(seconds * 10) / 10, messagesPerSecond: Math.round(messages / seconds), connections: smtp.connections() });
      await smtp.close();
    }
    return { messages, runs };
  } finally {
    await database.close();
  }
}

export async function runOutboxBench(): Promise<{ sqlite: OutboxThroughput; postgres: OutboxThroughput | string }> {
  // Manage links in the emails are derived from the server key (server/secrets.ts); a random one per run.
  if (!hasServerKeys()) useServerKeys([randomBytes(32)]);
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-outbox-'));
  let sqlite: OutboxThroughput;
  try {
    const target = resolveDatabaseUrl(`file:${join(folder, 'outbox.db')}`);
    await applyMigrations(target);
    sqlite = await measure(target);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgresql://desk:desk@127.0.0.1:5432/postgres';
  const name = `desk_bench_outbox_${process.pid}`;
  let postgres: OutboxThroughput | string;
  try {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const target = resolveDatabaseUrl(url.toString());
    await applyMigrations(target);
    postgres = await measure(target);
  } catch (error) {
    postgres = `not measured: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    const client = new pg.Client({ connectionString: admin });
    await client.connect().then(() => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    await client.end().catch(() => {});
  }
  return { sqlite, postgres };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runOutboxBench(), null, 2));
}
