/**
 * The free-slot engine: pure, deterministic, no database, independent of `process.env.TZ`.
 *
 * Rules (each one has a test in compute-free-slots.test.ts):
 *
 * 1. Weekly rules expand per LOCAL date in the spokesperson's zone, and a rule's weekday is that
 *    local date's weekday — never the server's zone, never UTC. Dates are calendar arithmetic on
 *    day numbers, so nothing reads the process's zone.
 * 2. A range covers the real elapsed time between its two wall-clock ends on that local date; when
 *    `end <= start` the end is on the next local date (22:00–02:00), and an end of `24:00` is the
 *    next date's 00:00. Each end resolves to the EARLIEST instant whose local wall-clock reading is
 *    >= it (`resolveLocalWallTime`), which means:
 *    - spring-forward: a wall time inside the gap resolves to the instant the clock jumps (the first
 *      valid instant after the gap). 01:00–04:00 in America/New_York on 2027-03-14 is
 *      06:00Z–08:00Z, two real hours, and since every slot start is a real instant, no slot starts
 *      at a local time that does not exist;
 *    - fall-back: an ambiguous wall time resolves to its EARLIER occurrence. 00:00–03:00 in
 *      America/New_York on 2027-11-07 is 04:00Z–08:00Z, four real hours; the repeated 01:00–02:00
 *      hour is offered twice, each labelled with its own offset when formatted. A range that ENDS
 *      at an ambiguous time ends at its first occurrence (the repeated part is not covered).
 *    luxon's `DateTime.fromObject` is deliberately not used: it moves a gap time forward by the
 *    gap's length (02:30 → 03:30) and picks the fold occurrence from the offset of the date the
 *    code runs on, so its answer changes between summer and winter (see offset-timeline.ts).
 * 3. Ranges of the same local date are merged when they overlap or touch. Slots start at
 *    `rangeStart + k * step` (elapsed time) and must fit entirely inside one merged range. Ranges of
 *    different dates are not merged, so a date's grid never depends on the queried window; an
 *    overnight range and the next date's range may therefore offer overlapping alternatives
 *    (identical starts are reported once).
 * 4. A date override replaces the weekly ranges of its local date only; an overnight weekly range
 *    that started the previous date is unaffected. Several overrides for one date are combined
 *    (union), so their order does not matter. Override ranges may be overnight too.
 * 5. A slot `[s, s + duration)` is free iff its widened interval `[s - bufferBefore, s + duration +
 *    bufferAfter)` overlaps no booking's widened interval (each booking widened by its own buffers,
 *    else the spokesperson's) and no time off. Half-open, so touching is fine: consecutive
 *    interviews are at least `bufferAfter(A) + bufferBefore(B)` apart. The rule lives in
 *    conflicts.ts and is shared with the booking transaction.
 * 6. Notice: `s >= now + minimumNotice`. Horizon: `s < now + horizonDays * 24 h` (elapsed time).
 *    Window: `s >= from` and `s + duration <= to`.
 * 7. Daily cap: when `maxPerDay` is set, a local date (spokesperson's zone, date of the booking's
 *    start) with `>= maxPerDay` bookings whose `countsTowardCap !== false` offers no slots starting
 *    on that date. `maxPerDay: 0` therefore offers nothing.
 * 8. Output is sorted by start with no duplicate starts; same input, same output, whatever
 *    `process.env.TZ` or the current date.
 *
 * Performance (DESIGN.md, performance notes): the hot loop is integer epoch-ms arithmetic over a
 * cached offset timeline; luxon is only touched to build timelines. Busy intervals are merged and
 * sorted once and swept with a pointer, and a blocked slot jumps straight past the busy interval.
 */
import { overlapsRange, widenBooking, type Buffers } from './conflicts';
import { DAY_MS, MINUTES_PER_DAY, MINUTE_MS, formatDayNumber, getIsoWeekday, parseLocalDate } from './civil-date';
import { getLocalDayNumber, getOffsetTimeline, resolveLocalWallTime, type OffsetTimeline } from './offset-timeline';
import type { BusyInterval, ComputeFreeSlotsOptions, FreeSlot, WallRange, WallTime } from './types';

/**
 * Safety bound on the span of local dates one call expands (~2.7 years). A public query chooses
 * its window; without a bound a huge `to` and `horizonDays` would burn CPU for nothing.
 */
const MAX_EXPANDED_DAYS = 1000;

/** A wall-clock range parsed to minutes of the day; `endMinute <= startMinute` is overnight. */
interface ParsedRange {
  startMinute: number;
  endMinute: number;
}

/** Sorted, disjoint busy intervals as two parallel arrays (no object per probe in the hot loop). */
interface BusyTimeline {
  starts: number[];
  ends: number[];
}

/**
 * Free interview slots for one spokesperson in `[from, to)`.
 *
 * Guarantees: every slot fits inside one merged availability range of one local date (resolved as
 * described in the header), conflicts with no booking or time off under the shared buffer rule,
 * respects notice, horizon and daily cap; sorted by start, no duplicates; pure and independent of
 * the server's zone. Throws `RangeError` for an unknown zone, malformed wall times or dates,
 * non-positive duration or step, negative buffers/notice/horizon, or a window over ~1000 days.
 */
export function computeFreeSlots(options: ComputeFreeSlotsOptions): FreeSlot[] {
  assertOptions(options);
  // Parsed before any early return so malformed input always throws, whatever the window.
  const rangesByWeekday = groupWeeklyRules(options);
  const overrideRanges = groupOverrides(options);
  // Rule 7 with a cap of zero: every date is already full.
  if (options.maxPerDay === 0) return [];
  const durationMs = options.durationMinutes * MINUTE_MS;
  const stepMs = options.stepMinutes * MINUTE_MS;
  const bufferBeforeMs = options.bufferBeforeMinutes * MINUTE_MS;
  const bufferAfterMs = options.bufferAfterMinutes * MINUTE_MS;

  // Rule 6 bounds: a slot start s satisfies earliestStart <= s < horizonEnd and s <= lastStartByWindow.
  const earliestStart = Math.max(options.from, options.now + options.minimumNoticeMinutes * MINUTE_MS);
  const horizonEnd = options.now + options.horizonDays * DAY_MS;
  const lastStartByWindow = options.to - durationMs;
  if (earliestStart >= horizonEnd || earliestStart > lastStartByWindow) return [];
  const latestEnd = Math.min(options.to, horizonEnd + durationMs);

  // Every offset is within ±1 day and a range reaches at most into the next local date, so local
  // dates in [firstDay, lastDay] hold every range that can reach [earliestStart, latestEnd].
  const firstDay = Math.floor(earliestStart / DAY_MS) - 2;
  const lastDay = Math.floor(latestEnd / DAY_MS) + 1;
  if (lastDay - firstDay > MAX_EXPANDED_DAYS) {
    throw new RangeError(`Window of ${lastDay - firstDay} days is larger than ${MAX_EXPANDED_DAYS}`);
  }
  const timeline = getOffsetTimeline(options.timeZone, (firstDay - 1) * DAY_MS, (lastDay + 3) * DAY_MS);

  const busy = buildBusyTimeline(options, earliestStart - bufferBeforeMs, latestEnd + bufferAfterMs);
  const cappedDays = findCappedDays(options, timeline);

  const slots: FreeSlot[] = [];
  const dateTexts = new Map<number, string>();
  const dayStarts: number[] = [];
  const dayEnds: number[] = [];
  let previousStart = -Infinity;
  let isSorted = true;

  for (let day = firstDay; day <= lastDay; day++) {
    const ranges = overrideRanges.get(day) ?? rangesByWeekday[getIsoWeekday(day) - 1] ?? [];
    if (ranges.length === 0) continue;
    resolveDayRanges(timeline, day, ranges, dayStarts, dayEnds);

    for (let r = 0; r < dayStarts.length; r++) {
      const rangeStart = dayStarts[r] as number;
      const lastStart = Math.min(dayEnds[r] as number, options.to) - durationMs;
      let start = rangeStart;
      if (start < earliestStart) start = rangeStart + Math.ceil((earliestStart - rangeStart) / stepMs) * stepMs;
      let busyIndex = findFirstEndingAfter(busy.ends, start - bufferBeforeMs);

      while (start <= lastStart && start < horizonEnd) {
        const wideStart = start - bufferBeforeMs;
        const wideEnd = start + durationMs + bufferAfterMs;
        while (busyIndex < busy.ends.length && (busy.ends[busyIndex] as number) <= wideStart) busyIndex++;
        // Busy intervals are disjoint and sorted, so only the first one ending after wideStart can overlap.
        if (
          busyIndex < busy.ends.length &&
          overlapsRange(wideStart, wideEnd, busy.starts[busyIndex] as number, busy.ends[busyIndex] as number)
        ) {
          // Jump to the first grid start whose widened interval clears this busy interval.
          const clearFrom = (busy.ends[busyIndex] as number) + bufferBeforeMs;
          start = rangeStart + Math.ceil((clearFrom - rangeStart) / stepMs) * stepMs;
          continue;
        }
        const localDay = getLocalDayNumber(timeline, start);
        if (!cappedDays.has(localDay)) {
          let localDate = dateTexts.get(localDay);
          if (localDate === undefined) {
            localDate = formatDayNumber(localDay);
            dateTexts.set(localDay, localDate);
          }
          if (start <= previousStart) isSorted = false;
          previousStart = start;
          slots.push({ start, end: start + durationMs, localDate });
        }
        start += stepMs;
      }
    }
  }
  return isSorted ? slots : sortUniqueByStart(slots);
}

/** One local date's merged availability range, as instants. */
export interface AvailabilityRange {
  start: number;
  end: number;
  /** Local date (spokesperson's zone) whose rule or override the range comes from, `YYYY-MM-DD`. */
  localDate: string;
}

/**
 * The availability ranges (weekly rules and date overrides, rules 1–4) that overlap `[from, to)`,
 * as instants, NOT clipped to the window: the same expansion the slot engine uses, for views that
 * show working hours rather than slots (the desk planner). Ranges of one local date are merged;
 * ranges of different dates are not (rule 3), so an overnight range may touch the next date's.
 * Sorted by start. Pure; throws `RangeError` like {@link computeFreeSlots} for malformed input or
 * a window over ~1000 days.
 */
export function expandAvailabilityRanges(
  options: Pick<ComputeFreeSlotsOptions, 'timeZone' | 'weeklyRules' | 'overrides' | 'from' | 'to'>,
): AvailabilityRange[] {
  const rangesByWeekday = groupWeeklyRules(options);
  const overrideRanges = groupOverrides(options);
  if (!Number.isFinite(options.from) || !Number.isFinite(options.to)) {
    throw new RangeError(`Invalid window [${options.from}, ${options.to})`);
  }
  if (options.to <= options.from) return [];
  // Same date span as computeFreeSlots: offsets are within ±1 day and a range reaches at most into
  // the next local date.
  const firstDay = Math.floor(options.from / DAY_MS) - 2;
  const lastDay = Math.floor(options.to / DAY_MS) + 1;
  if (lastDay - firstDay > MAX_EXPANDED_DAYS) {
    throw new RangeError(`Window of ${lastDay - firstDay} days is larger than ${MAX_EXPANDED_DAYS}`);
  }
  const timeline = getOffsetTimeline(options.timeZone, (firstDay - 1) * DAY_MS, (lastDay + 3) * DAY_MS);
  const result: AvailabilityRange[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const ranges = overrideRanges.get(day) ?? rangesByWeekday[getIsoWeekday(day) - 1] ?? [];
    if (ranges.length === 0) continue;
    resolveDayRanges(timeline, day, ranges, starts, ends);
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index] as number;
      const end = ends[index] as number;
      if (end > options.from && start < options.to) result.push({ start, end, localDate: formatDayNumber(day) });
    }
  }
  // Days are visited in order, but an overnight range can start after the next date's first one.
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Resolves one local date's wall ranges to instants and merges overlapping/touching ones (rule 3).
 * Writes into the reused `starts`/`ends` arrays to avoid garbage in the per-day loop.
 */
function resolveDayRanges(
  timeline: OffsetTimeline,
  day: number,
  ranges: readonly ParsedRange[],
  starts: number[],
  ends: number[],
): void {
  starts.length = 0;
  ends.length = 0;
  const dayLocalMs = day * DAY_MS;
  for (const range of ranges) {
    const start = resolveLocalWallTime(timeline, dayLocalMs + range.startMinute * MINUTE_MS);
    const endDayLocalMs = range.endMinute <= range.startMinute ? dayLocalMs + DAY_MS : dayLocalMs;
    const end = resolveLocalWallTime(timeline, endDayLocalMs + range.endMinute * MINUTE_MS);
    // A range lying wholly inside a DST gap resolves to an empty interval.
    if (end <= start) continue;
    // Insertion sort: a day has a handful of ranges.
    let index = starts.length;
    while (index > 0 && (starts[index - 1] as number) > start) index--;
    starts.splice(index, 0, start);
    ends.splice(index, 0, end);
  }
  let merged = 0;
  for (let index = 1; index < starts.length; index++) {
    if ((starts[index] as number) <= (ends[merged] as number)) {
      if ((ends[index] as number) > (ends[merged] as number)) ends[merged] = ends[index] as number;
    } else {
      merged++;
      starts[merged] = starts[index] as number;
      ends[merged] = ends[index] as number;
    }
  }
  if (starts.length > 0) {
    starts.length = merged + 1;
    ends.length = merged + 1;
  }
}

function groupWeeklyRules(options: Pick<ComputeFreeSlotsOptions, 'weeklyRules'>): ParsedRange[][] {
  const byWeekday: ParsedRange[][] = [[], [], [], [], [], [], []];
  for (const rule of options.weeklyRules) {
    if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
      throw new RangeError(`Invalid weekday ${rule.weekday}, expected 1 (Monday) to 7 (Sunday)`);
    }
    byWeekday[rule.weekday - 1]?.push(parseRange(rule));
  }
  return byWeekday;
}

/** Overrides by local day number; several overrides of one date are combined (rule 4). */
function groupOverrides(options: Pick<ComputeFreeSlotsOptions, 'overrides'>): Map<number, ParsedRange[]> {
  const byDay = new Map<number, ParsedRange[]>();
  for (const override of options.overrides) {
    const day = parseLocalDate(override.date);
    const ranges = override.ranges.map(parseRange);
    const existing = byDay.get(day);
    if (existing) existing.push(...ranges);
    else byDay.set(day, ranges);
  }
  return byDay;
}

/**
 * Widened bookings, time off and calendar busy times that can touch `[spanFrom, spanTo)`, sorted
 * and merged into disjoint intervals. Merging touching intervals is safe: the union covers the
 * same instants.
 */
function buildBusyTimeline(options: ComputeFreeSlotsOptions, spanFrom: number, spanTo: number): BusyTimeline {
  const fallback: Buffers = {
    bufferBeforeMinutes: options.bufferBeforeMinutes,
    bufferAfterMinutes: options.bufferAfterMinutes,
  };
  const intervals: { start: number; end: number }[] = [];
  for (const booking of options.bookings) {
    assertInterval(booking, 'booking');
    const widened = widenBooking(booking, fallback);
    if (widened.start < widened.end && widened.end > spanFrom && widened.start < spanTo) intervals.push(widened);
  }
  for (const away of options.timeOff) {
    assertInterval(away, 'time off');
    if (away.start < away.end && away.end > spanFrom && away.start < spanTo) intervals.push(away);
  }
  intervals.sort((a, b) => a.start - b.start);
  // Calendar busy times come merged already; only the run touching the span is walked.
  const calendar = mergeCalendarBusy(options.calendarBusy);
  let next = findFirstEndingAfter(calendar.ends, spanFrom);
  const starts: number[] = [];
  const ends: number[] = [];
  const add = (start: number, end: number) => {
    const last = ends.length - 1;
    if (last >= 0 && start <= (ends[last] as number)) {
      if (end > (ends[last] as number)) ends[last] = end;
    } else {
      starts.push(start);
      ends.push(end);
    }
  };
  for (const interval of intervals) {
    while (next < calendar.starts.length && (calendar.starts[next] as number) < spanTo && (calendar.starts[next] as number) <= interval.start) {
      add(calendar.starts[next] as number, calendar.ends[next] as number);
      next++;
    }
    add(interval.start, interval.end);
  }
  while (next < calendar.starts.length && (calendar.starts[next] as number) < spanTo) {
    add(calendar.starts[next] as number, calendar.ends[next] as number);
    next++;
  }
  return { starts, ends };
}

/**
 * Calendar busy times sorted and merged, once per array: a loaded calendar keeps
 * its array until a write or a sync replaces it (server/availability/calendar-cache.ts),
 * while every new minute recomputes its slot lists. Hundreds of events would
 * otherwise be checked, copied and sorted again on each computation.
 */
const mergedCalendarBusy = new WeakMap<readonly BusyInterval[], BusyTimeline>();
const NO_BUSY: BusyTimeline = { starts: [], ends: [] };

function mergeCalendarBusy(busy: readonly BusyInterval[] | undefined): BusyTimeline {
  if (!busy || busy.length === 0) return NO_BUSY;
  let merged = mergedCalendarBusy.get(busy);
  if (merged) return merged;
  const sorted: BusyInterval[] = [];
  for (const interval of busy) {
    assertInterval(interval, 'calendar busy time');
    if (interval.start < interval.end) sorted.push(interval);
  }
  sorted.sort((a, b) => a.start - b.start);
  merged = { starts: [], ends: [] };
  for (const interval of sorted) {
    const last = merged.ends.length - 1;
    if (last >= 0 && interval.start <= (merged.ends[last] as number)) {
      if (interval.end > (merged.ends[last] as number)) merged.ends[last] = interval.end;
    } else {
      merged.starts.push(interval.start);
      merged.ends.push(interval.end);
    }
  }
  mergedCalendarBusy.set(busy, merged);
  return merged;
}

/** Local day numbers (spokesperson's zone) that already hold `maxPerDay` capped bookings (rule 7). */
function findCappedDays(options: ComputeFreeSlotsOptions, timeline: OffsetTimeline): Set<number> {
  const capped = new Set<number>();
  const { maxPerDay } = options;
  if (maxPerDay === null) return capped;
  const countByDay = new Map<number, number>();
  for (const booking of options.bookings) {
    if (booking.countsTowardCap === false) continue;
    // Bookings outside the timeline's cover start on dates no slot of this call can have.
    if (booking.start < timeline.coverFrom || booking.start >= timeline.coverTo) continue;
    const day = getLocalDayNumber(timeline, booking.start);
    const count = (countByDay.get(day) ?? 0) + 1;
    countByDay.set(day, count);
  }
  for (const [day, count] of countByDay) if (count >= maxPerDay) capped.add(day);
  return capped;
}

/** First index whose end is after `instant` (ends are ascending because intervals are disjoint). */
function findFirstEndingAfter(ends: readonly number[], instant: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ends[middle] as number) <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Overnight ranges of one date can overlap the next date's ranges; restore order and uniqueness. */
function sortUniqueByStart(slots: FreeSlot[]): FreeSlot[] {
  slots.sort((a, b) => a.start - b.start);
  const unique: FreeSlot[] = [];
  for (const slot of slots) {
    if (unique.length === 0 || (unique[unique.length - 1] as FreeSlot).start !== slot.start) unique.push(slot);
  }
  return unique;
}

const WALL_TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Minutes of the day for `'HH:mm'`; `'24:00'` only where `allowEndOfDay`. Throws `RangeError` otherwise. */
function parseWallTime(value: WallTime, allowEndOfDay: boolean): number {
  const match = WALL_TIME_PATTERN.exec(value);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) {
    throw new RangeError(`Invalid wall time "${value}", expected HH:mm between 00:00 and 23:59`);
  }
  return hours * 60 + minutes;
}

function parseRange(range: WallRange): ParsedRange {
  return { startMinute: parseWallTime(range.start, false), endMinute: parseWallTime(range.end, true) };
}

function assertInterval(interval: { start: number; end: number }, name: string): void {
  if (!Number.isFinite(interval.start) || !Number.isFinite(interval.end)) {
    throw new RangeError(`Invalid ${name} interval [${interval.start}, ${interval.end})`);
  }
}

function assertOptions(options: ComputeFreeSlotsOptions): void {
  const positive = { durationMinutes: options.durationMinutes, stepMinutes: options.stepMinutes };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be > 0, got ${value}`);
  }
  const nonNegative = {
    bufferBeforeMinutes: options.bufferBeforeMinutes,
    bufferAfterMinutes: options.bufferAfterMinutes,
    minimumNoticeMinutes: options.minimumNoticeMinutes,
    horizonDays: options.horizonDays,
  };
  for (const [name, value] of Object.entries(nonNegative)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be >= 0, got ${value}`);
  }
  for (const [name, value] of Object.entries({ now: options.now, from: options.from, to: options.to })) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be an epoch-ms number, got ${value}`);
  }
  if (options.maxPerDay !== null && (!Number.isInteger(options.maxPerDay) || options.maxPerDay < 0)) {
    throw new RangeError(`maxPerDay must be null or an integer >= 0, got ${options.maxPerDay}`);
  }
}
