// The planner's client-side date and axis arithmetic, independent of the machine's zone (TZ=Asia/Kathmandu).
import { describe, expect, it } from 'vitest';
import { addDays, assignLanes, isCalendarDate, isKnownTimeZone, isoWeekday, placeOnAxis, plannerWindow, todayIn } from '../../client/src/desk/planner/planner-layout';

const HOUR = 3_600_000;

describe('planner windows', () => {
  it('a day is local midnight to local midnight: 23 hours on the spring-forward day', () => {
    const day = plannerWindow('day', '2027-03-28', 'Europe/Zurich');
    expect(new Date(day.from).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(new Date(day.to).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect((day.to - day.from) / HOUR).toBe(23);
  });

  it('a week runs Monday to Sunday around the date, in the chosen zone', () => {
    const week = plannerWindow('week', '2027-11-04', 'America/New_York');
    expect(week.days.map((day) => day.date)).toEqual(['2027-11-01', '2027-11-02', '2027-11-03', '2027-11-04', '2027-11-05', '2027-11-06', '2027-11-07']);
    expect(new Date(week.from).toISOString()).toBe('2027-11-01T04:00:00.000Z');
    // Fall-back on Sunday 7 November: the week is an hour longer than 7 days, within the server's 8-day limit.
    expect((week.to - week.from) / HOUR).toBe(7 * 24 + 1);
  });

  it('steps calendar dates without the machine zone and tells today in a zone', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2027-03-28')).toBe(7);
    // 23:30 UTC on 31 Dec is already 1 January in Tokyo, still 31 December in New York.
    const instant = new Date('2027-12-31T23:30:00Z');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2028-01-01');
    expect(todayIn('America/New_York', instant)).toBe('2027-12-31');
  });

  it('refuses dates and zones that do not exist', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isKnownTimeZone('Mars/Base')).toBe(false);
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
  });
});

describe('axis and lanes', () => {
  it('clips intervals to the window and drops those outside it', () => {
    const axis = { from: 0, to: 24 * HOUR };
    expect(placeOnAxis(axis, -2 * HOUR, 6 * HOUR)).toEqual({ offset: 0, size: 0.25 });
    expect(placeOnAxis(axis, 24 * HOUR, 25 * HOUR)).toBeNull();
  });

  it('puts overlapping bookings side by side and lets the next group start again in lane 0', () => {
    const lanes = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ]);
    expect(lanes.map((item) => [item.lane, item.lanes])).toEqual([
      [0, 2],
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
  });
});
