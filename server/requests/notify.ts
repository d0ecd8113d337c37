// Which outbox messages each workflow step queues, and to whom. The content
// of emails and invites is rendered at delivery from these rows (the invites
// capability); here the rows must exist, in the same transaction as the change.
import type { Tx } from '../db';
import { AppError } from '../errors';
import { enqueueMessage, type OutboxKind } from '../outbox/enqueue-message';
import { hostOf, type WorkflowContext } from './context';

/** Queues the iCalendar message for both attendees (reporter and spokesperson). */
export async function enqueueInviteMessages(tx: Tx, context: WorkflowContext, options: { interviewId: string; method: 'REQUEST' | 'CANCEL'; sequence: number }) {
  const interview = await tx.interview.findUnique({
    where: { id: options.interviewId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      formatDetails: true,
      spokesperson: { select: { name: true, email: true } },
      request: { select: { id: true, reference: true, reporterEmail: true, reporterOutlet: true } },
    },
  });
  if (!interview) throw new AppError('NOT_FOUND', 'No such interview.');
  const title = `${interview.spokesperson.name} – ${interview.request.reporterOutlet}`;
  // DTSTAMP must rise with every message about one event, even two changes within
  // one second (iCalendar has whole seconds): one second after the previous one at least.
  const previous = await tx.outboxMessage.findMany({ where: { interviewId: interview.id, kind: { in: ['invite', 'invite_cancel'] } }, select: { payload: true } });
  const previousStamp = Math.max(0, ...previous.map((row) => Number((row.payload as { dtstamp?: number } | null)?.dtstamp ?? 0)));
  const dtstamp = Math.max(Math.floor(context.now.getTime() / 1000) * 1000, previousStamp + 1000);
  const verb = options.method === 'CANCEL' ? 'Cancelled' : options.sequence === 0 ? 'Interview confirmed' : 'Interview updated';
  const kind: OutboxKind = options.method === 'CANCEL' ? 'invite_cancel' : 'invite';
  for (const [role, recipient] of [
    ['reporter', interview.request.reporterEmail],
    ['spokesperson', interview.spokesperson.email],
  ] as const) {
    await enqueueMessage(
      tx,
      {
        kind,
        recipient,
        subject: `${verb}: ${title} (${interview.request.reference})`,
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
