// The one adapter around ical.js (and windows-iana): turns iCalendar text from
// a CalDAV server or a feed into busy intervals, nothing else. Titles,
// descriptions, attendees and locations are never read out of the parsed tree.
//
// Rules (README "Spokespeople's own calendars"):
// - recurring events are expanded by ical.js (RRULE, RDATE, EXDATE, and
//   RECURRENCE-ID overrides related to their series);
// - TRANSP:TRANSPARENT and STATUS:CANCELLED events (or overrides) are free time;
// - a TZID is resolved to an IANA zone when it is one, or when it is a Windows
//   zone name (Outlook writes "W. Europe Standard Time"); wall-clock times are
//   then placed with luxon, so DST follows the system's tz database. A TZID that
//   is neither falls back to the file's own VTIMEZONE as ical.js reads it;
// - floating times and all-day dates are read in the spokesperson's zone (an
//   all-day event blocks their whole local days);
// - events whose UID is in `ignoreUids` are not busy times: the desk's own
//   interviews, written back into the spokesperson's calendar (or accepted
//   there from the invite email), must not conflict with themselves.
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

export interface BusyTime {
  start: number;
  end: number;
}

/** Bounds the work one series can cost (a daily series since 1990 is about 13,000 occurrences). */
const MAX_OCCURRENCES_PER_SERIES = 50_000;
/** An override may move an occurrence into the window from this far after it. */
const MOVED_OCCURRENCE_MARGIN_MS = 31 * 86_400_000;

export class MalformedCalendarError extends Error {}

interface ReadOptions {
  timeZone: string;
  from: number;
  to: number;
  /** UIDs of events that are not busy times (the interviews the desk booked). */
  ignoreUids?: ReadonlySet<string>;
}

/**
 * Busy intervals of every VEVENT in `text` that overlap `[from, to)`, whole
 * (not clipped), sorted by start. Throws MalformedCalendarError when the text
 * is not iCalendar (an HTML login page, a truncated answer).
 */
export function readBusyIntervals(text: string, options: ReadOptions): BusyTime[] {
  const trimmed = text.trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(trimmed)) throw new MalformedCalendarError('not an iCalendar document (no BEGIN:VCALENDAR)');
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(trimmed));
  } catch (error) {
    throw new MalformedCalendarError(`unreadable iCalendar: ${(error as Error).message}`);
  }
  // A CalDAV answer may be several VCALENDARs; ICAL.parse returns the first, so read each on its own.
  const busy: BusyTime[] = [];
  for (const calendar of root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar')) {
    busy.push(...readCalendar(calendar, options));
  }
  return busy.sort((a, b) => a.start - b.start || a.end - b.end);
}

function readCalendar(calendar: ICAL.Component, options: ReadOptions): BusyTime[] {
  const masters = new Map<string, ICAL.Component>();
  const overrides = new Map<string, ICAL.Component[]>();
  const singles: ICAL.Component[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
    if (options.ignoreUids?.has(uid)) continue;
    if (vevent.hasProperty('recurrence-id')) {
      const list = overrides.get(uid) ?? [];
      list.push(vevent);
      overrides.set(uid, list);
    } else if (vevent.hasProperty('rrule') || vevent.hasProperty('rdate')) {
      masters.set(uid, vevent);
    } else {
      singles.push(vevent);
    }
  }
  const busy: BusyTime[] = [];
  const keep = (interval: BusyTime | null) => {
    if (interval && interval.end > interval.start && interval.start < options.to && interval.end > options.from) busy.push(interval);
  };
  for (const vevent of singles) if (isBusy(vevent)) keep(intervalOf(vevent, options.timeZone));
  for (const [uid, master] of masters) {
    const event = new ICAL.Event(master);
    for (const override of overrides.get(uid) ?? []) event.relateException(new ICAL.Event(override));
    overrides.delete(uid);
    const iterator = event.iterator();
    const until = options.to + MOVED_OCCURRENCE_MARGIN_MS;
    for (let count = 0; count < MAX_OCCURRENCES_PER_SERIES; count++) {
      const next = iterator.next();
      if (!next) break;
      const details = event.getOccurrenceDetails(next);
      const item = details.item.component;
      if (item === master) {
        const start = instantOf(details.startDate, zoneParameter(master, 'dtstart'), options.timeZone);
        if (start >= until) break;
        if (!isBusy(master)) continue;
        keep(occurrenceOf(details.startDate, details.endDate, zoneParameter(master, 'dtstart'), options.timeZone));
      } else if (isBusy(item)) {
        keep(intervalOf(item, options.timeZone));
      }
    }
  }
  // Overrides whose series is not in this document (a CalDAV server may send only the instance): read as they are.
  for (const list of overrides.values()) for (const vevent of list) if (isBusy(vevent)) keep(intervalOf(vevent, options.timeZone));
  return busy;
}

function isBusy(vevent: ICAL.Component): boolean {
  const transp = String(vevent.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp !== 'TRANSPARENT' && status !== 'CANCELLED' && vevent.hasProperty('dtstart');
}

/**
 * A non-recurring VEVENT (or one override) as an interval: DTEND, else DURATION, else RFC 5545's
 * defaults (a date lasts one day, a date-time no time at all). Read from the properties directly:
 * constructing an ICAL.Event costs about 0.2 ms, most of a 2,000-event sync.
 */
function intervalOf(vevent: ICAL.Component, timeZone: string): BusyTime | null {
  const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time | null;
  if (!start) return null;
  const startZone = zoneParameter(vevent, 'dtstart');
  const dtend = vevent.getFirstPropertyValue('dtend') as ICAL.Time | null;
  if (dtend) {
    if (start.isDate) return occurrenceOf(start, dtend, startZone, timeZone);
    return { start: instantOf(start, startZone, timeZone), end: instantOf(dtend, zoneParameter(vevent, 'dtend'), timeZone) };
  }
  const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (duration) {
    const end = start.clone();
    end.addDuration(duration);
    return occurrenceOf(start, end, startZone, timeZone);
  }
  return occurrenceOf(start, start, startZone, timeZone);
}

/** One occurrence whose start and end share the start's zone (ical.js adds the duration in wall-clock terms). */
function occurrenceOf(start: ICAL.Time, end: ICAL.Time, zone: ZoneRef, timeZone: string): BusyTime {
  if (start.isDate) {
    const first = DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: timeZone });
    const days = end?.isDate ? Math.max(1, Math.round(DateTime.fromObject({ year: end.year, month: end.month, day: end.day }, { zone: 'UTC' }).diff(DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: 'UTC' }), 'days').days)) : 1;
    return { start: first.toMillis(), end: first.plus({ days }).toMillis() };
  }
  return { start: instantOf(start, zone, timeZone), end: instantOf(end, zone, timeZone) };
}

/** How a property names its zone: UTC, a TZID (maybe Windows), or nothing (floating). */
type ZoneRef = { kind: 'utc' } | { kind: 'tzid'; tzid: string } | { kind: 'floating' };

function zoneParameter(vevent: ICAL.Component, name: 'dtstart' | 'dtend'): ZoneRef {
  const property = vevent.getFirstProperty(name) ?? vevent.getFirstProperty('dtstart');
  if (!property) return { kind: 'floating' };
  const value = property.getFirstValue() as ICAL.Time | null;
  if (value && value.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc' };
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' && tzid ? { kind: 'tzid', tzid } : { kind: 'floating' };
}

const resolvedZones = new Map<string, string | null>();

/**
 * The IANA zone a TZID means, or null: an IANA name as is (some clients prefix
 * it with "/" or a vendor path), else a Windows name through windows-iana's
 * mapping (its first, canonical IANA zone).
 */
export function ianaZoneOf(tzid: string): string | null {
  let resolved = resolvedZones.get(tzid);
  if (resolved !== undefined) return resolved;
  const candidates = [tzid, tzid.replace(/^\/+/, ''), tzid.replace(/^.*?\/(?=[A-Z][a-z]+\/)/, '')];
  resolved = candidates.find((candidate) => IANAZone.isValidZone(candidate) && candidate.includes('/')) ?? null;
  if (!resolved) resolved = findIana(tzid.replace(/^"|"$/g, ''))[0] ?? null;
  if (resolvedZones.size > 1_000) resolvedZones.clear();
  resolvedZones.set(tzid, resolved);
  return resolved;
}

function instantOf(time: ICAL.Time, zone: ZoneRef, timeZone: string): number {
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
  if (zone.kind === 'utc' || time.zone === ICAL.Timezone.utcTimezone) return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone.kind === 'tzid') {
    const iana = ianaZoneOf(zone.tzid);
    if (iana) return DateTime.fromObject(wall, { zone: iana }).toMillis();
    // An unknown name with its own VTIMEZONE in the file: ical.js applies that definition.
    if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  }
  return DateTime.fromObject(wall, { zone: timeZone }).toMillis();
}
