/**
 * Distinct availability questions for the HTTP benchmarks: what a crowd of
 * reporters asks after a release, each from their own zone, for their own
 * duration and window. Pure and deterministic (a seeded generator), so the
 * bench and its test (bench/slot-questions.test.ts) see the same list.
 */

const DAY_MS = 86_400_000;

/** Twenty viewer zones: whole, half and quarter-hour offsets, both hemispheres' DST. */
export const VIEWER_ZONES = [
  'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Mexico_City', 'America/St_Johns',
  'Europe/London', 'Europe/Zurich', 'Europe/Kyiv', 'Africa/Nairobi', 'Africa/Lagos',
  'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Asia/Singapore', 'Asia/Tehran',
  'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Chatham', 'UTC',
];
export const DURATIONS = [30, 45, 60];
/** Windows start anywhere in the next 150 days and last 7 to 21 days. */
export const SPAN_DAYS = 150;
export const MIN_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 21;

export interface SlotQuestion {
  spokespersonId: string;
  from: string;
  to: string;
  timeZone: string;
  duration: number;
}

/** A small seeded generator (mulberry32): the same list on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` distinct slot questions over the given spokespeople, starting from
 * the UTC midnight after `now`. Zone, duration and spokesperson rotate with
 * every question; the window (start day, length, start hour) is drawn at random,
 * and any repeat of an earlier question is drawn again.
 */
export function distinctSlotQuestions(options: { spokespersonIds: string[]; now: number; count: number; seed?: number }): SlotQuestion[] {
  const next = random(options.seed ?? 17);
  const firstDay = Math.ceil(options.now / DAY_MS) * DAY_MS;
  const seen = new Set<string>();
  const questions: SlotQuestion[] = [];
  for (let index = 0; questions.length < options.count; index++) {
    const length = MIN_WINDOW_DAYS + Math.floor(next() * (MAX_WINDOW_DAYS - MIN_WINDOW_DAYS + 1));
    const startDay = Math.floor(next() * (SPAN_DAYS - length + 1));
    // Reporters' pickers start at their local midnight, so the hour varies too.
    const startHour = Math.floor(next() * 24);
    const from = firstDay + startDay * DAY_MS + startHour * 3_600_000;
    const question: SlotQuestion = {
      spokespersonId: options.spokespersonIds[Math.floor(index / (VIEWER_ZONES.length * DURATIONS.length)) % options.spokespersonIds.length]!,
      from: new Date(from).toISOString(),
      to: new Date(from + length * DAY_MS).toISOString(),
      timeZone: VIEWER_ZONES[index % VIEWER_ZONES.length]!,
      duration: DURATIONS[Math.floor(index / VIEWER_ZONES.length) % DURATIONS.length]!,
    };
    const key = JSON.stringify(question);
    if (seen.has(key)) continue;
    seen.add(key);
    questions.push(question);
  }
  return questions;
}

/** Distinct `availability.search` questions: the same zones, durations and windows, all spokespeople. */
export function distinctSearchQuestions(options: { now: number; count: number; seed?: number }) {
  return distinctSlotQuestions({ spokespersonIds: ['all'], now: options.now, count: options.count, seed: options.seed ?? 29 }).map(({ from, to, timeZone, duration }) => ({ from, to, timeZone, duration }));
}

/** The tRPC GET path of a query. */
export function queryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}
