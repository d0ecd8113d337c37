// "My interviews": a spokesperson's own bookings, upcoming or past. Limited to
// the spokesperson record linked to the signed-in account; no input can name
// another one (desk.interviews.list, for press officers, can).
import { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { inZones } from '../requests/request-view';

export const listOwnInterviewsInput = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  /** Past interviews go back years; the page shows the latest ones. */
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * Upcoming: not yet ended, soonest first (cancelled ones included, marked so).
 * Past: ended, latest first. Times come in the spokesperson's zone and the
 * reporter's. NOT_FOUND when the account is linked to no spokesperson.
 */
export async function listOwnInterviews(options: { db: Db; spokespersonId: string | null; input: z.output<typeof listOwnInterviewsInput>; now: Date }) {
  const { db, spokespersonId, input, now } = options;
  if (!spokespersonId) throw new AppError('NOT_FOUND', 'Your account is not linked to a spokesperson profile. Ask the press office to link it.');
  const upcoming = input.when === 'upcoming';
  const rows = await db.interview.findMany({
    where: { spokespersonId, endsAt: upcoming ? { gt: now } : { lte: now } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      format: true,
      formatDetails: true,
      spokesperson: { select: { timeZone: true } },
      request: { select: { reference: true, topic: true, language: true, attribution: true, reporterName: true, reporterOutlet: true, reporterTimeZone: true } },
    },
    orderBy: [{ startsAt: upcoming ? 'asc' : 'desc' }, { id: 'asc' }],
    take: input.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    start: inZones(row.startsAt, row.request.reporterTimeZone, row.spokesperson.timeZone),
    end: inZones(row.endsAt, row.request.reporterTimeZone, row.spokesperson.timeZone),
    timeZone: row.spokesperson.timeZone,
    format: row.format,
    formatDetails: (row.formatDetails ?? {}) as Record<string, string | undefined>,
    reference: row.request.reference,
    topic: row.request.topic,
    language: row.request.language,
    attribution: row.request.attribution,
    reporter: { name: row.request.reporterName, outlet: row.request.reporterOutlet, timeZone: row.request.reporterTimeZone },
  }));
}
