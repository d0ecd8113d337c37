/**
 * Property-based checks of the slot engine against luxon, plus a comparison with a slow,
 * obviously-correct reference implementation written here with luxon only.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { computeFreeSlots } from './compute-free-slots';
import { formatSlots } from './format-slot';
import { getOffsetTimeline } from './offset-timeline';
import { TRICKY_ZONES } from './tricky-zones.test-fixture';
import type { BusyInterval, ComputeFreeSlotsOptions, FreeSlot, WallRange, WeeklyRule } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Reference implementation: luxon for every zone question, brute force for everything else.
// ---------------------------------------------------------------------------------------------

const offsetAt = (zone: string, instant: number) => IANAZone.create(zone).offset(instant);

/** Local wall-clock reading of an instant, as "local milliseconds" (the reading read as UTC). */
function readClock(zone: string, instant: number): number {
  const local = DateTime.fromMillis(instant, { zone });
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

const minutesOf = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

/**
 * The documented rule, literally: the earliest instant whose clock reading is >= the wall time.
 * Every instant before `W - maxOffset` reads earlier than W and `W - minOffset` reads at least W,
 * so scanning that span minute by minute finds it (all offsets and changes are whole minutes).
 */
function resolveWallTime(zone: string, date: string, minutes: number): number {
  const wall = DateTime.fromISO(date, { zone: 'utc' }).toMillis() + minutes * MINUTE;
  const offsets: number[] = [];
  for (let hour = -26; hour <= 26; hour += 2) offsets.push(offsetAt(zone, wall + hour * HOUR));
  const latest = wall - Math.min(...offsets) * MINUTE;
  for (let instant = wall - Math.max(...offsets) * MINUTE; instant <= latest; instant += MINUTE) {
    if (readClock(zone, instant) >= wall) return instant;
  }
  throw new Error('reference: wall time not resolved');
}

const nextDate = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
const localDateOf = (zone: string, instant: number) => DateTime.fromMillis(instant, { zone }).toISODate()!;

/** Ranges of one local date as instants: override if any, else the weekday's weekly rules. */
function rangesOfDate(options: ComputeFreeSlotsOptions, date: string): BusyInterval[] {
  const overrides = options.overrides.filter((override) => override.date === date);
  const weekday = DateTime.fromISO(date, { zone: 'utc' }).weekday;
  const wallRanges: WallRange[] =
    overrides.length > 0
      ? overrides.flatMap((override) => override.ranges)
      : options.weeklyRules.filter((rule) => rule.weekday === weekday);
  return wallRanges
    .map((range) => {
      const start = minutesOf(range.start);
      const end = minutesOf(range.end);
      return {
        start: resolveWallTime(options.timeZone, date, start),
        end: resolveWallTime(options.timeZone, end <= start ? nextDate(date) : date, end),
      };
    })
    .filter((range) => range.end > range.start);
}

/** Merged ranges of a date, memoised per input (the properties ask for the same date per slot). */
const mergedRangeCache = new WeakMap<ComputeFreeSlotsOptions, Map<string, BusyInterval[]>>();
function mergedRangesOfDate(options: ComputeFreeSlotsOptions, date: string): BusyInterval[] {
  let byDate = mergedRangeCache.get(options);
  if (!byDate) mergedRangeCache.set(options, (byDate = new Map()));
  let ranges = byDate.get(date);
  if (!ranges) byDate.set(date, (ranges = mergeRanges(rangesOfDate(options, date))));
  return ranges;
}

function mergeRanges(ranges: BusyInterval[]): BusyInterval[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: BusyInterval[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const intersects = (a: BusyInterval, b: BusyInterval) =>
  a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;

function referenceFreeSlots(options: ComputeFreeSlotsOptions): FreeSlot[] {
  const zone = options.timeZone;
  const duration = options.durationMinutes * MINUTE;
  const found = new Map<number, FreeSlot>();
  const widenedBookings = options.bookings.map((booking) => ({
    start: booking.start - (booking.bufferBeforeMinutes ?? options.bufferBeforeMinutes) * MINUTE,
    end: booking.end + (booking.bufferAfterMinutes ?? options.bufferAfterMinutes) * MINUTE,
  }));
  const lastDate = localDateOf(zone, options.to + DAY);
  for (let date = localDateOf(zone, options.from - 3 * DAY); date <= lastDate; date = nextDate(date)) {
    for (const range of mergedRangesOfDate(options, date)) {
      for (let start = range.start; start + duration <= range.end; start += options.stepMinutes * MINUTE) {
        const end = start + duration;
        if (start < options.from || end > options.to) continue;
        if (start < options.now + options.minimumNoticeMinutes * MINUTE) continue;
        if (start >= options.now + options.horizonDays * DAY) continue;
        const widened = {
          start: start - options.bufferBeforeMinutes * MINUTE,
          end: end + options.bufferAfterMinutes * MINUTE,
        };
        if (widenedBookings.some((booking) => intersects(widened, booking))) continue;
        if (options.timeOff.some((away) => intersects(widened, away))) continue;
        if ((options.calendarBusy ?? []).some((busy) => intersects(widened, busy))) continue;
        const localDate = localDateOf(zone, start);
        if (options.maxPerDay !== null) {
          const booked = options.bookings.filter(
            (booking) => booking.countsTowardCap !== false && localDateOf(zone, booking.start) === localDate,
          ).length;
          if (booked >= options.maxPerDay) continue;
        }
        found.set(start, { start, end, localDate });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Generators: windows biased towards DST-change months, wall times on a 15-minute grid so they
// land on transitions often, plus odd minutes.
// ---------------------------------------------------------------------------------------------

const wallTime = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15),
  fc.integer({ min: 0, max: 1439 }),
);
const formatWall = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const wallRange: fc.Arbitrary<WallRange> = fc
  .tuple(wallTime, fc.oneof(wallTime, fc.constant(1440)))
  .map(([start, end]) => ({ start: formatWall(start), end: formatWall(end) }));
const weeklyRule: fc.Arbitrary<WeeklyRule> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), wallRange)
  .map(([weekday, range]) => ({ weekday: weekday as WeeklyRule['weekday'], ...range }));

const windowStart = fc
  .record({
    year: fc.integer({ min: 2024, max: 2032 }),
    month: fc.oneof(fc.constantFrom(3, 4, 9, 10, 11), fc.integer({ min: 1, max: 12 })),
    day: fc.integer({ min: 1, max: 28 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  })
  .map(({ year, month, day, minute }) => Date.UTC(year, month - 1, day) + minute * MINUTE);

const randomInputs = fc
  .record({
    timeZone: fc.constantFrom(...TRICKY_ZONES),
    viewerZones: fc.array(fc.constantFrom(...TRICKY_ZONES), { minLength: 2, maxLength: 3 }),
    from: windowStart,
    windowMinutes: fc.integer({ min: 60, max: 9 * 24 * 60 }),
    nowShiftMinutes: fc.integer({ min: -3 * 24 * 60, max: 2 * 24 * 60 }),
    weeklyRules: fc.array(weeklyRule, { maxLength: 8 }),
    overrides: fc.array(
      fc.record({ dayOffset: fc.integer({ min: -2, max: 9 }), ranges: fc.array(wallRange, { maxLength: 3 }) }),
      { maxLength: 4 },
    ),
    bookings: fc.array(
      fc.record({
        offsetMinutes: fc.integer({ min: -24 * 60, max: 10 * 24 * 60 }),
        lengthMinutes: fc.integer({ min: 5, max: 180 }),
        bufferBeforeMinutes: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
        bufferAfterMinutes: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
        countsTowardCap: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
    timeOff: fc.array(
      fc.record({
        offsetMinutes: fc.integer({ min: -24 * 60, max: 10 * 24 * 60 }),
        lengthMinutes: fc.integer({ min: 1, max: 2 * 24 * 60 }),
      }),
      { maxLength: 3 },
    ),
    // Overlapping, unsorted and empty ones too: the engine merges them once per array.
    calendarBusy: fc.array(
      fc.record({
        offsetMinutes: fc.integer({ min: -24 * 60, max: 10 * 24 * 60 }),
        lengthMinutes: fc.integer({ min: 0, max: 8 * 60 }),
      }),
      { maxLength: 8 },
    ),
    durationMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
    stepMinutes: fc.constantFrom(10, 15, 20, 30, 45, 60),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    minimumNoticeMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    maxPerDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    horizonDays: fc.integer({ min: 1, max: 30 }),
  })
  .map((input) => {
    const options: ComputeFreeSlotsOptions = {
      timeZone: input.timeZone,
      weeklyRules: input.weeklyRules,
      overrides: input.overrides.map((override) => ({
        date: localDateOf(input.timeZone, input.from + override.dayOffset * DAY),
        ranges: override.ranges,
      })),
      bookings: input.bookings.map((booking) => {
        const start = Math.floor(input.from / MINUTE) * MINUTE + booking.offsetMinutes * MINUTE;
        return {
          start,
          end: start + booking.lengthMinutes * MINUTE,
          bufferBeforeMinutes: booking.bufferBeforeMinutes,
          bufferAfterMinutes: booking.bufferAfterMinutes,
          countsTowardCap: booking.countsTowardCap,
        };
      }),
      timeOff: input.timeOff.map((away) => {
        const start = input.from + away.offsetMinutes * MINUTE;
        return { start, end: start + away.lengthMinutes * MINUTE };
      }),
      calendarBusy: input.calendarBusy.map((busy) => {
        const start = input.from + busy.offsetMinutes * MINUTE;
        return { start, end: start + busy.lengthMinutes * MINUTE, calendar: 'Work' };
      }),
      durationMinutes: input.durationMinutes,
      stepMinutes: input.stepMinutes,
      bufferBeforeMinutes: input.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes,
      minimumNoticeMinutes: input.minimumNoticeMinutes,
      maxPerDay: input.maxPerDay,
      horizonDays: input.horizonDays,
      now: input.from + input.nowShiftMinutes * MINUTE,
      from: input.from,
      to: input.from + input.windowMinutes * MINUTE,
    };
    return { options, viewerZones: input.viewerZones };
  });

/**
 * Uniform random inputs rarely put a rule end inside a DST gap or fold, so half the runs are
 * built around a real offset change: rule and override ends within ±2 h of the wall-clock
 * readings just before and just after the change, on the change's local date or the day before.
 * (The change list comes from the code under test, but it only steers generation; every answer
 * is still judged by luxon.)
 */
interface OffsetChange {
  zone: string;
  /** Local wall readings (as UTC ms) just before and at the change. */
  wallBefore: number;
  wallAfter: number;
  instant: number;
}
const OFFSET_CHANGES: OffsetChange[] = TRICKY_ZONES.flatMap((zone) => {
  const timeline = getOffsetTimeline(zone, Date.UTC(2025, 0, 1), Date.UTC(2029, 0, 1));
  return timeline.changeInstants.map((instant, index) => ({
    zone,
    instant,
    wallBefore: instant + timeline.offsetsMinutes[index]! * MINUTE,
    wallAfter: instant + timeline.offsetsMinutes[index + 1]! * MINUTE,
  }));
});

const wallDate = (wall: number) => new Date(wall).toISOString().slice(0, 10);
const minuteOfDay = (wall: number) => Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);

const nearChangeEnd = fc.record({
  anchor: fc.constantFrom('before', 'after', 'random'),
  quarterShift: fc.integer({ min: -8, max: 8 }),
  randomMinute: wallTime,
});

const focusedInputs = fc
  .tuple(
    randomInputs,
    fc.constantFrom(...OFFSET_CHANGES),
    fc.array(fc.record({ start: nearChangeEnd, end: nearChangeEnd, dayBefore: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 2 * 24 * 60 }),
    fc.integer({ min: 60, max: 3 * 24 * 60 }),
  )
  .map(([{ options, viewerZones }, change, ranges, asOverride, leadMinutes, windowMinutes]) => {
    const toWall = (end: typeof ranges[number]['start']) => {
      if (end.anchor === 'random') return end.randomMinute;
      const base = minuteOfDay(end.anchor === 'before' ? change.wallBefore : change.wallAfter);
      return Math.min(1439, Math.max(0, base + end.quarterShift * 15));
    };
    const changeDate = wallDate(change.wallBefore);
    const dateBefore = DateTime.fromISO(changeDate, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
    const wallRanges = ranges.map((range) => ({
      date: range.dayBefore ? dateBefore : changeDate,
      start: formatWall(toWall(range.start)),
      end: formatWall(toWall(range.end)),
    }));
    const from = Math.floor((change.instant - leadMinutes * MINUTE) / MINUTE) * MINUTE;
    const focused: ComputeFreeSlotsOptions = {
      ...options,
      timeZone: change.zone,
      weeklyRules: asOverride
        ? options.weeklyRules
        : wallRanges.map(({ date, start, end }) => ({
            weekday: DateTime.fromISO(date, { zone: 'utc' }).weekday as WeeklyRule['weekday'],
            start,
            end,
          })),
      overrides: asOverride
        ? [changeDate, dateBefore].map((date) => ({
            date,
            ranges: wallRanges.filter((range) => range.date === date).map(({ start, end }) => ({ start, end })),
          }))
        : [],
      now: from - 2 * 24 * HOUR,
      minimumNoticeMinutes: Math.min(options.minimumNoticeMinutes, 60),
      horizonDays: 30,
      from,
      to: from + windowMinutes * MINUTE,
      bookings: options.bookings.map((booking) => ({
        ...booking,
        start: booking.start - options.from + from,
        end: booking.end - options.from + from,
      })),
      timeOff: options.timeOff.slice(0, 1).map((away) => ({
        start: away.start - options.from + from,
        end: Math.min(away.end, away.start + 3 * HOUR) - options.from + from,
      })),
    };
    return { options: focused, viewerZones };
  });

const inputs = fc.oneof(randomInputs, focusedInputs);

describe('computeFreeSlots properties (luxon as oracle)', () => {
  it('every slot lies in a rule range, clears bookings and time off, and respects notice, horizon, window and cap', () => {
    fc.assert(
      fc.property(inputs, ({ options }) => {
        const slots = computeFreeSlots(options);
        const zone = options.timeZone;
        const duration = options.durationMinutes * MINUTE;
        for (let index = 0; index < slots.length; index++) {
          const slot = slots[index]!;
          if (index > 0) expect(slot.start).toBeGreaterThan(slots[index - 1]!.start);
          expect(slot.end - slot.start).toBe(duration);
          expect(slot.localDate).toBe(localDateOf(zone, slot.start));

          // Inside a rule range of its own local date or (overnight) the date before.
          const previousDate = DateTime.fromISO(slot.localDate, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
          const inside = [slot.localDate, previousDate].some((date) =>
            mergedRangesOfDate(options, date).some((range) => range.start <= slot.start && slot.end <= range.end),
          );
          expect(inside).toBe(true);

          const widened = {
            start: slot.start - options.bufferBeforeMinutes * MINUTE,
            end: slot.end + options.bufferAfterMinutes * MINUTE,
          };
          for (const booking of options.bookings) {
            const bookingWidened = {
              start: booking.start - (booking.bufferBeforeMinutes ?? options.bufferBeforeMinutes) * MINUTE,
              end: booking.end + (booking.bufferAfterMinutes ?? options.bufferAfterMinutes) * MINUTE,
            };
            expect(intersects(widened, bookingWidened)).toBe(false);
          }
          for (const away of options.timeOff) expect(intersects(widened, away)).toBe(false);

          expect(slot.start).toBeGreaterThanOrEqual(options.now + options.minimumNoticeMinutes * MINUTE);
          expect(slot.start).toBeLessThan(options.now + options.horizonDays * DAY);
          expect(slot.start).toBeGreaterThanOrEqual(options.from);
          expect(slot.end).toBeLessThanOrEqual(options.to);
          if (options.maxPerDay !== null) {
            const booked = options.bookings.filter(
              (booking) => booking.countsTowardCap !== false && localDateOf(zone, booking.start) === slot.localDate,
            ).length;
            expect(booked).toBeLessThan(options.maxPerDay);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shows the same instants to every viewer, each labelled exactly as luxon would', () => {
    fc.assert(
      fc.property(inputs, ({ options, viewerZones }) => {
        const slots = computeFreeSlots(options);
        const spokespersonViews = new Set<string>();
        for (const viewer of viewerZones) {
          const formatted = formatSlots(slots, { viewerTimeZone: viewer, spokespersonTimeZone: options.timeZone });
          expect(formatted).toHaveLength(slots.length);
          formatted.forEach((view, index) => {
            const slot = slots[index]!;
            expect(DateTime.fromISO(view.start, { setZone: true }).toMillis()).toBe(slot.start);
            expect(DateTime.fromISO(view.end, { setZone: true }).toMillis()).toBe(slot.end);
            expect(view.start).toBe(DateTime.fromMillis(slot.start, { zone: viewer }).toISO({ suppressMilliseconds: true }));
            expect(view.viewerDate).toBe(localDateOf(viewer, slot.start));
            expect(view.spokesperson.start).toBe(
              DateTime.fromMillis(slot.start, { zone: options.timeZone }).toISO({ suppressMilliseconds: true }),
            );
            expect(view.spokesperson.date).toBe(slot.localDate);
          });
          spokespersonViews.add(JSON.stringify(formatted.map((view) => view.spokesperson)));
        }
        expect(spokespersonViews.size).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('returns exactly what the slow luxon reference implementation returns', () => {
    fc.assert(
      fc.property(inputs, ({ options }) => {
        expect(computeFreeSlots(options)).toEqual(referenceFreeSlots(options));
      }),
      { numRuns: 150 },
    );
  });

  it('returns for a sub-window exactly the slots of the full window that fit in it', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), ({ options }, a, b) => {
        const span = options.to - options.from;
        const from = options.from + Math.floor((span * Math.min(a, b)) / 100);
        const to = options.from + Math.floor((span * Math.max(a, b)) / 100);
        const full = computeFreeSlots(options);
        const part = computeFreeSlots({ ...options, from, to });
        expect(part).toEqual(full.filter((slot) => slot.start >= from && slot.end <= to));
      }),
      { numRuns: 150 },
    );
  });
});
