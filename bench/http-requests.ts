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
import { startServer } from '../server/start-server';
import { createLogger } from '../server/logger';
import { openDatabase, type Database } from '../server/db';
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

export async function runCreateRequestBench(options: { seconds?: number } = {}) {
  const seconds = options.seconds ?? 10;
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-requests-'));
  try {
    const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'bench.db')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent', REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
    const running = await startServer({ config: { ...config, port: 0 }, logger: createLogger('silent'), buildClient: false, announce: () => {} });
    try {
      const ids = await seedSpokespeople(running.database.prisma, 10, { holdSlots: true, prefix: 'load' });
      // Distinct slots: 10 spokespeople × 20 half-hours a day, in turn; each run its own 60 days.
      const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
      const bodiesFile = (fromDay: number, days: number, name: string) => {
        const bodies = [];
        for (let day = fromDay; day < fromDay + days; day++) for (let slot = 0; slot < 20; slot++) for (const id of ids) bodies.push(body(id, new Date(firstDay + day * DAY + 8 * 3_600_000 + slot * 1_800_000)));
        const file = join(folder, `${name}.json`);
        writeFileSync(file, JSON.stringify(bodies));
        return file;
      };
      const url = `${running.url}/trpc/requests.create`;
      // Warm-up (not measured): JIT, Prisma's first query plans, SQLite's page cache.
      await runLoad(url, bodiesFile(300, 10, 'warm-up'), 16, 3);
      const runs = [];
      for (let run = 0; run < 3; run++) {
        const before = await running.database.prisma.interviewRequest.count();
        const { result, used } = await runLoad(url, bodiesFile(run * 60, 60, `run-${run}`), 16, seconds);
        runs.push({
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          maxMs: result.latency.max,
          latency: process.env.BENCH_VERBOSE ? result.latency : undefined,
          non2xx: result.non2xx,
          errors: result.errors,
          sent: used,
          created: (await running.database.prisma.interviewRequest.count()) - before,
          seconds,
        });
      }
      // The median run by throughput, and all three.
      const median = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[1]!;
      return { ...median, runs };
    } finally {
      await running.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
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
