import { z } from 'zod';
import { sanitizeText } from './sanitize-text';
import { readInstant } from './utc-instant';

/*
 * Validation and normalisation of invite input. Everything that reaches the
 * `ics` adapter has passed through here, so the adapter can rely on:
 * instants as whole-second epoch milliseconds in 1970–9999; text with no CR,
 * no control characters and no lone surrogates; addresses and UIDs that
 * cannot carry a line break, a quote or a separator out of their property.
 */

/** RFC 5545 §3.3.8 INTEGER is a signed 32-bit value; `ics` enforces the same cap. */
export const MAX_SEQUENCE = 2_147_483_647;
/** A UID is '<interview id>@<host>'; 255 leaves ample room and keeps it one short line. */
export const MAX_UID_LENGTH = 255;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;
/** Display names longer than this are data-entry mistakes, not people. */
export const MAX_NAME_LENGTH = 200;
/** A summary is a one-line title; 500 characters is far more than any client displays. */
export const MAX_SUMMARY_LENGTH = 500;
/** Bounds the invite size (and mail size) while leaving room for questions and dial-in details. */
export const MAX_DESCRIPTION_LENGTH = 20_000;
/** A location is an address, a room or a dial-in line, not a document. */
export const MAX_LOCATION_LENGTH = 1_000;
/** The customary safe URL length (Internet Explorer's limit was 2,083 characters). */
export const MAX_URL_LENGTH = 2_000;
/** An interview has a reporter and a spokesperson, maybe a few colleagues; this is a safety bound. */
export const MAX_ATTENDEES = 50;
export const DEFAULT_PRODUCT_ID = '-//Interview Desk//EN';

const LINE_BREAK = /[\r\n]/;

/**
 * A conservative address check: a dot-atom local part made only of characters
 * that need no percent-encoding inside a `mailto:` URI (RFC 6068 §2: unreserved
 * and `!$'*+`), and a host name of LDH labels with at least one dot. This
 * excludes spaces, quotes, `<>`, `:`, `;`, `,` and every control character, so an
 * address can never end a parameter, a value or a line.
 */
const EMAIL_PATTERN =
  /^[A-Za-z0-9!$'*+_~-]+(?:\.[A-Za-z0-9!$'*+_~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * UID is a TEXT value (RFC 5545 §3.8.4.7). Restricting it to visible ASCII
 * without `\ ; , "` means it never needs escaping and is byte-stable across
 * every client that compares UIDs literally (they all do).
 */
const UID_PATTERN = /^[\x21-\x7E]+$/;
const UID_FORBIDDEN = /[\\;,"]/;

/** PRODID is configuration, not user text: visible ASCII and spaces, nothing that needs escaping. */
const PRODUCT_ID_PATTERN = /^[\x20-\x7E]+$/;
const PRODUCT_ID_FORBIDDEN = /[\\;,]/;

const instantSchema = z.union([z.date(), z.number()], { error: 'must be a Date or epoch milliseconds' }).transform((value, context) => {
  const epochMilliseconds = readInstant(value);
  if (epochMilliseconds === null) {
    context.addIssue({ code: 'custom', message: 'must be a valid instant between 1970 and 9999' });
    return z.NEVER;
  }
  return epochMilliseconds;
});

/** An address as written after `mailto:`: validated, then lowercased. */
export const emailAddressSchema = z
  .string()
  .refine((value) => !LINE_BREAK.test(value), 'must not contain CR or LF')
  .max(MAX_EMAIL_LENGTH)
  .regex(EMAIL_PATTERN, 'must be a plain address such as name@example.org')
  .transform((value) => value.toLowerCase());

const personSchema = z.object({
  name: z.string().max(MAX_NAME_LENGTH).transform(sanitizeText),
  email: emailAddressSchema,
});

const optionalText = (maximum: number) =>
  z
    .string()
    .max(maximum)
    .transform(sanitizeText)
    .optional();

export const inviteOptionsSchema = z
  .object({
    method: z.enum(['REQUEST', 'CANCEL']),
    uid: z
      .string()
      .refine((value) => !LINE_BREAK.test(value), 'must not contain CR or LF')
      .max(MAX_UID_LENGTH)
      .refine((value) => value.includes('@'), "must contain '@' ('<interview id>@<host>')")
      .regex(UID_PATTERN, 'must be visible ASCII without spaces')
      .refine((value) => !UID_FORBIDDEN.test(value), 'must not contain \\ ; , or "'),
    sequence: z.number().int().min(0).max(MAX_SEQUENCE),
    dtstamp: instantSchema,
    start: instantSchema,
    end: instantSchema,
    status: z.enum(['CONFIRMED', 'CANCELLED']),
    summary: z
      .string()
      .max(MAX_SUMMARY_LENGTH)
      .transform(sanitizeText)
      .refine((value) => value.trim() !== '', 'must not be blank'),
    description: z.string().max(MAX_DESCRIPTION_LENGTH).transform(sanitizeText),
    location: optionalText(MAX_LOCATION_LENGTH),
    url: z
      .string()
      .max(MAX_URL_LENGTH)
      .refine((value) => !/[\s\u0000-\u001F\u007F]/.test(value), 'must not contain white space or control characters')
      .refine(isHttpUrl, 'must be an absolute http(s) URL')
      // The normalised form is pure ASCII (IRIs are percent-encoded), as the URI value type requires.
      .transform((value) => new URL(value).href)
      .optional(),
    /**
     * RFC 7986 CONFERENCE: how to join (a video link or a number to dial), for
     * clients that show a "Join" button; LOCATION and DESCRIPTION say the same in words.
     */
    conference: z
      .object({
        uri: z
          .string()
          .max(MAX_URL_LENGTH)
          .refine((value) => !/[\s\u0000-\u001F\u007F]/.test(value), 'must not contain white space or control characters')
          .refine((value) => isHttpUrl(value) || /^tel:\+[0-9]{6,15}$/.test(value), 'must be an http(s) URL or tel:+<digits>')
          .transform((value) => (value.startsWith('tel:') ? value : new URL(value).href)),
        feature: z.enum(['VIDEO', 'AUDIO', 'PHONE']),
        label: z.string().max(MAX_SUMMARY_LENGTH).transform(sanitizeText).optional(),
      })
      .optional(),
    organizer: personSchema,
    attendees: z.array(personSchema).min(1).max(MAX_ATTENDEES),
    productId: z
      .string()
      .regex(PRODUCT_ID_PATTERN, 'must be printable ASCII')
      .refine((value) => !PRODUCT_ID_FORBIDDEN.test(value), 'must not contain \\ ; or ,')
      .default(DEFAULT_PRODUCT_ID),
    // Whole minutes, at most a week: TRIGGER:-PT<n>M.
    alarmMinutesBefore: z.number().int().min(0).max(7 * 24 * 60).optional(),
    alarmDescription: optionalText(MAX_SUMMARY_LENGTH),
  })
  .superRefine((options, context) => {
    if (options.end <= options.start) {
      context.addIssue({ code: 'custom', path: ['end'], message: 'must be after start (to the whole second)' });
    }
    // RFC 5546 §3.2.2 allows STATUS TENTATIVE/CONFIRMED in a REQUEST; §3.2.5 says a
    // CANCEL's STATUS, if present, MUST be CANCELLED. A mismatch is a caller bug.
    const expectedStatus = options.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED';
    if (options.status !== expectedStatus) {
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: `must be ${expectedStatus} when method is ${options.method}`,
      });
    }
    const seen = new Set<string>();
    options.attendees.forEach((attendee, index) => {
      if (seen.has(attendee.email)) {
        context.addIssue({ code: 'custom', path: ['attendees', index, 'email'], message: 'is listed twice' });
      }
      seen.add(attendee.email);
    });
  });

export type ValidInviteOptions = z.output<typeof inviteOptionsSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
