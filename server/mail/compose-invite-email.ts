/**
 * The email that carries an interview invite or cancellation (iMIP, RFC 6047).
 *
 * MIME structure, the one Google Calendar itself sends and that Outlook
 * (desktop, web, Exchange), Gmail and Apple Mail all recognise:
 *
 *   multipart/mixed
 *   ├─ multipart/alternative
 *   │  ├─ text/plain; charset=utf-8
 *   │  ├─ text/html; charset=utf-8
 *   │  └─ text/calendar; charset=UTF-8; method=REQUEST   (base64)
 *   └─ application/ics; name=invite.ics                  (base64, attachment)
 *
 * Why each piece:
 * - text/calendar inside multipart/alternative is what iMIP-aware clients act
 *   on: Outlook and Exchange turn it into a meeting item with Accept/Decline,
 *   Gmail shows its invitation card, Apple Mail its "Add to Calendar" banner.
 *   Its `method` parameter MUST equal the object's METHOD (RFC 6047 §2.4,
 *   "Content-Type Header Field"); the charset is stated because the object is
 *   UTF-8. It is the last alternative, as in Google's and Exchange's own
 *   messages (MS-OXCMAIL 2.1.3.3.8.2: text/plain, text/html, text/calendar), so
 *   clients that render "the last part they understand" still show the HTML.
 * - The same bytes again as an `invite.ics` attachment, typed application/ics
 *   (not text/calendar): clients and webmails that ignore calendar
 *   alternatives still offer a file to open or import (RFC 6047 §2.6 notes that
 *   some environments go by file name), while a second text/calendar part with
 *   a method could be processed twice. Google Calendar uses exactly this type
 *   and name; nodemailer's own `icalEvent` option builds the same shape.
 * - base64 for both calendar parts: RFC 6047 §2.5 asks for a transfer encoding
 *   when the object is not US-ASCII, Exchange itself writes base64 (or 8bit),
 *   and base64 keeps the CRLF line ends and 75-octet folding byte for byte,
 *   which quoted-printable soft breaks make harder to check.
 * - From, ORGANIZER and the SMTP envelope sender are the same press-office
 *   mailbox: receivers compare the sender with ORGANIZER to spot spoofed
 *   invites (RFC 6047 §3, "Security Considerations"), and attendees' replies
 *   (METHOD:REPLY, sent by their clients) go to ORGANIZER.
 * - Message-ID is the caller's stable id, so a retried delivery of the same
 *   outbox message is recognisably the same message.
 *
 * Each recipient gets their own message and their own copy of the event (same
 * UID and SEQUENCE): the reporter's carries their private manage link, which
 * the spokesperson must never see.
 */
import type Mail from 'nodemailer/lib/mailer';
import { googleCalendarUrl, outlookCalendarUrl } from '../invites/calendar-links';
import { createInvite } from '../invites/create-invite';
import { emailAddressSchema } from '../invites/schema';
import { describeInterview, type InterviewDetails, type InterviewViewer } from './describe-interview';
import { formatShortStartInZone } from './format-local-time';
import { mailTranslator, type MailLanguage, type MailTranslate } from './mail-language';
import { renderEmailBody, type BodyBlock } from './render-email-body';
import { sanitizeHeaderText } from './sanitize-header-text';

export interface ComposeInviteEmailOptions {
  /** REQUEST for a new or changed interview, CANCEL for a cancelled one (RFC 5546). */
  method: 'REQUEST' | 'CANCEL';
  /** The interview's current SEQUENCE: 0 when first confirmed, higher after each change. */
  sequence: number;
  /** The interview's stable invite UID, '<id>@<host>'. */
  uid: string;
  /** When this message was created; written as DTSTAMP. */
  dtstamp: Date | number;
  details: InterviewDetails;
  /** Who this copy is for; the message goes to that person's address. */
  recipient: InterviewViewer;
  /** The press office mailbox: From, ORGANIZER and the envelope sender. */
  from: { name: string; email: string };
  /** Stable per outbox message, e.g. "<outbox-42@desk.example.org>"; angle brackets optional. */
  messageId: string;
  /** The desk's public base URL, e.g. "https://desk.example.org". */
  publicUrl: string;
  /** With CANCEL: why the press office cancelled, said in the same email. */
  cancellationReason?: string;
}

export type ComposeInviteEmailResult = Mail.Options | { error: string };

/** The attachment name Google Calendar uses; Apple Mail and Outlook open it by its extension. */
export const INVITE_ATTACHMENT_NAME = 'invite.ics';

/**
 * RFC 5322 msg-id: dot-atom-text "@" dot-atom-text (the obsolete and
 * domain-literal forms are not needed for ids we mint), at most 250 octets so
 * the header fits in one 998-octet line with room to spare.
 */
const MESSAGE_ID_PATTERN = /^<?([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)>?$/;
const MAX_MESSAGE_ID_LENGTH = 250;

const EN_DASH = '\u2013';

/**
 * Builds the nodemailer message for one recipient's copy of an interview
 * invite (METHOD:REQUEST) or cancellation (METHOD:CANCEL).
 *
 * Guarantees for a message:
 * - the MIME structure in the module comment, with a text/calendar part whose
 *   `method` matches the iCalendar METHOD, and an `invite.ics` attachment with
 *   byte-identical content, both from `createInvite` (ORGANIZER = `from`,
 *   ATTENDEEs = reporter and spokesperson, UID/SEQUENCE/DTSTAMP as given);
 * - Message-ID is `messageId` in angle brackets;
 * - subject "Interview confirmed: …" (REQUEST, sequence 0), "Updated: …"
 *   (REQUEST, sequence > 0) or "Cancelled: …", with the start in the
 *   recipient's zone, and never a CR or LF whatever the input;
 * - all user text in the HTML is escaped; the manage link only in the reporter's copy;
 * - a plain JSON-serialisable object (strings only), so the outbox can store it
 *   and send it later unchanged; no Date header (nodemailer stamps the send time).
 *
 * Returns `{ error }` (never throws) for invalid input: a bad address, UID or
 * Message-ID, an unknown zone, an end not after the start, a sequence that is
 * not a non-negative integer, or anything `createInvite` refuses.
 */
export function composeInviteEmail(options: ComposeInviteEmailOptions): ComposeInviteEmailResult {
  try {
    return buildInviteEmail(options);
  } catch (error) {
    return { error: `Could not compose the invite email: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The .ics of one interview for one attendee, as the invite email carries it
 * (the download at /invites/<uid>.ics serves the same). `{ error }` as createInvite.
 */
export function buildInterviewInvite(
  options: Pick<ComposeInviteEmailOptions, 'method' | 'uid' | 'sequence' | 'dtstamp' | 'details' | 'recipient' | 'from'> & {
    publicUrl: string;
    organizerEmail?: string;
    description?: ReturnType<typeof describeInterview>;
  },
) {
  const { details, recipient, method } = options;
  const description = options.description ?? describeInterview(details, recipient);
  const manageUrl = recipient === 'reporter' ? readHttpUrl(details.manageUrl) : null;
  // The reporter's copy of the event is in their language, the spokesperson's in English.
  const t = mailTranslator(description.language);
  const calendarDescription =
    method === 'CANCEL' ? `${t('invite.cancelledNote')}\n${description.descriptionText}` : description.descriptionText;
  return createInvite({
    method,
    uid: options.uid,
    sequence: options.sequence,
    dtstamp: options.dtstamp,
    start: details.start,
    end: details.end,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    summary: description.summary,
    description: calendarDescription,
    location: description.location,
    // The reporter's event links to their manage page; the spokesperson's to the desk.
    url: manageUrl ?? options.publicUrl,
    conference: method === 'CANCEL' ? undefined : conferenceOf(details, t),
    organizer: { name: options.from.name, email: options.organizerEmail ?? options.from.email },
    attendees: [
      { name: details.reporter.name, email: details.reporter.email },
      { name: details.spokesperson.name, email: details.spokesperson.email },
    ],
    // The calendar app's own reminder, beside the email reminders (server/reminders/).
    alarmMinutesBefore: INVITE_ALARM_MINUTES,
    alarmDescription: t('invite.alarm', { minutes: INVITE_ALARM_MINUTES, summary: description.summary }),
  });
}

/** How long before the start the invite's display alarm goes off. */
export const INVITE_ALARM_MINUTES = 15;

/**
 * How to join, for RFC 7986 CONFERENCE: the video link, or the number the
 * reporter dials when it reads as an international number; nothing otherwise
 * (LOCATION and DESCRIPTION always say it in words).
 */
function conferenceOf(details: InterviewDetails, t: MailTranslate): { uri: string; feature: 'VIDEO' | 'PHONE'; label: string } | undefined {
  if (details.format === 'video') {
    const url = readHttpUrl(details.formatDetails.videoUrl);
    return url ? { uri: url, feature: 'VIDEO', label: t('conference.video') } : undefined;
  }
  if (details.format === 'phone' && details.formatDetails.dialIn) {
    const digits = details.formatDetails.dialIn.replace(/[\s().-]/g, '');
    return /^\+[0-9]{6,15}$/.test(digits) ? { uri: `tel:${digits}`, feature: 'PHONE', label: t('conference.phone') } : undefined;
  }
  return undefined;
}

function buildInviteEmail(options: ComposeInviteEmailOptions): ComposeInviteEmailResult {
  const { details, recipient, method } = options;
  const messageId = normaliseMessageId(options.messageId);
  if (messageId === null) return { error: 'messageId: must look like <id@host> (visible ASCII, no spaces)' };
  const fromAddress = readAddress(options.from.email);
  const recipientAddress = readAddress(recipient === 'reporter' ? details.reporter.email : details.spokesperson.email);
  const replyToAddress = readAddress(details.pressOfficer.email);
  if (fromAddress === null) return { error: 'from.email: must be a plain address such as press@example.org' };
  if (recipientAddress === null) return { error: `${recipient}.email: must be a plain address such as name@example.org` };
  if (replyToAddress === null) return { error: 'pressOfficer.email: must be a plain address such as name@example.org' };
  const publicUrl = readHttpUrl(options.publicUrl);
  if (publicUrl === null) return { error: 'publicUrl: must be an absolute http(s) URL' };

  const description = describeInterview(details, recipient);
  const invite = buildInterviewInvite({ ...options, description, organizerEmail: fromAddress, publicUrl });
  if ('error' in invite) return { error: `invite: ${invite.error}` };

  const recipientZone = recipient === 'reporter' ? details.reporter.timeZone : details.spokesperson.timeZone;
  const language = description.language;
  const t = mailTranslator(language);
  const subject = inviteSubject({ method: options.method, sequence: options.sequence, spokespersonName: options.details.spokesperson.name, outlet: options.details.reporter.outlet, start: options.details.start, recipientTimeZone: recipientZone, language });
  const body = renderEmailBody({
    language,
    title: buildTitle(options, t),
    blocks: buildBlocks(options, description, t),
    footer: t('invite.footer', { url: publicUrl.replace(/\/$/, ''), reference: sanitizeHeaderText(details.reference) }),
  });

  const recipientName = recipient === 'reporter' ? details.reporter.name : details.spokesperson.name;
  return {
    from: { name: sanitizeHeaderText(options.from.name), address: fromAddress },
    to: [{ name: sanitizeHeaderText(recipientName), address: recipientAddress }],
    // Human replies reach the press officer; calendar clients send iTIP replies to ORGANIZER regardless.
    replyTo: { name: sanitizeHeaderText(details.pressOfficer.name), address: replyToAddress },
    subject,
    messageId,
    headers: {
      // RFC 3834: no out-of-office replies to an automated message (X-Auto-Response-Suppress is Exchange's spelling).
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
    },
    text: body.text,
    html: body.html,
    alternatives: [
      {
        contentType: `text/calendar; charset=UTF-8; method=${method}`,
        content: invite.value,
        contentTransferEncoding: 'base64',
      },
    ],
    attachments: [
      {
        filename: INVITE_ATTACHMENT_NAME,
        contentType: 'application/ics',
        contentDisposition: 'attachment',
        content: invite.value,
        contentTransferEncoding: 'base64',
      },
    ],
  };
}

/**
 * "Interview confirmed: Hector Guerra – Le Temps, Mon 22 Mar 10:00 New York time"
 * ("Interview confirmée : …, lun. 22 mars 10:00 heure de New York" for a French reporter).
 * Also stored on the outbox row when the invite is queued (server/requests/notify.ts),
 * so the mail view shows the subject that is sent.
 */
export function inviteSubject(options: { method: 'REQUEST' | 'CANCEL'; sequence: number; spokespersonName: string; outlet: string; start: Date; recipientTimeZone: string; language?: MailLanguage }): string {
  const language = options.language ?? 'en';
  const key = options.method === 'CANCEL' ? 'invite.subject.cancelled' : options.sequence > 0 ? 'invite.subject.updated' : 'invite.subject.confirmed';
  const who = `${sanitizeHeaderText(options.spokespersonName, 80)} ${EN_DASH} ${sanitizeHeaderText(options.outlet, 80)}`;
  return sanitizeHeaderText(mailTranslator(language)(key, { who, when: formatShortStartInZone(options.start, options.recipientTimeZone, language) }), 250);
}

function buildTitle(options: ComposeInviteEmailOptions, t: MailTranslate): string {
  if (options.method === 'CANCEL') return t('invite.title.cancelled');
  return options.sequence > 0 ? t('invite.title.updated') : t('invite.title.confirmed');
}

function buildBlocks(options: ComposeInviteEmailOptions, description: ReturnType<typeof describeInterview>, t: MailTranslate): BodyBlock[] {
  const { details, method, recipient } = options;
  const spokesperson = sanitizeHeaderText(details.spokesperson.name);
  const reporter = `${sanitizeHeaderText(details.reporter.name)} (${sanitizeHeaderText(details.reporter.outlet)})`;
  const other = recipient === 'reporter' ? spokesperson : reporter;
  const intro =
    method === 'CANCEL'
      ? t('invite.intro.cancelled', { other })
      : options.sequence > 0
        ? t('invite.intro.updated', { other })
        : recipient === 'reporter'
          ? t('invite.intro.confirmed', { other: spokesperson })
          : t('invite.intro.new', { other: reporter });

  const reason = method === 'CANCEL' && options.cancellationReason?.trim() ? options.cancellationReason.trim() : undefined;
  const blocks: BodyBlock[] = [
    { kind: 'paragraph', text: intro },
    ...(reason ? [{ kind: 'fields' as const, fields: [{ label: t('invite.reason'), lines: [reason] }] }] : []),
    { kind: 'fields', fields: description.fields },
  ];
  if (method === 'REQUEST') {
    // The links carry the event text to Google or Microsoft, so never the
    // reporter's secret manage link; they stay out of the text part, where a
    // kilobyte of percent-encoding helps nobody and the .ics does the job.
    const linkOptions = {
      title: description.summary,
      start: details.start,
      end: details.end,
      details: describeInterview({ ...details, manageUrl: undefined }, recipient).descriptionText,
      location: description.location,
    };
    blocks.push({
      kind: 'list',
      htmlOnly: true,
      items: [
        { text: t('invite.addGoogle'), href: googleCalendarUrl(linkOptions) },
        { text: t('invite.addOutlook'), href: outlookCalendarUrl(linkOptions) },
      ],
    });
  }
  return blocks;
}

function normaliseMessageId(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > MAX_MESSAGE_ID_LENGTH) return null;
  // Both angle brackets or neither.
  if (trimmed.startsWith('<') !== trimmed.endsWith('>')) return null;
  const match = MESSAGE_ID_PATTERN.exec(trimmed);
  return match ? `<${match[1]}@${match[2]}>` : null;
}

/** The address validated and lowercased as the invite writes it, or null. */
function readAddress(value: string): string | null {
  const parsed = emailAddressSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function readHttpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
