/**
 * `npm run bench`: runs every benchmark and rewrites BENCHMARKS.md with the
 * numbers, the machine and the date. Load only ever targets 127.0.0.1.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runPureSlotBench } from './slots-pure';
import { runHttpAvailabilityBench } from './http-availability';
import { runDistinctAvailabilityBench } from './http-distinct';
import { runApprovalRaceBench, runCreateRequestBench } from './http-requests';
import { clientSectionLines, runClientBench } from './client';
import { REPORTER_BOOKING_TITLE, reporterBookingSectionLines, runReporterBookingBench } from './reporter-booking';
import { runContactsBench } from './contacts';
import { runOutboxBench } from './outbox';
import { runCalendarBench } from './calendars';
import { metricsSectionLines, runMetricsBench } from './metrics';

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);

// `npm run bench -- --only=distinct,create` runs some parts (names below); the others say "not run" and the previous run's figures stay below.
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice(7).split(',');
const wanted = (name: string) => !only || only.includes(name);
const skipped = new Error('not run in this pass (`npm run bench -- --only=…`); see the previous run below');
const loadAtStart = loadavg();
const runIf = async <T,>(name: string, label: string, run: () => Promise<T>): Promise<T | Error> => {
  if (!wanted(name)) return skipped;
  console.log(label);
  return run();
};

const pure = await runIf('pure', 'pure slot engine…', runPureSlotBench);
const http = await runIf('availability', 'HTTP availability on SQLite…', runHttpAvailabilityBench);
const distinct = await runIf('distinct', 'availability against a bare server…', () => runDistinctAvailabilityBench());
const create = await runIf('create', 'requests.create over HTTP, SQLite and PostgreSQL…', () => runCreateRequestBench());
const race = await runIf('race', 'approval race…', runApprovalRaceBench);
const contacts = await runIf('contacts', 'media list…', runContactsBench);
const outbox = await runIf('outbox', 'outbox delivery to a local SMTP server…', runOutboxBench);
const calendars = await runIf('calendars', "spokespeople's calendars…", runCalendarBench);
const metrics = await runIf('metrics', 'request timing for /metrics…', runMetricsBench);
const client = await runIf('client', 'web client in Chromium…', () => runClientBench().catch((error: Error) => error));
const reporter = await runIf('reporter', 'reporter booking page in Chromium (#13)…', () => runReporterBookingBench().catch((error: Error) => error));
const loadAtEnd = loadavg();

const check = (ok: boolean) => (ok ? 'met' : '**not met**');
const APPROVALS_NOTE = 'that 125 approvals queue (500)';
const lines = [
  '# Benchmarks',
  '',
  `Measured ${date} on ${machine}, by \`npm run bench\` (bench/run.ts); load average (1, 5, 15 min) ${loadAtStart.map((value) => value.toFixed(1)).join(', ')} at the start and ${loadAtEnd.map((value) => value.toFixed(1)).join(', ')} at the end: the machine is shared, so compare figures measured side by side in one run (the ratios), not absolute numbers across runs. Every load test targets 127.0.0.1 only.`,
  '',
  ...section(pure, 'Slot engine, pure computation', (pure) => [
    '',
  'One spokesperson in Europe/Zurich, viewer in America/New_York, 60 days from 2027-03-01 (both spring DST changes inside), 3 ranges a day, 300 interviews, 20 date overrides (bench/slots-pure.ts).',
  '',
  '| measure | median | p95 | target |',
  '|---|---|---|---|',
  `| compute ${pure.main.slots} slots | ${pure.main.compute.medianMs} ms | ${pure.main.compute.p95Ms} ms | ≤ ${pure.targetComputeMedianMs} ms median: ${check(pure.main.compute.medianMs <= pure.targetComputeMedianMs)} |`,
  `| compute, offset-timeline cache cold | ${pure.coldCompute.medianMs} ms | ${pure.coldCompute.p95Ms} ms | |`,
  `| format for both zones | ${pure.main.format.medianMs} ms | ${pure.main.format.p95Ms} ms | |`,
  '',
  `Formatted strings differing from luxon's own \`toISO()\`: ${pure.luxonMismatches}.`,
  '',
  '**Growth with window length** (5 interviews a day):',
  '',
  '| window | slots | compute median | format median |',
  '|---|---|---|---|',
  ...pure.byWindow.map((row) => `| ${row.windowDays} days | ${row.slots} | ${row.compute.medianMs} ms | ${row.format.medianMs} ms |`),
  '',
  '**Growth with interview count** (60-day window):',
  '',
  '| interviews | slots | compute median | format median |',
  '|---|---|---|---|',
  ...pure.byInterviews.map((row) => `| ${row.interviews} | ${row.slots} | ${row.compute.medianMs} ms | ${row.format.medianMs} ms |`),
  '',
  'Cost is linear in the number of local days in the window (rules expanded per day) plus the number of candidate slots, and linear in interviews (sorted once, swept with a pointer), so both grow proportionally, not quadratically.',
  '',
  ]),
  ...section(http, '`availability.slots` over HTTP (SQLite, default configuration)', (http) => [
    '',
  `25 spokespeople with 40 confirmed interviews each; one spokesperson's 14-day window (${http.slotCount} free slots), viewer America/New_York; autocannon in a separate process, 32 connections, three runs of ${http.seconds} s after a 5 s warm-up.`,
  '',
  '| requests/s | p50 | p99 | errors | non-2xx | target |',
  '|---|---|---|---|---|---|',
  `| ${http.slotsLoad.requestsPerSecond} | ${http.slotsLoad.p50Ms} ms | ${http.slotsLoad.p99Ms} ms | ${http.slotsLoad.errors} | ${http.slotsLoad.non2xx} | ≥ 800 req/s: ${check(http.slotsLoad.requestsPerSecond >= 800)}; p99 ≤ 50 ms: ${check(http.slotsLoad.p99Ms <= 50)} |`,
  '',
  `All three runs (requests/s, p99): ${http.slotsRuns.map((run) => `${run.requestsPerSecond}, ${run.p99Ms} ms`).join('; ')}; the median run is in the table.`,
  '',
  'How: single GET queries take a lean path beside tRPC\'s adapter (server/http/query-fast-path.ts: same router, same answers, checked byte for byte by a test); calendars come from a read-through cache that every write invalidates (server/availability/calendar-cache.ts); an identical question within the same minute and calendar version gets the same answer object, whose JSON is built once. The load here repeats one question, as many reporters opening one spokesperson\'s picker do; a first answer after a change costs the figure below. (With Node\'s young generation raised to 64 MB the same run was slower at the tail: p99 52–94 ms against 29–31 ms with the default 16 MB, once answers were no longer re-serialised.)',
  '',
  `First request after a change (cache just invalidated: four database queries), sequential: median ${http.cacheMiss.medianMs} ms, p95 ${http.cacheMiss.p95Ms} ms.`,
  '',
  '**Growth with window length over HTTP** (sequential requests, one connection):',
  '',
  '| window | median | p95 |',
  '|---|---|---|',
  ...http.byWindow.map((row) => `| ${row.days} days | ${row.medianMs} ms | ${row.p95Ms} ms |`),
  '',
  ]),
  ...section(http, '`availability.search` over HTTP', (http) => [
    '',
  `All ${http.search.spokespeople} spokespeople, 14 days, sequential requests: median ${http.search.medianMs} ms, p95 ${http.search.p95Ms} ms (target median ≤ 30 ms: ${check(http.search.medianMs <= 30)}).`,
  '',
  ]),
  ...section(create, '`requests.create` over HTTP (SQLite)', (create) => [
    '',
  `10 spokespeople who hold requested slots, each request a distinct slot and a new reporter (so each also creates a media contact); autocannon in a separate process, 16 connections; after a 3 s warm-up, three runs of ${create.seconds} s on a growing database. The table shows the median run; all three below it. The server runs as in production, outbox worker and expiry scheduler included.`,
  '',
  '| requests/s | p50 | p99 | max | non-2xx | created | target |',
  '|---|---|---|---|---|---|---|',
  `| ${create.requestsPerSecond} | ${create.p50Ms} ms | ${create.p99Ms} ms | ${create.maxMs} ms | ${create.non2xx} | ${create.created} of ${create.sent} sent | ≥ 200 req/s: ${check(create.requestsPerSecond >= 200)}; p99 ≤ 100 ms: ${check(create.p99Ms <= 100)} |`,
  '',
  `All three runs: ${create.runs.map((run) => `${run.requestsPerSecond} req/s, p99 ${run.p99Ms} ms`).join('; ')}.`,
  '',
  'How: Prisma 6.19\'s JavaScript engine costs 0.5–1 ms of CPU per statement here and a request needs about fifteen, so one transaction per request topped out at 26–47 requests/s. Now (server/requests/create-request.ts) requests that arrive while a batch is being written go together in the next one: one transaction, the booking lock taken once, one fresh calendar read for all of them, each request still checked on its own (against the batch\'s earlier holds too) and failing alone. The rows are written with multi-row raw INSERTs (server/db-insert.ts; createMany cost about 0.5 ms a row), bookings are read in one raw statement with bounded index range scans, and single tRPC calls skip the Fetch-API adapter (server/http/query-fast-path.ts).',
  '',
  ]),
  ...section(race, 'The 50-way approval race', (race) => [
    '',
  '50 pending requests for one slot, 50 approvals fired at once (in-process, through the domain functions): exactly one is confirmed.',
  '',
  '| database | elapsed | confirmed | refused (SLOT_TAKEN) | target |',
  '|---|---|---|---|---|',
  ...(['sqlite', 'postgres'] as const).map((name) => {
    const outcome = race[name];
    if (!outcome || typeof outcome === 'string') return `| ${name} | ${outcome ?? 'not measured'} | | | |`;
    return `| ${name} | ${outcome.elapsedMs} ms | ${outcome.confirmed} | ${outcome.refused} | ≤ 2 s: ${check(outcome.elapsedMs <= 2000)} |`;
  }),
  '',
  ]),
  ...section(contacts, 'Media list (SQLite)', (contacts) => [
    '',
  `${contacts.contacts.toLocaleString('en')} contacts (seeded in ${Math.round(contacts.seedMs / 100) / 10} s). Search over HTTP (\`contacts.list\` with a text query, word-prefix and accent-insensitive), ${contacts.search.queries} queries: median ${contacts.search.medianMs} ms, p95 ${contacts.search.p95Ms} ms (target median ≤ 20 ms: ${check(contacts.search.medianMs <= 20)}). A prefix that matches nothing scans every row (LIKE on the folded search text): a word index (FTS5 / trigram) is the next step.`,
  '',
  `CSV import of ${contacts.import.rows.toLocaleString('en')} rows: ${Math.round(contacts.import.ms / 100) / 10} s (target ≤ 10 s: ${check(contacts.import.ms <= 10_000)}); the same file again (nothing changes): ${Math.round(contacts.reimport.ms / 100) / 10} s.`,
  '',
  ]),
  ...section(outbox, 'Outbox delivery to a local SMTP server', (outbox) => [
  '',
  `The messages ${APPROVALS_NOTE} (confirmation, desk notice, two iCalendar invites each), rendered at delivery, sent by one instance's worker to smtp-server on 127.0.0.1 (accepting at once), pooled connections (bench/outbox.ts). Each row is claimed just before it is sent; OUTBOX_CONCURRENCY sets how many are in flight.`,
  '',
  '| database | messages | concurrency | seconds | messages/s | SMTP connections |',
  '|---|---|---|---|---|---|',
  ...(['sqlite', 'postgres'] as const).flatMap((name) => {
    const result = outbox[name];
    if (typeof result === 'string') return [`| ${name} | ${result} | | | | |`];
    return result.runs.map((run) => `| ${name} | ${result.messages} | ${run.concurrency} | ${run.seconds} | ${run.messagesPerSecond} | ${run.connections} |`);
  }),
  ]),
  ...section(calendars, "Spokespeople's own calendars (SQLite)", (calendars) => [
  '',
  `Full sync of one feed with ${calendars.sync.events.toLocaleString('en')} events, ${calendars.sync.series} of them weekly series (Europe/Berlin, with VTIMEZONE), from a local HTTP server: fetch, parse and expand with ical.js, replace the stored busy times (${calendars.sync.busyRows} intervals), median of ${calendars.sync.runs}: ${calendars.sync.medianMs} ms, slowest ${calendars.sync.p95Ms} ms (target ≤ 2 s: ${check(calendars.sync.medianMs <= 2000)}). bench/calendars.ts.`,
  '',
  `\`availability.slots\` (14 days, in-process) for a spokesperson with 3 connected calendars (${calendars.slots.connectedRows} busy intervals) against one without, ${calendars.slots.runs} sequential answers each, each an hour later so no answer memo or slot list answers:`,
  '',
  '| calendar cache | without calendars | with 3 calendars |',
  '|---|---|---|',
  `| just invalidated (reload from the database) | median ${calendars.slots.coldPlain.medianMs} ms, p95 ${calendars.slots.coldPlain.p95Ms} ms | median ${calendars.slots.coldConnected.medianMs} ms, p95 ${calendars.slots.coldConnected.p95Ms} ms |`,
  `| warm | median ${calendars.slots.warmPlain.medianMs} ms, p95 ${calendars.slots.warmPlain.p95Ms} ms | median ${calendars.slots.warmConnected.medianMs} ms, p95 ${calendars.slots.warmConnected.p95Ms} ms |`,
  '',
  'Busy times are stored as one JSON row per calendar and read by the same UNION statement as time off and bookings, so connected calendars add no query to a calendar reload. The machine is shared: medians move by tens of percent between runs.',
  '',
  ]),
  ...section(client, 'Web client', (client) => clientSectionLines(client, check)),
  ...section(reporter, REPORTER_BOOKING_TITLE, (reporter) => reporterBookingSectionLines(reporter, check)),
  ...distinctSection(distinct),
  ...createComparisonSection(create),
  ...section(metrics, 'Request timing for `/metrics`', metricsSectionLines),
  ...previousRun(),
];
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));

/** A section's lines, or a line saying why it was not measured. */
function section<T>(result: T | Error, title: string, render: (result: T) => string[]): string[] {
  if (result instanceof Error) return [`## ${title}`, '', `Not measured: ${result.message.split('\n')[0]}.`, ''];
  return [`## ${title}`, ...render(result)];
}

function distinctSection(result: Awaited<ReturnType<typeof runDistinctAvailabilityBench>> | Error): string[] {
  return section(result, 'Availability against the limit: Interview Desk beside a bare `node:http` server (SQLite)', (run) => {
    const { medians: m, ratios: r } = run;
    const cpu = (value: number) => `${value} ms`;
    return [
      '',
      `The limit: a bare \`node:http\` server (bench/load/bare-server.mjs, its own process) answering every path with the bytes Interview Desk answered it with (recorded first), so the difference is what Interview Desk does per request. Interview Desk runs in its own process as \`npm start\` runs it (bench/load/app-server.ts), on SQLite, 25 spokespeople with 100 confirmed interviews each over 150 days. **Distinct questions**: ${run.questions.toLocaleString('en')} different \`availability.slots\` questions (bench/slot-questions.ts): 20 viewer zones, durations of 30, 45 and 60 minutes, windows of 7 to 21 days starting anywhere in the next 150 days, over 8 spokespeople; answers average ${(run.averageAnswerBytes / 1024).toFixed(1)} KB. Every round asks questions the last rounds did not. **Repeated**: one 14-day question (${(run.repeatedAnswerBytes / 1024).toFixed(1)} KB), as when many reporters open one picker. **Writer**: a reporter booking (requests.create, holding the slot) and cancelling every 100 ms over the same spokespeople, each write invalidating that calendar. autocannon in a separate process, 32 connections, rounds of ${run.seconds} s alternating bare, Interview Desk, Interview Desk with the writer (${run.rounds} of each, after warm-ups); medians. Server CPU per request is the server process's user + system time over the requests it answered (steadier than throughput on a shared machine).`,
      '',
      '| load | Interview Desk req/s | bare req/s | ratio | p99 (Desk / bare) | server CPU per request (Desk / bare) | target |',
      '|---|---|---|---|---|---|---|',
      `| distinct questions | ${m.appDistinct.requestsPerSecond} | ${m.bareDistinct.requestsPerSecond} | **${r.distinct}×** | ${m.appDistinct.p99Ms} / ${m.bareDistinct.p99Ms} ms (${r.distinctP99}×) | ${cpu(m.appDistinct.serverCpuMsPerRequest)} / ${cpu(m.bareDistinct.serverCpuMsPerRequest)} | ≥ 0.35×: ${check(r.distinct >= 0.35)}; p99 ≤ 3× bare: ${check(r.distinctP99 <= 3)} |`,
      `| repeated question | ${m.appRepeated.requestsPerSecond} | ${m.bareRepeated.requestsPerSecond} | **${r.repeated}×** | ${m.appRepeated.p99Ms} / ${m.bareRepeated.p99Ms} ms | ${cpu(m.appRepeated.serverCpuMsPerRequest)} / ${cpu(m.bareRepeated.serverCpuMsPerRequest)} | ≥ 0.6×: ${check(r.repeated >= 0.6)} |`,
      `| distinct, with the writer | ${m.writerDistinct.requestsPerSecond} | | **${r.writerToDistinct}×** the distinct figure | ${m.writerDistinct.p99Ms} ms | ${cpu(m.writerDistinct.serverCpuMsPerRequest)} | ≥ 0.9× distinct: ${check(r.writerToDistinct >= 0.9)} |`,
      '',
      `Answer-cache hit rate from the server's counters (server/availability/find-free-slots.ts): ${(run.distinct.hitRate * 100).toFixed(1)} % over the distinct rounds, ${(run.distinct.writerHitRate * 100).toFixed(1)} % with the writer (${run.distinct.writes} writes, ${run.distinct.writeFailures} failed). tests/integration/bench-questions.test.ts checks that the questions are distinct and all miss that cache.`,
      '',
      `Every round (requests/s, server CPU per request, p99): bare ${runs(run.distinct.bare)}; Interview Desk ${runs(run.distinct.app)}; with the writer ${runs(run.distinct.writer)}; repeated, bare ${runs(run.repeated.bare)}; repeated, Interview Desk ${runs(run.repeated.app)}.`,
      '',
      '### `availability.search`, distinct questions',
      '',
      `All 25 spokespeople, ${run.search.questions.toLocaleString('en')} distinct questions (the same zones, durations and windows), 32 connections, ${run.rounds} rounds of ${run.seconds} s: ${m.search.requestsPerSecond} req/s, p50 ${m.search.p50Ms} ms, p99 **${m.search.p99Ms} ms** (target p99 ≤ 50 ms: ${check(m.search.p99Ms <= 50)}); server CPU ${cpu(m.search.serverCpuMsPerRequest)} per request. Rounds: ${runs(run.search.runs)}.`,
      '',
    ];
  });
}

function runs(list: { requestsPerSecond: number; serverCpuMsPerRequest?: number; p99Ms: number }[]): string {
  return list.map((run) => `${run.requestsPerSecond}/s${run.serverCpuMsPerRequest === undefined ? '' : `, ${run.serverCpuMsPerRequest} ms CPU`}, p99 ${run.p99Ms} ms`).join('; ');
}

function createComparisonSection(result: Awaited<ReturnType<typeof runCreateRequestBench>> | Error): string[] {
  return section(result, '`requests.create`: PostgreSQL beside SQLite', (create) => {
    if (!create.postgres) return ['', 'PostgreSQL was not reachable; not measured.', ''];
    const pg = create.postgres;
    const ratio = create.postgresToSqlite ?? 0;
    const row = (name: string, run: typeof pg, target: string) =>
      `| ${name} | ${run.requestsPerSecond} | ${run.p50Ms} ms | ${run.p99Ms} ms | ${run.serverCpuMsPerRequest} ms | ${run.created} of ${run.sent} | ${run.mailSentInRound} of ${run.mailQueued} | ${run.drainSeconds} s | ${run.sustainedPerSecond} | ${target} |`;
    return [
      '',
      `The workload above on both databases (PostgreSQL: a fresh database on 127.0.0.1:5432 for the run), 16 connections, rounds of ${create.seconds} s alternating SQLite and PostgreSQL after a warm-up of each; medians. Each database has its own Interview Desk process (bench/load/app-server.ts, outbox worker included), so neither pays for the other's background work. Every request queues two emails (the reporter's confirmation, the desk's notice); after each round the bench waits until the outbox has sent them all ("drain"). "Sustained" is the round's created requests over round plus drain: the rate each database keeps up with the mail its requests cause.`,
      '',
      '| database | requests/s | p50 | p99 | server CPU per request | created of sent | emails sent during the round | drain | sustained requests/s | target |',
      '|---|---|---|---|---|---|---|---|---|---|',
      row('SQLite', create, ''),
      row('PostgreSQL', pg, `≥ 0.8× SQLite: ${check(ratio >= 0.8)} (**${ratio}×**; sustained **${create.sustainedPostgresToSqlite}×**); p99 ≤ 150 ms: ${check(pg.p99Ms <= 150)}`),
      '',
      `Rounds: SQLite ${runs(create.runs)}; PostgreSQL ${runs(pg.runs)}.`,
      '',
    ];
  });
}

/** The figures this run replaces, kept below the new ones (one generation back). */
function previousRun(): string[] {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').split('\n## Previous run')[0]!;
  const body = text
    .split('\n')
    .filter((line) => !line.startsWith('# Benchmarks'))
    .map((line) => (line.startsWith('#') ? `#${line}` : line));
  return ['## Previous run', '', 'The figures the run above replaced, as they were written then, for comparison.', '', ...body];
}
