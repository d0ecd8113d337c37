import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  describeTimeZone,
  formatInstantInZones,
  formatIntervalInZone,
  formatIntervalInZones,
  formatShortStartInZone,
  formatUtcOffset,
  getZoneCityName,
} from './format-local-time';
import { ZURICH_START } from './test-factories';

const interview = { start: ZURICH_START.toJSDate(), end: ZURICH_START.plus({ minutes: 30 }).toJSDate() };

describe('formatIntervalInZones', () => {
  it('shows a 15:00 Zurich interview as 10:00 New York (EDT) first for a New York reader, Zurich second', () => {
    expect(formatIntervalInZones(interview, ['America/New_York', 'Europe/Zurich'])).toEqual([
      'Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)',
      '15:00–15:30 Zurich time (CET, UTC+1)',
    ]);
  });

  it('puts Zurich first for a Zurich reader', () => {
    expect(formatIntervalInZones(interview, ['Europe/Zurich', 'America/New_York'])).toEqual([
      'Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)',
      '10:00–10:30 New York time (EDT, UTC−4)',
    ]);
  });

  it('repeats the date only where the local date differs from the first line', () => {
    expect(formatIntervalInZones(interview, ['Europe/Zurich', 'Australia/Sydney', 'Pacific/Honolulu'])).toEqual([
      'Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)',
      'Tuesday 23 March 2027, 01:00–01:30 Sydney time (AEDT, UTC+11)',
      '04:00–04:30 Honolulu time (HST, UTC−10)',
    ]);
  });

  it('shows a shared zone once', () => {
    expect(formatIntervalInZones(interview, ['Europe/Zurich', 'Europe/Zurich'])).toEqual([
      'Monday 22 March 2027, 15:00–15:30 Zurich time (CET, UTC+1)',
    ]);
  });

  it('shows the numeric offset alone where English has no common abbreviation', () => {
    expect(formatIntervalInZones(interview, ['Asia/Kathmandu', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires'])).toEqual([
      'Monday 22 March 2027, 19:45–20:15 Kathmandu time (UTC+5:45)',
      '23:00–23:30 Tokyo time (UTC+9)',
      '11:00–11:30 Buenos Aires time (UTC−3)',
    ]);
  });

  it('names offset-only zones by their offset, never as a city', () => {
    expect(formatIntervalInZones(interview, ['UTC', 'Etc/GMT+5', 'Europe/London'])).toEqual([
      'Monday 22 March 2027, 14:00–14:30 UTC',
      '09:00–09:30 UTC−5',
      '14:00–14:30 London time (GMT, UTC+0)',
    ]);
  });

  it('follows summer time: 15:00 Zurich on 2027-07-01 is CEST, UTC+2, and 09:00 in New York', () => {
    const summer = DateTime.fromObject({ year: 2027, month: 7, day: 1, hour: 15 }, { zone: 'Europe/Zurich' });
    expect(formatIntervalInZones({ start: summer.toMillis(), end: summer.plus({ hours: 1 }).toMillis() }, ['America/New_York', 'Europe/Zurich'])).toEqual([
      'Thursday 1 July 2027, 09:00–10:00 New York time (EDT, UTC−4)',
      '15:00–16:00 Zurich time (CEST, UTC+2)',
    ]);
  });

  it('throws RangeError for an unknown zone, the server-dependent "local", or an end before the start', () => {
    expect(() => formatIntervalInZones(interview, ['Mars/Olympus_Mons'])).toThrow(RangeError);
    expect(() => formatIntervalInZones(interview, ['local'])).toThrow(RangeError);
    expect(() => formatIntervalInZones({ start: interview.end, end: interview.start }, ['UTC'])).toThrow(RangeError);
    expect(() => formatIntervalInZones(interview, [])).toThrow(RangeError);
  });
});

describe('formatIntervalInZone', () => {
  const tokyoLate = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 23, minute: 30 }, { zone: 'Asia/Tokyo' });

  it('writes both dates when the interval crosses local midnight, even without includeDate', () => {
    const interval = { start: tokyoLate.toMillis(), end: tokyoLate.plus({ hours: 1 }).toMillis() };
    expect(formatIntervalInZone(interval, 'Asia/Tokyo', { includeDate: false })).toBe(
      'Monday 22 March 2027, 23:30 – Tuesday 23 March 2027, 00:30 Tokyo time (UTC+9)',
    );
  });

  it('keeps an interval ending exactly at midnight on its start date', () => {
    const interval = { start: tokyoLate.toMillis(), end: tokyoLate.plus({ minutes: 30 }).toMillis() };
    expect(formatIntervalInZone(interval, 'Asia/Tokyo', { includeDate: true })).toBe('Monday 22 March 2027, 23:30–00:00 Tokyo time (UTC+9)');
  });

  it('shows both offsets when the clocks change during the interval', () => {
    const start = DateTime.fromObject({ year: 2027, month: 3, day: 28, hour: 1, minute: 30 }, { zone: 'Europe/Zurich' });
    expect(formatIntervalInZone({ start: start.toMillis(), end: start.plus({ hours: 1 }).toMillis() }, 'Europe/Zurich', { includeDate: true })).toBe(
      'Sunday 28 March 2027, 01:30–03:30 Zurich time (CET, UTC+1 → CEST, UTC+2)',
    );
  });
});

describe('formatInstantInZones', () => {
  it('shows a deadline in each zone, with the date where it differs', () => {
    const deadline = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 20 }, { zone: 'America/New_York' });
    expect(formatInstantInZones(deadline.toJSDate(), ['America/New_York', 'Europe/Zurich', 'America/Chicago'])).toEqual([
      'Monday 22 March 2027, 20:00 New York time (EDT, UTC−4)',
      'Tuesday 23 March 2027, 01:00 Zurich time (CET, UTC+1)',
      '19:00 Chicago time (CDT, UTC−5)',
    ]);
  });
});

describe('zone pieces', () => {
  it('formats short starts for subject lines', () => {
    expect(formatShortStartInZone(interview.start, 'America/New_York')).toBe('Mon 22 Mar 10:00 New York time');
    expect(formatShortStartInZone(interview.start, 'UTC')).toBe('Mon 22 Mar 14:00 UTC');
  });

  it('takes the city from the IANA name and writes offsets with a real minus sign', () => {
    expect(getZoneCityName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(getZoneCityName('Etc/GMT-14')).toBeNull();
    expect(formatUtcOffset(-240)).toBe('UTC\u22124');
    expect(formatUtcOffset(345)).toBe('UTC+5:45');
    expect(formatUtcOffset(-570)).toBe('UTC\u22129:30');
    expect(formatUtcOffset(0)).toBe('UTC+0');
  });

  it('finds common English abbreviations from several English locales, only beside the offset', () => {
    const instant = Date.UTC(2027, 6, 1, 12);
    expect(describeTimeZone('Europe/London', instant)).toBe('London time (BST, UTC+1)');
    expect(describeTimeZone('Asia/Kolkata', instant)).toBe('Kolkata time (IST, UTC+5:30)');
    expect(describeTimeZone('Africa/Johannesburg', instant)).toBe('Johannesburg time (SAST, UTC+2)');
    expect(describeTimeZone('America/Phoenix', instant)).toBe('Phoenix time (MST, UTC−7)');
  });

  it('agrees with luxon on the local clock time in every zone it names', () => {
    const zones = ['Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'America/Adak'];
    for (const timeZone of zones) {
      for (const month of [1, 4, 7, 10]) {
        const start = Date.UTC(2027, month - 1, 15, 9, 15);
        const line = formatIntervalInZone({ start, end: start + 45 * 60_000 }, timeZone, { includeDate: true });
        const local = DateTime.fromMillis(start, { zone: timeZone });
        expect(line, timeZone).toContain(`, ${local.toFormat('HH:mm')}`);
        expect(line, timeZone).toContain(formatUtcOffset(local.offset));
      }
    }
  });
});
