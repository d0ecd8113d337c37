import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarLinkOptions } from './calendar-links';

/** 15:00–15:30 Europe/Zurich on 2027-03-22 (CET, UTC+1), as the app computes it. */
const zurichStart = DateTime.fromObject({ year: 2027, month: 3, day: 22, hour: 15 }, { zone: 'Europe/Zurich' });

function makeLinkOptions(overrides: Partial<CalendarLinkOptions> = {}): CalendarLinkOptions {
  return {
    title: 'Interview: Hector Guerra – Le Temps',
    start: zurichStart.toJSDate(),
    end: zurichStart.plus({ minutes: 30 }).toJSDate(),
    details: 'Topic: report launch\nDial-in: +41 (0) 78-000-0000',
    location: 'Geneva',
    ...overrides,
  };
}

describe('googleCalendarUrl', () => {
  it('writes the TEMPLATE link with UTC dates', () => {
    expect(googleCalendarUrl(makeLinkOptions())).toBe(
      'https://calendar.google.com/calendar/render?action=TEMPLATE' +
        '&text=Interview%3A%20Hector%20Guerra%20%E2%80%93%20Le%20Temps' +
        '&dates=20270322T140000Z/20270322T143000Z' +
        '&details=Topic%3A%20report%20launch%0ADial-in%3A%20%2B41%20(0)%2078-000-0000' +
        '&location=Geneva',
    );
  });

  it('round-trips awkward text through the query string without adding parameters', () => {
    const title = 'A&B=C #1 + "quoted" 100% Zürich 🎙️';
    const details = 'line 1\nline 2 & more?x=y';
    const url = new URL(googleCalendarUrl(makeLinkOptions({ title, details, location: 'Room 1&2' })));
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates', 'details', 'location']);
    expect(url.searchParams.get('text')).toBe(title);
    expect(url.searchParams.get('details')).toBe(details);
    expect(url.searchParams.get('location')).toBe('Room 1&2');
  });

  it('leaves out details and location when absent or empty', () => {
    const url = googleCalendarUrl(makeLinkOptions({ details: undefined, location: '' }));
    expect(url).toBe(
      'https://calendar.google.com/calendar/render?action=TEMPLATE' +
        '&text=Interview%3A%20Hector%20Guerra%20%E2%80%93%20Le%20Temps&dates=20270322T140000Z/20270322T143000Z',
    );
  });

  it('follows the summer offset: 15:00 Europe/Zurich on 2027-07-01 is 13:00Z', () => {
    const start = DateTime.fromObject({ year: 2027, month: 7, day: 1, hour: 15 }, { zone: 'Europe/Zurich' });
    const url = new URL(googleCalendarUrl(makeLinkOptions({ start: start.toMillis(), end: start.plus({ hours: 1 }).toMillis() })));
    expect(url.searchParams.get('dates')).toBe('20270701T130000Z/20270701T140000Z');
  });
});

describe('outlookCalendarUrl', () => {
  it('writes the compose deeplink with ISO UTC times', () => {
    expect(outlookCalendarUrl(makeLinkOptions())).toBe(
      'https://outlook.live.com/calendar/0/deeplink/compose' +
        '?subject=Interview%3A%20Hector%20Guerra%20%E2%80%93%20Le%20Temps' +
        '&startdt=2027-03-22T14:00:00Z&enddt=2027-03-22T14:30:00Z' +
        '&body=Topic%3A%20report%20launch%0ADial-in%3A%20%2B41%20(0)%2078-000-0000' +
        '&location=Geneva&path=/calendar/action/compose&rru=addevent',
    );
  });

  it('round-trips awkward text and keeps the fixed parameters', () => {
    const title = 'Q&A: "Genève" = 50% 🇨🇭';
    const url = new URL(outlookCalendarUrl(makeLinkOptions({ title, details: 'a\r\nb' })));
    expect(url.searchParams.get('subject')).toBe(title);
    expect(url.searchParams.get('body')).toBe('a\nb');
    expect(url.searchParams.get('path')).toBe('/calendar/action/compose');
    expect(url.searchParams.get('rru')).toBe('addevent');
  });
});

describe('calendar links: invalid input', () => {
  it.each([
    ['end equal to start', { end: zurichStart.toMillis() }],
    ['end before start', { end: zurichStart.minus({ minutes: 1 }).toMillis() }],
    ['invalid start', { start: new Date(Number.NaN) }],
  ])('throws RangeError for %s', (_label, overrides) => {
    expect(() => googleCalendarUrl(makeLinkOptions(overrides))).toThrow(RangeError);
    expect(() => outlookCalendarUrl(makeLinkOptions(overrides))).toThrow(RangeError);
  });

  it('does not throw on a lone surrogate in text (encodeURIComponent would)', () => {
    const url = new URL(googleCalendarUrl(makeLinkOptions({ title: 'broken \uD83D text' })));
    expect(url.searchParams.get('text')).toBe('broken \uFFFD text');
  });
});
