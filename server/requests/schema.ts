import { z } from 'zod';
import { MAX_DURATION_MINUTES, idSchema, instantSchema, interviewFormatSchema, languageTagSchema, timeZoneSchema } from '../common/schema';
import { emailSchema } from '../auth/schema';
import { phoneSchema } from '../contacts/normalize-phone';

export const attributionTerms = ['on_record', 'background', 'off_record'] as const;
export const attributionSchema = z.enum(attributionTerms, { error: `Use one of ${attributionTerms.join(', ')}` });

/** A reporter proposes at most three times; the desk offers at most five. */
export const MAX_REPORTER_PROPOSALS = 3;
export const MAX_DESK_PROPOSALS = 5;
/** Idempotency keys are client-made random strings (a UUID fits); short ones would collide across clients. */
const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, { error: 'Use 16–100 letters, digits, - or _ (a random UUID works)' });

const referenceSchema = z.string().trim().min(4).max(20);
const manageTokenSchema = z.string().min(1).max(200);

export const createRequestInput = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    /** Absent: any spokesperson who covers the topic and language. */
    spokespersonId: idSchema.optional(),
    releaseId: idSchema.optional(),
    /** The chosen slot's start, from availability.slots. */
    start: instantSchema.optional(),
    /** Or up to three times that would suit, for the desk to choose from. */
    proposedStarts: z.array(instantSchema).min(1).max(MAX_REPORTER_PROPOSALS).optional(),
    durationMinutes: z.number().int().min(5).max(MAX_DURATION_MINUTES),
    format: interviewFormatSchema,
    language: languageTagSchema,
    attribution: attributionSchema,
    topic: z.string().trim().min(1, 'Say what the interview is about').max(200),
    questions: z.string().trim().max(5000).default(''),
    reporter: z.object({
      name: z.string().trim().min(1, 'Enter your name').max(200),
      email: emailSchema,
      outlet: z.string().trim().min(1, 'Enter your outlet').max(200),
      role: z.string().trim().max(200).optional(),
      phone: phoneSchema.optional(),
      whatsapp: phoneSchema.optional(),
      timeZone: timeZoneSchema,
    }),
    deadline: instantSchema,
  })
  .refine((input) => (input.start === undefined) !== (input.proposedStarts === undefined), {
    error: 'Choose one slot (start) or propose up to three times (proposedStarts), not both',
    path: ['start'],
  })
  .refine((input) => input.format !== 'phone' || input.reporter.phone, {
    error: 'A phone interview needs your phone number',
    path: ['reporter', 'phone'],
  })
  .refine((input) => input.format !== 'whatsapp' || input.reporter.whatsapp || input.reporter.phone, {
    error: 'A WhatsApp interview needs your WhatsApp number',
    path: ['reporter', 'whatsapp'],
  });

export const manageInput = z.object({ reference: referenceSchema, token: manageTokenSchema });

export const reporterCancelInput = manageInput.extend({ reason: z.string().trim().max(1000).optional() });
export const pickProposalInput = manageInput.extend({ index: z.number().int().min(0).max(MAX_DESK_PROPOSALS - 1) });

const formatDetailsSchema = z
  .object({
    dialIn: z.string().trim().max(200).optional(),
    whatsapp: z.string().trim().max(200).optional(),
    videoUrl: z.url({ protocol: /^https?$/, error: 'Use an http(s) link' }).max(500).optional(),
    studioAddress: z.string().trim().max(500).optional(),
    address: z.string().trim().max(500).optional(),
    notes: z.string().trim().max(1000).optional(),
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

export const declineInput = z.object({ requestId: idSchema, reason: z.string().trim().min(1, 'Give the reporter a reason').max(2000) });

export const proposeInput = z.object({
  requestId: idSchema,
  slots: z.array(z.object({ start: instantSchema, spokespersonId: idSchema.optional() })).min(1).max(MAX_DESK_PROPOSALS),
  message: z.string().trim().max(2000).optional(),
  /** When the reporter picks one, book it at once (default) or send it back to the queue. */
  autoAccept: z.boolean().default(true),
});

export const reassignInput = z.object({ requestId: idSchema, spokespersonId: idSchema, start: instantSchema.optional() });

export const listInterviewsInput = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  spokespersonId: idSchema.optional(),
  status: z.array(z.enum(['confirmed', 'rescheduled', 'cancelled', 'completed', 'no_show'])).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const rescheduleInput = z.object({
  interviewId: idSchema,
  start: instantSchema,
  durationMinutes: z.number().int().min(5).max(MAX_DURATION_MINUTES).optional(),
  formatDetails: formatDetailsSchema.optional(),
  overrideHours: z.boolean().default(false),
});

export const cancelInterviewInput = z.object({ interviewId: idSchema, reason: z.string().trim().min(1, 'Say why').max(2000) });
export const markOutcomeInput = z.object({ interviewId: idSchema, outcome: z.enum(['completed', 'no_show']) });

export type FormatDetails = z.output<typeof formatDetailsSchema>;
