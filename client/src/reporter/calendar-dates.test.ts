import { describe, expect, it } from 'vitest';
import { addMonthsToDate, firstDayOfWeek, monthWeeks } from './calendar-dates';

describe('calendar dates', () => {
  it('lays a month out in weeks from the locale’s first day', () => {
    // March 2027 starts on a Monday.
    expect(monthWeeks('2027-03', 0)[0]).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07']);
    expect(monthWeeks('2027-03', 6)[0]).toEqual([null, '2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06']);
    expect(monthWeeks('2027-02', 0).flat().filter(Boolean)).toHaveLength(28);
    expect(firstDayOfWeek('en-US')).toBe(6);
    expect(firstDayOfWeek('fr-CH')).toBe(0);
  });

  it('Page Up/Down keep the day of the month, or the month’s last day', () => {
    expect(addMonthsToDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-12-15', 3)).toBe('2027-03-15');
    expect(addMonthsToDate('2027-03-31', -1)).toBe('2027-02-28');
  });
});
