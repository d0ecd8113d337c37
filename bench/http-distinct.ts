/**
 * availability over HTTP against its limit: Interview Desk (this process, a
 * fresh SQLite database) beside a bare node:http server (bench/load/bare-server.mjs,
 * its own process) that answers the same paths with the same bytes, recorded
 * from Interview Desk first. Rounds alternate between the two (bare, app, app
 * with a writer, …) so drift in this shared machine's speed hits both alike;
 * medians are reported. Load comes from autocannon in a separate process
 * (bench/load/get-paths.mjs), 127.0.0.1 only.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../server/db';
import { resolveDatabaseUrl } from '../server/db-url';
import { applyMigrations } from '../server/migrate';
import { DURATIONS, SPAN_DAYS, distinctSearchQuestions, distinctSlotQuestions, queryPath } from './slot-questions';

const DAY = 86_400_000;
const zones = ['Europe/Zurich', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Auckland'];
/** Spokespeople the distinct questions are spread over ("several"). */
const ASKED_SPOKESPEOPLE = 8;

/** 25 spokespeople, 3 ranges every weekday, 100 confirmed interviews each over the next 150 days. */
export async function seedDistinctBenchData(db: Db, now: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < 25; index++) {
    const person = await db.spokesperson.create({
      data: {
        slug: `bench-${index}`, name: `Bench Speaker ${String(index).padStart(2, '0')}`, title: 'Spokesperson', email: `bench-${index}@example.org`,
        languages: index % 2 ? ['en', 'fr'] : ['en', 'es'], topics: index % 3 ? ['cluster munitions'] : ['landmines'], timeZone: zones[index % zones.length]!,
        formats: ['phone', 'video'], allowedDurations: DURATIONS, defaultDurationMinutes: 30, slotStepMinutes: 15, bufferBeforeMinutes: 10, bufferAfterMinutes: 10,
        minimumNoticeMinutes: 120, maxPerDay: 6, horizonDays: SPAN_DAYS + 30, holdSlots: true,
        weeklyRules: {
          create: [1, 2, 3, 4, 5].flatMap((weekday) => [
            { weekday, startTime: '08:00', endTime: '11:00' },
            { weekday, startTime: '13:00', endTime: '16:00' },
            { weekday, startTime: '17:00', endTime: '19:00' },
          ]),
        },
      },
    });
    ids.push(person.id);
    // createMany with our own ids: thousands of rows in a few statements, not a statement each.
    const requests = [];
    const interviews = [];
    for (let booking = 0; booking < 100; booking++) {
      const start = new Date(now + (booking * 1.5 + 1) * DAY + ((index * 37 + booking * 97) % 600) * 60_000);
      const requestId = `bench-request-${index}-${booking}`;
      requests.push({
        id: requestId, reference: `IR-B${index}-${booking}`, spokespersonId: person.id, reporterName: 'Bench', reporterEmail: 'bench@example.org', reporterOutlet: 'Bench',
        reporterTimeZone: 'UTC', topic: 'bench', format: 'phone', language: 'en', durationMinutes: 30, attribution: 'on_record',
        deadline: new Date(now + 170 * DAY), proposedSlots: [], status: 'approved', manageTokenHash: 'x',
      });
      interviews.push({
        requestId, spokespersonId: person.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000),
        bufferBeforeMinutes: 10, bufferAfterMinutes: 10, localDate: start.toISOString().slice(0, 10), format: 'phone', formatDetails: {},
        status: 'confirmed', inviteUid: `bench-${index}-${booking}@bench`,
      });
    }
    await db.interviewRequest.createMany({ data: requests });
    await db.interview.createMany({ data: interviews });
  }
  return ids;
}

export interface LoadSummary {
  requestsPerSecond: number;
  /** CPU time the server process spent per answered request (user + system), in ms: steadier than throughput on a shared machine. */
  serverCpuMsPerRequest?: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
  used: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** runPaths, with the CPU the server process `pid` used per answered request. */
async function measured(pid: number | undefined, run: () => Promise<LoadSummary>): Promise<LoadSummary> {
  const before = cpuSecondsOf(pid);
  const result = await run();
  const used = cpuSecondsOf(pid) - before;
  return { ...result, serverCpuMsPerRequest: Math.round((used * 1000 * 1000) / Math.max(1, result.requests)) / 1000 };
}

/** autocannon in its own process, each request the next path of the file. */
function runPaths(base: string, file: string, options: { connections: number; seconds: number; first?: number }): Promise<LoadSummary> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error('benchmarks only target 127.0.0.1');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load/get-paths.mjs', base, file, String(options.connections), String(options.seconds), String(options.first ?? 0)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load exited ${code}`));
      const { result, used } = JSON.parse(output);
      resolve({
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        requests: result.requests.total,
        used,
      });
    });
  });
}

/** Interview Desk in its own process (bench/load/app-server.ts), with its answer-cache counters on call; its DATA_DIR (mail files, key) in `dataDir`. */
export function startAppServer(databaseUrl: string, options: { dataDir?: string } = {}): Promise<{ child: ChildProcess; url: string; counters(): Promise<{ hits: number; misses: number }> }> {
  return new Promise((resolve, reject) => {
    // BENCH_APP_PROFILE=<folder> writes a CPU profile of the app server (node --cpu-prof) there.
    const profile = process.env.BENCH_APP_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`] : [];
    const child = fork('bench/load/app-server.ts', [databaseUrl, ...(options.dataDir ? [options.dataDir] : [])], { execArgv: [...profile, '--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`app server exited ${code}`)));
    const counters = () =>
      new Promise<{ hits: number; misses: number }>((answer) => {
        child.once('message', (message) => answer((message as { counters: { hits: number; misses: number } }).counters));
        child.send('counters');
      });
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, url: chunk.toString('utf8').trim(), counters }));
  });
}

function startBareServer(indexFile: string, blobFile: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load/bare-server.mjs', indexFile, blobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout.once('data', (chunk: Buffer) => resolve({ child, url: `http://127.0.0.1:${chunk.toString('utf8').trim()}` }));
  });
}

/** Fetches every path (a few at a time) and keeps the exact answer bytes. */
async function recordAnswers(base: string, paths: string[]): Promise<Buffer[]> {
  const answers: Buffer[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      const response = await fetch(base + paths[index]);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${paths[index]}: ${bytes.toString('utf8').slice(0, 300)}`);
      answers[index] = bytes;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answers;
}

/**
 * A reporter booking and the same reporter cancelling, every `everyMs`, through
 * the public API, rotating over the asked spokespeople: each booking holds a
 * slot and each cancellation frees it, so both invalidate that calendar.
 */
export function startWriter(base: string, ids: string[], slotStarts: Map<string, string>, everyMs: number) {
  let stopped = false;
  let writes = 0;
  let failures = 0;
  let turn = 0;
  const post = async (procedure: string, input: unknown) => {
    const response = await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const body = await response.json();
    if (!response.ok) throw new Error(`${procedure}: ${JSON.stringify(body).slice(0, 300)}`);
    return body.result.data;
  };
  const tick = async () => {
    const spokespersonId = ids[turn++ % ids.length]!;
    const key = randomUUID();
    try {
      const created = await post('requests.create', {
        idempotencyKey: `writer-${key}`, spokespersonId, start: slotStarts.get(spokespersonId), durationMinutes: 30, format: 'video', language: 'en', attribution: 'on_record',
        topic: 'Writer', reporter: { name: 'Writer', email: `writer-${key.slice(0, 8)}@example.org`, outlet: 'Bench Wire', timeZone: 'Europe/London' },
        // Deadlines may not be later than the interview (the slots are ~100 days out).
        deadline: new Date(Date.parse(slotStarts.get(spokespersonId)!) - DAY).toISOString(),
      });
      await post('requests.cancel', { reference: created.reference, token: created.manageToken });
      writes += 2;
    } catch (error) {
      failures++;
      if (failures === 1) console.error('writer:', (error as Error).message);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await tick();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { writes, failures };
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;

export interface DistinctBenchResult {
  seconds: number;
  rounds: number;
  questions: number;
  averageAnswerBytes: number;
  repeatedAnswerBytes: number;
  distinct: { bare: LoadSummary[]; app: LoadSummary[]; writer: LoadSummary[]; hitRate: number; writerHitRate: number; writes: number; writeFailures: number };
  repeated: { bare: LoadSummary[]; app: LoadSummary[] };
  search: { runs: LoadSummary[]; questions: number };
  medians: Record<'bareDistinct' | 'appDistinct' | 'writerDistinct' | 'bareRepeated' | 'appRepeated', { requestsPerSecond: number; p99Ms: number; serverCpuMsPerRequest: number }> & {
    search: { requestsPerSecond: number; p50Ms: number; p99Ms: number; serverCpuMsPerRequest: number };
  };
  ratios: { distinct: number; distinctP99: number; repeated: number; writerToDistinct: number };
}

export async function runDistinctAvailabilityBench(options: { seconds?: number; rounds?: number; questions?: number } = {}): Promise<DistinctBenchResult> {
  const seconds = options.seconds ?? 5;
  const rounds = options.rounds ?? 3;
  const questionCount = options.questions ?? 10_000;
  const folder = mkdtempSync(join(tmpdir(), 'interview-desk-bench-distinct-'));
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    const databaseUrl = `file:${join(folder, 'bench.db')}`;
    const target = resolveDatabaseUrl(databaseUrl);
    await applyMigrations(target);
    const database = await openDatabase(target);
    const now = Date.now();
    const ids = await seedDistinctBenchData(database.prisma, now).finally(() => database.close());
    const running = await startAppServer(databaseUrl, { dataDir: join(folder, 'data') });
    app = running.child;
    const asked = ids.slice(0, ASKED_SPOKESPEOPLE);

    const distinctPaths = distinctSlotQuestions({ spokespersonIds: asked, now, count: questionCount }).map((question) => queryPath('availability.slots', question));
    const repeatedPath = queryPath('availability.slots', { spokespersonId: ids[0], from: new Date(now + DAY).toISOString(), to: new Date(now + 15 * DAY).toISOString(), timeZone: 'America/New_York' });
    const searchPaths = distinctSearchQuestions({ now, count: 4_000 }).map((question) => queryPath('availability.search', question));

    console.log(`  recording ${distinctPaths.length} answers…`);
    const answers = await recordAnswers(running.url, [...distinctPaths, repeatedPath]);
    const allPaths = [...distinctPaths, repeatedPath];
    const indexFile = join(folder, 'answers.json');
    const blobFile = join(folder, 'answers.bin');
    writeFileSync(indexFile, JSON.stringify(allPaths.map((path, index) => [path, answers[index]!.length])));
    writeFileSync(blobFile, Buffer.concat(answers));
    const averageAnswerBytes = Math.round(answers.slice(0, -1).reduce((sum, bytes) => sum + bytes.length, 0) / distinctPaths.length);
    const repeatedAnswerBytes = answers.at(-1)!.length;
    answers.length = 0;
    const started = await startBareServer(indexFile, blobFile);
    bare = started.child;

    const distinctFile = join(folder, 'distinct.json');
    writeFileSync(distinctFile, JSON.stringify(distinctPaths));
    const repeatedFile = join(folder, 'repeated.json');
    writeFileSync(repeatedFile, JSON.stringify([repeatedPath]));
    const searchFile = join(folder, 'search.json');
    writeFileSync(searchFile, JSON.stringify(searchPaths));

    // A free slot per asked spokesperson for the writer (it books and frees the same one).
    const slotStarts = new Map<string, string>();
    for (const id of asked) {
      const answer = await (await fetch(running.url + queryPath('availability.slots', { spokespersonId: id, from: new Date(now + 100 * DAY).toISOString(), to: new Date(now + 114 * DAY).toISOString(), timeZone: 'UTC', duration: 30 }))).json();
      slotStarts.set(id, answer.result.data.days[0].slots[0].start);
    }

    // Each app round asks questions it has not asked in the last rounds (the cursor moves on).
    let cursor = 0;
    const appRound = async (file: string, first = cursor) => {
      const result = await measured(app?.pid, () => runPaths(running.url, file, { connections: 32, seconds, first }));
      if (file === distinctFile) cursor = (first + result.used) % distinctPaths.length;
      return result;
    };
    console.log('  warm-up…');
    await runPaths(started.url, distinctFile, { connections: 32, seconds: 3 });
    await appRound(distinctFile);
    await appRound(repeatedFile, 0);

    const result = { bare: [] as LoadSummary[], app: [] as LoadSummary[], writer: [] as LoadSummary[] };
    const repeated = { bare: [] as LoadSummary[], app: [] as LoadSummary[] };
    let hits = 0;
    let misses = 0;
    let writerHits = 0;
    let writerMisses = 0;
    let writes = 0;
    let writeFailures = 0;
    for (let round = 0; round < rounds; round++) {
      console.log(`  round ${round + 1} of ${rounds}…`);
      result.bare.push(await measured(bare?.pid, () => runPaths(started.url, distinctFile, { connections: 32, seconds, first: cursor })));
      let before = await running.counters();
      result.app.push(await appRound(distinctFile));
      let after = await running.counters();
      hits += after.hits - before.hits;
      misses += after.misses - before.misses;

      before = await running.counters();
      const writer = startWriter(running.url, asked, slotStarts, 100);
      result.writer.push(await appRound(distinctFile));
      const written = await writer.stop();
      after = await running.counters();
      writerHits += after.hits - before.hits;
      writerMisses += after.misses - before.misses;
      writes += written.writes;
      writeFailures += written.failures;

      repeated.bare.push(await measured(bare?.pid, () => runPaths(started.url, repeatedFile, { connections: 32, seconds })));
      repeated.app.push(await appRound(repeatedFile, 0));
    }

    console.log('  availability.search…');
    await appRound(searchFile, 0);
    const search: LoadSummary[] = [];
    let searchCursor = 0;
    for (let round = 0; round < rounds; round++) {
      const run = await measured(app?.pid, () => runPaths(running.url, searchFile, { connections: 32, seconds, first: searchCursor }));
      searchCursor = (searchCursor + run.used) % searchPaths.length;
      search.push(run);
    }

    const pick = (runs: LoadSummary[]) => ({
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      serverCpuMsPerRequest: median(runs.map((run) => run.serverCpuMsPerRequest ?? Number.NaN)),
    });
    const medians = {
      bareDistinct: pick(result.bare),
      appDistinct: pick(result.app),
      writerDistinct: pick(result.writer),
      bareRepeated: pick(repeated.bare),
      appRepeated: pick(repeated.app),
      search: { ...pick(search), p50Ms: median(search.map((run) => run.p50Ms)) },
    };
    return {
      seconds,
      rounds,
      questions: distinctPaths.length,
      averageAnswerBytes,
      repeatedAnswerBytes,
      distinct: { ...result, hitRate: hits / Math.max(1, hits + misses), writerHitRate: writerHits / Math.max(1, writerHits + writerMisses), writes, writeFailures },
      repeated,
      search: { runs: search, questions: searchPaths.length },
      medians,
      ratios: {
        distinct: ratio(medians.appDistinct.requestsPerSecond, medians.bareDistinct.requestsPerSecond),
        distinctP99: ratio(medians.appDistinct.p99Ms, Math.max(1, medians.bareDistinct.p99Ms)),
        repeated: ratio(medians.appRepeated.requestsPerSecond, medians.bareRepeated.requestsPerSecond),
        writerToDistinct: ratio(medians.writerDistinct.requestsPerSecond, medians.appDistinct.requestsPerSecond),
      },
    };
  } finally {
    bare?.kill('SIGTERM');
    if (app) {
      app.removeAllListeners('exit');
      const exited = new Promise((resolve) => app!.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

// `node --import tsx bench/http-distinct.ts` runs this part alone (BENCH_SECONDS, BENCH_ROUNDS to shorten it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runDistinctAvailabilityBench({ seconds: Number(process.env.BENCH_SECONDS ?? 5), rounds: Number(process.env.BENCH_ROUNDS ?? 3), questions: Number(process.env.BENCH_QUESTIONS ?? 10_000) });
  const cpu = (runs: LoadSummary[]) => runs.map((run) => `${run.requestsPerSecond}/s ${run.serverCpuMsPerRequest}ms`).join(', ');
  console.log(`rounds: bare ${cpu(outcome.distinct.bare)} | app ${cpu(outcome.distinct.app)} | writer ${cpu(outcome.distinct.writer)} | bare rep ${cpu(outcome.repeated.bare)} | app rep ${cpu(outcome.repeated.app)} | search ${cpu(outcome.search.runs)}`);
  console.log(JSON.stringify({ ...outcome, distinct: { ...outcome.distinct, bare: undefined, app: undefined, writer: undefined }, repeated: undefined, search: undefined }, null, 2));
}
