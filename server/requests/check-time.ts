// Advice before the desk commits a time: could this spokesperson take this
// interview now, and if not, why. The same checks as the booking itself
// (checkBookable), read without the lock: the booking checks again inside it.
import type { z } from 'zod';
import type { Db } from '../db';
import { AppError, isAppError } from '../errors';
import { checkBookable, loadCalendarAround } from './booking';
import type { checkTimeInput } from './schema';

export type TimeCheck =
  | { bookable: true; outsideHours: false; message: null; code: null }
  /** outsideHours: only the hours stand in the way, so the desk may book it anyway (overrideHours). */
  | { bookable: false; outsideHours: boolean; message: string; code: string };

/**
 * desk.checkTime: `bookable` when the desk could book it as it stands;
 * otherwise the same message the booking would give, and whether overriding
 * the spokesperson's hours would make it bookable. Saves nothing.
 */
export async function checkTime(context: { db: Db; now: Date }, input: z.output<typeof checkTimeInput>): Promise<TimeCheck> {
  const end = new Date(input.start.getTime() + input.durationMinutes * 60_000);
  const calendar = await loadCalendarAround(context.db, input.spokespersonId, input.start, end);
  const check = {
    spokespersonId: input.spokespersonId,
    start: input.start,
    durationMinutes: input.durationMinutes,
    mode: 'desk' as const,
    exclude: { requestId: input.excludeRequestId, interviewId: input.excludeInterviewId },
    now: context.now,
  };
  const problemWith = (overrideHours: boolean): AppError | null => {
    try {
      checkBookable(calendar, { ...check, overrideHours });
      return null;
    } catch (error) {
      if (isAppError(error)) return error;
      throw error;
    }
  };
  const strict = problemWith(false);
  if (!strict) return { bookable: true, outsideHours: false, message: null, code: null };
  const overridden = problemWith(true);
  return { bookable: false, outsideHours: overridden === null, message: strict.message, code: strict.code };
}
