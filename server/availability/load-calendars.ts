// Reads what the slot engine needs for one or many spokespeople, in a fixed
// number of queries whatever their count (settings with weekly rules and
// overrides, time off, interviews, holds), and maps rows to the engine's types.
import type { DbOrTx } from '../db';
import type { Booking, BusyInterval, ComputeFreeSlotsOptions, DateOverride, IsoWeekday, WeeklyRule } from './types';

/** Interview statuses that occupy the spokesperson's time. */
export const BUSY_INTERVIEW_STATUSES = ['confirmed', 'rescheduled', 'completed', 'no_show'];
/** Request statuses whose hold (if any) blocks the time. */
export const HOLDING_REQUEST_STATUSES = ['pending'];

// Bookings and time off this far outside the window still matter: their
// buffers reach into it, and the daily cap counts whole local days (a local day
// can start up to 14 h before or after the UTC day).
const MARGIN_MS = 2 * 86_400_000;

export interface SpokespersonCalendar {
  id: string;
  name: string;
  slug: string;
  title: string;
  email: string;
  holdSlots: boolean;
  languages: string[];
  topics: string[];
  formats: string[];
  timeZone: string;
  defaultDurationMinutes: number;
  allowedDurations: number[];
  engine: Omit<ComputeFreeSlotsOptions, 'durationMinutes' | 'now' | 'from' | 'to'>;
}

export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * Loads active spokespeople's calendars around `[from, to)`, or around each of
 * several `windows` (the batched intake checks requests scattered over months
 * and must not read every booking in between). Unknown ids are absent, and so
 * are inactive ones unless `includeInactive` (staff previewing hours before a
 * spokesperson goes live).
 */
export async function loadCalendars(
  options: { db: DbOrTx; where?: { ids?: string[]; includeInactive?: boolean } } & (TimeWindow | { windows: TimeWindow[] }),
): Promise<SpokespersonCalendar[]> {
  const { db } = options;
  const ranges = mergeWindows('windows' in options ? options.windows : [options]);
  const during = (start: 'startsAt' | 'holdStart', end: 'endsAt' | 'holdEnd') => ({ OR: ranges.map((range) => ({ [start]: { lt: range.upper }, [end]: { gt: range.lower } })) });

  const people = await db.spokesperson.findMany({
    where: { ...(options.where?.includeInactive ? {} : { active: true }), ...(options.where?.ids ? { id: { in: options.where.ids } } : {}) },
    select: {
      id: true,
      name: true,
      slug: true,
      title: true,
      email: true,
      holdSlots: true,
      languages: true,
      topics: true,
      formats: true,
      timeZone: true,
      defaultDurationMinutes: true,
      allowedDurations: true,
      slotStepMinutes: true,
      bufferBeforeMinutes: true,
      bufferAfterMinutes: true,
      minimumNoticeMinutes: true,
      maxPerDay: true,
      horizonDays: true,
      weeklyRules: { select: { weekday: true, startTime: true, endTime: true } },
      overrides: { where: { OR: ranges.map((range) => ({ date: { gte: range.firstDate, lte: range.lastDate } })) }, select: { date: true, ranges: true } },
    },
    orderBy: { name: 'asc' },
  });
  if (people.length === 0) return [];
  const ids = people.map((person) => person.id);

  const [timeOff, interviews, holds] = await Promise.all([
    db.timeOff.findMany({
      where: { spokespersonId: { in: ids }, ...during('startsAt', 'endsAt') },
      select: { spokespersonId: true, startsAt: true, endsAt: true },
    }),
    db.interview.findMany({
      where: { spokespersonId: { in: ids }, status: { in: BUSY_INTERVIEW_STATUSES }, ...during('startsAt', 'endsAt') },
      select: { id: true, spokespersonId: true, startsAt: true, endsAt: true, bufferBeforeMinutes: true, bufferAfterMinutes: true },
    }),
    db.interviewRequest.findMany({
      where: { spokespersonId: { in: ids }, status: { in: HOLDING_REQUEST_STATUSES }, ...during('holdStart', 'holdEnd') },
      select: { id: true, spokespersonId: true, holdStart: true, holdEnd: true },
    }),
  ]);

  const timeOffBy = groupBy(timeOff, (row) => row.spokespersonId);
  const interviewsBy = groupBy(interviews, (row) => row.spokespersonId);
  const holdsBy = groupBy(holds, (row) => row.spokespersonId ?? '');

  return people.map((person) => {
    const weeklyRules = toWeeklyRules(person.weeklyRules);
    const overrides = toDateOverrides(person.overrides);
    const away: BusyInterval[] = (timeOffBy.get(person.id) ?? []).map((row) => ({ start: row.startsAt.getTime(), end: row.endsAt.getTime() }));
    const bookings: Booking[] = [
      ...(interviewsBy.get(person.id) ?? []).map((row) => ({
        start: row.startsAt.getTime(),
        end: row.endsAt.getTime(),
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
        source: `interview:${row.id}`,
      })),
      // A hold blocks the time and, like the interview it may become, uses a place in the daily cap.
      ...(holdsBy.get(person.id) ?? []).map((row) => ({ start: row.holdStart!.getTime(), end: row.holdEnd!.getTime(), source: `hold:${row.id}` })),
    ];
    return {
      id: person.id,
      name: person.name,
      slug: person.slug,
      title: person.title,
      email: person.email,
      holdSlots: person.holdSlots,
      languages: person.languages as string[],
      topics: person.topics as string[],
      formats: person.formats as string[],
      timeZone: person.timeZone,
      defaultDurationMinutes: person.defaultDurationMinutes,
      allowedDurations: person.allowedDurations as number[],
      engine: {
        timeZone: person.timeZone,
        weeklyRules,
        overrides,
        timeOff: away,
        bookings,
        stepMinutes: person.slotStepMinutes,
        bufferBeforeMinutes: person.bufferBeforeMinutes,
        bufferAfterMinutes: person.bufferAfterMinutes,
        minimumNoticeMinutes: person.minimumNoticeMinutes,
        maxPerDay: person.maxPerDay,
        horizonDays: person.horizonDays,
      },
    };
  });
}

/** The windows widened by the margin, overlapping ones merged, with the local dates they may touch. */
function mergeWindows(windows: TimeWindow[]): { lower: Date; upper: Date; firstDate: string; lastDate: string }[] {
  const sorted = windows.map((window) => ({ lower: window.from.getTime() - MARGIN_MS, upper: window.to.getTime() + MARGIN_MS })).sort((a, b) => a.lower - b.lower);
  const merged: { lower: number; upper: number }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.lower <= last.upper) last.upper = Math.max(last.upper, range.upper);
    else merged.push({ ...range });
  }
  // Local dates of a window in any zone lie within one day of its UTC dates.
  const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);
  return merged.map((range) => ({
    lower: new Date(range.lower),
    upper: new Date(range.upper),
    firstDate: dateOf(range.lower + MARGIN_MS - 86_400_000),
    lastDate: dateOf(range.upper - MARGIN_MS + 86_400_000),
  }));
}

/** Weekly-rule rows as the engine's rules. */
export function toWeeklyRules(rows: { weekday: number; startTime: string; endTime: string }[]): WeeklyRule[] {
  return rows.map((rule) => ({ weekday: rule.weekday as IsoWeekday, start: rule.startTime, end: rule.endTime }));
}

/** Date-override rows as the engine's overrides (ranges were validated when written). */
export function toDateOverrides(rows: { date: string; ranges: unknown }[]): DateOverride[] {
  return rows.map((override) => ({ date: override.date, ranges: override.ranges as DateOverride['ranges'] }));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
