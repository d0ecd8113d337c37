// Reads what the slot engine needs for one or many spokespeople, in a fixed
// number of queries whatever their count (settings with weekly rules and
// overrides, time off, interviews, holds), and maps rows to the engine's types.
import type { DbOrTx } from '../db';
import { Prisma } from '../generated/sqlite/client';
import { MAX_DURATION_MINUTES } from '../common/schema';
import type { Booking, BusyInterval, CalendarBusyInterval, ComputeFreeSlotsOptions, DateOverride, IsoWeekday, WeeklyRule } from './types';

/** Interview statuses that occupy the spokesperson's time. */
export const BUSY_INTERVIEW_STATUSES = ['confirmed', 'rescheduled', 'completed', 'no_show'];
/**
 * Request statuses whose hold (if any) blocks the time: a pending request's
 * chosen slot, and the new time an approved request's reporter asked to move to.
 */
export const HOLDING_REQUEST_STATUSES = ['pending', 'approved'];

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
  /** Only this spokesperson's bookings and time off matter in this window (the intake checks one request per window). */
  spokespersonId?: string;
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

  const { busy, calendars } = await loadBusyTimes(db, ids, ranges);
  const calendarBy = await expandCalendarBusy(db, calendars);
  const timeOffBy = groupBy(busy.filter((row) => row.kind === 'away'), (row) => row.spokespersonId);
  const interviewsBy = groupBy(busy.filter((row) => row.kind === 'interview'), (row) => row.spokespersonId);
  const holdsBy = groupBy(busy.filter((row) => row.kind === 'hold'), (row) => row.spokespersonId);

  return people.map((person) => {
    const weeklyRules = toWeeklyRules(person.weeklyRules);
    const overrides = toDateOverrides(person.overrides);
    const away: BusyInterval[] = (timeOffBy.get(person.id) ?? []).map((row) => ({ start: row.start, end: row.end }));
    const calendarBusy = calendarBy.get(person.id) ?? [];
    const bookings: Booking[] = [
      ...(interviewsBy.get(person.id) ?? []).map((row) => ({
        start: row.start,
        end: row.end,
        bufferBeforeMinutes: row.bufferBefore,
        bufferAfterMinutes: row.bufferAfter,
        source: `interview:${row.id}`,
      })),
      // A hold blocks the time and, like the interview it may become, uses a place in the daily cap.
      ...(holdsBy.get(person.id) ?? []).map((row) => ({ start: row.start, end: row.end, source: `hold:${row.id}` })),
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
        calendarBusy,
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

interface BusyRow {
  kind: 'away' | 'interview' | 'hold';
  id: string;
  spokespersonId: string;
  start: number;
  end: number;
  bufferBefore: number;
  bufferAfter: number;
}

type Range = ReturnType<typeof mergeWindows>[number];

/**
 * Time off, busy interviews and held requests of these spokespeople in the
 * ranges, and the busy times read from their own calendars, in one statement. Raw SQL on purpose: this runs inside every
 * booking transaction and every calendar reload, and Prisma's JavaScript
 * engine spent about 1.3 ms a query on the three model queries it replaces.
 * Portable as written (quoted identifiers, Prisma.sql placeholders; dates are
 * compared as Prisma stores them, ISO text on SQLite and timestamps on
 * PostgreSQL, because the parameters go through the same adapter mapping).
 * Table and column names are written out: a rename in the Prisma schema must
 * be made here too (the availability and double-booking tests fail otherwise).
 */
async function loadBusyTimes(db: DbOrTx, ids: string[], ranges: Range[]): Promise<{ busy: BusyRow[]; calendars: { id: string; spokespersonId: string }[] }> {
  const idList = Prisma.join(ids);
  // Interviews and holds last at most MAX_DURATION_MINUTES, so a lower bound on
  // their start turns "starts before the range ends" into an index range scan
  // instead of a walk through every past booking. Time off has no such bound.
  const during = (startColumn: string, endColumn: string, longest?: number) =>
    Prisma.join(
      ranges.map(
        (range) =>
          Prisma.sql`(${range.spokespersonId ? Prisma.sql`"spokespersonId" = ${range.spokespersonId} AND ` : Prisma.empty}${Prisma.raw(startColumn)} < ${range.upper} AND ${
            longest ? Prisma.sql`${Prisma.raw(startColumn)} > ${new Date(range.lower.getTime() - longest)} AND ` : Prisma.empty
          }${Prisma.raw(endColumn)} > ${range.lower})`,
      ),
      ' OR ',
    );
  const longest = MAX_DURATION_MINUTES * 60_000;
  const rows = await db.$queryRaw<{ kind: BusyRow['kind'] | 'calendar'; id: string; spokespersonId: string; start: unknown; end: unknown; bufferBefore: unknown; bufferAfter: unknown }[]>`
    SELECT 'away' AS "kind", "id", "spokespersonId", "startsAt" AS "start", "endsAt" AS "end", 0 AS "bufferBefore", 0 AS "bufferAfter"
      FROM "TimeOff" WHERE "spokespersonId" IN (${idList}) AND (${during('"startsAt"', '"endsAt"')})
    UNION ALL
    SELECT 'interview', "id", "spokespersonId", "startsAt", "endsAt", "bufferBeforeMinutes", "bufferAfterMinutes"
      FROM "Interview" WHERE "spokespersonId" IN (${idList}) AND "status" IN (${Prisma.join(BUSY_INTERVIEW_STATUSES)}) AND (${during('"startsAt"', '"endsAt"', longest)})
    UNION ALL
    SELECT 'hold', "id", "spokespersonId", "holdStart", "holdEnd", 0, 0
      FROM "InterviewRequest" WHERE "spokespersonId" IN (${idList}) AND "status" IN (${Prisma.join(HOLDING_REQUEST_STATUSES)}) AND (${during('"holdStart"', '"holdEnd"', longest)})
    UNION ALL
    SELECT 'calendar', "id", "spokespersonId", NULL, NULL, 0, 0
      FROM "CalendarBusy" WHERE "spokespersonId" IN (${idList})`;
  // A UNION loses the columns' declared types on SQLite, so dates may come back as text.
  const busy: BusyRow[] = [];
  const calendars: { id: string; spokespersonId: string }[] = [];
  for (const row of rows) {
    if (row.kind === 'calendar') calendars.push({ id: row.id, spokespersonId: row.spokespersonId });
    else busy.push({ kind: row.kind, id: row.id, spokespersonId: row.spokespersonId, start: instantOf(row.start), end: instantOf(row.end), bufferBefore: Number(row.bufferBefore), bufferAfter: Number(row.bufferAfter) });
  }
  return { busy, calendars };
}

/**
 * A synced calendar's busy intervals, read once per process. Safe to keep
 * without expiry because a CalendarBusy row is never updated: every sync
 * deletes the calendar's row and writes a new one with a new id
 * (server/calendars/sync-connection.ts), so a row id names one immutable
 * list. Bounded; past the bound the oldest go first (a row that is still
 * current is then simply read again).
 */
const calendarRows = new Map<string, { spokespersonId: string; busy: CalendarBusyInterval[] }>();
const MAX_CACHED_CALENDAR_ROWS = 2_000;
/**
 * The last list handed out per spokesperson, with the row ids it was made of:
 * while their calendars do not change, every load returns this very array, so
 * the slot engine's merged-timeline memo (keyed by the array) holds across
 * reloads of the spokesperson's bookings.
 */
const combinedBy = new Map<string, { rowIds: string; busy: CalendarBusyInterval[] }>();

/**
 * Busy times read from the spokespeople's own calendars (server/calendars/).
 * The UNION above only names the current rows; their intervals (thousands for
 * a busy calendar, as JSON) are read and parsed once per row, not on every
 * reload of a calendar a booking invalidated (issue #14: connected calendars
 * must cost slots almost nothing). Intervals outside the loaded ranges are kept:
 * they meet no slot in the window, and keeping them keeps the array the same.
 */
async function expandCalendarBusy(db: DbOrTx, rows: { id: string; spokespersonId: string }[]): Promise<Map<string, CalendarBusyInterval[]>> {
  const missing = rows.filter((row) => !calendarRows.has(row.id)).map((row) => row.id);
  if (missing.length > 0) {
    const read = await db.calendarBusy.findMany({ where: { id: { in: missing } }, select: { id: true, spokespersonId: true, calendarName: true, intervals: true } });
    for (const row of read) {
      if (calendarRows.size >= MAX_CACHED_CALENDAR_ROWS) calendarRows.delete(calendarRows.keys().next().value!);
      const intervals = row.intervals as [number, number][];
      calendarRows.set(row.id, { spokespersonId: row.spokespersonId, busy: intervals.map(([start, end]) => ({ start, end, calendar: row.calendarName })) });
    }
  }
  const idsBy = groupBy(rows, (row) => row.spokespersonId);
  const busyBy = new Map<string, CalendarBusyInterval[]>();
  for (const [spokespersonId, own] of idsBy) {
    const rowIds = own.map((row) => row.id).sort().join(',');
    const remembered = combinedBy.get(spokespersonId);
    if (remembered?.rowIds === rowIds) {
      busyBy.set(spokespersonId, remembered.busy);
      continue;
    }
    // A row deleted between the two reads (a sync replaced it) is skipped: the next load sees its successor.
    const busy = own.flatMap((row) => calendarRows.get(row.id)?.busy ?? []);
    if (own.every((row) => calendarRows.has(row.id))) combinedBy.set(spokespersonId, { rowIds, busy });
    busyBy.set(spokespersonId, busy);
  }
  return busyBy;
}

function instantOf(value: unknown): number {
  const instant = value instanceof Date ? value.getTime() : new Date(value as string).getTime();
  if (Number.isNaN(instant)) throw new Error(`Unreadable instant from the database: ${String(value)}`);
  return instant;
}

/** The windows widened by the margin, overlapping ones (of the same spokesperson) merged, with the local dates they may touch. */
function mergeWindows(windows: TimeWindow[]): { lower: Date; upper: Date; firstDate: string; lastDate: string; spokespersonId?: string }[] {
  const sorted = windows
    .map((window) => ({ lower: window.from.getTime() - MARGIN_MS, upper: window.to.getTime() + MARGIN_MS, spokespersonId: window.spokespersonId }))
    .sort((a, b) => (a.spokespersonId ?? '').localeCompare(b.spokespersonId ?? '') || a.lower - b.lower);
  const merged: typeof sorted = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && last.spokespersonId === range.spokespersonId && range.lower <= last.upper) last.upper = Math.max(last.upper, range.upper);
    else merged.push({ ...range });
  }
  // Local dates of a window in any zone lie within one day of its UTC dates.
  const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);
  return merged.map((range) => ({
    lower: new Date(range.lower),
    upper: new Date(range.upper),
    firstDate: dateOf(range.lower + MARGIN_MS - 86_400_000),
    lastDate: dateOf(range.upper - MARGIN_MS + 86_400_000),
    spokespersonId: range.spokespersonId,
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
