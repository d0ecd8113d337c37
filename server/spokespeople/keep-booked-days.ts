// A date override must not take away hours an interview is booked in: it is
// refused exactly as time off over an interview is (manage-spokesperson.ts,
// addTimeOff), naming the interviews to reschedule or cancel first.
import { DateTime } from 'luxon';
import type { Tx } from '../db';
import { AppError } from '../errors';
import { loadCalendarAround, offersStart } from '../requests/booking';
import { ACTIVE_INTERVIEW_STATUSES } from '../requests/state';

/** The dates either side too: a range may run past midnight into the next local date. */
function withNeighbours(dates: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const date of dates) {
    const day = DateTime.fromISO(date, { zone: 'UTC' });
    for (const offset of [-1, 0, 1]) all.add(day.plus({ days: offset }).toISODate()!);
  }
  return [...all];
}

/**
 * Runs `change` (which rewrites the overrides of `dates`) inside `tx`, then
 * throws SLOT_TAKEN, rolling the change back, when a booked future interview
 * on one of those local dates was inside the spokesperson's hours before and
 * is not after. Interviews the desk booked outside the hours on purpose are
 * not the change's doing and do not block it. Call with the spokesperson's
 * booking lock held (bookingVersion bumped first), as bookings do.
 */
export async function keepBookedDays<T>(tx: Tx, options: { spokespersonId: string; dates: string[]; now: Date }, change: () => Promise<T>): Promise<T> {
  if (options.dates.length === 0) return change();
  const interviews = await tx.interview.findMany({
    where: { spokespersonId: options.spokespersonId, status: { in: ACTIVE_INTERVIEW_STATUSES }, localDate: { in: withNeighbours(options.dates) }, startsAt: { gt: options.now } },
    select: { id: true, startsAt: true, endsAt: true, request: { select: { reference: true } } },
    orderBy: { startsAt: 'asc' },
  });
  if (interviews.length === 0) return change();
  const from = interviews[0]!.startsAt;
  const to = new Date(Math.max(...interviews.map((interview) => interview.endsAt.getTime())));
  const covered = async () => {
    const calendar = await loadCalendarAround(tx, options.spokespersonId, from, to).catch(() => null);
    // An inactive spokesperson has no calendar to check against: nothing to keep.
    if (!calendar) return new Set<string>();
    return new Set(
      interviews
        .filter((interview) => offersStart(calendar, { start: interview.startsAt, durationMinutes: Math.round((interview.endsAt.getTime() - interview.startsAt.getTime()) / 60_000), mode: 'desk', now: options.now }))
        .map((interview) => interview.id),
    );
  };
  const before = await covered();
  const result = await change();
  const after = await covered();
  const clashing = interviews.filter((interview) => before.has(interview.id) && !after.has(interview.id));
  if (clashing.length > 0) {
    throw new AppError(
      'SLOT_TAKEN',
      `There ${clashing.length === 1 ? 'is an interview' : `are ${clashing.length} interviews`} in the hours this takes away (${clashing.map((interview) => interview.request.reference).join(', ')}): reschedule or cancel ${clashing.length === 1 ? 'it' : 'them'} first.`,
      { details: { interviews: clashing.map((interview) => ({ id: interview.id, reference: interview.request.reference, start: interview.startsAt.toISOString() })) } },
    );
  }
  return result;
}
