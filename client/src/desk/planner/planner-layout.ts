// Pure helpers for the desk planner: calendar dates in a chosen zone, the
// window a day or week covers, positions on the time axis, and lanes for
// overlapping blocks. Dates are "YYYY-MM-DD" strings handled with UTC
// arithmetic, so nothing depends on the machine's zone (tests run in Kathmandu).
import { wallTimeToInstant } from '../../time';

const DAY_MS = 86_400_000;

export type PlannerMode = 'day' | 'week';

/** True for a zone name the browser knows (the zone picker and links may carry anything). */
export function isKnownTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True for an existing calendar date "YYYY-MM-DD". */
export function isCalendarDate(date: string | null | undefined): date is string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Today's date in a zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('year')}-${value('month')}-${value('day')}`;
}

/** The instant (epoch ms) a calendar date starts in a zone: its local midnight (or the first instant after a gap). */
export function startOfDate(date: string, timeZone: string): number {
  return Date.parse(wallTimeToInstant(`${date}T00:00`, timeZone));
}

export interface PlannerWindow {
  from: number;
  to: number;
  /** The calendar dates shown, each with the instant it starts in the zone. */
  days: { date: string; start: number }[];
}

/** A day, or the Monday-to-Sunday week holding `date`, as instants in `timeZone` (DST days are 23 or 25 hours). */
export function plannerWindow(mode: PlannerMode, date: string, timeZone: string): PlannerWindow {
  const first = mode === 'day' ? date : addDays(date, 1 - isoWeekday(date));
  const count = mode === 'day' ? 1 : 7;
  const days = Array.from({ length: count }, (_, index) => {
    const day = addDays(first, index);
    return { date: day, start: startOfDate(day, timeZone) };
  });
  return { from: days[0]!.start, to: startOfDate(addDays(first, count), timeZone), days };
}

/** Where an interval lies on the axis, as fractions of the window, clipped to it; null when outside. */
export function placeOnAxis(window: { from: number; to: number }, start: number, end: number): { offset: number; size: number } | null {
  const span = window.to - window.from;
  const clippedStart = Math.max(start, window.from);
  const clippedEnd = Math.min(end, window.to);
  if (clippedEnd <= clippedStart || span <= 0) return null;
  return { offset: (clippedStart - window.from) / span, size: (clippedEnd - clippedStart) / span };
}

/** Whole elapsed hours from the window's start (local midnight), for the axis labels. */
export function hourTicks(window: { from: number; to: number }, everyHours = 1): number[] {
  const ticks: number[] = [];
  for (let instant = window.from; instant < window.to; instant += everyHours * 3_600_000) ticks.push(instant);
  return ticks;
}

/**
 * Side-by-side lanes for blocks that overlap (two interviews booked over each other must both be
 * seen). Each block gets the first free lane; `lanes` is the number of lanes its group of
 * overlapping blocks needs. Input order is kept in the output.
 */
export function assignLanes<T extends { start: number; end: number }>(items: T[]): (T & { lane: number; lanes: number })[] {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end);
  const result: (T & { lane: number; lanes: number })[] = new Array(items.length);
  let group: number[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const closeGroup = () => {
    for (const index of group) result[index]!.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const { item, index } of order) {
    if (item.start >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else {
      laneEnds[lane] = item.end;
    }
    // A new group starts only after everything before it ended, so this is the group's end.
    groupEnd = Math.max(groupEnd, item.end);
    result[index] = { ...item, lane, lanes: 1 };
    group.push(index);
  }
  closeGroup();
  return result;
}
