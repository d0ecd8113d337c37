/**
 * Profiling aid (not part of `npm run bench`): where a write's server time
 * goes. Starts Interview Desk on a seeded SQLite database in this process (as
 * profile-distinct.ts does) and runs the distinct bench's writer alone, a
 * reporter booking and cancelling one slot, `BENCH_WRITES` times (default
 * 200) back to back over HTTP; prints the server CPU per write pair and the
 * statements each pair ran, and writes a CPU profile of that phase to
 * BENCH_PROFILE_OUT (default writer.cpuprofile), for Chrome's DevTools.
 *   node --import tsx bench/profile-writer.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/env';
import { startServer } from '../server/start-server';
import { createLogger } from '../server/logger';
import { seedDistinctBenchData } from './http-distinct';
import { queryPath } from './slot-questions';
import { startCpuProfile } from './cpu-profile';

const DAY = 86_400_000;
const pairs = Number(process.env.BENCH_WRITES ?? 200);
const folder = mkdtempSync(join(tmpdir(), 'interview-desk-profile-'));
const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'bench.db')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent', PORT: '3999', REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
const running = await startServer({ config: { ...config, port: 0 }, logger: createLogger('silent'), buildClient: false, announce: () => {} });
const now = Date.now();
const ids = (await seedDistinctBenchData(running.database.prisma, now)).slice(0, 8);
const starts = new Map<string, string>();
for (const id of ids) {
  const answer = await (await fetch(running.url + queryPath('availability.slots', { spokespersonId: id, from: new Date(now + 100 * DAY).toISOString(), to: new Date(now + 114 * DAY).toISOString(), timeZone: 'UTC', duration: 30 }))).json();
  starts.set(id, answer.result.data.days[0].slots[0].start);
}
const post = async (procedure: string, input: unknown) => {
  const response = await fetch(`${running.url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = await response.json();
  if (!response.ok) throw new Error(`${procedure}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.result.data;
};
async function pair(turn: number) {
  const spokespersonId = ids[turn % ids.length]!;
  const key = randomUUID();
  const created = await post('requests.create', {
    idempotencyKey: `writer-${key}`, spokespersonId, start: starts.get(spokespersonId), durationMinutes: 30, format: 'video', language: 'en', attribution: 'on_record',
    topic: 'Writer', reporter: { name: 'Writer', email: `writer-${key.slice(0, 8)}@example.org`, outlet: 'Bench Wire', timeZone: 'Europe/London' },
    deadline: new Date(Date.parse(starts.get(spokespersonId)!) - DAY).toISOString(),
  });
  await post('requests.cancel', { reference: created.reference, token: created.manageToken });
}
for (let turn = 0; turn < 20; turn++) await pair(turn); // warm-up
// Let the outbox worker catch up on the warm-up's mail before measuring.
await new Promise((resolve) => setTimeout(resolve, 3_000));
const profiler = await startCpuProfile();
const cpu = process.cpuUsage();
const started = performance.now();
for (let turn = 0; turn < pairs; turn++) await pair(turn);
// The mail these writes queued is part of their cost: wait for the worker (every 2 s) to write it.
await new Promise((resolve) => setTimeout(resolve, 4_000));
const used = process.cpuUsage(cpu);
console.log(`${pairs} create+cancel pairs in ${Math.round(performance.now() - started - 4_000)} ms; process CPU ${((used.user + used.system) / 1000 / pairs).toFixed(1)} ms per pair (client, server and mail; the client's share is small)`);
await profiler.stopAndWrite(process.env.BENCH_PROFILE_OUT ?? 'writer.cpuprofile');
await running.close();
rmSync(folder, { recursive: true, force: true });
