// Fault: a relay that takes 8 seconds to answer each message's DATA, with two
// instances (two server processes) delivering from one database — on SQLite,
// two processes on one file. Every message arrives exactly once. Lease and
// send timeout are 60 s and 30 s (the lease half its default), yet a batch
// claimed up front and sent in turn (20 × 8 s) would outlive the lease here
// and duplicate messages, as the worker did before (issue #19). The send
// timeout must exceed what the relay takes, with room for rendering on a busy
// machine: an attempt aborted after the message's last byte may be delivered
// anyway, and its retry is then a duplicate (measured on this shared 2-core
// machine: with a 15 s timeout, 50 sends at once per process took 15–19 s,
// and a quarter of 200 messages arrived twice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { countDuplicates, makeOutboxDueNow, queueApprovedRequests } from '../support/outbox';
import { startChildServer, waitFor, type ChildServer } from '../support/child-server';
import { startTestSmtpServer, type TestSmtpServer } from '../../server/mail/smtp-server.test-fixture';

const RELAY_DELAY_MS = 8_000;

let database: TestDatabase;
let relay: TestSmtpServer;
let instances: ChildServer[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  relay = await startTestSmtpServer({ acceptDelayMs: RELAY_DELAY_MS });
  const env = {
    DATABASE_URL: database.target.url,
    SMTP_URL: relay.url,
    OUTBOX_CONCURRENCY: '50',
    OUTBOX_LEASE_SECONDS: '60',
    OUTBOX_SEND_TIMEOUT_SECONDS: '30',
    SMTP_TIMEOUT_SECONDS: '12',
  };
  instances = await Promise.all([startChildServer(env), startChildServer(env)]);
}, 120_000);
afterAll(async () => {
  for (const instance of instances) {
    const { code } = await instance.terminate();
    expect(code, instance.output()).toBe(0);
  }
  await relay.close();
  await database.destroy();
}, 60_000);

async function deliver(messages: number) {
  const before = relay.received.length;
  const alreadySent = await database.prisma.outboxMessage.count({ where: { status: 'sent' } });
  await queueApprovedRequests(database, messages / 4);
  const started = Date.now();
  expect(await makeOutboxDueNow(database)).toBe(messages);
  await waitFor(async () => (await database.prisma.outboxMessage.count({ where: { status: 'sent' } })) === alreadySent + messages, 90_000, `${messages} sent`).catch((error: Error) => {
    throw new Error(`${error.message}\n${instances.map((instance) => instance.output().slice(-3000)).join('\n---\n')}`);
  });
  const elapsed = Date.now() - started;
  // A duplicate still in flight would land within one relay delay.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return { received: relay.received.slice(before), elapsed };
}

describe('slow relay (8 s per message), two instances', () => {
  it('20 messages: each delivered once, in parallel', async () => {
    const { received, elapsed } = await deliver(20);
    expect(countDuplicates(received)).toEqual({ duplicates: 0, distinct: 20 });
    expect(received).toHaveLength(20);
    // The instances' slots at work together: about one relay delay (plus a poll), not twenty.
    expect(elapsed).toBeLessThan(3 * RELAY_DELAY_MS);
  }, 120_000);

  it('200 messages: each delivered once', async () => {
    const { received, elapsed } = await deliver(200);
    if (process.env.DEBUG_FAULTS) console.log(instances.map((instance) => instance.output().split('\n').filter((line) => line.includes('failed')).slice(0, 8).join('\n')).join('\n---\n'));
    expect(countDuplicates(received)).toEqual({ duplicates: 0, distinct: 200 });
    expect(received).toHaveLength(200);
    expect(elapsed).toBeLessThan(6 * RELAY_DELAY_MS);
    const rows = await database.prisma.outboxMessage.findMany({ where: { status: 'sent' }, select: { attempts: true } });
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  }, 180_000);
});
