import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFreeSlots } from './compute-free-slots';
import { formatSlotsByViewerDate, writeSlotsByViewerDate } from './format-slot';
import { recordCalendarCoverage } from './calendar-cache';
import { freeSlotsInWindow } from './slot-lists';
import type { SpokespersonCalendar } from './load-calendars';
import { TRICKY_ZONES } from './tricky-zones.test-fixture';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1, 8, 17, 23, 456);

function makeCalendar(overrides: Partial<SpokespersonCalendar['engine']> = {}): SpokespersonCalendar {
  const engine: SpokespersonCalendar['engine'] = {
    timeZone: 'America/New_York',
    weeklyRules: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday: weekday as 1, start: '08:00', end: '11:00' },
      { weekday: weekday as 1, start: '22:00', end: '02:30' },
    ]),
    overrides: [{ date: '2027-03-14', ranges: [{ start: '01:00', end: '04:00' }] }, { date: '2027-03-20', ranges: [] }],
    timeOff: [{ start: NOW + 9 * DAY, end: NOW + 11 * DAY }],
    bookings: Array.from({ length: 60 }, (_, index) => ({ start: NOW + index * 1.3 * DAY + index * 17 * MINUTE, end: NOW + index * 1.3 * DAY + (index * 17 + 30) * MINUTE })),
    stepMinutes: 15,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 5,
    minimumNoticeMinutes: 120,
    maxPerDay: 4,
    horizonDays: 90,
    ...overrides,
  };
  const calendar: SpokespersonCalendar = {
    id: 'sp1', name: 'Test', slug: 'test', title: 'T', email: 't@example.org', holdSlots: false, languages: ['en'], topics: [], formats: ['phone'],
    timeZone: engine.timeZone, defaultDurationMinutes: 30, allowedDurations: [30, 45, 60], engine,
  };
  recordCalendarCoverage(calendar, { from: NOW - 2 * DAY, to: NOW + 370 * DAY });
  return calendar;
}

describe('free slots of a window from the shared horizon list', () => {
  it('equal what the engine computes for that window, whatever the window, duration and moment within the hour', () => {
    const calendar = makeCalendar();
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 24 * 60, max: 100 * 24 * 60 }),
        fc.integer({ min: 1, max: 40 * 24 * 60 }),
        fc.constantFrom(30, 45, 60),
        fc.integer({ min: 0, max: 3_599_999 }),
        (startMinute, lengthMinutes, durationMinutes, withinHour) => {
          const now = Math.floor(NOW / (60 * MINUTE)) * 60 * MINUTE + withinHour;
          const from = NOW + startMinute * MINUTE;
          const to = from + lengthMinutes * MINUTE;
          const direct = computeFreeSlots({ ...calendar.engine, durationMinutes, now, from, to });
          const shared = freeSlotsInWindow(calendar, { durationMinutes, from: new Date(from), to: new Date(to), now: new Date(now) });
          expect(shared.list).not.toBeNull();
          expect(shared.slots.map((slot) => [slot.start, slot.end])).toEqual(direct.map((slot) => [slot.start, slot.end]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('honour the exact horizon and notice of each moment, not the hour the list was computed for', () => {
    const calendar = makeCalendar({ minimumNoticeMinutes: 0, stepMinutes: 1, horizonDays: 2, bookings: [], timeOff: [], weeklyRules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, start: '00:00', end: '24:00' })) });
    for (const seconds of [0, 1, 30, 59, 61, 1799, 3599]) {
      const now = Math.floor(NOW / (60 * MINUTE)) * 60 * MINUTE + seconds * 1000;
      const window = { durationMinutes: 30, from: new Date(now - DAY), to: new Date(now + 3 * DAY), now: new Date(now) };
      const direct = computeFreeSlots({ ...calendar.engine, durationMinutes: 30, now, from: now - DAY, to: now + 3 * DAY });
      expect(freeSlotsInWindow(calendar, window).slots.map((slot) => slot.start)).toEqual(direct.map((slot) => slot.start));
    }
  });

  it('fall back to the engine for calendars read for one window only', () => {
    const calendar = { ...makeCalendar() };
    const result = freeSlotsInWindow(calendar, { durationMinutes: 30, from: new Date(NOW), to: new Date(NOW + 7 * DAY), now: new Date(NOW) });
    expect(result.list).toBeNull();
    expect(result.slots).toEqual(computeFreeSlots({ ...calendar.engine, durationMinutes: 30, now: NOW, from: NOW, to: NOW + 7 * DAY }));
  });
});

describe('slot days written as JSON bytes', () => {
  it.each(TRICKY_ZONES.slice(0, 8))('equal JSON.stringify of the objects for a viewer in %s, with and without the shared spokesperson texts', (viewerTimeZone) => {
    const calendar = makeCalendar();
    const window = { durationMinutes: 45, from: new Date(NOW), to: new Date(NOW + 21 * DAY), now: new Date(NOW) };
    const { slots, list, first, end } = freeSlotsInWindow(calendar, window);
    expect(slots.length).toBeGreaterThan(20);
    const options = { viewerTimeZone, spokespersonTimeZone: calendar.timeZone };
    const expected = JSON.stringify(formatSlotsByViewerDate(slots, options));
    expect(writeSlotsByViewerDate(slots, options).toString('utf8')).toBe(expected);
    const shared = { ...options, first, end, spokesperson: list!.spokesperson };
    expect(writeSlotsByViewerDate(list!.slots, shared).toString('utf8')).toBe(expected);
    // Twice: the second answer copies the spokesperson texts the first one wrote.
    expect(writeSlotsByViewerDate(list!.slots, { ...shared, prefix: '{"ä":', suffix: '}' }).toString('utf8')).toBe(`{"ä":${expected}}`);
    expect(writeSlotsByViewerDate([], options).toString('utf8')).toBe('[]');
  });
});
