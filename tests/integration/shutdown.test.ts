// Stopping a real server process (`node --import tsx server/main.ts`) with
// SIGTERM while its mail server hangs: it exits within SHUTDOWN_TIMEOUT_SECONDS,
// gives the unsent messages back to the queue at once, and the next start
// delivers each of them once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testDatabaseKind } from '../support/test-env';
import { startChildServer, startSilentSmtpServer, waitFor } from '../support/child-server';
import { countDuplicates, makeOutboxDueNow, queueApprovedRequests } from '../support/outbox';
import { startTestSmtpServer } from '../../server/mail/smtp-server.test-fixture';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const SHUTDOWN_SECONDS = 3;

describe('SIGTERM', () => {
  it('with a mail server that accepts TCP and never greets: exits within the deadline; the next start delivers every message once', async () => {
    await queueApprovedRequests(database, 3);
    const queued = await makeOutboxDueNow(database);
    expect(queued).toBe(12);

    const hung = await startSilentSmtpServer();
    // Timeouts far beyond the shutdown deadline: only the shutdown can end these sends.
    const first = await startChildServer({
      DATABASE_URL: database.target.url,
      SMTP_URL: hung.url,
      SMTP_TIMEOUT_SECONDS: '120',
      OUTBOX_SEND_TIMEOUT_SECONDS: '120',
      OUTBOX_LEASE_SECONDS: '600',
      OUTBOX_CONCURRENCY: '4',
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_SECONDS),
    });
    try {
      await waitFor(async () => (await database.prisma.outboxMessage.count({ where: { lockedBy: { not: null } } })) === 4 && hung.connections() >= 1, 20_000, 'four claimed sends');
    } catch (error) {
      first.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${first.output()}`);
    }
    const { ms, code } = await first.terminate();
    expect(code, first.output()).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_SECONDS * 1000 + 500);
    // Abandoned sends went back to the queue at once, not after their 10-minute lease; none counted as a failed attempt.
    const rows = await database.prisma.outboxMessage.findMany();
    expect(rows.filter((row) => row.lockedBy !== null || row.lockedUntil !== null)).toEqual([]);
    expect(rows.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
    await hung.close();

    const smtp = await startTestSmtpServer();
    const second = await startChildServer({ DATABASE_URL: database.target.url, SMTP_URL: smtp.url, SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_SECONDS) });
    try {
      await waitFor(async () => (await database.prisma.outboxMessage.count({ where: { status: 'sent' } })) === 12, 30_000, 'all twelve sent');
    } finally {
      const stopped = await second.terminate();
      expect(stopped.code, second.output()).toBe(0);
      await smtp.close();
    }
    expect(smtp.received).toHaveLength(12);
    expect(countDuplicates(smtp.received)).toEqual({ duplicates: 0, distinct: 12 });
  }, 120_000);

  // An empty SQLite file (the test databases come migrated): the server migrates it when it starts.
  it.skipIf(testDatabaseKind() !== 'sqlite')('while starting (migrating an empty database): finishes starting, then stops gracefully, and the database is whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-stop-while-starting-'));
    const env = { DATABASE_URL: `file:${join(folder, 'desk.db')}`, DATA_DIR: folder, SHUTDOWN_TIMEOUT_SECONDS: '60' };
    try {
      const server = await startChildServer(env, { readyWhen: (output) => output.includes('Migrating the database') });
      const { code } = await server.terminate();
      // Before, a signal during start-up met Node's default action and killed the process mid-migration.
      expect(code, server.output()).toBe(0);
      expect(server.output()).toContain('SIGTERM received');
      // Every migration applied: the next start finds nothing pending and serves.
      const again = await startChildServer(env);
      expect((await fetch(`${again.base}/healthz`)).status).toBe(200);
      expect(again.output()).not.toContain('Migrating the database');
      expect((await again.terminate()).code).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('under HTTP load on keep-alive connections: every request sent gets its answer, then the process exits', async () => {
    const server = await startChildServer({ DATABASE_URL: database.target.url, SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_SECONDS) });
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 24 });
    let answered = 0;
    const failures: string[] = [];
    let stopping = false;
    const one = () =>
      new Promise<void>((resolve) => {
        const outgoing = request(`${server.base}/trpc/spokespeople.list`, { agent }, (response) => {
          response.resume();
          response.on('end', () => {
            answered++;
            resolve();
          });
        });
        outgoing.on('error', (error: NodeJS.ErrnoException) => {
          // A new connection refused, or reset from the listen backlog as the
          // listener closes, never reached the server (orchestrators stop
          // routing new connections first: README). A reused keep-alive socket
          // reset with a request on it is the failure this test is about.
          const neverReached = !outgoing.reusedSocket && (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET');
          if (!neverReached) failures.push(`${error.code ?? error.message} (reused socket: ${outgoing.reusedSocket})`);
          stopping = true;
          resolve();
        });
        outgoing.end();
      });
    const clients = Array.from({ length: 24 }, async () => {
      while (!stopping) await one();
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { ms, code } = await server.terminate();
    stopping = true;
    await Promise.all(clients);
    agent.destroy();
    expect(code, server.output()).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_SECONDS * 1000 + 500);
    expect(answered).toBeGreaterThan(24);
    expect(failures).toEqual([]);
  }, 60_000);
});
