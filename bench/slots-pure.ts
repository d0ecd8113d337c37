/**
 * Benchmark of the pure slot engine (no database): computeFreeSlots + formatSlots.
 *
 * Case (DESIGN.md performance notes): one spokesperson in Europe/Zurich, 60 days, three weekly
 * ranges on every weekday, 300 existing interviews, 20 date overrides, viewer in America/New_York.
 * The window starts 2027-03-01, so both zones' spring DST changes fall inside it.
 *
 * Run: `npx tsx bench/slots-pure.ts`. `bench/run.ts` can import `runPureSlotBench()` instead.
 * Inputs come from a seeded PRNG, so every run measures the same work.
 */
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { computeFreeSlots } from '../server/availability/compute-free-slots';
import { formatSlots } from '../server/availability/format-slot';
import { clearOffsetTimelineCache } from '../server/availability/offset-timeline';
import type { Booking, ComputeFreeSlotsOptions, DateOverride, WeeklyRule } from '../server/availability/types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const SPOKESPERSON_ZONE = 'Europe/Zurich';
const VIEWER_ZONE = 'America/New_York';
const WINDOW_START = Date.UTC(2027, 2, 1);

export interface TimingSummary {
  medianMs: number;
  p95Ms: number;
}

export interface PureSlotBenchRow {
  windowDays: number;
  interviews: number;
  slots: number;
  compute: TimingSummary;
  format: TimingSummary;
}

export interface PureSlotBenchResult {
  /** The headline case: 60 days, 300 interviews, 20 overrides, warm timeline cache. */
  main: PureSlotBenchRow & { iterations: number };
  /** The headline compute with the offset-timeline cache emptied before every call. */
  coldCompute: TimingSummary;
  /** Window length varies (5 interviews and 1/3 override a day, no daily cap). */
  byWindow: PureSlotBenchRow[];
  /** Interview count varies (60-day window, no daily cap). */
  byInterviews: PureSlotBenchRow[];
  /** Formatted strings of the headline case that differ from luxon's own `toISO()` (expect 0). */
  luxonMismatches: number;
  /** Target from the brief: median compute ≤ 2 ms for the headline case. */
  targetComputeMedianMs: number;
}

/** mulberry32: tiny seeded PRNG so the benchmark input is identical on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WEEKLY_RULES: WeeklyRule[] = ([1, 2, 3, 4, 5, 6, 7] as const).flatMap((weekday) => [
  { weekday, start: '08:00', end: '11:30' },
  { weekday, start: '13:00', end: '16:30' },
  { weekday, start: '18:00', end: '20:00' },
]);

/**
 * Builds the benchmark input for a window length and interview count. The headline case caps
 * days at 8 interviews; the scaling rows pass `maxPerDay: null` so a dense calendar is still
 * swept slot by slot instead of being closed by the cap.
 */
export function buildPureSlotBenchCase(
  windowDays: number,
  interviewCount: number,
  maxPerDay: number | null = 8,
): ComputeFreeSlotsOptions {
  const random = createRandom(20_201_031 + windowDays * 7919 + interviewCount);
  const windowEnd = WINDOW_START + windowDays * DAY;

  // Interviews during working hours (07:00–21:00 UTC covers Zurich's ranges), 30–60 minutes.
  const bookings: Booking[] = [];
  for (let index = 0; index < interviewCount; index++) {
    const day = Math.floor(random() * windowDays);
    const start = WINDOW_START + day * DAY + (7 * 60 + Math.floor(random() * 56) * 15) * MINUTE;
    const recorded = random() < 0.5;
    bookings.push({
      start,
      end: start + (random() < 0.5 ? 30 : 60) * MINUTE,
      bufferBeforeMinutes: recorded ? 15 : undefined,
      bufferAfterMinutes: recorded ? 5 : undefined,
      countsTowardCap: random() < 0.9,
    });
  }

  // 20 overrides per 60 days (the headline's 20) on distinct dates: half closed, half with other
  // hours including an overnight range.
  const overrideCount = Math.round((20 * windowDays) / 60);
  const overrides: DateOverride[] = [];
  const usedDays = new Set<number>();
  while (overrides.length < overrideCount) {
    const day = Math.floor(random() * windowDays);
    if (usedDays.has(day)) continue;
    usedDays.add(day);
    const date = new Date(WINDOW_START + day * DAY).toISOString().slice(0, 10);
    const closed = overrides.length % 2 === 0;
    overrides.push({
      date,
      ranges: closed
        ? []
        : [
            { start: '07:00', end: '09:30' },
            { start: '21:00', end: '01:00' },
          ],
    });
  }

  return {
    timeZone: SPOKESPERSON_ZONE,
    weeklyRules: WEEKLY_RULES,
    overrides,
    timeOff: [
      { start: WINDOW_START + 10 * DAY, end: WINDOW_START + 12 * DAY + 6 * 3_600_000 },
      { start: WINDOW_START + 40 * DAY + 12 * 3_600_000, end: WINDOW_START + 41 * DAY },
    ],
    bookings,
    durationMinutes: 30,
    stepMinutes: 15,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 120,
    maxPerDay,
    horizonDays: 365,
    now: WINDOW_START - 3_600_000,
    from: WINDOW_START,
    to: windowEnd,
  };
}

function summarise(samples: number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function measureRow(
  windowDays: number,
  interviews: number,
  iterations: number,
  warmup: number,
  maxPerDay: number | null = 8,
): PureSlotBenchRow {
  const options = buildPureSlotBenchCase(windowDays, interviews, maxPerDay);
  const formatOptions = { viewerTimeZone: VIEWER_ZONE, spokespersonTimeZone: SPOKESPERSON_ZONE };
  let slotCount = 0;
  for (let index = 0; index < warmup; index++) formatSlots(computeFreeSlots(options), formatOptions);
  const computeSamples: number[] = [];
  const formatSamples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const computeStart = performance.now();
    const slots = computeFreeSlots(options);
    const formatStart = performance.now();
    formatSlots(slots, formatOptions);
    const formatEnd = performance.now();
    computeSamples.push(formatStart - computeStart);
    formatSamples.push(formatEnd - formatStart);
    slotCount = slots.length;
  }
  return {
    windowDays,
    interviews,
    slots: slotCount,
    compute: summarise(computeSamples),
    format: summarise(formatSamples),
  };
}

/**
 * Runs the whole benchmark and returns the numbers (nothing printed). Async so a caller can
 * await it alongside database benchmarks.
 */
export async function runPureSlotBench(options: { iterations?: number; warmup?: number } = {}): Promise<PureSlotBenchResult> {
  const iterations = options.iterations ?? 200;
  const warmup = options.warmup ?? 50;

  const main = measureRow(60, 300, iterations, warmup);

  const mainCase = buildPureSlotBenchCase(60, 300);
  const coldSamples: number[] = [];
  for (let index = 0; index < 30; index++) {
    clearOffsetTimelineCache();
    const start = performance.now();
    computeFreeSlots(mainCase);
    coldSamples.push(performance.now() - start);
  }

  const luxonMismatches = countLuxonMismatches(mainCase);

  const tableIterations = Math.max(20, Math.floor(iterations / 2));
  const tableWarmup = Math.max(5, Math.floor(warmup / 2));
  // Same density as the headline case (5 interviews a day), so only the window length changes.
  const byWindow = [14, 60, 180].map((days) => measureRow(days, days * 5, tableIterations, tableWarmup, null));
  const byInterviews = [0, 300, 3000].map((count) => measureRow(60, count, tableIterations, tableWarmup, null));

  return {
    main: { ...main, iterations },
    coldCompute: summarise(coldSamples),
    byWindow,
    byInterviews,
    luxonMismatches,
    targetComputeMedianMs: 2,
  };
}

/** Checks the fast formatter against luxon on the headline case, so a fast wrong answer shows. */
function countLuxonMismatches(options: ComputeFreeSlotsOptions): number {
  const slots = computeFreeSlots(options);
  const formatted = formatSlots(slots, { viewerTimeZone: VIEWER_ZONE, spokespersonTimeZone: SPOKESPERSON_ZONE });
  const iso = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true });
  let mismatches = 0;
  formatted.forEach((view, index) => {
    const slot = slots[index]!;
    if (view.start !== iso(slot.start, VIEWER_ZONE)) mismatches++;
    if (view.end !== iso(slot.end, VIEWER_ZONE)) mismatches++;
    if (view.spokesperson.start !== iso(slot.start, SPOKESPERSON_ZONE)) mismatches++;
    if (view.spokesperson.end !== iso(slot.end, SPOKESPERSON_ZONE)) mismatches++;
  });
  return mismatches;
}

function formatTable(rows: PureSlotBenchRow[]): string {
  const header = '| window days | interviews | slots | compute median ms | compute p95 ms | format median ms | format p95 ms |';
  const divider = '|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (row) =>
      `| ${row.windowDays} | ${row.interviews} | ${row.slots} | ${row.compute.medianMs} | ${row.compute.p95Ms} | ${row.format.medianMs} | ${row.format.p95Ms} |`,
  );
  return [header, divider, ...lines].join('\n');
}

async function main(): Promise<void> {
  const result = await runPureSlotBench();
  const { main: headline } = result;
  console.log(
    `Pure slot engine — ${SPOKESPERSON_ZONE} spokesperson, viewer ${VIEWER_ZONE}, ${headline.windowDays} days, ` +
      `${headline.interviews} interviews, 20 overrides, ${headline.iterations} runs after warm-up (Node ${process.version})`,
  );
  console.log(`  slots:   ${headline.slots}`);
  console.log(`  compute: median ${headline.compute.medianMs} ms, p95 ${headline.compute.p95Ms} ms (target median ≤ ${result.targetComputeMedianMs} ms)`);
  console.log(`  format:  median ${headline.format.medianMs} ms, p95 ${headline.format.p95Ms} ms`);
  console.log(`  mismatches against luxon toISO(): ${result.luxonMismatches}`);
  console.log(`  compute with cold timeline cache: median ${result.coldCompute.medianMs} ms, p95 ${result.coldCompute.p95Ms} ms`);
  console.log('\nBy window length (5 interviews and 1/3 override a day, no daily cap):');
  console.log(formatTable(result.byWindow));
  console.log('\nBy interview count (60-day window, no daily cap):');
  console.log(formatTable(result.byInterviews));
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
