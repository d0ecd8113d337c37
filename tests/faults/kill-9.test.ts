// Fault: the server process killed with SIGKILL in the middle of a burst of
// requests and approvals, twice. Every write the server acknowledged (a 2xx
// answer) is there afterwards, no spokesperson has two overlapping interviews,
// SQLite's file passes PRAGMA integrity_check, and the server starts again.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeBookableSpokesperson, requestInput } from '../support/workflow';
import { startChildServer, type ChildServer } from '../support/child-server';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const ADMIN = { email: 'chief@example.org', password: 'correct horse battery' };

// Every call is bounded: a request that hangs (the process killed while it was
// being answered, a machine slowed by the rest of the suite) is simply not
// acknowledged, and must not hold the test past its deadline.
async function post(base: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: (await response.json()) as { result?: { data: Record<string, unknown> } }, setCookie: response.headers.get('set-cookie') };
}

/** Creates and approves as fast as it can until the process dies; returns what was acknowledged. */
async function burst(server: ChildServer, spokespersonId: string, round: number) {
  const login = await post(server.base, 'auth.login', ADMIN);
  expect(login.status).toBe(200);
  const cookie = login.setCookie!.split(';')[0]!;
  const created: string[] = [];
  const approved: string[] = [];
  const toApprove: string[] = [];
  let alive = true;
  void server.exited.then(() => (alive = false));
  // 40 hourly slots over four days: creates mostly succeed, approvals of the same time compete.
  const slot = (index: number) => new Date(Date.UTC(2027, 0, 11 + round * 7 + Math.floor(index / 10), 7 + (index % 10))).toISOString();
  const creator = async () => {
    while (alive) {
      const result = await post(server.base, 'requests.create', requestInput(spokespersonId, slot(Math.floor(Math.random() * 40)))).catch(() => null);
      if (result?.status === 200) {
        const id = String(result.body.result!.data.requestId);
        created.push(id);
        toApprove.push(id);
      }
    }
  };
  const approver = async () => {
    while (alive) {
      const id = toApprove.shift();
      if (!id) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const result = await post(server.base, 'desk.requests.approve', { requestId: id }, cookie).catch(() => null);
      if (result?.status === 200) approved.push(id);
    }
  };
  const load = Promise.all([creator(), creator(), creator(), creator(), approver(), approver(), approver()]);
  // Let the burst build, then pull the plug.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  expect(signal).toBe('SIGKILL');
  await load;
  return { created, approved };
}

describe('kill -9 under load', () => {
  it('loses no acknowledged write, books no overlap, keeps the database intact, and starts again', async () => {
    const person = await makeBookableSpokesperson(database, { name: 'Hector Guerra' });
    const env = { DATABASE_URL: database.target.url, DESK_ADMIN_EMAIL: ADMIN.email, DESK_ADMIN_PASSWORD: ADMIN.password, REQUEST_LIMIT_PER_IP: '1000000', REQUEST_LIMIT_PER_EMAIL: '1000000' };
    const servers: ChildServer[] = [];
    // What the servers printed, when this fails on a machine nobody watches (CI).
    onTestFailed(() => console.log(servers.map((server, index) => `--- server ${index + 1}\n${server.output()}`).join('\n')));
    let totalCreated = 0;
    let totalApproved = 0;
    for (let round = 0; round < 2; round++) {
      const server = await startChildServer(env);
      servers.push(server);
      const { created, approved } = await burst(server, person.id, round);
      totalCreated += created.length;
      totalApproved += approved.length;

      const stored = await database.prisma.interviewRequest.findMany({ where: { id: { in: created } }, select: { id: true, status: true, interview: { select: { id: true } } } });
      expect(stored.map((row) => row.id).sort()).toEqual([...created].sort());
      const byId = new Map(stored.map((row) => [row.id, row]));
      for (const id of approved) {
        expect(byId.get(id)?.status).toBe('approved');
        expect(byId.get(id)?.interview).not.toBeNull();
      }
      // No request is half-approved: approved ⇔ an interview exists.
      for (const row of stored) expect(row.status === 'approved').toBe(row.interview !== null);
    }
    if (process.env.DEBUG_FAULTS) console.log({ totalCreated, totalApproved });
    expect(totalCreated).toBeGreaterThan(5);
    expect(totalApproved).toBeGreaterThan(0);

    const interviews = await database.prisma.interview.findMany({ where: { spokespersonId: person.id, status: { in: ['confirmed', 'rescheduled'] } }, orderBy: { startsAt: 'asc' } });
    for (let index = 1; index < interviews.length; index++) expect(interviews[index]!.startsAt.getTime()).toBeGreaterThanOrEqual(interviews[index - 1]!.endsAt.getTime());
    if (inject('databaseKind') === 'sqlite') {
      expect(await database.prisma.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    }
    // And it comes back up on the same database.
    const again = await startChildServer(env);
    servers.push(again);
    expect((await fetch(`${again.base}/healthz`)).status).toBe(200);
    expect((await again.terminate()).code).toBe(0);
  }, 150_000);
});
