// The availability editor's live preview: the free slots a draft of weekly
// hours, overrides, time off and settings would offer, against the
// spokesperson's real bookings, without saving anything. It runs the same
// engine and formatter as availability.slots, so what the preview shows is
// what reporters will be offered once the draft is saved.
import type { z } from 'zod';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/schema';
import { computeCalendarSlots, pickDuration, shapeSlotsAnswer, type SlotsAnswer } from '../availability/find-free-slots';
import { loadCalendars } from '../availability/load-calendars';
import type { IsoWeekday } from '../availability/types';
import { assertCanManageSpokesperson } from './manage-spokesperson';
import type { previewAvailabilityInput } from './schema';

/**
 * Free slots in `[from, to)` as `availability.slots` answers them, computed
 * from the draft (fields left out of it come from what is saved) and the
 * spokesperson's confirmed interviews and pending holds. Read-only: writes
 * nothing and leaves the slot cache alone. Same authorisation as
 * setAvailability (FORBIDDEN for another spokesperson's record); NOT_FOUND for
 * an unknown id; inactive spokespeople can be previewed. VALIDATION_FAILED for
 * a duration they do not offer.
 */
export async function previewAvailability(options: { db: DbOrTx; input: z.output<typeof previewAvailabilityInput>; actor: { user: SessionUser }; now: Date }): Promise<SlotsAnswer> {
  const { input } = options;
  assertCanManageSpokesperson(options.actor.user, input.spokespersonId);
  // Read directly, not through the calendar cache: the editor wants the
  // bookings as they are now, and the cache holds active spokespeople only.
  const [calendar] = await loadCalendars({ db: options.db, where: { ids: [input.spokespersonId], includeInactive: true }, from: input.from, to: input.to });
  if (!calendar) throw new AppError('NOT_FOUND', 'No such spokesperson.');
  const durationMinutes = pickDuration(calendar, input.duration);
  const saved = calendar.engine;
  const draft = {
    ...calendar,
    engine: {
      ...saved,
      weeklyRules: input.weeklyRules.map((rule) => ({ weekday: rule.weekday as IsoWeekday, start: rule.start, end: rule.end })),
      overrides: input.overrides ? input.overrides.map((override) => ({ date: override.date, ranges: override.ranges })) : saved.overrides,
      timeOff: input.timeOff ? input.timeOff.map((entry) => ({ start: entry.start.getTime(), end: entry.end.getTime() })) : saved.timeOff,
      bufferBeforeMinutes: input.bufferBeforeMinutes ?? saved.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes ?? saved.bufferAfterMinutes,
      minimumNoticeMinutes: input.minimumNoticeMinutes ?? saved.minimumNoticeMinutes,
      maxPerDay: input.maxPerDay === undefined ? saved.maxPerDay : input.maxPerDay,
    },
  };
  const slots = computeCalendarSlots(draft, { durationMinutes, from: input.from, to: input.to, now: options.now });
  return shapeSlotsAnswer(draft, { slots, durationMinutes, viewerTimeZone: input.timeZone });
}
