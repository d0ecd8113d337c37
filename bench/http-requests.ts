/**
 * Benchmarks of the request workflow: requests.create over HTTP on SQLite
 * (distinct slots, 16 connections, autocannon in a separate process) and the
 * 50-way approval race on SQLite and, when reachable, PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/env';
import { openDatabase, type Database } from '../server/db';
import { cpuSecondsOf, startAppServer } from './http-distinct';
import { hasServerKeys, useServerKeys } from '../server/secrets';
import { resolveDatabaseUrl } from '../server/db-url';
import { applyMigrations } from '../server/migrate';
import { createRequest } from '../server/requests/create-request';
import { createRequestInput } from '../server/requests/schema';
import { approveRequest } from '../server/requests/desk-actions';
import type { Db } from '../server/db';

const DAY = 86_400_000;

export async function seedSpokespeople(db: Db, count: number, options: { holdSlots: boolean; prefix: string }) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const person = await db.spokesperson.create({
      data: {
        slug: `${options.prefix}-${index}`, name: `Load Speaker ${index}`, title: 'Spokesperson', email: `${options.prefix}-${index}@example.org`,
        languages: ['en'], topics: ['load'], timeZone: 'UTC', formats: ['video', 'phone'], allowedDurations: [30], slotStepMinutes: 30,
        bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 365, holdSlots: options.holdSlots,
        weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '18:00' })) },
      },
    });
    ids.push(person.id);
  }
  return ids;
}

export function body(spokespersonId: string, start: Date) {
  const id = randomUUID();
  return {
    idempotencyKey: `load-${id}`,
    spokespersonId,
    start: start.toISOString(),
    durationMinutes: 30,
    format: 'video',
    language: 'en',
    attribution: 'on_record',
    topic: 'Load test',
    reporter: { name: 'Load Reporter', email: `load-${id.slice(0, 8)}@example.org`, outlet: 'Bench Wire', timeZone: 'America/New_York' },
    // At or before the asked time (requests.create refuses a later deadline).
    deadline: start.toISOString(),
  };
}

function runLoad(url: string, file: string, connections: number, seconds: number): Promise<{ result: any; used: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load/post-bodies.mjs', url, file, String(connections), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`load exited ${code}`))));
  });
}

/** A fresh PostgreSQL database for one bench run (dropped by `drop`); null when the server is not reachable. */
async function freshPostgresDatabase(label: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgresql://desk:desk@127.0.0.1:5432/postgres';
  const name = `desk_bench_${label}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect().then(() => dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
      await dropper.end().catch(() => {});
    },
  };
}

type CreateRun = {
  requestsPerSecond: number; p50Ms: number; p99Ms: number; maxMs: number; non2xx: number; errors: number; sent: number; created: number; seconds: number;
  /** The server process's CPU per created request during the round. */
  serverCpuMsPerRequest: number;
  /** Emails the round's requests queued (two each) and how many went out during the round itself. */
  mailQueued: number;
  mailSentInRound: number;
  /** From the end of the round until the outbox had sent every email it queued. */
  drainSeconds: number;
  /** Created requests per second of round and drain: the rate the server sustains with the mail each request causes. */
  sustainedPerSecond: number;
  latency?: unknown;
};

/**
 * Interview Desk on `databaseUrl` in its own process (bench/load/app-server.ts,
 * as `npm start` runs it, outbox worker included), with 10 spokespeople who hold
 * requested slots, and a function that runs one load round on it. Each server
 * has a process of its own: one process serving both databases made each pay
 * for the other's background work (SQLite's mail backlog was sent during the
 * PostgreSQL rounds).
 */
async function createRequestTarget(databaseUrl: string, folder: string, name: string) {
  const target = resolveDatabaseUrl(databaseUrl);
  // PostgreSQL refuses to start with migrations pending (a deliberate deployment step): apply them first, as an operator would.
  await applyMigrations(target);
  const database = await openDatabase(target);
  const ids = await seedSpokespeople(database.prisma, 10, { holdSlots: true, prefix: 'load' });
  const dataDir = join(folder, `${name}-data`);
  const running = await startAppServer(databaseUrl, { dataDir });
  // Distinct slots: 10 spokespeople × 20 half-hours a day, in turn; each run its own 60 days.
  const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
  const bodiesFile = (fromDay: number, days: number, label: string) => {
    const bodies = [];
    for (let day = fromDay; day < fromDay + days; day++) for (let slot = 0; slot < 20; slot++) for (const id of ids) bodies.push(body(id, new Date(firstDay + day * DAY + 8 * 3_600_000 + slot * 1_800_000)));
    const file = join(folder, `${name}-${label}.json`);
    writeFileSync(file, JSON.stringify(bodies));
    return file;
  };
  const url = `${running.url}/trpc/requests.create`;
  const emails = (status: 'pending' | 'sent') => database.prisma.outboxMessage.count({ where: { channel: 'email', status } });
  /** Seconds until no email is pending (at most five minutes). */
  const drain = async () => {
    const began = performance.now();
    while ((await emails('pending')) > 0 && performance.now() - began < 300_000) await new Promise((resolve) => setTimeout(resolve, 100));
    return (performance.now() - began) / 1000;
  };
  let nextDay = 0;
  return {
    async warmUp() {
      // Not measured: JIT, Prisma's first query plans, the database's caches; then the mail it queued.
      await runLoad(url, bodiesFile(330, 10, 'warm-up'), 16, 3);
      await drain();
    },
    async run(seconds: number): Promise<CreateRun> {
      const before = await database.prisma.interviewRequest.count();
      const sentBefore = await emails('sent');
      const cpuBefore = cpuSecondsOf(running.child.pid);
      const { result, used } = await runLoad(url, bodiesFile(nextDay, 50, `run-${nextDay}`), 16, seconds);
      const cpu = cpuSecondsOf(running.child.pid) - cpuBefore;
      const sentInRound = (await emails('sent')) - sentBefore;
      nextDay += 50;
      const drainSeconds = await drain();
      const created = (await database.prisma.interviewRequest.count()) - before;
      return {
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        latency: process.env.BENCH_VERBOSE ? result.latency : undefined,
        non2xx: result.non2xx,
        errors: result.errors,
        sent: used,
        created,
        seconds,
        serverCpuMsPerRequest: Math.round((cpu * 1000 * 100) / Math.max(1, created)) / 100,
        // Sent by the end of the drain, plus any the drain's five minutes left behind.
        mailQueued: (await emails('sent')) - sentBefore + (await emails('pending')),
        mailSentInRound: sentInRound,
        drainSeconds: Math.round(drainSeconds * 10) / 10,
        sustainedPerSecond: Math.round(created / (seconds + drainSeconds)),
      };
    },
    async close() {
      running.child.kill('SIGTERM');
      await new Promise((resolve) => running.child.once('exit', resolve));
      await database.close();
    },
  };
}

const medianRun = (runs: CreateRun[]) => [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;

/**
 * requests.create on SQLite and on PostgreSQL (a fresh database), rounds
 * alternating between the two so the shared machine's drift hits both alike.
 * PostgreSQL is left out (with the reason) when it cannot be reached.
 */
export async function runCreateRequestBench(options: { seconds?: number; rounds?: number } = {}) {
  const seconds = options.seconds ?? 10;
  const rounds = options.rounds ?? 3;
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-requests-'));
  const postgresDatabase = await freshPostgresDatabase('create');
  const targets: { sqlite?: Awaited<ReturnType<typeof createRequestTarget>>; postgres?: Awaited<ReturnType<typeof createRequestTarget>> } = {};
  try {
    targets.sqlite = await createRequestTarget(`file:${join(folder, 'bench.db')}`, folder, 'sqlite');
    if (postgresDatabase) targets.postgres = await createRequestTarget(postgresDatabase.url, folder, 'postgres');
    await targets.sqlite.warmUp();
    await targets.postgres?.warmUp();
    const runs: { sqlite: CreateRun[]; postgres: CreateRun[] } = { sqlite: [], postgres: [] };
    for (let round = 0; round < rounds; round++) {
      runs.sqlite.push(await targets.sqlite.run(seconds));
      if (targets.postgres) runs.postgres.push(await targets.postgres.run(seconds));
    }
    const sqlite = medianRun(runs.sqlite);
    const postgres = targets.postgres ? medianRun(runs.postgres) : undefined;
    return {
      ...sqlite,
      runs: runs.sqlite,
      postgres: postgres ? { ...postgres, runs: runs.postgres } : undefined,
      postgresToSqlite: postgres ? Math.round((postgres.requestsPerSecond / sqlite.requestsPerSecond) * 100) / 100 : undefined,
      sustainedPostgresToSqlite: postgres ? Math.round((postgres.sustainedPerSecond / sqlite.sustainedPerSecond) * 100) / 100 : undefined,
      seconds,
    };
  } finally {
    await targets.sqlite?.close();
    await targets.postgres?.close();
    await postgresDatabase?.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

// `node --import tsx bench/http-requests.ts` runs this part alone (BENCH_SECONDS, BENCH_ROUNDS to shorten it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runCreateRequestBench({ seconds: Number(process.env.BENCH_SECONDS ?? 10), rounds: Number(process.env.BENCH_ROUNDS ?? 3) });
  const line = (run: CreateRun) =>
    `${run.requestsPerSecond} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.serverCpuMsPerRequest} ms CPU, created ${run.created}/${run.sent}, non-2xx ${run.non2xx}; mail ${run.mailSentInRound}/${run.mailQueued} in round, drained in ${run.drainSeconds} s, sustained ${run.sustainedPerSecond}/s`;
  console.log('sqlite:', outcome.runs.map(line).join(' | '));
  if (outcome.postgres) console.log('postgres:', outcome.postgres.runs.map(line).join(' | '));
  console.log('postgres / sqlite:', outcome.postgresToSqlite, 'sustained:', outcome.sustainedPostgresToSqlite);
}

/** 50 overlapping pending requests, 50 concurrent approvals; returns elapsed ms and the outcome. */
async function raceOn(database: Database) {
  // No server start here: the manage-token key lives outside the database, so give this process one.
  if (!hasServerKeys()) useServerKeys([randomBytes(32)]);
  const config = loadConfig({ DATABASE_URL: 'file:/dev/null', DESK_DEMO: '0', LOG_LEVEL: 'silent', REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
  const [spokespersonId] = await seedSpokespeople(database.prisma, 1, { holdSlots: false, prefix: `race-${randomUUID().slice(0, 6)}` });
  const officer = await database.prisma.user.create({ data: { email: `race-${randomUUID().slice(0, 8)}@example.org`, name: 'Race', role: 'press_officer', passwordHash: 'x' } });
  const start = new Date(Math.ceil(Date.now() / DAY) * DAY + 5 * DAY + 9 * 3_600_000);
  const requests = [];
  for (let index = 0; index < 50; index++) {
    requests.push(await createRequest({ db: database.prisma, config, actor: { type: 'reporter' }, now: new Date() }, createRequestInput.parse(body(spokespersonId!, start))));
  }
  const began = performance.now();
  const results = await Promise.allSettled(requests.map((request) => approveRequest({ db: database.prisma, config, actor: { type: 'user', id: officer.id }, now: new Date() }, { requestId: request.requestId, overrideHours: false })));
  const elapsedMs = Math.round(performance.now() - began);
  return { elapsedMs, confirmed: results.filter((result) => result.status === 'fulfilled').length, refused: results.filter((result) => result.status === 'rejected').length };
}

export async function runApprovalRaceBench() {
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-race-'));
  const out: { sqlite?: Awaited<ReturnType<typeof raceOn>>; postgres?: Awaited<ReturnType<typeof raceOn>> | string } = {};
  try {
    const sqlite = resolveDatabaseUrl(`file:${join(folder, 'race.db')}`);
    await applyMigrations(sqlite);
    const database = await openDatabase(sqlite);
    out.sqlite = await raceOn(database).finally(() => database.close());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgresql://desk:desk@127.0.0.1:5432/postgres';
  const name = `desk_bench_${process.pid}`;
  try {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const target = resolveDatabaseUrl(url.toString());
    await applyMigrations(target);
    const database = await openDatabase(target);
    out.postgres = await raceOn(database).finally(() => database.close());
  } catch (error) {
    out.postgres = `not measured: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    const client = new pg.Client({ connectionString: admin });
    await client.connect().then(() => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    await client.end().catch(() => {});
  }
  return out;
}
