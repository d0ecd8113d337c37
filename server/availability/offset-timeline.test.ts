import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { DateTime, IANAZone, Settings } from 'luxon';
import {
  clearOffsetTimelineCache,
  convertWallTimeToInstant,
  createInstantFormatter,
  formatInstantIso,
  formatLocalDate,
  getLocalWeekday,
  getOffsetAt,
  getOffsetTimeline,
  getOffsetTimelineCacheSizes,
  resolveLocalWallTime,
  resolveZone,
} from './offset-timeline';
import { TRICKY_ZONES } from './tricky-zones.test-fixture';

const DAY = 86_400_000;
const MIN_INSTANT = Date.UTC(1975, 0, 1);
const MAX_INSTANT = Date.UTC(2100, 0, 1);

/** What a formatter's byte writer writes for `instant`, as text (with bytes around it, which it must leave alone). */
function written(formatter: ReturnType<typeof createInstantFormatter>, method: 'writeIso' | 'writeDate', instant: number): string {
  const target = new Uint8Array(40).fill(35);
  const end = formatter[method](target, 2, instant);
  expect([target[0], target[1], target[end]]).toEqual([35, 35, 35]);
  return Buffer.from(target.subarray(2, end)).toString('latin1');
}

const luxonIso = (instant: number, zone: string) =>
  DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true });

describe('offset timeline formatting matches luxon', () => {
  it('formats random instants in tricky zones exactly like luxon toISO, toISODate and weekday', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRICKY_ZONES),
        fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT - 200 * DAY }),
        fc.array(fc.integer({ min: 0, max: 200 * DAY }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (zone, base, deltas, wholeMinutes) => {
          const instants = deltas.map((delta) => (wholeMinutes ? Math.floor((base + delta) / 60_000) * 60_000 : base + delta));
          const timeline = getOffsetTimeline(zone, base, base + 200 * DAY);
          const formatter = createInstantFormatter(timeline);
          for (const instant of instants) {
            const expected = DateTime.fromMillis(instant, { zone });
            expect(formatInstantIso(timeline, instant)).toBe(expected.toISO({ suppressMilliseconds: true }));
            expect(formatter.formatIso(instant)).toBe(expected.toISO({ suppressMilliseconds: true }));
            expect(formatter.formatDate(instant)).toBe(expected.toISODate());
            expect(written(formatter, 'writeIso', instant)).toBe(expected.toISO({ suppressMilliseconds: true }));
            expect(written(formatter, 'writeDate', instant)).toBe(expected.toISODate());
            expect(formatLocalDate(timeline, instant)).toBe(expected.toISODate());
            expect(getLocalWeekday(timeline, instant)).toBe(expected.weekday);
            expect(getOffsetAt(timeline, instant)).toBe(expected.offset);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('formats the instants right around every offset change exactly like luxon', () => {
    for (const zone of TRICKY_ZONES) {
      const timeline = getOffsetTimeline(zone, Date.UTC(2024, 0, 1), Date.UTC(2031, 0, 1));
      for (const change of timeline.changeInstants) {
        for (const instant of [change - 60_000, change - 1000, change - 1, change, change + 1, change + 60_000]) {
          expect(formatInstantIso(timeline, instant)).toBe(luxonIso(instant, zone));
        }
      }
    }
  });

  it('finds each change at the exact millisecond luxon reports it', () => {
    for (const zone of TRICKY_ZONES) {
      const luxonZone = IANAZone.create(zone);
      const timeline = getOffsetTimeline(zone, Date.UTC(2024, 0, 1), Date.UTC(2031, 0, 1));
      timeline.changeInstants.forEach((change, index) => {
        expect(luxonZone.offset(change - 1)).toBe(timeline.offsetsMinutes[index]);
        expect(luxonZone.offset(change)).toBe(timeline.offsetsMinutes[index + 1]);
        expect(timeline.offsetsMinutes[index]).not.toBe(timeline.offsetsMinutes[index + 1]);
      });
      // Samples every 13 hours agree everywhere in between, so no change was missed.
      for (let instant = Date.UTC(2024, 0, 1); instant < Date.UTC(2031, 0, 1); instant += 13 * 3_600_000) {
        expect(getOffsetAt(timeline, instant)).toBe(luxonZone.offset(instant));
      }
    }
  });

  it('writes Z only for the fixed UTC zone, +00:00 for IANA zones at offset zero', () => {
    const instant = Date.UTC(2027, 0, 15, 12);
    for (const [zone, text] of [['UTC', '2027-01-15T12:00:00Z'], ['Etc/UTC', '2027-01-15T12:00:00+00:00'], ['UTC', '2027-01-15T12:00:00Z']]) {
      expect(written(createInstantFormatter(getOffsetTimeline(zone!, instant, instant)), 'writeIso', instant)).toBe(text);
    }
    expect(formatInstantIso(getOffsetTimeline('UTC', instant, instant), instant)).toBe('2027-01-15T12:00:00Z');
    expect(formatInstantIso(getOffsetTimeline('Etc/UTC', instant, instant), instant)).toBe('2027-01-15T12:00:00+00:00');
    expect(formatInstantIso(getOffsetTimeline('Europe/London', instant, instant), instant)).toBe('2027-01-15T12:00:00+00:00');
  });

  it('keeps milliseconds when they are not zero, as luxon does', () => {
    const instant = Date.UTC(2027, 5, 1, 8, 30, 15, 42);
    const timeline = getOffsetTimeline('Asia/Kathmandu', instant, instant);
    expect(formatInstantIso(timeline, instant)).toBe('2027-06-01T14:15:15.042+05:45');
    expect(formatInstantIso(timeline, instant)).toBe(luxonIso(instant, 'Asia/Kathmandu'));
  });

  it('answers outside the cover by asking luxon directly', () => {
    const timeline = getOffsetTimeline('Pacific/Chatham', Date.UTC(2027, 0, 1), Date.UTC(2027, 0, 2));
    const far = Date.UTC(2035, 6, 1, 3, 4, 5);
    expect(far).toBeGreaterThan(timeline.coverTo);
    expect(formatInstantIso(timeline, far)).toBe(luxonIso(far, 'Pacific/Chatham'));
  });
});

describe('known offsets and changes', () => {
  it.each([
    ['Asia/Kathmandu', Date.UTC(2027, 5, 1, 3, 15), '2027-06-01T09:00:00+05:45'],
    ['Asia/Kolkata', Date.UTC(2027, 5, 1, 3, 30), '2027-06-01T09:00:00+05:30'],
    ['Pacific/Kiritimati', Date.UTC(2027, 5, 1, 12), '2027-06-02T02:00:00+14:00'],
    ['Pacific/Chatham', Date.UTC(2027, 0, 10, 0), '2027-01-10T13:45:00+13:45'],
    ['Pacific/Chatham', Date.UTC(2027, 6, 10, 0), '2027-07-10T12:45:00+12:45'],
    ['America/St_Johns', Date.UTC(2027, 0, 10, 12), '2027-01-10T08:30:00-03:30'],
    ['America/St_Johns', Date.UTC(2027, 6, 10, 12), '2027-07-10T09:30:00-02:30'],
    ['Australia/Lord_Howe', Date.UTC(2027, 0, 10, 0), '2027-01-10T11:00:00+11:00'],
    ['Australia/Lord_Howe', Date.UTC(2027, 6, 10, 0), '2027-07-10T10:30:00+10:30'],
  ])('%s at %i is %s', (zone, instant, expected) => {
    expect(formatInstantIso(getOffsetTimeline(zone, instant, instant), instant)).toBe(expected);
  });

  it('finds Lord Howe’s 30-minute changes on the first Sundays of April and October', () => {
    const timeline = getOffsetTimeline('Australia/Lord_Howe', Date.UTC(2027, 0, 1), Date.UTC(2027, 11, 31));
    // 02:00 +11:00 → 01:30 +10:30 on Sunday 2027-04-04; 02:00 +10:30 → 02:30 +11:00 on Sunday 2027-10-03.
    expect(timeline.changeInstants).toEqual([Date.UTC(2027, 3, 3, 15, 0), Date.UTC(2027, 9, 2, 15, 30)]);
    expect(timeline.offsetsMinutes).toEqual([660, 630, 660]);
  });
});

describe('resolving wall-clock times', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  const resolve = (zone: string, year: number, month: number, day: number, hour: number, minute = 0) =>
    convertWallTimeToInstant(
      getOffsetTimeline(zone, Date.UTC(year, month - 1, day) - 3 * DAY, Date.UTC(year, month - 1, day) + 3 * DAY),
      year,
      month,
      day,
      hour * 60 + minute,
    );

  it('resolves an ordinary wall time to its only instant', () => {
    expect(resolve('Europe/Zurich', 2027, 3, 22, 9)).toBe(Date.UTC(2027, 2, 22, 8));
    expect(resolve('Asia/Kathmandu', 2027, 3, 22, 9)).toBe(Date.UTC(2027, 2, 22, 3, 15));
  });

  it('resolves a wall time in the spring-forward gap to the instant the clock jumps', () => {
    // New York 2027-03-14: 02:00 EST → 03:00 EDT at 07:00Z.
    expect(resolve('America/New_York', 2027, 3, 14, 2, 0)).toBe(Date.UTC(2027, 2, 14, 7));
    expect(resolve('America/New_York', 2027, 3, 14, 2, 30)).toBe(Date.UTC(2027, 2, 14, 7));
    expect(resolve('America/New_York', 2027, 3, 14, 3, 0)).toBe(Date.UTC(2027, 2, 14, 7));
    // Zurich 2027-03-28: 02:00 CET → 03:00 CEST at 01:00Z.
    expect(resolve('Europe/Zurich', 2027, 3, 28, 2, 30)).toBe(Date.UTC(2027, 2, 28, 1));
    // Lord Howe 2027-10-03: 02:00 +10:30 → 02:30 +11:00 at 15:30Z the day before.
    expect(resolve('Australia/Lord_Howe', 2027, 10, 3, 2, 15)).toBe(Date.UTC(2027, 9, 2, 15, 30));
    // Havana 2027-03-14: midnight does not exist (00:00 → 01:00).
    expect(resolve('America/Havana', 2027, 3, 14, 0, 0)).toBe(Date.UTC(2027, 2, 14, 5));
  });

  it('resolves an ambiguous fall-back wall time to its earlier occurrence, west and east of UTC', () => {
    // New York 2027-11-07: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(resolve('America/New_York', 2027, 11, 7, 1, 30)).toBe(Date.UTC(2027, 10, 7, 5, 30));
    // Zurich 2027-10-31: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(resolve('Europe/Zurich', 2027, 10, 31, 2, 30)).toBe(Date.UTC(2027, 9, 31, 0, 30));
    // Lord Howe 2027-04-04: 01:45 happens at 14:45Z (+11) and 15:15Z (+10:30).
    expect(resolve('Australia/Lord_Howe', 2027, 4, 4, 1, 45)).toBe(Date.UTC(2027, 3, 3, 14, 45));
  });

  it('does not depend on the current date, unlike luxon’s DateTime.fromObject', () => {
    const wall = { year: 2027, month: 11, day: 7, hour: 1, minute: 30 };
    const answers = new Set<number>();
    const luxonAnswers = new Set<number>();
    for (const now of [Date.UTC(2027, 0, 15), Date.UTC(2027, 6, 15)]) {
      Settings.now = () => now;
      clearOffsetTimelineCache();
      answers.add(resolve('America/New_York', 2027, 11, 7, 1, 30));
      luxonAnswers.add(DateTime.fromObject(wall, { zone: 'America/New_York' }).toMillis());
    }
    expect([...answers]).toEqual([Date.UTC(2027, 10, 7, 5, 30)]);
    // The reason this module does not use fromObject: its fold choice follows today's offset.
    expect(luxonAnswers.size).toBe(2);
  });

  it('is the earliest instant whose local reading is at or after the wall time (luxon as oracle)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRICKY_ZONES),
        fc.integer({ min: 2024, max: 2032 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, year, month, day, minutes) => {
          const localMs = Date.UTC(year, month - 1, day) + minutes * 60_000;
          const timeline = getOffsetTimeline(zone, localMs - 2 * DAY, localMs + 2 * DAY);
          const instant = resolveLocalWallTime(timeline, localMs);
          const readingAt = (t: number) => {
            const local = DateTime.fromMillis(t, { zone });
            return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
          };
          expect(readingAt(instant)).toBeGreaterThanOrEqual(localMs);
          // Nothing earlier reads >= W: check every minute back to 15 h before.
          for (let t = instant - 60_000; t > instant - 15 * 3_600_000; t -= 60_000) {
            expect(readingAt(t)).toBeLessThan(localMs);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('zones and caching', () => {
  it('rejects unknown zones and zones that depend on the server', () => {
    expect(() => resolveZone('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => resolveZone('local')).toThrow(RangeError);
    expect(() => resolveZone('system')).toThrow(RangeError);
    expect(() => getOffsetTimeline('Europe/Zurich', 0, 20 * 365 * DAY)).toThrow(RangeError);
  });

  it('keeps its caches bounded however many windows are asked for', () => {
    clearOffsetTimelineCache();
    // Fixed zones build chunks with one offset() call, so this is fast.
    for (let index = 0; index < 5000; index++) {
      getOffsetTimeline('UTC', index * 32 * DAY, index * 32 * DAY + DAY);
    }
    const sizes = getOffsetTimelineCacheSizes();
    expect(sizes.chunks).toBeLessThanOrEqual(4096);
    expect(sizes.timelines).toBeLessThanOrEqual(256);
    clearOffsetTimelineCache();
  });

  it('reuses a cached timeline for a nearby window', () => {
    const first = getOffsetTimeline('Asia/Kathmandu', Date.UTC(2027, 5, 1), Date.UTC(2027, 5, 20));
    const second = getOffsetTimeline('Asia/Kathmandu', Date.UTC(2027, 5, 2), Date.UTC(2027, 5, 21));
    expect(second).toBe(first);
  });

  it('gives the same answers whatever process.env.TZ is', () => {
    const original = process.env.TZ;
    const instants = [Date.UTC(2027, 2, 14, 7), Date.UTC(2027, 9, 31, 0, 30), Date.UTC(2027, 3, 3, 15)];
    const render = () => {
      clearOffsetTimelineCache();
      const timeline = getOffsetTimeline('Australia/Lord_Howe', Date.UTC(2027, 0, 1), Date.UTC(2027, 11, 1));
      return instants.map((instant) => formatInstantIso(timeline, instant));
    };
    try {
      process.env.TZ = 'America/Los_Angeles';
      const inLosAngeles = render();
      process.env.TZ = 'Pacific/Kiritimati';
      const inKiritimati = render();
      expect(inKiritimati).toEqual(inLosAngeles);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
