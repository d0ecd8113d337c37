import { z } from 'zod';
import { idSchema, instantSchema, interviewFormatSchema, languageTagSchema, timeZoneSchema } from '../common/schema';

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

const windowShape = {
  from: instantSchema,
  to: instantSchema,
  /** The viewer's zone: slots are given with its offset. */
  timeZone: timeZoneSchema,
  duration: z.number().int().min(5).max(480).optional(),
};

function windowWithin(days: number): [(value: { from: Date; to: Date }) => boolean, { error: string; path: string[] }] {
  return [
    (value) => value.to > value.from && value.to.getTime() - value.from.getTime() <= days * 86_400_000,
    { error: `"to" must be after "from" and at most ${days} days later`, path: ['to'] },
  ];
}

export const slotsInput = z
  .object({
    /** The spokesperson's id or slug (the slug in a public link lets the picker ask before it has the profile). */
    spokespersonId: idSchema,
    ...windowShape,
  }).refine(...windowWithin(MAX_SLOT_WINDOW_DAYS));

export const searchInput = z
  .object({
    ...windowShape,
    topic: z.string().trim().min(1).max(100).optional(),
    language: languageTagSchema.optional(),
    /** Only spokespeople who accept this interview format. */
    format: interviewFormatSchema.optional(),
    slotsPerSpokesperson: z.number().int().min(1).max(MAX_SEARCH_SLOTS_PER_PERSON).default(3),
  })
  .refine(...windowWithin(MAX_SEARCH_WINDOW_DAYS));
