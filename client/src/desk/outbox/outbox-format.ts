// Words for the outbox: what kind of message, and what became of it. Without
// SMTP (SMTP_URL unset) nothing is sent: messages are written as .eml files.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type OutboxMessage = Outputs['outbox']['list'][number];
export type OutboxDelivery = Outputs['outbox']['delivery']['delivery'];

export const kindNames: Record<string, string> = {
  request_received: 'Request received (to reporter)',
  request_new: 'New request (to press office)',
  request_declined: 'Request declined',
  request_proposed: 'Other times proposed',
  request_cancelled: 'Request cancelled',
  request_expired: 'Request expired',
  proposal_picked: 'Proposed time picked',
  invite: 'Calendar invite',
  invite_cancel: 'Calendar cancellation',
  reminder: 'Interview reminder',
  password_link: 'Set-password link (to staff)',
  move_requested: 'Move asked by the reporter (to press office)',
  release: 'Release sent to a contact',
  calendar_notice: 'Spokesperson calendar notice (to press office)',
};

export function statusLabel(message: Pick<OutboxMessage, 'status' | 'attempts'>, delivery: OutboxDelivery | undefined): string {
  if (message.status === 'dead') return 'Dead letter';
  if (message.status === 'sent') return delivery === 'file' ? 'Written to file' : 'Sent';
  return message.attempts > 0 ? 'Queued, retrying' : 'Queued';
}

/** "Sent" or "Written" for the when-column, by where messages go. */
export function doneVerb(delivery: OutboxDelivery | undefined): string {
  return delivery === 'file' ? 'Written to file' : 'Sent';
}
