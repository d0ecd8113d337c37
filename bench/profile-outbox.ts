/**
 * Profiling aid (not part of `npm run bench`): where an email's delivery time
 * goes. Seeds `BENCH_REQUESTS` requests (default 400; each queues the
 * reporter's confirmation and the desk notice) on SQLite or, with
 * BENCH_DATABASE_URL, PostgreSQL, then lets one outbox worker send them to a
 * local SMTP server; prints the process CPU per email and writes a CPU
 * profile of the drain to BENCH_PROFILE_OUT (default outbox.cpuprofile).
 *   node --import tsx bench/profile-outbox.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/env';
import { createLogger } from '../server/logger';
import { openDatabase } from '../server/db';
import { resolveDatabaseUrl } from '../server/db-url';
import { applyMigrations } from '../server/migrate';
import { createRequest } from '../server/requests/create-request';
import { createRequestInput } from '../server/requests/schema';
import { startTestSmtpServer } from '../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../server/mail/transport';
import { startOutboxWorker } from '../server/outbox/deliver-outbox';
import { useServerKeys } from '../server/secrets';
import { body, seedSpokespeople } from './http-requests';
import { startCpuProfile } from './cpu-profile';

const DAY = 86_400_000;
useServerKeys([randomBytes(32)]);
const requests = Number(process.env.BENCH_REQUESTS ?? 400);
const folder = mkdtempSync(join(tmpdir(), 'interview-desk-profile-outbox-'));
const target = resolveDatabaseUrl(process.env.BENCH_DATABASE_URL ?? `file:${join(folder, 'outbox.db')}`);
await applyMigrations(target);
const database = await openDatabase(target);
const config = loadConfig({ DATABASE_URL: 'file:/dev/null', DESK_DEMO: '0', LOG_LEVEL: 'silent', REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
const ids = await seedSpokespeople(database.prisma, 10, { holdSlots: true, prefix: `profile-outbox-${process.pid}` });
const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
for (let index = 0; index < requests; index++) {
  const start = new Date(firstDay + Math.floor(index / 200) * DAY + 8 * 3_600_000 + (Math.floor(index / 10) % 20) * 1_800_000);
  await createRequest({ db: database.prisma, config, actor: { type: 'reporter' }, now: new Date() }, createRequestInput.parse(body(ids[index % 10]!, start)));
}
const messages = await database.prisma.outboxMessage.count({ where: { status: 'pending' } });
const smtp = await startTestSmtpServer();
const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: '/nonexistent', maxConnections: 4 });
const profiler = await startCpuProfile();
const cpu = process.cpuUsage();
const began = performance.now();
const worker = startOutboxWorker({ database, transport, config, logger: createLogger('silent'), settings: { concurrency: 4 }, pollMs: 100 });
while (smtp.received.length < messages) await new Promise((resolve) => setTimeout(resolve, 20));
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - began) / 1000;
console.log(`${messages} emails in ${seconds.toFixed(1)} s (${Math.round(messages / seconds)}/s); process CPU ${((used.user + used.system) / 1000 / messages).toFixed(2)} ms per email (SMTP server included)`);
await profiler.stopAndWrite(process.env.BENCH_PROFILE_OUT ?? 'outbox.cpuprofile');
await worker.stop({ deadline: Date.now() + 5_000 });
transport.close();
await smtp.close();
await database.close();
rmSync(folder, { recursive: true, force: true });
