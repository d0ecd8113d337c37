// Write-back: confirmed interviews written into one chosen CalDAV calendar of
// the spokesperson (the connection's writeCalendarUrl), so their own calendar
// shows them without the email invite. Created on approval, replaced on every
// change of time or meeting details, deleted on cancellation.
//
// Through the durable outbox (server/mail/README.md, "Delivery protocol"):
// every change of an interview queues one `calendar_write` row per write-back
// connection, in the same transaction as the change, and the outbox worker
// performs it with the same claim, fencing, retries, backoff and dead letters
// as an email. The row names only the interview and the connection: the
// worker writes the interview as it is when the row is delivered (a PUT of the
// current version, or a DELETE once it is no longer booked), so a retry, a
// resend after a lost "done", or two rows delivered out of order all leave
// the calendar showing the current state.
//
// The event's UID is the interview's invite UID, and the sync skips events
// with an interview's UID (sync-connection.ts): the written event is never
// read back as a busy time that conflicts with the interview itself.
import type { Db, Tx } from '../db';
import type { Config } from '../env';
import { getServerSecret } from '../secrets';
import { enqueueMessages } from '../outbox/enqueue-message';
import { hostOf } from '../requests/context';
import { buildInterviewInvite } from '../mail/compose-invite-email';
import { loadInviteDetails, PermanentRenderError } from '../outbox/render-outbox-message';
import { unfoldContentLines, foldContentLine } from '../invites/fold-ics';
import { calendarKeyFrom, openSecret, UnreadableSecretError } from './secret-box';
import { deleteCalendarEvent, eventUrlOf, putCalendarEvent } from './caldav-client';

/** Interview statuses whose event belongs in the calendar; any other status removes it. */
const WRITTEN_STATUSES = ['confirmed', 'rescheduled'];

/**
 * Queues the write of this interview to each write-back calendar of its
 * spokesperson (none when no connection has one). Call in the transaction that
 * changes the interview.
 */
export async function enqueueCalendarWrites(tx: Tx, options: { interviewId: string; requestId: string; spokespersonId: string; config: Pick<Config, 'publicUrl'>; now: Date }): Promise<void> {
  const connections = await tx.calendarConnection.findMany({ where: { spokespersonId: options.spokespersonId, kind: 'caldav', writeCalendarUrl: { not: null } }, select: { id: true, label: true } });
  for (const connection of connections) {
    await enqueueConnectionWrites(tx, { connection, interviews: [{ id: options.interviewId, requestId: options.requestId }], writeTo: 'current', config: options.config, now: options.now });
  }
}

/**
 * Queues, for one connection, the removal of these interviews from the
 * calendar `removeFrom` (the write-back calendar chosen before, when it
 * changes) and their write into its current write-back calendar (`writeTo`).
 */
export async function enqueueConnectionWrites(
  tx: Tx,
  options: { connection: { id: string; label: string }; interviews: { id: string; requestId: string }[]; removeFrom?: string | null; writeTo: string | null; config: Pick<Config, 'publicUrl'>; now: Date },
): Promise<void> {
  const { connection } = options;
  const rows = options.interviews.flatMap((interview) => [
    ...(options.removeFrom
      ? [{ payload: { connectionId: connection.id, removeFrom: options.removeFrom }, subject: `Remove the interview from the calendar "${connection.label}" chosen before`, interview }]
      : []),
    ...(options.writeTo ? [{ payload: { connectionId: connection.id }, subject: `Write the interview into the calendar "${connection.label}"`, interview }] : []),
  ]);
  if (rows.length === 0) return;
  await enqueueMessages(
    tx,
    rows.map((row) => ({
      kind: 'calendar_write' as const,
      // Not an address: the outbox view shows where the write goes.
      recipient: `calendar:${connection.id}`,
      subject: row.subject,
      payload: row.payload,
      interviewId: row.interview.id,
      requestId: row.interview.requestId,
    })),
    { host: hostOf(options.config.publicUrl), now: options.now },
  );
}

/**
 * Performs one `calendar_write` row: PUTs the interview's current version into
 * the connection's write-back calendar, or DELETEs it when the interview is no
 * longer booked. Throws SyncFailure (retried by the outbox like a failed send) for remote
 * failures, PermanentRenderError (a dead letter at once) for an interview that
 * no longer exists or credentials that cannot be decrypted. Nothing to do
 * (connection removed, write-back switched off) is a success.
 */
export async function performCalendarWrite(options: {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  row: { interviewId: string | null; payload: unknown; createdAt: Date };
  now: Date;
  signal: AbortSignal;
}): Promise<void> {
  const { db, row } = options;
  const payload = (row.payload ?? {}) as { connectionId?: unknown; removeFrom?: unknown };
  if (!row.interviewId) throw new PermanentRenderError('a calendar write names no interview');
  const connection = await db.calendarConnection.findUnique({ where: { id: String(payload.connectionId ?? '') }, select: { id: true, serverUrl: true, secret: true, writeCalendarUrl: true } });
  // A removal from the calendar chosen before, or a write into the current one.
  const calendarUrl = typeof payload.removeFrom === 'string' ? payload.removeFrom : connection?.writeCalendarUrl;
  // Removed, or write-back switched off since: nothing to keep in step any more.
  if (!connection?.serverUrl || !calendarUrl) return;
  let credentials: { username: string; password: string };
  try {
    credentials = JSON.parse(openSecret(calendarKeyFrom(await getServerSecret(db)), connection.id, connection.secret)) as typeof credentials;
  } catch (error) {
    if (error instanceof UnreadableSecretError) throw new PermanentRenderError('the saved CalDAV credentials cannot be decrypted (the server secret changed); enter them again');
    throw error;
  }
  const invite = await loadInviteDetails(db, row.interviewId, options.config);
  const account = { serverUrl: connection.serverUrl, ...credentials };
  const url = eventUrlOf(calendarUrl, invite.uid);
  if (typeof payload.removeFrom === 'string' || !WRITTEN_STATUSES.includes(invite.status)) {
    await deleteCalendarEvent(account, { url, signal: options.signal });
    return;
  }
  const built = buildInterviewInvite({
    method: 'REQUEST',
    uid: invite.uid,
    sequence: invite.sequence,
    dtstamp: options.now,
    details: invite.details,
    recipient: 'spokesperson',
    from: { name: invite.office.name, email: options.config.mailFrom },
    publicUrl: options.config.publicUrl,
  });
  if ('error' in built) throw new PermanentRenderError(built.error);
  await putCalendarEvent(account, { url, ics: toCalendarObject(built.value), signal: options.signal });
}

/**
 * An invitation turned into a stored calendar object: RFC 4791 §4.1 forbids
 * METHOD in a calendar resource, and without ORGANIZER and ATTENDEE a server
 * that implements CalDAV scheduling (RFC 6638: iCloud, Nextcloud, Fastmail)
 * sends no invitation of its own; the attendees already got the desk's.
 */
export function toCalendarObject(ics: string): string {
  const dropped = /^(METHOD|ORGANIZER|ATTENDEE)[;:]/i;
  return `${unfoldContentLines(ics)
    .filter((line) => !dropped.test(line))
    .map(foldContentLine)
    .join('\r\n')}\r\n`;
}
