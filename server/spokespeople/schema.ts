import { z } from 'zod';
import { MIN_DURATION_MINUTES, MAX_DURATION_MINUTES } from '../common/schema';
import {
  idSchema,
  instantSchema,
  interviewFormatSchema,
  languageTagSchema,
  localDateSchema,
  multiLineText,
  nameText,
  oneLineText,
  timeZoneSchema,
  wallTimeSchema,
} from '../common/schema';
import { emailSchema } from '../auth/schema';
import { MAX_SLOT_WINDOW_DAYS, slotWindowShape, windowWithin } from '../availability/schema';

// Limits, each with its reason.
export { MIN_DURATION_MINUTES, MAX_DURATION_MINUTES } from '../common/schema';
/** Buffers beyond 4 hours are travel, which belongs in time off. */
export const MAX_BUFFER_MINUTES = 240;
/** Minimum notice up to 30 days. */
export const MAX_NOTICE_MINUTES = 30 * 24 * 60;
/** Booking horizon up to a year ahead. */
export const MAX_HORIZON_DAYS = 366;
/** A week has at most this many ranges; more is a data-entry mistake. */
export const MAX_WEEKLY_RULES = 50;
export const MAX_RANGES_PER_DAY = 12;
/** One time-off entry spans at most a year (a sabbatical); longer means "inactive". */
export const MAX_TIME_OFF_DAYS = 366;

const wallRangeSchema = z
  .object({ start: wallTimeSchema, end: wallTimeSchema })
  .refine((range) => range.start !== range.end && range.start !== '24:00', {
    error: 'A range needs different start and end times (an end earlier than the start means it ends the next day)',
  });

export const weeklyRuleSchema = z
  .object({
    weekday: z.number().int().min(1, 'Weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays are 1 (Monday) to 7 (Sunday)'),
    start: wallTimeSchema,
    end: wallTimeSchema,
  })
  .refine((rule) => rule.start !== rule.end && rule.start !== '24:00', {
    error: 'A range needs different start and end times (an end earlier than the start means it ends the next day)',
  });

export const dateOverrideSchema = z.object({
  date: localDateSchema,
  /** Empty: not available at all that day. */
  ranges: z.array(wallRangeSchema).max(MAX_RANGES_PER_DAY),
  note: oneLineText().max(200).optional(),
});

const durationSchema = z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES);

const settingsShape = {
  defaultDurationMinutes: durationSchema,
  allowedDurations: z.array(durationSchema).min(1).max(10),
  slotStepMinutes: z.number().int().min(5).max(240),
  bufferBeforeMinutes: z.number().int().min(0).max(MAX_BUFFER_MINUTES),
  bufferAfterMinutes: z.number().int().min(0).max(MAX_BUFFER_MINUTES),
  minimumNoticeMinutes: z.number().int().min(0).max(MAX_NOTICE_MINUTES),
  maxPerDay: z.number().int().min(1).max(50).nullable(),
  horizonDays: z.number().int().min(1).max(MAX_HORIZON_DAYS),
  holdSlots: z.boolean(),
};

const profileShape = {
  name: nameText().min(1, 'Enter a name').max(200),
  title: oneLineText().min(1, 'Enter a title').max(200),
  bio: multiLineText().max(5000),
  email: emailSchema,
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'Use an E.164 number such as +41780000000' }).nullable(),
  languages: z.array(languageTagSchema).min(1, 'Add at least one interview language').max(20),
  topics: z.array(oneLineText().min(1, 'Enter a topic').max(100)).max(50),
  timeZone: timeZoneSchema,
  formats: z.array(interviewFormatSchema).min(1, 'Allow at least one interview format'),
};

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Use lowercase letters, digits and dashes' })
  .max(80);

function defaultInAllowed(value: { defaultDurationMinutes?: number; allowedDurations?: number[] }) {
  // Also runs when a field failed (zod 4): only judge well-typed values.
  return typeof value.defaultDurationMinutes !== 'number' || !Array.isArray(value.allowedDurations) || value.allowedDurations.includes(value.defaultDurationMinutes);
}
const defaultInAllowedMessage = { error: 'The default duration must be one of the allowed durations', path: ['defaultDurationMinutes'] };

export const createSpokespersonInput = z
  .object({
    ...profileShape,
    slug: slugSchema.optional(),
    bio: profileShape.bio.default(''),
    phone: profileShape.phone.default(null),
    topics: profileShape.topics.default([]),
    defaultDurationMinutes: settingsShape.defaultDurationMinutes.default(30),
    allowedDurations: settingsShape.allowedDurations.default([30]),
    slotStepMinutes: settingsShape.slotStepMinutes.default(30),
    bufferBeforeMinutes: settingsShape.bufferBeforeMinutes.default(0),
    bufferAfterMinutes: settingsShape.bufferAfterMinutes.default(0),
    minimumNoticeMinutes: settingsShape.minimumNoticeMinutes.default(120),
    maxPerDay: settingsShape.maxPerDay.default(null),
    horizonDays: settingsShape.horizonDays.default(60),
    holdSlots: settingsShape.holdSlots.default(false),
    userId: idSchema.nullable().default(null),
    weeklyRules: z.array(weeklyRuleSchema).max(MAX_WEEKLY_RULES).default([]),
  })
  .refine(defaultInAllowed, defaultInAllowedMessage);

export const updateSpokespersonInput = z
  .object({ ...profileShape, ...settingsShape })
  .partial()
  .extend({ id: idSchema, active: z.boolean().optional(), userId: idSchema.nullable().optional() })
  .refine(defaultInAllowed, defaultInAllowedMessage);

/** Most date overrides one spokesperson keeps (more than a year of exceptions is a data-entry mistake). */
export const MAX_DATE_OVERRIDES = 400;

const availabilityShape = {
  spokespersonId: idSchema,
  weeklyRules: z.array(weeklyRuleSchema).max(MAX_WEEKLY_RULES),
  /** When given, replaces all date overrides; when absent, overrides are kept. */
  overrides: z.array(dateOverrideSchema).max(MAX_DATE_OVERRIDES).optional(),
};

/**
 * Each local date has at most one override. Checked in the schema (not in the
 * write) so the message points at the repeated date's field, and the preview
 * refuses the same drafts the save refuses.
 */
function distinctOverrideDates(value: { overrides?: { date: string }[] }, context: z.RefinementCtx) {
  const seen = new Set<string>();
  if (!Array.isArray(value.overrides)) return;
  value.overrides.forEach((override, index) => {
    if (typeof override?.date !== 'string') return;
    if (seen.has(override.date)) {
      context.addIssue({ code: 'custom', message: `Two overrides for ${override.date}: give each date once.`, path: ['overrides', index, 'date'] });
    }
    seen.add(override.date);
  });
}

export const setAvailabilityInput = z.object(availabilityShape).superRefine(distinctOverrideDates);

export const setDateOverrideInput = dateOverrideSchema.extend({ spokespersonId: idSchema });
export const removeDateOverrideInput = z.object({ spokespersonId: idSchema, date: localDateSchema });

const timeOffShape = {
  start: instantSchema,
  end: instantSchema,
  reason: oneLineText().max(200).optional(),
};

/** The rules every time-off entry obeys, saved or drafted (spread into `.refine`). */
type TimeOffRule = [(value: { start: Date; end: Date }) => boolean, { error: string; path: string[] }];
// Both pass while either end is not a valid instant: that field's own message is the one to show.
const bothInstants = (value: { start: unknown; end: unknown }) => value.start instanceof Date && value.end instanceof Date;
const timeOffEndsAfterStart: TimeOffRule = [(value) => !bothInstants(value) || value.end > value.start, { error: 'The end must be after the start', path: ['end'] }];
const timeOffWithinLimit: TimeOffRule = [
  (value) => !bothInstants(value) || value.end.getTime() - value.start.getTime() <= MAX_TIME_OFF_DAYS * 86_400_000,
  { error: `Time off spans at most ${MAX_TIME_OFF_DAYS} days; deactivate the spokesperson instead`, path: ['end'] },
];

export const addTimeOffInput = z
  .object({ spokespersonId: idSchema, ...timeOffShape })
  .refine(...timeOffEndsAfterStart)
  .refine(...timeOffWithinLimit);

export const removeTimeOffInput = z.object({ spokespersonId: idSchema, timeOffId: idSchema });

/**
 * Time-off entries one preview may carry. A client sends the entries that reach
 * into the previewed window (at most 62 days), so this is generous.
 */
export const MAX_DRAFT_TIME_OFF = 400;

/**
 * A draft of one spokesperson's availability, previewed without saving: the
 * fields `setAvailability` takes (same schemas, so the same messages at the same
 * paths), optionally draft time off and the settings the engine uses (same
 * schemas as `update`), and the window and viewer zone of `availability.slots`.
 * Anything left out is taken from what is saved.
 */
export const previewAvailabilityInput = z
  .object({
    ...availabilityShape,
    /** When given, stands for all the spokesperson's time off. */
    timeOff: z.array(z.object(timeOffShape).refine(...timeOffEndsAfterStart).refine(...timeOffWithinLimit)).max(MAX_DRAFT_TIME_OFF).optional(),
    bufferBeforeMinutes: settingsShape.bufferBeforeMinutes.optional(),
    bufferAfterMinutes: settingsShape.bufferAfterMinutes.optional(),
    minimumNoticeMinutes: settingsShape.minimumNoticeMinutes.optional(),
    maxPerDay: settingsShape.maxPerDay.optional(),
    ...slotWindowShape,
  })
  .superRefine(distinctOverrideDates)
  .refine(...windowWithin(MAX_SLOT_WINDOW_DAYS));
