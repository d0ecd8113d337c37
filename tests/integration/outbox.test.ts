// Delivery through the outbox to a real SMTP server on 127.0.0.1: the messages
// a workflow queues arrive once, survive an SMTP outage and a restart of the
// worker, and two workers never send the same message.
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { deskCaller, makeBookableSpokesperson, publicCaller, requestInput, workflowConfig, WORKFLOW_NOW } from '../support/workflow';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../../server/mail/transport';
import { backoffMs, deliverDueMessages } from '../../server/outbox/deliver-outbox';
import { openDatabase } from '../../server/db';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof deskCaller>>;
beforeAll(async () => {
  database = await createTestDatabase();
  desk = await deskCaller(database);
  // Each test works on its own messages: clear what earlier tests queued.
});
afterAll(() => database.destroy());

const config = () => workflowConfig(database);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A request approved at once: four messages queued (received, new, two invites). */
async function approvedRequest(start: string) {
  const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: 'hector@example.org' });
  const created = await (await publicCaller(database)).requests.create(requestInput(person.id, start, { reporter: { name: 'Dana', email: 'dana@example.org', outlet: 'Lakeside Tribune', timeZone: 'America/New_York' } }));
  await desk.caller.desk.requests.approve({ requestId: created.requestId, formatDetails: { videoUrl: 'https://meet.example.org/x' } });
  return created;
}

async function clearOutbox() {
  await database.prisma.outboxMessage.deleteMany({});
}

describe('outbox delivery', () => {
  it('delivers the queued emails and invites over SMTP, each once, with their stable Message-IDs', async () => {
    await clearOutbox();
    const smtp = await startTestSmtpServer();
    const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 3000 });
    try {
      const created = await approvedRequest('2027-03-10T09:00:00Z');
      const result = await deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now: WORKFLOW_NOW });
      expect(result).toEqual({ sent: 4, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 });
      expect(await deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now: new Date(WORKFLOW_NOW.getTime() + 3_600_000) })).toEqual({ sent: 0, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 });
      expect(smtp.received).toHaveLength(4);
      const rows = await database.prisma.outboxMessage.findMany({ where: { requestId: created.requestId } });
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
      // "Sent" is recorded whole, to the millisecond of the send, claim released (on PostgreSQL by a plain UPDATE of its own).
      for (const row of rows) {
        expect({ sentAt: row.sentAt?.toISOString(), lastAttemptAt: row.lastAttemptAt?.toISOString(), lockedBy: row.lockedBy, lockedUntil: row.lockedUntil, lastError: row.lastError }).toEqual({
          sentAt: WORKFLOW_NOW.toISOString(), lastAttemptAt: WORKFLOW_NOW.toISOString(), lockedBy: null, lockedUntil: null, lastError: null,
        });
      }
      const parsed = await Promise.all(smtp.received.map((message) => simpleParser(message.raw)));
      expect(new Set(parsed.map((mail) => mail.messageId))).toEqual(new Set(rows.map((row) => row.messageId)));
      // The mail view shows the Subject each message was actually sent with.
      expect(new Set(parsed.map((mail) => mail.subject))).toEqual(new Set(rows.map((row) => row.subject)));
      const invites = smtp.received.filter((message) => message.raw.toString('utf8').includes('text/calendar'));
      expect(invites.map((message) => message.to[0]).sort()).toEqual(['dana@example.org', 'hector@example.org']);
      expect(invites[0]!.raw.toString('utf8')).toMatch(/method=REQUEST/i);
      // The reporter's confirmation carries the manage link, derived at delivery (never stored).
      const confirmation = parsed.find((mail) => mail.subject?.includes(created.reference) && mail.text?.includes('/manage/'));
      expect(confirmation?.text).toContain(created.manageUrl);
      expect(JSON.stringify(rows)).not.toContain(created.manageToken);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('an SMTP outage delays delivery with backoff; after a restart everything arrives once', async () => {
    await clearOutbox();
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    await approvedRequest('2027-03-10T11:00:00Z');
    // SMTP is down.
    const first = createMailTransport({ smtpUrl, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 2000 });
    const down = await deliverDueMessages({ database, transport: first, config: config(), logger: silentLogger, now: WORKFLOW_NOW });
    first.close();
    expect(down).toEqual({ sent: 0, retried: 4, dead: 0, abandoned: 0, unrecorded: 0 });
    const waiting = await database.prisma.outboxMessage.findMany();
    expect(waiting.every((row) => row.status === 'pending' && row.attempts === 1 && row.lastError)).toBe(true);
    expect(waiting.every((row) => row.nextAttemptAt.getTime() === WORKFLOW_NOW.getTime() + backoffMs(1))).toBe(true);

    // The SMTP server comes back, and so does Interview Desk after a restart: a new
    // database connection, transport and worker, with nothing but the database in common.
    const smtp = await startTestSmtpServer({ port });
    const second = createMailTransport({ smtpUrl, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 3000 });
    const restarted = await openDatabase(database.target);
    try {
      // Not before the backoff has passed…
      expect((await deliverDueMessages({ database: restarted, transport: second, config: config(), logger: silentLogger, now: WORKFLOW_NOW })).sent).toBe(0);
      // …then all of it, once.
      const later = new Date(WORKFLOW_NOW.getTime() + backoffMs(1));
      expect(await deliverDueMessages({ database: restarted, transport: second, config: config(), logger: silentLogger, now: later })).toEqual({ sent: 4, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 });
      expect(await deliverDueMessages({ database: restarted, transport: second, config: config(), logger: silentLogger, now: new Date(later.getTime() + 3_600_000) })).toEqual({ sent: 0, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 });
      expect(smtp.received).toHaveLength(4);
    } finally {
      await restarted.close();
      second.close();
      await smtp.close();
    }
  });

  it('two workers at once never send the same message', async () => {
    await clearOutbox();
    for (let index = 0; index < 5; index++) await approvedRequest(`2027-03-11T${String(8 + index).padStart(2, '0')}:00:00Z`);
    const smtp = await startTestSmtpServer();
    const transports = [0, 1].map(() => createMailTransport({ smtpUrl: smtp.url, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 3000 }));
    try {
      const results = await Promise.all(transports.map((transport, index) => deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now: WORKFLOW_NOW, workerId: `worker-${index}`, batchSize: 50 })));
      expect(results[0]!.sent + results[1]!.sent).toBe(20);
      const ids = (await Promise.all(smtp.received.map((message) => simpleParser(message.raw)))).map((mail) => mail.messageId);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    } finally {
      for (const transport of transports) transport.close();
      await smtp.close();
    }
  });

  it('a message that can never be rendered becomes a dead letter that staff see and can retry', async () => {
    await clearOutbox();
    await database.prisma.outboxMessage.create({ data: { kind: 'request_received', recipient: 'x@example.org', subject: 'Orphan', payload: {}, requestId: 'gone', messageId: '<orphan@desk.test>', nextAttemptAt: WORKFLOW_NOW } });
    const transport = createMailTransport({ outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')) });
    expect(await deliverDueMessages({ database, transport, config: config(), logger: silentLogger, now: WORKFLOW_NOW })).toEqual({ sent: 0, retried: 0, dead: 1, abandoned: 0, unrecorded: 0 });
    const dead = await desk.caller.outbox.list({ status: 'dead' });
    expect(dead).toEqual([expect.objectContaining({ subject: 'Orphan', lastError: expect.stringMatching(/no longer exists/) })]);
    await desk.caller.outbox.retry({ id: dead[0]!.id });
    expect((await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead[0]!.id } })).status).toBe('pending');
  });

  it('staff can list the messages to one address, case-insensitively, newest first', async () => {
    await clearOutbox();
    await approvedRequest('2027-03-23T09:00:00Z');
    const toDana = await desk.caller.outbox.list({ recipient: 'DANA@Example' });
    expect(toDana.length).toBeGreaterThanOrEqual(2);
    expect(toDana.every((message) => message.recipient === 'dana@example.org')).toBe(true);
    const all = await desk.caller.outbox.list({});
    expect(all.some((message) => message.recipient !== 'dana@example.org')).toBe(true);
    expect(await desk.caller.outbox.list({ recipient: 'nobody-here' })).toEqual([]);
    expect(toDana.map((message) => message.createdAt.getTime())).toEqual([...toDana].map((message) => message.createdAt.getTime()).sort((a, b) => b - a));
  });

  it('invites go out when the public URL has a port (the default http://localhost:3000)', async () => {
    await clearOutbox();
    const portConfig = workflowConfig(database, { PUBLIC_URL: 'http://localhost:3000' });
    const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra', email: 'hector@example.org' });
    const created = await (await publicCaller(database, { config: portConfig })).requests.create(requestInput(person.id, '2027-03-11T09:00:00Z'));
    const { caller } = await (await import('../support/sign-in')).signedInCaller(database, 'press_officer', { now: () => WORKFLOW_NOW, config: portConfig });
    await caller.desk.requests.approve({ requestId: created.requestId });
    const transport = createMailTransport({ outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')) });
    expect(await deliverDueMessages({ database, transport, config: portConfig, logger: silentLogger, now: WORKFLOW_NOW })).toEqual({ sent: 4, retried: 0, dead: 0, abandoned: 0, unrecorded: 0 });
    const rows = await database.prisma.outboxMessage.findMany({ where: { requestId: created.requestId }, select: { kind: true, messageId: true } });
    expect(rows.filter((row) => row.kind === 'invite')).toHaveLength(2);
    for (const row of rows) expect(row.messageId).toMatch(/^<[^@\s]+@localhost>$/);
  });

  it('without SMTP, messages are written as .eml files the staff mail view lists', async () => {
    await clearOutbox();
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-data-'));
    const fileConfig = workflowConfig(database, { DATA_DIR: dataDir });
    const transport = createMailTransport({ outboxDir: join(dataDir, 'outbox') });
    await approvedRequest('2027-03-12T09:00:00Z');
    expect((await deliverDueMessages({ database, transport, config: fileConfig, logger: silentLogger, now: WORKFLOW_NOW })).sent).toBe(4);
    expect(readdirSync(join(dataDir, 'outbox')).filter((name) => name.endsWith('.eml'))).toHaveLength(4);
    const { caller } = await (await import('../support/sign-in')).signedInCaller(database, 'press_officer', { now: () => WORKFLOW_NOW, config: fileConfig });
    const files = await caller.outbox.files({});
    expect(files).toHaveLength(4);
    expect(files.map((file) => file.subject).join('\n')).toMatch(/Interview confirmed: Hector Guerra – Lakeside Tribune/);
  });
});
