import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, formatDayNumber, getIsoWeekday, parseLocalDate } from './civil-date';

const DAY = 86_400_000;

describe('civil date arithmetic', () => {
  it('agrees with Date.UTC on day numbers, dates and weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (dayNumber) => {
        const date = new Date(dayNumber * DAY);
        const civil = civilFromDays(dayNumber);
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(dayNumber);
        expect(getIsoWeekday(dayNumber)).toBe(((date.getUTCDay() + 6) % 7) + 1);
        expect(formatDayNumber(dayNumber)).toBe(date.toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('knows 1970-01-01 was a Thursday and 2027-03-22 a Monday', () => {
    expect(getIsoWeekday(0)).toBe(4);
    expect(getIsoWeekday(parseLocalDate('2027-03-22'))).toBe(1);
  });

  it('rejects malformed and non-existent local dates', () => {
    for (const bad of ['2027-02-30', '2027-13-01', '2027-00-10', '2027-2-3', '27-02-03', '2027-02-03T00:00']) {
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
    }
    expect(formatDayNumber(parseLocalDate('2028-02-29'))).toBe('2028-02-29');
  });
});
