import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import { computeFreeSlots } from './compute-free-slots';
import { formatSlots } from './format-slot';
import type { WeeklyRule } from './types';
import { makeOptions } from './test-factories';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;


const dailyAt = (start: string, end: string): WeeklyRule[] => EVERY_DAY.map((weekday) => ({ weekday, start, end }));

describe('formatSlots', () => {
  it('shows a Zurich 09:00 rule at 04:00 New York time between the two DST changes, 03:00 otherwise', () => {
    const slots = computeFreeSlots(
      makeOptions({ weeklyRules: dailyAt('09:00', '10:00'), from: Date.UTC(2027, 2, 7), to: Date.UTC(2027, 3, 4) }),
    );
    const formatted = formatSlots(slots, { viewerTimeZone: 'America/New_York', spokespersonTimeZone: 'Europe/Zurich' });
    expect(formatted).toHaveLength(28);
    for (const slot of formatted) {
      const date = slot.spokesperson.date;
      const expectedNewYork =
        date < '2027-03-14' ? 'T03:00:00-05:00' : date < '2027-03-28' ? 'T04:00:00-04:00' : 'T03:00:00-04:00';
      expect(slot.start).toBe(date + expectedNewYork);
      expect(slot.spokesperson.start).toBe(`${date}T09:00:00${date < '2027-03-28' ? '+01:00' : '+02:00'}`);
    }
    const byDate = Object.fromEntries(formatted.map((slot) => [slot.spokesperson.date, slot.start]));
    expect(byDate['2027-03-13']).toBe('2027-03-13T03:00:00-05:00');
    expect(byDate['2027-03-14']).toBe('2027-03-14T04:00:00-04:00');
    expect(byDate['2027-03-27']).toBe('2027-03-27T04:00:00-04:00');
    expect(byDate['2027-03-28']).toBe('2027-03-28T03:00:00-04:00');
  });

  it('shows the same slots at 04:00 New York time in the autumn week between the DST changes', () => {
    const slots = computeFreeSlots(
      makeOptions({ weeklyRules: dailyAt('09:00', '10:00'), from: Date.UTC(2027, 9, 30), to: Date.UTC(2027, 10, 9) }),
    );
    const byDate = Object.fromEntries(
      formatSlots(slots, { viewerTimeZone: 'America/New_York', spokespersonTimeZone: 'Europe/Zurich' }).map((slot) => [
        slot.spokesperson.date,
        slot.start,
      ]),
    );
    expect(byDate['2027-10-30']).toBe('2027-10-30T03:00:00-04:00');
    expect(byDate['2027-10-31']).toBe('2027-10-31T04:00:00-04:00');
    expect(byDate['2027-11-06']).toBe('2027-11-06T04:00:00-04:00');
    expect(byDate['2027-11-07']).toBe('2027-11-07T03:00:00-05:00');
  });

  it('labels both occurrences of the repeated New York hour with their own offsets', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'America/New_York',
        weeklyRules: [{ weekday: 7, start: '00:00', end: '03:00' }],
        from: Date.UTC(2027, 10, 7),
        to: Date.UTC(2027, 10, 8),
      }),
    );
    const formatted = formatSlots(slots, { viewerTimeZone: 'Europe/Zurich', spokespersonTimeZone: 'America/New_York' });
    expect(formatted.map((slot) => slot.spokesperson.start)).toEqual([
      '2027-11-07T00:00:00-04:00',
      '2027-11-07T01:00:00-04:00',
      '2027-11-07T01:00:00-05:00',
      '2027-11-07T02:00:00-05:00',
    ]);
    expect(formatted.map((slot) => slot.start)).toEqual([
      '2027-11-07T05:00:00+01:00',
      '2027-11-07T06:00:00+01:00',
      '2027-11-07T07:00:00+01:00',
      '2027-11-07T08:00:00+01:00',
    ]);
  });

  it('handles quarter- and half-hour offsets: Kathmandu 09:00 is 08:45 in Kolkata', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'Asia/Kathmandu',
        weeklyRules: [{ weekday: 1, start: '09:00', end: '10:00' }],
        from: Date.UTC(2027, 5, 7),
        to: Date.UTC(2027, 5, 8),
      }),
    );
    expect(formatSlots(slots, { viewerTimeZone: 'Asia/Kolkata', spokespersonTimeZone: 'Asia/Kathmandu' })).toEqual([
      {
        start: '2027-06-07T08:45:00+05:30',
        end: '2027-06-07T09:45:00+05:30',
        viewerDate: '2027-06-07',
        spokesperson: {
          start: '2027-06-07T09:00:00+05:45',
          end: '2027-06-07T10:00:00+05:45',
          date: '2027-06-07',
          timeZone: 'Asia/Kathmandu',
        },
      },
    ]);
  });

  it('follows Lord Howe’s 30-minute DST change on the first Sunday of April', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'Australia/Lord_Howe',
        weeklyRules: dailyAt('09:00', '10:00'),
        from: Date.UTC(2027, 3, 2),
        to: Date.UTC(2027, 3, 4, 12),
      }),
    );
    const formatted = formatSlots(slots, { viewerTimeZone: 'UTC', spokespersonTimeZone: 'Australia/Lord_Howe' });
    expect(formatted.map((slot) => [slot.spokesperson.start, slot.start])).toEqual([
      ['2027-04-03T09:00:00+11:00', '2027-04-02T22:00:00Z'],
      ['2027-04-04T09:00:00+10:30', '2027-04-03T22:30:00Z'],
    ]);
  });

  it.each([
    ['Pacific/Auckland', '2027-06-15T11:00:00+12:00'],
    ['Pacific/Kiritimati', '2027-06-15T13:00:00+14:00'],
  ])('shows a Los Angeles Monday afternoon as Tuesday to a viewer in %s', (viewer, expectedStart) => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'America/Los_Angeles',
        weeklyRules: [{ weekday: 1, start: '16:00', end: '17:00' }],
        from: Date.UTC(2027, 5, 14),
        to: Date.UTC(2027, 5, 16),
      }),
    );
    const [slot] = formatSlots(slots, { viewerTimeZone: viewer, spokespersonTimeZone: 'America/Los_Angeles' });
    expect(slot).toMatchObject({
      start: expectedStart,
      viewerDate: '2027-06-15',
      spokesperson: { start: '2027-06-14T16:00:00-07:00', date: '2027-06-14', timeZone: 'America/Los_Angeles' },
    });
  });

  it('puts an override on the spokesperson’s local date whatever the viewer’s zone', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'Pacific/Auckland',
        overrides: [{ date: '2027-06-15', ranges: [{ start: '09:00', end: '10:00' }] }],
        from: Date.UTC(2027, 5, 10),
        to: Date.UTC(2027, 5, 20),
      }),
    );
    expect(slots).toEqual([{ start: Date.UTC(2027, 5, 14, 21), end: Date.UTC(2027, 5, 14, 22), localDate: '2027-06-15' }]);
    const viewerDates: Record<string, string> = {};
    for (const viewer of ['America/Los_Angeles', 'America/New_York', 'UTC', 'Pacific/Kiritimati', 'Asia/Kathmandu']) {
      const [slot] = formatSlots(slots, { viewerTimeZone: viewer, spokespersonTimeZone: 'Pacific/Auckland' });
      expect(slot!.spokesperson).toEqual({
        start: '2027-06-15T09:00:00+12:00',
        end: '2027-06-15T10:00:00+12:00',
        date: '2027-06-15',
        timeZone: 'Pacific/Auckland',
      });
      expect(DateTime.fromISO(slot!.start, { setZone: true }).toMillis()).toBe(slots[0]!.start);
      viewerDates[viewer] = slot!.viewerDate;
    }
    expect(viewerDates).toEqual({
      'America/Los_Angeles': '2027-06-14',
      'America/New_York': '2027-06-14',
      UTC: '2027-06-14',
      'Pacific/Kiritimati': '2027-06-15',
      'Asia/Kathmandu': '2027-06-15',
    });
  });

  it('writes exactly what luxon toISO writes for every slot end, in both zones', () => {
    const slots = computeFreeSlots(
      makeOptions({
        timeZone: 'Pacific/Chatham',
        weeklyRules: dailyAt('00:00', '24:00'),
        durationMinutes: 45,
        stepMinutes: 45,
        from: Date.UTC(2027, 2, 20),
        to: Date.UTC(2027, 3, 20),
      }),
    );
    const viewer = 'America/St_Johns';
    const formatted = formatSlots(slots, { viewerTimeZone: viewer, spokespersonTimeZone: 'Pacific/Chatham' });
    const iso = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true });
    formatted.forEach((slot, index) => {
      const { start, end } = slots[index]!;
      expect(slot.start).toBe(iso(start, viewer));
      expect(slot.end).toBe(iso(end, viewer));
      expect(slot.viewerDate).toBe(DateTime.fromMillis(start, { zone: viewer }).toISODate());
      expect(slot.spokesperson.start).toBe(iso(start, 'Pacific/Chatham'));
      expect(slot.spokesperson.end).toBe(iso(end, 'Pacific/Chatham'));
      expect(slot.spokesperson.date).toBe(slots[index]!.localDate);
    });
  });

  it('returns nothing for no slots', () => {
    expect(formatSlots([], { viewerTimeZone: 'UTC', spokespersonTimeZone: 'Europe/Zurich' })).toEqual([]);
  });
});

describe('formatSlotsByViewerDate', () => {
  it('groups exactly the formatSlots answer by viewer date, without the repeated fields', async () => {
    const { formatSlotsByViewerDate } = await import('./format-slot');
    const base = Date.UTC(2027, 2, 26, 20, 0);
    // Across the EU spring change (2027-03-28) and across the viewer's midnight.
    const slots = Array.from({ length: 60 }, (_, index) => ({ start: base + index * 3_600_000, end: base + index * 3_600_000 + 1_800_000 }));
    const options = { viewerTimeZone: 'Pacific/Kiritimati', spokespersonTimeZone: 'Europe/Zurich' };
    const flat = formatSlots(slots, options);
    const grouped = formatSlotsByViewerDate(slots, options);
    expect(grouped.map((day) => day.date)).toEqual([...new Set(flat.map((slot) => slot.viewerDate))]);
    expect(grouped.flatMap((day) => day.slots.map((slot) => ({ ...slot, viewerDate: day.date })))).toEqual(
      flat.map((slot) => ({ start: slot.start, end: slot.end, viewerDate: slot.viewerDate, spokesperson: { start: slot.spokesperson.start, end: slot.spokesperson.end } })),
    );
    expect(formatSlotsByViewerDate([], options)).toEqual([]);
  });
});
