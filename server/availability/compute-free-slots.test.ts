import { describe, it, expect, afterEach } from 'vitest';
import { DateTime, Settings } from 'luxon';
import { computeFreeSlots } from './compute-free-slots';
import { clearOffsetTimelineCache } from './offset-timeline';
import type { ComputeFreeSlotsOptions, FreeSlot } from './types';
import { makeOptions } from './test-factories';

const HOUR = 3_600_000;


/** Unambiguous local time → instant (luxon as the oracle). */
const local = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

/** Slot starts as local `yyyy-MM-ddTHH:mm±hh:mm` labels, the way a person reads them. */
const labels = (slots: FreeSlot[], zone: string) =>
  slots.map((slot) => DateTime.fromMillis(slot.start, { zone }).toISO({ suppressSeconds: true, suppressMilliseconds: true }));

const totalHours = (slots: FreeSlot[]) => slots.reduce((sum, slot) => sum + (slot.end - slot.start), 0) / HOUR;

describe('rule 1: weekly rules expand per local date in the spokesperson’s zone', () => {
  it('offers a Monday rule on Kiritimati’s Monday, which is still Sunday in UTC', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'Pacific/Kiritimati',
        weeklyRules: [{ weekday: 1, start: '09:00', end: '10:00' }],
        from: Date.UTC(2027, 5, 6),
        to: Date.UTC(2027, 5, 9),
      }),
    );
    expect(slots).toEqual([{ start: Date.UTC(2027, 5, 6, 19), end: Date.UTC(2027, 5, 6, 20), localDate: '2027-06-07' }]);
    expect(new Date(slots[0]!.start).getUTCDay()).toBe(0); // Sunday in UTC
  });

  it('offers a Sunday-evening rule in Los Angeles on Sunday although it is Monday in UTC', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'America/Los_Angeles',
        weeklyRules: [{ weekday: 7, start: '20:00', end: '21:00' }],
        from: Date.UTC(2027, 5, 6),
        to: Date.UTC(2027, 5, 9),
      }),
    );
    expect(labels(slots, 'America/Los_Angeles')).toEqual(['2027-06-06T20:00-07:00']);
    expect(slots[0]!.localDate).toBe('2027-06-06');
  });
});

describe('rule 2: a range is the real time between its wall-clock ends', () => {
  const newYork = 'America/New_York';

  it('spring-forward: 01:00–04:00 on 2027-03-14 in New York is two hours with no start in the gap', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: newYork,
        weeklyRules: [{ weekday: 7, start: '01:00', end: '04:00' }],
        durationMinutes: 30,
        stepMinutes: 30,
        from: Date.UTC(2027, 2, 14),
        to: Date.UTC(2027, 2, 15),
      }),
    );
    expect(slots[0]!.start).toBe(Date.UTC(2027, 2, 14, 6));
    expect(slots.at(-1)!.end).toBe(Date.UTC(2027, 2, 14, 8));
    expect(totalHours(slots)).toBe(2);
    expect(labels(slots, newYork)).toEqual([
      '2027-03-14T01:00-05:00',
      '2027-03-14T01:30-05:00',
      '2027-03-14T03:00-04:00',
      '2027-03-14T03:30-04:00',
    ]);
  });

  it('spring-forward: a range starting inside the gap starts when the clock jumps', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: newYork,
        weeklyRules: [{ weekday: 7, start: '02:30', end: '04:00' }],
        durationMinutes: 30,
        stepMinutes: 30,
        from: Date.UTC(2027, 2, 14),
        to: Date.UTC(2027, 2, 15),
      }),
    );
    expect(labels(slots, newYork)).toEqual(['2027-03-14T03:00-04:00', '2027-03-14T03:30-04:00']);
  });

  it('fall-back: 00:00–03:00 on 2027-11-07 in New York is four hours, the repeated hour offered twice', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: newYork,
        weeklyRules: [{ weekday: 7, start: '00:00', end: '03:00' }],
        from: Date.UTC(2027, 10, 7),
        to: Date.UTC(2027, 10, 8),
      }),
    );
    expect(slots[0]!.start).toBe(Date.UTC(2027, 10, 7, 4));
    expect(slots.at(-1)!.end).toBe(Date.UTC(2027, 10, 7, 8));
    expect(labels(slots, newYork)).toEqual([
      '2027-11-07T00:00-04:00',
      '2027-11-07T01:00-04:00',
      '2027-11-07T01:00-05:00',
      '2027-11-07T02:00-05:00',
    ]);
  });

  it('fall-back: a range ending at an ambiguous time ends at its first occurrence', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: newYork,
        weeklyRules: [{ weekday: 7, start: '00:00', end: '01:30' }],
        durationMinutes: 30,
        stepMinutes: 30,
        from: Date.UTC(2027, 10, 7),
        to: Date.UTC(2027, 10, 8),
      }),
    );
    expect(labels(slots, newYork)).toEqual(['2027-11-07T00:00-04:00', '2027-11-07T00:30-04:00', '2027-11-07T01:00-04:00']);
  });

  it('fall-back east of UTC: Zurich 02:00–04:00 on 2027-10-31 starts at the first 02:00 and lasts three hours', () => {
    const slots = computeFreeSlots(
      makeOptions({
        weeklyRules: [{ weekday: 7, start: '02:00', end: '04:00' }],
        from: Date.UTC(2027, 9, 30),
        to: Date.UTC(2027, 10, 1),
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual([
      '2027-10-31T02:00+02:00',
      '2027-10-31T02:00+01:00',
      '2027-10-31T03:00+01:00',
    ]);
  });

  it('Lord Howe’s 30-minute shifts: 4.5 hours on 2027-04-04 and 2.5 hours on 2027-10-03', () => {
    const lordHowe = 'Australia/Lord_Howe';
    const april = computeFreeSlots(
      makeOptions({
        timeZone: lordHowe,
        weeklyRules: [{ weekday: 7, start: '00:00', end: '04:00' }],
        durationMinutes: 30,
        stepMinutes: 30,
        from: Date.UTC(2027, 3, 3),
        to: Date.UTC(2027, 3, 5),
      }),
    );
    expect(april[0]!.start).toBe(Date.UTC(2027, 3, 3, 13));
    expect(april.at(-1)!.end).toBe(Date.UTC(2027, 3, 3, 17, 30));
    expect(totalHours(april)).toBe(4.5);
    expect(labels(april, lordHowe)).toContain('2027-04-04T01:30+11:00');
    expect(labels(april, lordHowe)).toContain('2027-04-04T01:30+10:30');

    const october = computeFreeSlots(
      makeOptions({
        timeZone: lordHowe,
        weeklyRules: [{ weekday: 7, start: '01:00', end: '04:00' }],
        durationMinutes: 30,
        stepMinutes: 30,
        from: Date.UTC(2027, 9, 2),
        to: Date.UTC(2027, 9, 4),
      }),
    );
    expect(totalHours(october)).toBe(2.5);
    expect(labels(october, lordHowe)).toEqual([
      '2027-10-03T01:00+10:30',
      '2027-10-03T01:30+10:30',
      '2027-10-03T02:30+11:00',
      '2027-10-03T03:00+11:00',
      '2027-10-03T03:30+11:00',
    ]);
  });

  it('a midnight that does not exist (Havana) starts the day when the clock jumps to 01:00', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'America/Havana',
        weeklyRules: [{ weekday: 7, start: '00:00', end: '03:00' }],
        from: Date.UTC(2027, 2, 13),
        to: Date.UTC(2027, 2, 16),
      }),
    );
    expect(labels(slots, 'America/Havana')).toEqual(['2027-03-14T01:00-04:00', '2027-03-14T02:00-04:00']);
    expect(slots.every((slot) => slot.localDate === '2027-03-14')).toBe(true);
  });
});

describe('rule 3: ranges of a date merge, and slots follow the range’s own step grid', () => {
  const monday = { from: Date.UTC(2027, 2, 22), to: Date.UTC(2027, 2, 23) };

  it('merges touching ranges so a slot may span the boundary', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...monday,
        weeklyRules: [
          { weekday: 1, start: '10:00', end: '11:00' },
          { weekday: 1, start: '09:00', end: '10:00' },
        ],
        durationMinutes: 90,
        stepMinutes: 30,
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-22T09:00+01:00', '2027-03-22T09:30+01:00']);
  });

  it('merges overlapping ranges and reports each start once', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...monday,
        weeklyRules: [
          { weekday: 1, start: '09:00', end: '10:30' },
          { weekday: 1, start: '10:00', end: '11:00' },
        ],
        durationMinutes: 60,
        stepMinutes: 30,
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-22T09:00+01:00', '2027-03-22T09:30+01:00', '2027-03-22T10:00+01:00']);
  });

  it('steps from the range start, not from the window start or the hour', () => {
    const slots = computeFreeSlots(
      makeOptions({
        weeklyRules: [{ weekday: 1, start: '09:10', end: '11:00' }],
        durationMinutes: 30,
        stepMinutes: 20,
        from: local('Europe/Zurich', '2027-03-22T09:15'),
        to: Date.UTC(2027, 2, 23),
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual([
      '2027-03-22T09:30+01:00',
      '2027-03-22T09:50+01:00',
      '2027-03-22T10:10+01:00',
      '2027-03-22T10:30+01:00',
    ]);
  });
});

describe('rule 4: overrides replace one local date’s weekly ranges', () => {
  const week = { from: Date.UTC(2027, 2, 21), to: Date.UTC(2027, 2, 28) };

  it('replaces that date’s hours, and an empty override closes the date', () => {
    const slots = computeFreeSlots(
      makeOptions({
        from: Date.UTC(2027, 2, 21),
        to: Date.UTC(2027, 2, 31),
        weeklyRules: [{ weekday: 1, start: '09:00', end: '10:00' }],
        overrides: [
          { date: '2027-03-22', ranges: [{ start: '14:00', end: '15:00' }] },
          { date: '2027-03-29', ranges: [] },
        ],
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-22T14:00+01:00']);
  });

  it('adds hours on a date that has no weekly rule, and combines two overrides of one date', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...week,
        overrides: [
          { date: '2027-03-27', ranges: [{ start: '10:00', end: '11:00' }] },
          { date: '2027-03-27', ranges: [{ start: '15:00', end: '16:00' }] },
        ],
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-27T10:00+01:00', '2027-03-27T15:00+01:00']);
  });

  it('an overnight range 22:00–02:00 runs into the next date and keeps that date’s slots labelled with it', () => {
    const slots = computeFreeSlots(makeOptions({ ...week, weeklyRules: [{ weekday: 1, start: '22:00', end: '02:00' }] }));
    expect(labels(slots, 'Europe/Zurich')).toEqual([
      '2027-03-22T22:00+01:00',
      '2027-03-22T23:00+01:00',
      '2027-03-23T00:00+01:00',
      '2027-03-23T01:00+01:00',
    ]);
    expect(slots.map((slot) => slot.localDate)).toEqual(['2027-03-22', '2027-03-22', '2027-03-23', '2027-03-23']);
  });

  it('closing the next date leaves the overnight part of the previous date’s range alone', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...week,
        weeklyRules: [{ weekday: 1, start: '22:00', end: '02:00' }],
        overrides: [{ date: '2027-03-23', ranges: [] }],
      }),
    );
    expect(slots).toHaveLength(4);
  });

  it('overriding the start date replaces its overnight range, including the hours after midnight', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...week,
        weeklyRules: [{ weekday: 1, start: '22:00', end: '02:00' }],
        overrides: [{ date: '2027-03-22', ranges: [{ start: '23:00', end: '01:00' }] }],
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-22T23:00+01:00', '2027-03-23T00:00+01:00']);
  });

  it('an end of 24:00 means the end of the day', () => {
    const slots = computeFreeSlots(
      makeOptions({ ...week, weeklyRules: [{ weekday: 2, start: '22:00', end: '24:00' }] }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-23T22:00+01:00', '2027-03-23T23:00+01:00']);
  });
});

describe('rule 5: buffers, bookings and time off', () => {
  const zurich = (time: string) => local('Europe/Zurich', `2027-03-22T${time}`);
  const monday = {
    weeklyRules: [{ weekday: 1 as const, start: '09:00', end: '17:00' }],
    from: Date.UTC(2027, 2, 22),
    to: Date.UTC(2027, 2, 23),
    durationMinutes: 30,
    stepMinutes: 15,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
  };

  it('keeps a slot’s widened interval clear of a booking widened by its own recorded buffers', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...monday,
        bookings: [{ start: zurich('11:00'), end: zurich('12:00'), bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }],
      }),
    );
    const starts = labels(slots, 'Europe/Zurich');
    // Slot [s-10, s+40) must not overlap [10:45, 12:15): s <= 10:05, or s >= 12:25.
    expect(starts).toContain('2027-03-22T10:00+01:00');
    expect(starts).not.toContain('2027-03-22T10:15+01:00');
    expect(starts).not.toContain('2027-03-22T12:15+01:00');
    expect(starts).toContain('2027-03-22T12:30+01:00');
  });

  it('widens a booking without recorded buffers by the spokesperson’s current buffers', () => {
    const slots = computeFreeSlots(makeOptions({ ...monday, bookings: [{ start: zurich('14:00'), end: zurich('15:00') }] }));
    const starts = labels(slots, 'Europe/Zurich');
    // Booking widened to [13:50, 15:10): s <= 13:10 or s >= 15:20.
    expect(starts).toContain('2027-03-22T13:00+01:00');
    expect(starts).not.toContain('2027-03-22T13:15+01:00');
    expect(starts).not.toContain('2027-03-22T15:15+01:00');
    expect(starts).toContain('2027-03-22T15:30+01:00');
  });

  it('without buffers, back-to-back interviews are fine', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...monday,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        durationMinutes: 60,
        stepMinutes: 60,
        bookings: [{ start: zurich('10:00'), end: zurich('11:00') }],
      }),
    );
    expect(labels(slots, 'Europe/Zurich').slice(0, 2)).toEqual(['2027-03-22T09:00+01:00', '2027-03-22T11:00+01:00']);
  });

  it('keeps the slot’s widened interval out of time off, which is not widened itself', () => {
    const slots = computeFreeSlots(
      makeOptions({ ...monday, timeOff: [{ start: zurich('12:00'), end: zurich('16:00') }] }),
    );
    const starts = labels(slots, 'Europe/Zurich');
    // [s-10, s+40) clear of [12:00, 16:00): s <= 11:20, or s >= 16:10.
    expect(starts).toContain('2027-03-22T11:15+01:00');
    expect(starts).not.toContain('2027-03-22T11:30+01:00');
    expect(starts).toContain('2027-03-22T16:15+01:00');
    expect(starts.at(-1)).toBe('2027-03-22T16:30+01:00');
  });

  it('time off spanning days removes every slot in it', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...monday,
        weeklyRules: [1, 2, 3].map((weekday) => ({ weekday: weekday as 1 | 2 | 3, start: '09:00', end: '10:00' })),
        to: Date.UTC(2027, 2, 25),
        timeOff: [{ start: Date.UTC(2027, 2, 22, 12), end: Date.UTC(2027, 2, 24, 7) }],
      }),
    );
    expect(new Set(slots.map((slot) => slot.localDate))).toEqual(new Set(['2027-03-22', '2027-03-24']));
  });
});

describe('rule 6: notice, horizon and window', () => {
  const base = {
    weeklyRules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, start: '09:00', end: '12:00' })),
    durationMinutes: 30,
    stepMinutes: 30,
  };

  it('offers nothing that starts before now + minimum notice', () => {
    const now = local('Europe/Zurich', '2027-03-22T08:07');
    const slots = computeFreeSlots(makeOptions({ ...base, now, from: now, to: now + 6 * HOUR, minimumNoticeMinutes: 60 }));
    expect(labels(slots, 'Europe/Zurich')[0]).toBe('2027-03-22T09:30+01:00');
  });

  it('offers nothing that starts at or after now + horizon', () => {
    const now = local('Europe/Zurich', '2027-03-22T10:00');
    const slots = computeFreeSlots(makeOptions({ ...base, now, from: now, to: now + 10 * 24 * HOUR, horizonDays: 1 }));
    expect(labels(slots, 'Europe/Zurich')).toEqual([
      '2027-03-22T10:00+01:00',
      '2027-03-22T10:30+01:00',
      '2027-03-22T11:00+01:00',
      '2027-03-22T11:30+01:00',
      '2027-03-23T09:00+01:00',
      '2027-03-23T09:30+01:00',
    ]);
  });

  it('keeps slots inside [from, to): start at or after from, end at or before to', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...base,
        from: local('Europe/Zurich', '2027-03-22T09:45'),
        to: local('Europe/Zurich', '2027-03-22T11:00'),
      }),
    );
    expect(labels(slots, 'Europe/Zurich')).toEqual(['2027-03-22T10:00+01:00', '2027-03-22T10:30+01:00']);
  });

  it('returns nothing for an empty or inverted window', () => {
    expect(computeFreeSlots(makeOptions({ ...base, from: Date.UTC(2027, 2, 22), to: Date.UTC(2027, 2, 22) }))).toEqual([]);
    expect(computeFreeSlots(makeOptions({ ...base, from: Date.UTC(2027, 2, 23), to: Date.UTC(2027, 2, 22) }))).toEqual([]);
  });
});

describe('rule 7: daily cap on the spokesperson’s local date', () => {
  const zurich = (iso: string) => local('Europe/Zurich', iso);
  const twoDays = {
    weeklyRules: [1, 2].map((weekday) => ({ weekday: weekday as 1 | 2, start: '14:00', end: '16:00' })),
    from: Date.UTC(2027, 2, 22),
    to: Date.UTC(2027, 2, 24),
    maxPerDay: 2,
  };

  it('closes a local date once it holds maxPerDay bookings, counting by local date not UTC date', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...twoDays,
        bookings: [
          // 00:30 on Tuesday in Zurich is 23:30Z on Monday: it counts for Tuesday.
          { start: zurich('2027-03-23T00:30'), end: zurich('2027-03-23T01:00') },
          { start: zurich('2027-03-23T08:00'), end: zurich('2027-03-23T09:00') },
          { start: zurich('2027-03-22T23:00'), end: zurich('2027-03-22T23:30') },
        ],
      }),
    );
    expect(new Set(slots.map((slot) => slot.localDate))).toEqual(new Set(['2027-03-22']));
  });

  it('ignores holds marked countsTowardCap: false for the cap (they still block their own time)', () => {
    const slots = computeFreeSlots(
      makeOptions({
        ...twoDays,
        bookings: [
          { start: zurich('2027-03-23T08:00'), end: zurich('2027-03-23T09:00') },
          { start: zurich('2027-03-23T14:00'), end: zurich('2027-03-23T15:00'), countsTowardCap: false },
        ],
      }),
    );
    expect(labels(slots, 'Europe/Zurich').filter((label) => label!.startsWith('2027-03-23'))).toEqual([
      '2027-03-23T15:00+01:00',
    ]);
  });

  it('a cap of null is no cap, and a cap of zero offers nothing', () => {
    const bookings = [1, 2, 3].map((hour) => ({ start: zurich(`2027-03-22T0${hour}:00`), end: zurich(`2027-03-22T0${hour}:30`) }));
    expect(computeFreeSlots(makeOptions({ ...twoDays, bookings, maxPerDay: null }))).toHaveLength(4);
    expect(computeFreeSlots(makeOptions({ ...twoDays, maxPerDay: 0 }))).toEqual([]);
  });
});

describe('rule 8: sorted, unique, deterministic', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  it('reports a start once when an overnight range overlaps the next date’s range', () => {
    const slots = computeFreeSlots(
      makeOptions({
        weeklyRules: [
          { weekday: 1, start: '22:00', end: '04:00' },
          { weekday: 2, start: '01:00', end: '03:00' },
        ],
        from: Date.UTC(2027, 2, 22),
        to: Date.UTC(2027, 2, 24),
      }),
    );
    const starts = slots.map((slot) => slot.start);
    expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
    expect(labels(slots, 'Europe/Zurich')).toEqual([
      '2027-03-22T22:00+01:00',
      '2027-03-22T23:00+01:00',
      '2027-03-23T00:00+01:00',
      '2027-03-23T01:00+01:00',
      '2027-03-23T02:00+01:00',
      '2027-03-23T03:00+01:00',
    ]);
  });

  it('gives the same answer whatever process.env.TZ is and whatever date luxon thinks it is', () => {
    const options = makeOptions({
      timeZone: 'America/New_York',
      weeklyRules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, start: '00:00', end: '03:00' })),
      overrides: [{ date: '2027-03-16', ranges: [{ start: '22:00', end: '01:30' }] }],
      bookings: [{ start: Date.UTC(2027, 10, 7, 5), end: Date.UTC(2027, 10, 7, 5, 30) }],
      durationMinutes: 30,
      stepMinutes: 30,
      maxPerDay: 3,
      from: Date.UTC(2027, 2, 10),
      to: Date.UTC(2027, 10, 10),
    });
    const original = process.env.TZ;
    const answers: string[] = [];
    try {
      for (const [zone, now] of [
        ['Asia/Kathmandu', Date.UTC(2027, 0, 15)],
        ['America/Los_Angeles', Date.UTC(2027, 6, 15)],
        ['Pacific/Kiritimati', Date.UTC(2027, 6, 15)],
        ['UTC', Date.UTC(2027, 0, 15)],
      ] as const) {
        process.env.TZ = zone;
        Settings.now = () => now;
        clearOffsetTimelineCache();
        answers.push(JSON.stringify(computeFreeSlots(options)));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(answers).size).toBe(1);
  });
});

describe('input checks', () => {
  it.each([
    ['a start of 24:00', { weeklyRules: [{ weekday: 1 as const, start: '24:00', end: '24:00' }] }],
    ['an hour of 25', { weeklyRules: [{ weekday: 1 as const, start: '09:00', end: '25:00' }] }],
    ['a single-digit hour', { weeklyRules: [{ weekday: 1 as const, start: '9:00', end: '10:00' }] }],
    ['weekday 8', { weeklyRules: [{ weekday: 8 as 1, start: '09:00', end: '10:00' }] }],
    ['a non-existent override date', { overrides: [{ date: '2027-02-30', ranges: [] }] }],
    ['a zero duration', { durationMinutes: 0 }],
    ['a zero step', { stepMinutes: 0 }],
    ['a negative buffer', { bufferAfterMinutes: -5 }],
    ['a negative notice', { minimumNoticeMinutes: -1 }],
    ['a fractional cap', { maxPerDay: 1.5 }],
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }],
    ['a server-dependent zone', { timeZone: 'local' }],
    ['a window of decades', { from: 0, to: Date.UTC(2100, 0, 1) }],
  ])('throws RangeError for %s', (_name, overrides) => {
    expect(() => computeFreeSlots(makeOptions(overrides as Partial<ComputeFreeSlotsOptions>))).toThrow(RangeError);
  });
});
