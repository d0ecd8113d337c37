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

/**
 * Loads active spokespeople's calendars around `[from, to)`; unknown ids are
 * absent, and so are inactive ones unless `includeInactive` (staff previewing
 * hours before a spokesperson goes live).
 */
export async function loadCalendars(options: { db: DbOrTx; where?: { ids?: string[]; includeInactive?: boolean }; from: Date; to: Date }): Promise<SpokespersonCalendar[]> {
  const { db } = options;
  const lower = new Date(options.from.getTime() - MARGIN_MS);
  const upper = new Date(options.to.getTime() + MARGIN_MS);
  // Local dates of the window in any zone lie within one day of the UTC dates.
  const firstDate = new Date(options.from.getTime() - 86_400_000).toISOString().slice(0, 10);
  const lastDate = new Date(options.to.getTime() + 86_400_000).toISOString().slice(0, 10);

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
      overrides: { where: { date: { gte: firstDate, lte: lastDate } }, select: { date: true, ranges: true } },
    },
    orderBy: { name: 'asc' },
  });
  if (people.length === 0) return [];
  const ids = people.map((person) => person.id);

  const [timeOff, interviews, holds] = await Promise.all([
    db.timeOff.findMany({
      where: { spokespersonId: { in: ids }, startsAt: { lt: upper }, endsAt: { gt: lower } },
      select: { spokespersonId: true, startsAt: true, endsAt: true },
    }),
    db.interview.findMany({
      where: { spokespersonId: { in: ids }, status: { in: BUSY_INTERVIEW_STATUSES }, startsAt: { lt: upper }, endsAt: { gt: lower } },
      select: { id: true, spokespersonId: true, startsAt: true, endsAt: true, bufferBeforeMinutes: true, bufferAfterMinutes: true },
    }),
    db.interviewRequest.findMany({
      where: { spokespersonId: { in: ids }, status: { in: HOLDING_REQUEST_STATUSES }, holdStart: { lt: upper }, holdEnd: { gt: lower } },
      select: { id: true, spokespersonId: true, holdStart: true, holdEnd: true },
    }),
  ]);

  const timeOffBy = groupBy(timeOff, (row) => row.spokespersonId);
  const interviewsBy = groupBy(interviews, (row) => row.spokespersonId);
  const holdsBy = groupBy(holds, (row) => row.spokespersonId ?? '');

  return people.map((person) => {
    const weeklyRules: WeeklyRule[] = person.weeklyRules.map((rule) => ({ weekday: rule.weekday as IsoWeekday, start: rule.startTime, end: rule.endTime }));
    const overrides: DateOverride[] = person.overrides.map((override) => ({ date: override.date, ranges: override.ranges as unknown as DateOverride['ranges'] }));
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

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
