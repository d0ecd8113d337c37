// The events integrators subscribe to, and the documented shape of their
// payloads (README "Webhooks"). Shapes are stable: fields may be added, never
// renamed or removed without a new event name.
//
// Personal data: payloads carry ids, statuses, times and desk-side facts,
// never the reporter's name, address, phone, outlet, topic or questions, and
// never a manage token. An integrator that needs more asks the API with its
// own credentials, where erasure applies. So a payload queued before an
// erasure holds nothing of the erased person, and `contact.erased` carries
// only ids (the integrator's cue to delete its own copy).
import type { Prisma } from '../generated/sqlite/client';

export const webhookEventTypes = [
  'request.created',
  'request.approved',
  'request.declined',
  'request.proposed',
  'request.cancelled',
  'request.expired',
  'interview.rescheduled',
  'interview.cancelled',
  'interview.outcome',
  'contact.erased',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by "Send test event" only; not subscribable. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** The JSON body of every delivery: the Standard Webhooks convention of type, timestamp, data. */
export interface WebhookBody {
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  /** When the change happened (ISO 8601, UTC). */
  timestamp: string;
  data: Record<string, unknown>;
}

export const requestEventSelect = {
  id: true,
  reference: true,
  status: true,
  cancelledBy: true,
  spokespersonId: true,
  releaseId: true,
  mediaContactId: true,
  format: true,
  language: true,
  durationMinutes: true,
  attribution: true,
  deadline: true,
  requestedStart: true,
  proposedSlots: true,
  underEmbargo: true,
  createdAt: true,
  interview: { select: { id: true, status: true, startsAt: true, endsAt: true, spokespersonId: true, inviteSequence: true } },
} satisfies Prisma.InterviewRequestSelect;

export type RequestEventRow = Prisma.InterviewRequestGetPayload<{ select: typeof requestEventSelect }>;

/** `data` of the request.* and interview.* events: the request and its interview (null before approval). */
export function requestEventData(row: RequestEventRow, publicUrl: string): Record<string, unknown> {
  const proposals = ((row.proposedSlots ?? []) as { start: string; end: string; spokespersonId: string; by: string }[])
    .filter((proposal) => proposal.by === 'desk')
    .map(({ start, end, spokespersonId }) => ({ start, end, spokespersonId }));
  return {
    request: {
      id: row.id,
      reference: row.reference,
      status: row.status,
      cancelledBy: row.cancelledBy,
      spokespersonId: row.spokespersonId,
      releaseId: row.releaseId,
      mediaContactId: row.mediaContactId,
      format: row.format,
      language: row.language,
      durationMinutes: row.durationMinutes,
      attribution: row.attribution,
      deadline: row.deadline.toISOString(),
      requestedStart: row.requestedStart?.toISOString() ?? null,
      proposals,
      underEmbargo: row.underEmbargo,
      createdAt: row.createdAt.toISOString(),
      url: `${publicUrl}/desk/requests/${row.id}`,
    },
    interview: row.interview
      ? {
          id: row.interview.id,
          status: row.interview.status,
          start: row.interview.startsAt.toISOString(),
          end: row.interview.endsAt.toISOString(),
          spokespersonId: row.interview.spokespersonId,
          inviteSequence: row.interview.inviteSequence,
          url: `${publicUrl}/desk/interviews/${row.interview.id}`,
        }
      : null,
  };
}
