// Messages are written to the outbox in the same transaction as the change
// that causes them (DESIGN.md rule 5); the outbox worker delivers them later,
// with retries. Nothing is sent from inside a request handler.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import { sortableId } from '../common/sortable-id';
import { insertRows, jsonColumn } from '../db-insert';

export const outboxKinds = [
  'request_received', // to the reporter: reference and manage link
  'request_new', // to the press office: a new request to triage
  'request_declined', // to the reporter, with the reason
  'request_proposed', // to the reporter: other times to pick from
  'request_cancelled', // to the other side
  'request_expired', // to the reporter
  'proposal_picked', // to the press office: the reporter picked a time
  'move_requested', // to the press office: the reporter asks to move a confirmed interview
  'invite', // iCalendar REQUEST (new or changed) to one attendee
  'invite_cancel', // iCalendar CANCEL to one attendee
  'reminder', // before an interview, to the reporter or the spokesperson (server/reminders/)
  'password_link', // to a staff user: one-time link to set their password (new account or reset)
  'release', // a release (or its embargoed preview) to one media contact, with their own preview link
  'calendar_notice', // to the press office: a spokesperson's calendar stopped syncing, or a new event clashes with an interview (server/calendars/)
  'calendar_write', // not an email: writes an interview into a spokesperson's CalDAV write-back calendar, or deletes it (server/calendars/write-back.ts)
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxMessageInput {
  kind: OutboxKind;
  recipient: string;
  subject: string;
  /** What the renderer needs; never secrets (manage tokens are derived at delivery). */
  payload: Record<string, unknown>;
  interviewId?: string;
  requestId?: string;
}

/** Queues one message; its Message-ID is fixed now, so a resend is recognisable as the same message. */
export async function enqueueMessage(tx: Tx, message: OutboxMessageInput, options: { host: string; now: Date }): Promise<void> {
  await enqueueMessages(tx, [message], options);
}

/** Queues several messages in one statement (in order). */
export async function enqueueMessages(tx: Tx, messages: OutboxMessageInput[], options: { host: string; now: Date }): Promise<void> {
  await insertRows(
    tx,
    'OutboxMessage',
    messages.map((message) => ({
      id: sortableId(),
      kind: message.kind,
      recipient: message.recipient.toLowerCase(),
      subject: message.subject.replace(/[\r\n]+/g, ' ').slice(0, 300),
      payload: jsonColumn(message.payload),
      interviewId: message.interviewId,
      requestId: message.requestId,
      messageId: `<${randomUUID()}@${options.host}>`,
      createdAt: options.now,
      nextAttemptAt: options.now,
    })),
  );
}
