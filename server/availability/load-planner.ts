// desk.planner: reads what the planner shows for every active spokesperson in
// five queries whatever their number, then lays it out with the pure
// buildPlanner. Reads the database directly rather than the calendar cache: the
// planner needs details the slot engine does not (references, outlets, reasons)
// and a press officer deciding on a time must see writes at once.
import type { z } from 'zod';
import type { DbOrTx } from '../db';
import { BUSY_INTERVIEW_STATUSES, HOLDING_REQUEST_STATUSES, toDateOverrides, toWeeklyRules } from './load-calendars';
import { buildPlanner, type PlannerView } from './planner';
import type { plannerInput } from './schema';

const DAY_MS = 86_400_000;
/**
 * Date overrides are local dates: an overnight range of the local date before the window can reach
 * into it, and local dates lie within a day of UTC dates, so two days either side cover them all.
 */
const OVERRIDE_MARGIN_MS = 2 * DAY_MS;

/**
 * The planner for `[from, to)`: per active spokesperson (name order) their working hours, time off,
 * interviews that occupy time (the statuses that block slots) and pending holds, plus the viewer's
 * night hours. Unknown or inactive ids in `spokespersonIds` are left out.
 */
export async function loadPlanner(options: { db: DbOrTx; input: z.output<typeof plannerInput> }): Promise<PlannerView> {
  const { db, input } = options;
  const firstDate = new Date(input.from.getTime() - OVERRIDE_MARGIN_MS).toISOString().slice(0, 10);
  const lastDate = new Date(input.to.getTime() + OVERRIDE_MARGIN_MS).toISOString().slice(0, 10);
  const people = await db.spokesperson.findMany({
    where: { active: true, ...(input.spokespersonIds ? { id: { in: input.spokespersonIds } } : {}) },
    select: {
      id: true,
      name: true,
      timeZone: true,
      weeklyRules: { select: { weekday: true, startTime: true, endTime: true } },
      overrides: { where: { date: { gte: firstDate, lte: lastDate } }, select: { date: true, ranges: true } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const ids = people.map((person) => person.id);
  const [timeOff, interviews, holds, calendarBusy] =
    ids.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db.timeOff.findMany({
            where: { spokespersonId: { in: ids }, startsAt: { lt: input.to }, endsAt: { gt: input.from } },
            select: { id: true, spokespersonId: true, startsAt: true, endsAt: true, reason: true },
          }),
          db.interview.findMany({
            where: { spokespersonId: { in: ids }, status: { in: BUSY_INTERVIEW_STATUSES }, startsAt: { lt: input.to }, endsAt: { gt: input.from } },
            select: { id: true, spokespersonId: true, startsAt: true, endsAt: true, status: true, request: { select: { reference: true, reporterOutlet: true } } },
          }),
          db.interviewRequest.findMany({
            where: { spokespersonId: { in: ids }, status: { in: HOLDING_REQUEST_STATUSES }, holdStart: { lt: input.to }, holdEnd: { gt: input.from } },
            select: { id: true, spokespersonId: true, reference: true, holdStart: true, holdEnd: true },
          }),
          db.calendarBusy.findMany({ where: { spokespersonId: { in: ids } }, select: { spokespersonId: true, calendarName: true, intervals: true } }),
        ]);

  return buildPlanner({
    from: input.from.getTime(),
    to: input.to.getTime(),
    viewerTimeZone: input.timeZone,
    spokespeople: people.map((person) => ({
      id: person.id,
      name: person.name,
      timeZone: person.timeZone,
      weeklyRules: toWeeklyRules(person.weeklyRules),
      overrides: toDateOverrides(person.overrides),
      timeOff: timeOff
        .filter((row) => row.spokespersonId === person.id)
        .map((row) => ({ id: row.id, start: row.startsAt.getTime(), end: row.endsAt.getTime(), reason: row.reason })),
      interviews: interviews
        .filter((row) => row.spokespersonId === person.id)
        .map((row) => ({ id: row.id, start: row.startsAt.getTime(), end: row.endsAt.getTime(), status: row.status, reference: row.request.reference, outlet: row.request.reporterOutlet })),
      holds: holds
        .filter((row) => row.spokespersonId === person.id)
        .map((row) => ({ requestId: row.id, reference: row.reference, start: row.holdStart!.getTime(), end: row.holdEnd!.getTime() })),
      // Stored as one JSON array per calendar (server/calendars/); buildPlanner keeps what overlaps the window.
      calendarBusy: calendarBusy
        .filter((row) => row.spokespersonId === person.id)
        .flatMap((row) => (row.intervals as [number, number][]).map(([start, end]) => ({ calendar: row.calendarName, start, end }))),
    })),
  });
}
