// Which upcoming interviews a spokesperson's own calendar now shows them busy
// during: the "Calendar conflict" flag of the desk's interview list, interview
// page and queue.
//
// Computed on read from the stored busy times rather than stored as a flag:
// each sync replaces a calendar's busy times, so the flag clears by itself when
// the event goes away (or its connection is removed) and follows the interview
// when it is moved or cancelled, with no second copy to keep in step. The cost
// is one indexed query per list; the intervals are JSON rows per calendar
// (server/availability/load-calendars.ts explains why).
//
// The interview's own entry in a write-back calendar is never among the busy
// times: the sync skips events whose UID is an interview's invite UID.
import type { DbOrTx } from '../db';

/** Interview statuses still to happen, which a calendar event can collide with. */
export const CLASHABLE_INTERVIEW_STATUSES = ['confirmed', 'rescheduled'];

export interface CalendarClash {
  /** The calendar's name as the desk knows it ("Work: Board"). */
  calendar: string;
  /** The busy time that overlaps, ISO instants. */
  start: string;
  end: string;
  /** When that calendar was last read successfully (ISO), so the desk can judge how current the clash is. */
  syncedAt: string | null;
}

export interface ClashCandidate {
  id: string;
  spokespersonId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The first busy time (earliest start) overlapping each interview that is
 * confirmed or rescheduled and not yet over, by interview id. Interviews
 * without a clash are absent. One query, only when some interview qualifies.
 */
export async function findCalendarClashes(db: DbOrTx, interviews: ClashCandidate[], now: Date): Promise<Map<string, CalendarClash>> {
  const clashes = new Map<string, CalendarClash>();
  const upcoming = interviews.filter((interview) => CLASHABLE_INTERVIEW_STATUSES.includes(interview.status) && interview.endsAt.getTime() > now.getTime());
  if (upcoming.length === 0) return clashes;
  const rows = await db.calendarBusy.findMany({
    where: { spokespersonId: { in: [...new Set(upcoming.map((interview) => interview.spokespersonId))] } },
    select: { spokespersonId: true, calendarName: true, intervals: true, connection: { select: { lastSyncedAt: true } } },
    orderBy: { id: 'asc' },
  });
  for (const interview of upcoming) {
    const start = interview.startsAt.getTime();
    const end = interview.endsAt.getTime();
    let found: CalendarClash | undefined;
    let foundStart = Infinity;
    for (const row of rows) {
      if (row.spokespersonId !== interview.spokespersonId) continue;
      const intervals = row.intervals as [number, number][];
      // Rows written before syncs sorted CalDAV calendars' intervals may be out of order: every one is looked at.
      for (const [busyStart, busyEnd] of intervals) {
        if (busyStart < end && busyEnd > start && busyStart < foundStart) {
          foundStart = busyStart;
          found = { calendar: row.calendarName, start: new Date(busyStart).toISOString(), end: new Date(busyEnd).toISOString(), syncedAt: row.connection.lastSyncedAt?.toISOString() ?? null };
        }
      }
    }
    if (found) clashes.set(interview.id, found);
  }
  return clashes;
}
