/**
 * Profiling aid (not part of `npm run bench`): starts Interview Desk on a
 * seeded SQLite database in this process and puts distinct availability
 * questions on it from autocannon in another process, so
 * `node --import tsx bench/profile-distinct.ts [slots|search|repeated|writer]`
 * (writer: the distinct questions with a reporter booking and cancelling every 100 ms)
 * shows where a request's time goes: it writes a CPU profile of the load
 * phase only (not start-up and seeding) to BENCH_PROFILE_OUT (default
 * distinct.cpuprofile in the working folder), for Chrome's DevTools.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/env';
import { startServer } from '../server/start-server';
import { createLogger } from '../server/logger';
import { seedDistinctBenchData, startWriter } from './http-distinct';
import { distinctSearchQuestions, distinctSlotQuestions, queryPath } from './slot-questions';
import { startCpuProfile } from './cpu-profile';

const kind = process.argv[2] ?? 'slots';
const seconds = process.env.BENCH_SECONDS ?? '8';
const folder = mkdtempSync(join(tmpdir(), 'interview-desk-profile-'));
const config = loadConfig({ DATABASE_URL: `file:${join(folder, 'bench.db')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent', PORT: '3999', DATA_DIR: join(folder, 'data'), REQUEST_LIMIT_PER_IP: '100000000', REQUEST_LIMIT_PER_EMAIL: '100000000' });
const running = await startServer({ config: { ...config, port: 0 }, logger: createLogger('silent'), buildClient: false, announce: () => {} });
const now = Date.now();
const ids = await seedDistinctBenchData(running.database.prisma, now);
const paths =
  kind === 'search'
    ? distinctSearchQuestions({ now, count: 4000 }).map((question) => queryPath('availability.search', question))
    : kind === 'repeated'
      ? [queryPath('availability.slots', { spokespersonId: ids[0], from: new Date(now + 86_400_000).toISOString(), to: new Date(now + 15 * 86_400_000).toISOString(), timeZone: 'America/New_York' })]
      : distinctSlotQuestions({ spokespersonIds: ids.slice(0, 8), now, count: 20_000 }).map((question) => queryPath('availability.slots', question));
writeFileSync(join(folder, 'paths.json'), JSON.stringify(paths));
// `writer`: the distinct questions with a reporter booking and cancelling every 100 ms, as bench/http-distinct.ts runs them.
const writerSlots = new Map<string, string>();
if (kind === 'writer') {
  for (const id of ids.slice(0, 8)) {
    const question = { spokespersonId: id, from: new Date(now + 100 * 86_400_000).toISOString(), to: new Date(now + 114 * 86_400_000).toISOString(), timeZone: 'UTC', duration: 30 };
    const answer = await (await fetch(running.url + queryPath('availability.slots', question))).json();
    writerSlots.set(id, answer.result.data.days[0].slots[0].start);
  }
}
const writer = kind === 'writer' ? startWriter(running.url, ids.slice(0, 8), writerSlots, 100) : undefined;
const profiler = await startCpuProfile();
await new Promise<void>((resolve) => {
  // Asynchronous, so this process keeps serving while the load runs.
  import('node:child_process').then(({ spawn }) => {
    const child = spawn(process.execPath, ['bench/load/get-paths.mjs', running.url, join(folder, 'paths.json'), '32', seconds], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', () => {
      const { result } = JSON.parse(output);
      console.log(`${kind}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`);
      resolve();
    });
  });
});
await profiler.stopAndWrite(process.env.BENCH_PROFILE_OUT ?? 'distinct.cpuprofile');
if (writer) console.log('writer:', await writer.stop());
await running.close();
rmSync(folder, { recursive: true, force: true });
