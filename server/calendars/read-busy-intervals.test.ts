import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALENDAR_FIXTURES, independentBusy } from '../../tests/support/calendars/independent-reader';
import { ianaZoneOf, MalformedCalendarError, readBusyIntervals } from './read-busy-intervals';

const window = { from: new Date('2027-02-25T00:00:00Z'), to: new Date('2027-04-26T00:00:00Z') };
const read = (file: string, timeZone: string) =>
  readBusyIntervals(readFileSync(join(CALENDAR_FIXTURES, file), 'utf8'), { timeZone, from: window.from.getTime(), to: window.to.getTime() }).map((busy) => [busy.start, busy.end]);

describe('readBusyIntervals', () => {
  for (const file of ['radicale-weekly.ics', 'radicale-allday.ics', 'radicale-transparent.ics', 'radicale-floating.ics', 'radicale-cancelled.ics', 'google-feed.ics', 'outlook-feed.ics']) {
    for (const timeZone of ['Europe/London', 'Asia/Kathmandu']) {
      it(`reads ${file} in ${timeZone} exactly as python icalendar + recurring_ical_events do`, () => {
        expect(read(file, timeZone)).toEqual(independentBusy({ ...window, timeZone, files: [file] }));
      });
    }
  }

  it('expands the weekly series across both March 2027 DST changes, with the moved and the cancelled occurrence', () => {
    const starts = read('radicale-weekly.ics', 'Europe/London').map(([start]) => new Date(start!).toISOString());
    // 09:00 New York: 14:00Z before 14 March, 13:00Z after; 22 March is excluded; 15 March moved to the 16th 11:00.
    expect(starts).toEqual(['2027-03-01T14:00:00.000Z', '2027-03-08T14:00:00.000Z', '2027-03-16T15:00:00.000Z', '2027-03-29T13:00:00.000Z', '2027-04-05T13:00:00.000Z']);
  });

  it('maps Outlook Windows zone names to IANA zones', () => {
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Eastern Standard Time')).toBe('America/New_York');
    expect(ianaZoneOf('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Not a zone')).toBeNull();
  });

  it('refuses an HTML page instead of reading it as an empty calendar', () => {
    expect(() => readBusyIntervals('<!doctype html><title>Sign in</title>', { timeZone: 'UTC', from: 0, to: 1 })).toThrow(MalformedCalendarError);
  });
});
