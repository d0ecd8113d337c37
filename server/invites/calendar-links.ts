/**
 * "Add to calendar" links for people who do not open the .ics attachment.
 * Times are always written in UTC (with `Z`), so the calendar converts them to
 * the viewer's zone and the link is the same whatever the server's zone.
 */
import { sanitizeText } from './sanitize-text';
import { formatCompactUtc, formatIsoUtc, readInstant } from './utc-instant';

export interface CalendarLinkOptions {
  title: string;
  /** Instants; milliseconds are truncated. */
  start: Date | number;
  end: Date | number;
  /** Plain text; newlines are kept. */
  details?: string;
  location?: string;
}

/**
 * Google Calendar "create event" link:
 * `https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=20270322T140000Z/20270322T143000Z&details=…&location=…`.
 * `details` and `location` are left out when absent or empty. Every
 * user-supplied value is percent-encoded, so it cannot add or change a
 * parameter. Throws `RangeError` if an instant is invalid or `end` is not
 * after `start` (a programming error: the interview was validated long before).
 */
export function googleCalendarUrl(options: CalendarLinkOptions): string {
  const { start, end } = readInterval(options);
  return buildUrl('https://calendar.google.com/calendar/render', [
    ['action', 'TEMPLATE'],
    ['text', options.title],
    // RFC 5545 UTC DATE-TIMEs separated by a slash; Google reads the `Z` as UTC.
    ['dates', `${formatCompactUtc(start)}/${formatCompactUtc(end)}`, { literal: true }],
    ['details', options.details],
    ['location', options.location],
  ]);
}

/**
 * Outlook on the web "compose event" link:
 * `https://outlook.live.com/calendar/0/deeplink/compose?subject=…&startdt=2027-03-22T14:00:00Z&enddt=…&body=…&location=…&path=/calendar/action/compose&rru=addevent`.
 * Same encoding and error guarantees as `googleCalendarUrl`.
 */
export function outlookCalendarUrl(options: CalendarLinkOptions): string {
  const { start, end } = readInterval(options);
  return buildUrl('https://outlook.live.com/calendar/0/deeplink/compose', [
    ['subject', options.title],
    ['startdt', formatIsoUtc(start), { literal: true }],
    ['enddt', formatIsoUtc(end), { literal: true }],
    ['body', options.details],
    ['location', options.location],
    ['path', '/calendar/action/compose', { literal: true }],
    ['rru', 'addevent'],
  ]);
}

type QueryParameter = [name: string, value: string | undefined, format?: { literal: true }];

/**
 * Joins query parameters, skipping absent or empty ones. User text is
 * sanitised (a lone surrogate would make `encodeURIComponent` throw; CRLF
 * becomes LF) and goes through `encodeURIComponent` (spaces as %20, which both services accept, and
 * `&`, `=`, `#`, `+` escaped). Values marked literal are ones we generated from
 * a fixed alphabet (digits, `T`, `Z`, `-`, `:`, `/`), written unencoded to
 * match the services' documented link shape.
 */
function buildUrl(base: string, parameters: QueryParameter[]): string {
  const query = parameters
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value, format]) => `${name}=${format?.literal ? value : encodeURIComponent(sanitizeText(value!))}`)
    .join('&');
  return `${base}?${query}`;
}

function readInterval(options: CalendarLinkOptions): { start: number; end: number } {
  const start = readInstant(options.start);
  const end = readInstant(options.end);
  if (start === null || end === null) {
    throw new RangeError('Calendar link start and end must be valid instants between 1970 and 9999');
  }
  if (end <= start) {
    throw new RangeError('Calendar link end must be after start');
  }
  return { start, end };
}
