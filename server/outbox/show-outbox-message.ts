// One outbox message as its recipient gets it, for the staff mail view:
// headers, text, HTML and the calendar attachment, rendered by the same code
// that delivers it (render-outbox-message.ts).
import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '../db';
import type { Config } from '../env';
import { AppError } from '../errors';
import { renderOutboxMessage } from './render-outbox-message';

/** nodemailer's address forms (a string, { name, address }, or lists of them) as one header line. */
function formatAddress(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(formatAddress).filter(Boolean).join(', ') || null;
  if (typeof value === 'string') return value;
  const { name, address } = value as { name?: string; address?: string };
  if (!address) return null;
  return name ? `${name} <${address}>` : address;
}

function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (Buffer.isBuffer(content)) return content.toString('utf8');
  return null;
}

/**
 * outbox.get: the message `id` rendered as it is (or was) sent, with where it
 * goes (`delivery`: "smtp", or "file" when SMTP_URL is unset and messages are
 * written as .eml files). A message that can no longer be rendered (its request
 * erased) comes back with `renderError` and its stored headers only. NOT_FOUND
 * for an unknown id.
 */
export async function showOutboxMessage(options: { db: Db; config: Pick<Config, 'publicUrl' | 'mailFrom' | 'smtpUrl'>; id: string }) {
  // Emails only: webhook and alert deliveries have their own log (server/webhooks/).
  const row = await options.db.outboxMessage.findUnique({
    where: { id: options.id, channel: 'email' },
    select: { id: true, kind: true, recipient: true, subject: true, payload: true, messageId: true, requestId: true, interviewId: true, createdAt: true, status: true, attempts: true, lastError: true, sentAt: true, nextAttemptAt: true },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such message.');
  const stored = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    requestId: row.requestId,
    interviewId: row.interviewId,
    delivery: options.config.smtpUrl ? ('smtp' as const) : ('file' as const),
  };
  let mail: Mail.Options;
  try {
    mail = await renderOutboxMessage(options.db, row, options.config);
  } catch (error) {
    return { ...stored, headers: { from: null, to: row.recipient, replyTo: null, subject: row.subject, messageId: row.messageId, date: row.createdAt.toISOString() }, text: null, html: null, calendar: null, attachments: [], renderError: error instanceof Error ? error.message : String(error) };
  }
  const calendarPart = (mail.alternatives ?? []).find((part) => String(part.contentType ?? '').startsWith('text/calendar'));
  const calendarText = calendarPart ? textOf(calendarPart.content) : null;
  return {
    ...stored,
    headers: {
      from: formatAddress(mail.from),
      to: formatAddress(mail.to) ?? row.recipient,
      replyTo: formatAddress(mail.replyTo),
      subject: mail.subject ?? row.subject,
      messageId: mail.messageId ?? row.messageId,
      date: (mail.date instanceof Date ? mail.date : row.createdAt).toISOString(),
    },
    text: textOf(mail.text),
    html: textOf(mail.html),
    calendar: calendarText === null ? null : { method: /method=([A-Z]+)/i.exec(String(calendarPart!.contentType))?.[1]?.toUpperCase() ?? null, content: calendarText },
    attachments: (mail.attachments ?? []).map((attachment) => ({ filename: attachment.filename || 'attachment', contentType: attachment.contentType ?? 'application/octet-stream', content: textOf(attachment.content) })),
    renderError: null,
  };
}
