// Which outbox messages each workflow step queues, and to whom. The content
// of emails and invites is rendered at delivery from these rows (the invites
// capability); here the rows must exist, in the same transaction as the change.
import type { Tx } from '../db';
import { AppError } from '../errors';
import { enqueueMessage, type OutboxKind } from '../outbox/enqueue-message';
import { hostOf, type WorkflowContext } from './context';
import { inviteSubject } from '../mail/compose-invite-email';
import { mailLanguageOf } from '../mail/mail-language';
import { enqueueCalendarWrites } from '../calendars/write-back';

/**
 * Queues the iCalendar message for both attendees (reporter and spokesperson).
 * A cancellation carries its reason in the same email, so nobody gets a
 * separate notice besides the CANCEL.
 */
export async function enqueueInviteMessages(tx: Tx, context: WorkflowContext, options: { interviewId: string; method: 'REQUEST' | 'CANCEL'; sequence: number; reason?: string }) {
  const interview = await tx.interview.findUnique({
    where: { id: options.interviewId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      formatDetails: true,
      spokespersonId: true,
      spokesperson: { select: { name: true, email: true, timeZone: true } },
      request: { select: { id: true, reference: true, reporterEmail: true, reporterOutlet: true, reporterTimeZone: true, reporterLocale: true } },
    },
  });
  if (!interview) throw new AppError('NOT_FOUND', 'No such interview.');
  // Every change the attendees hear of also goes to the spokesperson's write-back calendar, if they chose one.
  await enqueueCalendarWrites(tx, { interviewId: interview.id, requestId: interview.request.id, spokespersonId: interview.spokespersonId, config: context.config, now: context.now });
  // DTSTAMP must rise with every message about one event, even two changes within
  // one second (iCalendar has whole seconds): one second after the previous one at least.
  const previous = await tx.outboxMessage.findMany({ where: { interviewId: interview.id, kind: { in: ['invite', 'invite_cancel'] } }, select: { payload: true } });
  const previousStamp = Math.max(0, ...previous.map((row) => Number((row.payload as { dtstamp?: number } | null)?.dtstamp ?? 0)));
  const dtstamp = Math.max(Math.floor(context.now.getTime() / 1000) * 1000, previousStamp + 1000);
  const kind: OutboxKind = options.method === 'CANCEL' ? 'invite_cancel' : 'invite';
  // The reporter's copy in their language, the spokesperson's in English.
  for (const [role, recipient, recipientTimeZone, language] of [
    ['reporter', interview.request.reporterEmail, interview.request.reporterTimeZone, mailLanguageOf(interview.request.reporterLocale)],
    ['spokesperson', interview.spokesperson.email, interview.spokesperson.timeZone, 'en'],
  ] as const) {
    await enqueueMessage(
      tx,
      {
        kind,
        recipient,
        // The subject the email will carry (compose-invite-email.ts), so the mail view shows it.
        subject: inviteSubject({ method: options.method, sequence: options.sequence, spokespersonName: interview.spokesperson.name, outlet: interview.request.reporterOutlet, start: interview.startsAt, recipientTimeZone, language }),
        // The event as it is in this version: a later change queues its own message.
        payload: {
          method: options.method,
          sequence: options.sequence,
          dtstamp,
          start: interview.startsAt.toISOString(),
          end: interview.endsAt.toISOString(),
          formatDetails: interview.formatDetails,
          interviewId: interview.id,
          requestId: interview.request.id,
          recipientRole: role,
          ...(options.reason ? { reason: options.reason } : {}),
        },
        interviewId: interview.id,
        requestId: interview.request.id,
      },
      { host: hostOf(context.config.publicUrl), now: context.now },
    );
  }
}

/** Queues a plain notification about a request. */
export async function enqueueRequestNotice(
  tx: Tx,
  context: WorkflowContext,
  options: { kind: OutboxKind; requestId: string; recipient: string; subject: string; payload?: Record<string, unknown> },
) {
  await enqueueMessage(
    tx,
    { kind: options.kind, recipient: options.recipient, subject: options.subject, payload: { requestId: options.requestId, ...options.payload }, requestId: options.requestId },
    { host: hostOf(context.config.publicUrl), now: context.now },
  );
}
