// Faults: the database connection lost (a TCP proxy in front of PostgreSQL is
// cut, then restored) and an SMTP outage followed by recovery.
import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { silentLogger } from '../support/context';
import { workflowConfig } from '../support/workflow';
import { countDuplicates, makeOutboxDueNow, queueApprovedRequests } from '../support/outbox';
import { freePort, waitFor } from '../support/child-server';
import { startTestHttpServer } from '../support/http-server';
import { openDatabase } from '../../server/db';
import { resolveDatabaseUrl } from '../../server/db-url';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';
import { createMailTransport } from '../../server/mail/transport';
import { backoffMs, startOutboxWorker } from '../../server/outbox/deliver-outbox';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
async function startCuttableProxy(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  };
  await listen();
  return {
    port,
    async cut() {
      await new Promise((resolve) => {
        server!.close(resolve);
        for (const socket of sockets) socket.destroy();
      });
    },
    restore: listen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}

describe.runIf(inject('databaseKind') === 'postgres')('database connection lost', () => {
  it('answers 503 UNAVAILABLE with Retry-After (tRPC, the lean paths, /healthz) while it is gone, and recovers by itself', async () => {
    const url = new URL(database.target.url);
    const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    const target = resolveDatabaseUrl(url.toString());
    const viaProxy = await openDatabase(target);
    const http = await startTestHttpServer(viaProxy, workflowConfig(database));
    const calls = {
      fastQuery: () => fetch(`${http.base}/trpc/spokespeople.list`),
      batchedQuery: () => fetch(`${http.base}/trpc/spokespeople.list?batch=1&input=${encodeURIComponent('{}')}`),
      mutation: () => fetch(`${http.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password' }) }),
      health: () => fetch(`${http.base}/healthz`),
    };
    try {
      expect((await calls.fastQuery()).status).toBe(200);
      expect((await calls.health()).status).toBe(200);

      await proxy.cut();
      for (const [name, call] of Object.entries(calls)) {
        const started = Date.now();
        const response = await call();
        const body = (await response.json()) as { status?: string; error?: { data?: { appCode?: string } } } | Array<{ error?: { data?: { appCode?: string } } }>;
        expect(response.status, name).toBe(503);
        expect(response.headers.get('retry-after'), name).toBe('5');
        if (name === 'health') expect(body).toMatchObject({ status: 'database_unreachable' });
        else {
          const error = Array.isArray(body) ? body[0]!.error : body.error;
          expect(error?.data?.appCode, name).toBe('UNAVAILABLE');
        }
        // Promptly, not after a hung connection attempt.
        expect(Date.now() - started, name).toBeLessThan(6_000);
      }

      await proxy.restore();
      await waitFor(async () => (await calls.fastQuery()).status === 200, 15_000, 'recovery');
      expect((await calls.health()).status).toBe(200);
      expect((await calls.mutation()).status).toBe(401);
    } finally {
      await http.close();
      await viaProxy.close();
      await proxy.close();
    }
  }, 60_000);
});

describe('SMTP outage, then recovery', () => {
  it('a running worker keeps the mail through the outage and delivers each message once when the server is back', async () => {
    await database.prisma.outboxMessage.deleteMany({});
    await queueApprovedRequests(database, 3);
    const queued = await makeOutboxDueNow(database);
    const port = await freePort();
    // The worker's clock, moved on by hand past the backoff instead of waiting it out.
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: mkdtempSync(join(tmpdir(), 'outbox-')), timeoutMs: 1_000, maxConnections: 4 });
    const worker = startOutboxWorker({ database, transport, config: workflowConfig(database), logger: silentLogger, clock, pollMs: 100, settings: { concurrency: 4, sendTimeoutMs: 3_000, leaseMs: 6_000 } });
    try {
      // Down: every message is tried, fails, and waits for its backoff.
      await waitFor(async () => (await database.prisma.outboxMessage.count({ where: { attempts: { gte: 1 }, lockedBy: null } })) === queued, 20_000, 'a first attempt of each');
      expect(await database.prisma.outboxMessage.count({ where: { status: 'pending' } })).toBe(queued);
      // Back up, and the backoff has passed.
      const smtp = await startTestSmtpServer({ port });
      offsetMs = backoffMs(1) + 1_000;
      await waitFor(async () => (await database.prisma.outboxMessage.count({ where: { status: 'sent' } })) === queued, 20_000, 'all sent');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.received).toHaveLength(queued);
      expect(countDuplicates(smtp.received)).toEqual({ duplicates: 0, distinct: queued });
      await smtp.close();
    } finally {
      await worker.stop({ deadline: Date.now() + 1_000 });
      transport.close();
    }
  }, 60_000);
});
