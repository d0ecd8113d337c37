import { describe, expect, it } from 'vitest';
import { feedHttpUrl } from './fetch-feed';

describe('feedHttpUrl', () => {
  it('reads webcal:// (Apple’s subscription scheme) as https:// and leaves http(s) alone', () => {
    expect(feedHttpUrl('webcal://p01-calendars.icloud.com/published/2/abc')).toBe('https://p01-calendars.icloud.com/published/2/abc');
    expect(feedHttpUrl('WEBCALS://example.org/a.ics')).toBe('https://example.org/a.ics');
    expect(feedHttpUrl('https://calendar.google.com/calendar/ical/x/basic.ics')).toBe('https://calendar.google.com/calendar/ical/x/basic.ics');
  });
});
