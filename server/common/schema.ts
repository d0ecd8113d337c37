// Reusable zod pieces for every boundary: time zones, instants, local dates,
// wall-clock times, language tags. Each says why its limits are what they are.
import { IANAZone } from 'luxon';
import { z } from 'zod';

// luxon's isValidZone builds an Intl.DateTimeFormat per call (~20 µs): too slow
// for the public slot query, so answers are remembered. Bounded because the
// names come from anyone; valid names are a few hundred, junk is not kept.
const knownZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 2_000;

function isIanaZoneName(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  const valid = zone === 'UTC' || (/^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(zone) && IANAZone.isValidZone(zone));
  if (valid && knownZones.size < MAX_REMEMBERED_ZONES) knownZones.set(zone, true);
  return valid;
}

/**
 * An IANA zone name such as "Europe/Zurich" or "UTC". Abbreviations and
 * legacy aliases without a region ("CET", "EST", "PST8PDT") are refused even
 * where tzdb knows them: they are ambiguous to people and wrong half the year.
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Enter a time zone')
  .max(64)
  .refine(isIanaZoneName, {
    error: 'Use an IANA time zone name such as Europe/Zurich or America/New_York (not an abbreviation like CET)',
  });

/** An instant as ISO 8601 with an explicit offset or Z; parsed to a Date. */
export const instantSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'Use an ISO 8601 instant with an offset, e.g. 2027-03-22T15:00:00+01:00 or 2027-03-22T14:00:00Z',
  })
  .transform((value, context) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'This date and time does not exist' });
      return z.NEVER;
    }
    return date;
  });

/** A calendar date "YYYY-MM-DD" that exists (no 2027-02-30). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD' })
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'This date does not exist');

/** Wall-clock "HH:mm" (00:00–23:59), or "24:00" for the end of the day. */
export const wallTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'Use a time as HH:mm, from 00:00 to 24:00' });

/** A BCP 47 language tag, canonicalised ("EN-gb" → "en-GB"). */
export const languageTagSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((value, context) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // fall through
    }
    context.addIssue({ code: 'custom', message: `"${value}" is not a language tag; use BCP 47 such as en, fr-CH, pl` });
    return z.NEVER;
  });

export const interviewFormats = ['phone', 'whatsapp', 'video', 'studio', 'in_person', 'written'] as const;
export const interviewFormatSchema = z.enum(interviewFormats, {
  error: `Use one of ${interviewFormats.join(', ')}`,
});

/** A database id as we hand them out (cuid); bounded so junk never reaches a query. */
/** Shortest and longest interview we schedule: a 5-minute radio hit to a half-day studio session. */
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;

export const idSchema = z.string().trim().min(1, 'Missing id').max(64);
