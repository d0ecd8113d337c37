import { z } from 'zod';
import { MAX_DURATION_MINUTES, idOrSlugSchema, idSchema, oneLineText, instantSchema, interviewFormatSchema, languageTagSchema, timeZoneSchema } from '../common/schema';

/**
 * Longest window one slot query may ask for. 62 days covers any reporter's
 * planning (two calendar months) and bounds the work of a public, unauthenticated
 * query; a longer window is a VALIDATION_FAILED error, never a slow answer.
 */
export const MAX_SLOT_WINDOW_DAYS = 62;
/** Longest window for a search across spokespeople (it multiplies by their number). */
export const MAX_SEARCH_WINDOW_DAYS = 31;
/** Slots listed per spokesperson in a search answer. */
export const MAX_SEARCH_SLOTS_PER_PERSON = 20;

/** A slot window in a viewer's zone; shared by the public slot query and the staff preview. */
export const slotWindowShape = {
  from: instantSchema,
  to: instantSchema,
  /** The viewer's zone: slots are given with its offset. */
  timeZone: timeZoneSchema,
  duration: z.number().int().min(5).max(MAX_DURATION_MINUTES).optional(),
};

/**
 * Refinement: `to` after `from`, at most `days` later (spread into `.refine`). Passes while either
 * end is not a valid instant (zod 4 runs object refinements after a field failed, and that field's
 * own message is the one to show; `from: ""` must not answer "getTime is not a function").
 */
export function windowWithin(days: number): [(value: { from: Date; to: Date }) => boolean, { error: string; path: string[] }] {
  return [
    (value) => {
      const ms = windowMs(value);
      return ms === null || (ms > 0 && ms <= days * 86_400_000);
    },
    { error: `"to" must be after "from" and at most ${days} days later`, path: ['to'] },
  ];
}

export const slotsInput = z
  .object({
    /** The spokesperson's id or slug (the slug in a public link lets the picker ask before it has the profile). */
    spokespersonId: idOrSlugSchema,
    ...slotWindowShape,
  })
  .refine(...windowWithin(MAX_SLOT_WINDOW_DAYS));

export const searchInput = z
  .object({
    ...slotWindowShape,
    topic: oneLineText().min(1, 'Enter a topic').max(100).optional(),
    language: languageTagSchema.optional(),
    /** Only spokespeople who accept this interview format. */
    format: interviewFormatSchema.optional(),
    slotsPerSpokesperson: z.number().int().min(1).max(MAX_SEARCH_SLOTS_PER_PERSON).default(3),
  })
  .refine(...windowWithin(MAX_SEARCH_WINDOW_DAYS));

/**
 * The planner shows a day or a week. A local week lasts 7 days ± a DST hour, so 8 days leaves room
 * in any zone and bounds the work (it multiplies by the number of spokespeople).
 */
export const MAX_PLANNER_WINDOW_DAYS = 8;
/** More than a press office has spokespeople; bounds the id list a client can send. */
export const MAX_PLANNER_SPOKESPEOPLE = 200;

/**
 * Window length in ms, or null while either end is not a valid instant: zod 4 still runs object
 * refinements after a field fails, and that field's own message is the one to show.
 */
function windowMs(value: { from: unknown; to: unknown }): number | null {
  return value.from instanceof Date && value.to instanceof Date ? value.to.getTime() - value.from.getTime() : null;
}

export const plannerInput = z
  .object({
    from: instantSchema,
    to: instantSchema,
    /** The viewer's zone: its night hours are marked. */
    timeZone: timeZoneSchema,
    /** Only these spokespeople (unknown or inactive ones are left out); all active ones when absent. */
    spokespersonIds: z.array(idSchema).max(MAX_PLANNER_SPOKESPEOPLE).optional(),
  })
  .refine((value) => (windowMs(value) ?? 1) > 0, { error: '"to" must be after "from"', path: ['to'] })
  .refine((value) => (windowMs(value) ?? 0) <= MAX_PLANNER_WINDOW_DAYS * 86_400_000, {
    error: `The planner shows at most ${MAX_PLANNER_WINDOW_DAYS} days: bring "to" closer to "from"`,
    path: ['to'],
  });
