// The one place where "no double booking" is decided (DESIGN.md rule 2).
//
// How it is enforced: every change to a spokesperson's bookings (approve,
// reschedule, pick, hold, reassign) runs in withBookingLock, which first
// UPDATEs the spokesperson rows involved (bumping bookingVersion), then checks
// and writes. That first UPDATE serialises competing writers:
// - PostgreSQL (READ COMMITTED): the UPDATE takes a row lock held until commit;
//   a competing transaction blocks on it, and its later SELECTs see what the
//   winner committed, so its conflict check fails with SLOT_TAKEN.
// - SQLite: the UPDATE takes the database's single write lock (and the driver
//   adapter runs one transaction at a time per process), so checks and writes
//   of competing transactions cannot interleave.
// Rows are locked in id order (see lockSpokespeople), so two transactions
// locking the same two spokespeople queue rather than deadlock. Availability
// edits and time off also bump bookingVersion, so they serialise with bookings
// too.
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import { computeFreeSlots } from '../availability/compute-free-slots';
import { widenBooking, overlaps } from '../availability/conflicts';
import { invalidateCalendars } from '../availability/calendar-cache';
import { loadCalendars, type SpokespersonCalendar } from '../availability/load-calendars';
import type { CalendarBusyInterval } from '../availability/types';

// Generous: under a 50-way race each transaction waits for the ones before it.
export const BOOKING_TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

/**
 * Runs `work` in one transaction that holds the booking lock of the given
 * spokespeople. Invalidates their cached calendars after commit.
 */
export async function withBookingLock<T>(db: Db, spokespersonIds: (string | null | undefined)[], work: (tx: Tx) => Promise<T>): Promise<T> {
  const ids = [...new Set(spokespersonIds.filter((id): id is string => Boolean(id)))].sort();
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockSpokespeople(tx, ids);
      if (locked.size < ids.length) throw new AppError('NOT_FOUND', 'No such spokesperson.');
      return work(tx);
    }, BOOKING_TRANSACTION_OPTIONS);
  } finally {
    invalidateCalendars(db, ids);
  }
}

/**
 * Takes the booking lock of these spokespeople inside `tx` (see the top of this
 * file); returns the ids that exist. One UPDATE for all of them: PostgreSQL's
 * primary-key index scan visits (and locks) an IN list in key order, so two
 * transactions locking overlapping sets queue rather than deadlock; should one
 * ever deadlock, PostgreSQL aborts it and the caller's error handling applies.
 * For callers that run their own transaction (the batched intake); everyone
 * else uses withBookingLock.
 */
export async function lockSpokespeople(tx: Tx, spokespersonIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(spokespersonIds)].sort();
  if (ids.length === 0) return new Set();
  const { count } = await tx.spokesperson.updateMany({ where: { id: { in: ids } }, data: { bookingVersion: { increment: 1 } } });
  if (count === ids.length) return new Set(ids);
  // Some do not exist: the count says how many, not which.
  return new Set((await tx.spokesperson.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
}

export interface BookableCheck {
  spokespersonId: string;
  start: Date;
  durationMinutes: number;
  /** reporter: the spokesperson's hours, grid, notice and horizon apply; desk: hours unless overridden, any minute. */
  mode: 'reporter' | 'desk';
  overrideHours?: boolean;
  /** desk only: book although the spokesperson's own calendar shows them busy (they said they can move it). */
  overrideCalendar?: boolean;
  /** Records the change replaces (the interview being moved, the request's own hold). */
  exclude?: { interviewId?: string; requestId?: string };
  now: Date;
}

/** Loads one active spokesperson's calendar around a time, bypassing the cache (use inside the lock). */
export async function loadCalendarAround(db: Db | Tx, spokespersonId: string, start: Date, end: Date): Promise<SpokespersonCalendar> {
  const [calendar] = await loadCalendars({
    db,
    where: { ids: [spokespersonId] },
    from: new Date(start.getTime() - 86_400_000),
    to: new Date(end.getTime() + 86_400_000),
  });
  if (!calendar) throw new AppError('NOT_FOUND', 'No such spokesperson, or they no longer give interviews.');
  return calendar;
}

/**
 * Throws unless the spokesperson can take this interview now:
 * SLOT_TAKEN for an overlapping interview or hold (buffers included), time off
 * or a full day; VALIDATION_FAILED for a time outside their hours (unless the
 * desk overrides), in the past, inside minimum notice or off the slot grid
 * (reporters only). Returns the calendar it checked against.
 */
export async function assertBookable(db: Db | Tx, check: BookableCheck): Promise<SpokespersonCalendar> {
  const end = new Date(check.start.getTime() + check.durationMinutes * 60_000);
  const calendar = await loadCalendarAround(db, check.spokespersonId, check.start, end);
  checkBookable(calendar, check);
  return calendar;
}

/** The checks of assertBookable against a calendar already loaded (fresh inside the lock, or cached for advice). */
export function checkBookable(calendar: SpokespersonCalendar, check: BookableCheck): void {
  const end = new Date(check.start.getTime() + check.durationMinutes * 60_000);
  const engine = calendar.engine;
  if (check.start.getTime() <= check.now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'That time has already passed.');
  }
  if (check.start.getTime() % 60_000 !== 0) {
    throw new AppError('VALIDATION_FAILED', 'Interviews start on a whole minute.');
  }
  const excluded = new Set([check.exclude?.interviewId && `interview:${check.exclude.interviewId}`, check.exclude?.requestId && `hold:${check.exclude.requestId}`]);
  const bookings = engine.bookings.filter((booking) => !excluded.has(booking.source));
  const buffers = { bufferBeforeMinutes: engine.bufferBeforeMinutes, bufferAfterMinutes: engine.bufferAfterMinutes };
  const candidate = widenBooking({ start: check.start.getTime(), end: end.getTime(), ...buffers });

  if (bookings.some((booking) => overlaps(candidate, widenBooking(booking, buffers)))) {
    throw new AppError('SLOT_TAKEN', `${calendar.name} already has an interview or a held request at that time (preparation buffers included).`);
  }
  if (engine.timeOff.some((away) => overlaps(candidate, away))) {
    throw new AppError('SLOT_TAKEN', `${calendar.name} is away at that time.`);
  }
  const clash = calendarConflicts(calendar, check)[0];
  if (clash && !(check.mode === 'desk' && check.overrideCalendar)) {
    throw new AppError('EXTERNAL_CONFLICT', `${calendar.name}'s calendar "${clash.calendar}" shows them busy at that time.`, {
      details: { calendar: clash.calendar, start: new Date(clash.start).toISOString(), end: new Date(clash.end).toISOString() },
    });
  }
  if (engine.maxPerDay !== null) {
    const localDate = (instant: number) => DateTime.fromMillis(instant, { zone: calendar.timeZone }).toISODate();
    const day = localDate(check.start.getTime());
    const taken = bookings.filter((booking) => booking.countsTowardCap !== false && localDate(booking.start) === day).length;
    if (taken >= engine.maxPerDay) {
      throw new AppError('SLOT_TAKEN', `${calendar.name}'s day (${day}, their time) is full: ${engine.maxPerDay} interviews at most.`);
    }
  }

  if (check.mode === 'desk' && check.overrideHours) return;
  if (!offersStart(calendar, check)) {
    const reporter = check.mode === 'reporter';
    if (reporter && check.start.getTime() < check.now.getTime() + engine.minimumNoticeMinutes * 60_000) {
      throw new AppError('VALIDATION_FAILED', `${calendar.name} needs at least ${formatMinutes(engine.minimumNoticeMinutes)} notice.`);
    }
    if (reporter && check.start.getTime() >= check.now.getTime() + engine.horizonDays * 86_400_000) {
      throw new AppError('VALIDATION_FAILED', `${calendar.name} takes requests up to ${engine.horizonDays} days ahead.`);
    }
    throw new AppError('VALIDATION_FAILED', `That time is outside ${calendar.name}'s interview hours${reporter ? ' or not one of the offered slots' : ''}.`);
  }
}

/**
 * Whether the spokesperson's hours (weekly hours and date overrides; for
 * reporters also grid, notice and horizon) offer exactly this start, leaving
 * bookings, time off and the daily cap aside.
 */
export function offersStart(calendar: SpokespersonCalendar, check: Pick<BookableCheck, 'start' | 'durationMinutes' | 'mode' | 'now'>): boolean {
  const engine = calendar.engine;
  const end = new Date(check.start.getTime() + check.durationMinutes * 60_000);
  // Hours (and, for reporters, grid, notice and horizon): the engine must offer exactly this start.
  const reporter = check.mode === 'reporter';
  const offered = computeFreeSlots({
    ...engine,
    bookings: [],
    timeOff: [],
    calendarBusy: [],
    maxPerDay: null,
    durationMinutes: check.durationMinutes,
    stepMinutes: reporter ? engine.stepMinutes : 1,
    minimumNoticeMinutes: reporter ? engine.minimumNoticeMinutes : 0,
    horizonDays: reporter ? engine.horizonDays : 3660,
    now: check.now.getTime(),
    from: check.start.getTime(),
    to: end.getTime(),
  });
  return offered.some((slot) => slot.start === check.start.getTime());
}

/** Busy times from the spokesperson's own calendars that the checked interview (with its buffers) overlaps. */
export function calendarConflicts(calendar: SpokespersonCalendar, check: Pick<BookableCheck, 'start' | 'durationMinutes'>): CalendarBusyInterval[] {
  const engine = calendar.engine;
  const candidate = widenBooking({ start: check.start.getTime(), end: check.start.getTime() + check.durationMinutes * 60_000, bufferBeforeMinutes: engine.bufferBeforeMinutes, bufferAfterMinutes: engine.bufferAfterMinutes });
  return (engine.calendarBusy ?? []).filter((busy) => overlaps(candidate, busy));
}

function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}'`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}'`;
  return `${minutes} minutes'`;
}

/** The spokesperson's local date of an instant, for the interview's daily-cap column. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** Prisma's unique-constraint violation (also through driver adapters). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
