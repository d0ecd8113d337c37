import { z } from 'zod';
import {
  MAX_DURATION_MINUTES,
  httpUrlSchema,
  idSchema,
  instantSchema,
  interviewFormatSchema,
  languageTagSchema,
  multiLineText,
  nameText,
  oneLineText,
  opaqueText,
  timeZoneSchema,
} from '../common/schema';
import { emailSchema } from '../auth/schema';
import { phoneSchema } from '../contacts/normalize-phone';

export const attributionTerms = ['on_record', 'background', 'off_record'] as const;
export const attributionSchema = z.enum(attributionTerms, { error: `Use one of ${attributionTerms.join(', ')}` });

/** The languages the reporter's pages and emails are written in. */
export const REPORTER_LOCALES = ['en', 'fr', 'es'] as const;
export const reporterLocaleSchema = z.enum(REPORTER_LOCALES, { error: 'Choose English, French or Spanish (en, fr, es)' });

/** A reporter proposes at most three times; the desk offers at most five. */
export const MAX_REPORTER_PROPOSALS = 3;
export const MAX_DESK_PROPOSALS = 5;
/** Idempotency keys are client-made random strings (a UUID fits); short ones would collide across clients. */
const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, { error: 'Use 16–100 letters, digits, - or _ (a random UUID works)' });

/**
 * The reporter's name and outlet are repeated in the acknowledgement email sent to the address
 * the form names, which need not be the sender's: a name that carries a link would let anyone send
 * a link from the press office's mailbox. Names are names, so links are refused.
 */
const LINK_PATTERN = /:\/\/|(^|\s)www\./i;
const reporterNameSchema = nameText().refine((value) => !LINK_PATTERN.test(value), { error: 'Enter a name, not a link' });

const referenceSchema = oneLineText().min(4, 'A reference looks like IR-7K3Q').max(20, 'A reference looks like IR-7K3Q');
const manageTokenSchema = opaqueText().min(1, 'The link is missing its token').max(200, 'This is not a manage token');

export const createRequestInput = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    /** Absent: any spokesperson who covers the topic and language. */
    spokespersonId: idSchema.optional(),
    releaseId: idSchema.optional(),
    /** For a release under embargo: the token of its preview link, and the reporter's acceptance of its embargo terms. */
    previewToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).optional(),
    acceptEmbargoTerms: z.boolean().optional(),
    /** The chosen slot's start, from availability.slots. */
    start: instantSchema.optional(),
    /** Or up to three times that would suit, for the desk to choose from. */
    proposedStarts: z.array(instantSchema).min(1).max(MAX_REPORTER_PROPOSALS).optional(),
    durationMinutes: z.number().int().min(5).max(MAX_DURATION_MINUTES),
    format: interviewFormatSchema,
    language: languageTagSchema,
    attribution: attributionSchema,
    // Repeated in the acknowledgement email, like the name: no links (they belong in the questions).
    topic: oneLineText().min(1, 'Say what the interview is about').max(200).refine((value) => !LINK_PATTERN.test(value), { error: 'Put links in your questions, not in the topic' }),
    questions: multiLineText().max(5000).default(''),
    reporter: z.object({
      name: reporterNameSchema.min(1, 'Enter your name').max(200),
      email: emailSchema,
      outlet: reporterNameSchema.min(1, 'Enter your outlet').max(200),
      role: oneLineText().max(200).optional(),
      phone: phoneSchema.optional(),
      whatsapp: phoneSchema.optional(),
      timeZone: timeZoneSchema,
      /** The language of the reporter's pages and of later emails to them. */
      locale: reporterLocaleSchema.default('en'),
    }),
    deadline: instantSchema,
  })
  .refine((input) => (input.start === undefined) !== (input.proposedStarts === undefined), {
    error: 'Choose one slot (start) or propose up to three times (proposedStarts), not both',
    path: ['start'],
  })
  .refine((input) => input.format !== 'phone' || input.reporter?.phone, {
    error: 'A phone interview needs your phone number',
    path: ['reporter', 'phone'],
  })
  .refine((input) => input.format !== 'whatsapp' || input.reporter?.whatsapp || input.reporter?.phone, {
    error: 'A WhatsApp interview needs your WhatsApp number',
    path: ['reporter', 'whatsapp'],
  });

export const manageInput = z.object({ reference: referenceSchema, token: manageTokenSchema });

export const reporterCancelInput = manageInput.extend({ reason: multiLineText().max(1000).optional() });
/** A reporter moves their request or interview to another offered slot. */
export const reporterMoveInput = manageInput.extend({ start: instantSchema });
export const approveMoveInput = z.object({ requestId: idSchema });
export const declineMoveInput = z.object({ requestId: idSchema, reason: multiLineText().max(2000).optional() });
export const pickProposalInput = manageInput.extend({ index: z.number().int().min(0).max(MAX_DESK_PROPOSALS - 1) });

export const formatDetailsSchema = z
  .object({
    dialIn: oneLineText().max(200).optional(),
    whatsapp: oneLineText().max(200).optional(),
    videoUrl: httpUrlSchema(500).optional(),
    studioAddress: multiLineText().max(500).optional(),
    address: multiLineText().max(500).optional(),
    notes: multiLineText().max(1000).optional(),
  })
  .strict();

export const listRequestsInput = z.object({
  status: z.array(z.enum(['pending', 'proposed', 'approved', 'declined', 'cancelled', 'expired'])).optional(),
  spokespersonId: idSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** Offset-free paging: the id of the last row of the previous page. */
  cursor: idSchema.optional(),
});

export const approveInput = z.object({
  requestId: idSchema,
  /** Defaults to the reporter's chosen slot (or their first proposed time). */
  start: instantSchema.optional(),
  formatDetails: formatDetailsSchema.optional(),
  /** Book outside the spokesperson's hours (they agreed); conflicts, time off and the daily cap still apply. */
  overrideHours: z.boolean().default(false),
  /** Book although the spokesperson's own calendar shows them busy (EXTERNAL_CONFLICT); recorded in the audit log. */
  overrideCalendar: z.boolean().optional(),
});

export const declineInput = z.object({ requestId: idSchema, reason: multiLineText().min(1, 'Give the reporter a reason').max(2000) });

export const proposeInput = z.object({
  requestId: idSchema,
  slots: z.array(z.object({ start: instantSchema, spokespersonId: idSchema.optional() })).min(1).max(MAX_DESK_PROPOSALS),
  message: multiLineText().max(2000).optional(),
  /** When the reporter picks one, book it at once (default) or send it back to the queue. */
  autoAccept: z.boolean().default(true),
});

export const reassignInput = z.object({
  requestId: idSchema,
  spokespersonId: idSchema,
  start: instantSchema.optional(),
  /** Keep a time outside the new spokesperson's hours (they agreed); conflicts and time off still apply. */
  overrideHours: z.boolean().default(false),
});

export const listInterviewsInput = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  spokespersonId: idSchema.optional(),
  status: z.array(z.enum(['confirmed', 'rescheduled', 'cancelled', 'completed', 'no_show', 'cancelled_late'])).optional(),
  /** Interviews that have ended and still await an outcome (confirmed or rescheduled, end before now). */
  needsOutcome: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** asc: soonest first (upcoming); desc: most recent first (past). */
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const getInterviewInput = z.object({ interviewId: idSchema });
export const getRequestInput = z.object({ requestId: idSchema });

/** Replaces all meeting details; blank fields are dropped. */
export const updateMeetingDetailsInput = z.object({ interviewId: idSchema, formatDetails: formatDetailsSchema });

/**
 * Whether a spokesperson could take an interview at a time, as the desk would
 * book it (hours unless overridden, conflicts, time off, daily cap); for advice
 * before a reassign, approve or reschedule. `exclude*`: the records the change replaces.
 */
export const checkTimeInput = z.object({
  spokespersonId: idSchema,
  start: instantSchema,
  durationMinutes: z.number().int().min(5).max(MAX_DURATION_MINUTES),
  excludeRequestId: idSchema.optional(),
  excludeInterviewId: idSchema.optional(),
});

export const rescheduleInput = z.object({
  interviewId: idSchema,
  start: instantSchema,
  durationMinutes: z.number().int().min(5).max(MAX_DURATION_MINUTES).optional(),
  formatDetails: formatDetailsSchema.optional(),
  overrideHours: z.boolean().default(false),
});

export const cancelInterviewInput = z.object({ interviewId: idSchema, reason: multiLineText().min(1, 'Say why').max(2000) });
export const markOutcomeInput = z.object({
  interviewId: idSchema,
  outcome: z.enum(['completed', 'no_show', 'cancelled_late']),
  /** What happened, for the record (shown on the interview and the reporter's history). */
  note: multiLineText().max(2000, 'At most 2,000 characters').optional(),
});

export type FormatDetails = z.output<typeof formatDetailsSchema>;
