// A 60,000-row (≈ 5 MB) CSV import dry run must not stall the server:
// /healthz, probed every 50 ms over real HTTP while the import runs, answers
// each time within 100 ms, and the import's progress can be followed through
// contacts.importStatus while the import call is pending.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';

const ROWS = 60_000;
const PROBE_EVERY_MS = 50;
const HEALTH_BUDGET_MS = 100;

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let cookie = '';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target));
  const user = await makeUser(database.prisma, { role: 'press_officer' });
  const login = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
});
afterAll(async () => {
  await server?.close();
  await database?.destroy();
});

function makeCsv(): string {
  const lines = ['name,email,phone,outlet,role,languages'];
  for (let index = 0; index < ROWS; index += 1) {
    lines.push(`Reporter ${index} Müller,r.${index}@example${index % 300}.org,+4178${String(index).padStart(7, '0')},Outlet ${index % 500},Editor,en`);
  }
  return lines.join('\n');
}

async function timedHealth(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.base}/healthz`);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

describe('a large import runs off the request path', () => {
  it(`/healthz answers within ${HEALTH_BUDGET_MS} ms, probed every ${PROBE_EVERY_MS} ms, during a ${ROWS}-row dry run, and progress is visible`, async () => {
    const csv = makeCsv();
    const body = JSON.stringify({ csv, dryRun: true, jobId: randomUUID() });
    expect(body.length).toBeGreaterThan(4_500_000);
    expect(body.length).toBeLessThan(5 * 1024 * 1024);
    const jobId = JSON.parse(body).jobId as string;

    let done = false;
    const importing = fetch(`${server.base}/trpc/contacts.importCsv`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body }).then(async (response) => {
      const answer = { status: response.status, json: await response.json() };
      done = true;
      return answer;
    });

    const probes: { status: number; ms: number; at: number }[] = [];
    const startedAt = performance.now();
    const progress: { phase: string; processed: number; total: number | null }[] = [];
    let ticks = 0;
    while (!done) {
      const tick = performance.now();
      probes.push({ ...(await timedHealth()), at: performance.now() - startedAt });
      // Every fourth tick, the console's question too.
      if (ticks++ % 4 === 0) {
        const response = await fetch(`${server.base}/trpc/contacts.importStatus?input=${encodeURIComponent(JSON.stringify({ jobId }))}`, { headers: { cookie } });
        const status = (await response.json()).result?.data;
        if (status) progress.push({ phase: status.phase, processed: status.processed, total: status.total });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROBE_EVERY_MS - (performance.now() - tick))));
    }
    const answer = await importing;
    expect(answer.status).toBe(200);
    expect(answer.json.result.data.counts).toEqual({ created: ROWS, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(answer.json.result.data.dryRun).toBe(true);

    const slowest = Math.max(...probes.map((probe) => probe.ms));
    const byTime = [...probes].sort((a, b) => b.ms - a.ms).slice(0, 5).map((probe) => `${probe.ms.toFixed(0)} ms at ${(probe.at / 1000).toFixed(1)} s`);
    console.info(`import: ${(performance.now() - startedAt) / 1000} s, ${probes.length} health probes, slowest ${byTime.join(', ')}; median ${probes.map((probe) => probe.ms).sort((a, b) => a - b)[Math.floor(probes.length / 2)]!.toFixed(1)} ms; over ${HEALTH_BUDGET_MS} ms: ${probes.filter((probe) => probe.ms >= HEALTH_BUDGET_MS).length}`);
    // The import lasts seconds: many probes ran during it.
    expect(probes.length).toBeGreaterThan(20);
    expect(probes.every((probe) => probe.status === 200)).toBe(true);
    // The import never holds the server: the typical probe is well inside the
    // budget and 95 % of them are within it. A strict maximum is not asserted:
    // on a shared 2-core machine (CI runs test files in parallel) a garbage
    // collection or another process can delay a few probes; a stall (the
    // 15–34 s freezes this replaces) still fails the last check.
    const sorted = probes.map((probe) => probe.ms).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(HEALTH_BUDGET_MS / 2);
    expect(sorted[Math.floor(sorted.length * 0.95)]!).toBeLessThan(HEALTH_BUDGET_MS);
    expect(slowest).toBeLessThan(10 * HEALTH_BUDGET_MS);

    // Progress went through the phases with growing counts, and the job reads done at the end.
    expect(progress.some((entry) => entry.phase === 'saving' && entry.total === ROWS && entry.processed > 0 && entry.processed < ROWS)).toBe(true);
    const final = await fetch(`${server.base}/trpc/contacts.importStatus?input=${encodeURIComponent(JSON.stringify({ jobId }))}`, { headers: { cookie } });
    expect((await final.json()).result.data).toMatchObject({ jobId, phase: 'done', processed: ROWS, total: ROWS, format: 'csv', dryRun: true });
    // A dry run writes nothing.
    expect(await database.prisma.mediaContact.count()).toBe(0);
  }, 600_000);

  it("another user cannot read an import's progress", async () => {
    const other = await makeUser(database.prisma, { role: 'press_officer' });
    const login = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: other.email, password: TEST_PASSWORD }) });
    const otherCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const jobId = randomUUID();
    const imported = await fetch(`${server.base}/trpc/contacts.importCsv`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ csv: 'name\nAna', dryRun: true, jobId }) });
    expect(imported.status).toBe(200);
    const mine = await fetch(`${server.base}/trpc/contacts.importStatus?input=${encodeURIComponent(JSON.stringify({ jobId }))}`, { headers: { cookie } });
    expect((await mine.json()).result.data).toMatchObject({ phase: 'done', processed: 1, total: 1 });
    const theirs = await fetch(`${server.base}/trpc/contacts.importStatus?input=${encodeURIComponent(JSON.stringify({ jobId }))}`, { headers: { cookie: otherCookie } });
    expect((await theirs.json()).result.data).toBeNull();
  });
});
