// Turns an outbox row into the email to send, from the database as it is at
// delivery time. Rows hold ids, not content, so no secret (manage token) is
// ever stored: the reporter's link is derived again here.
import { deriveSendingToken } from '../releases/send-release';
import { renderReleaseEmail } from '../mail/render-release-email';
import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '../db';
import type { Config } from '../env';
import { getServerKeys, getServerSecret } from '../secrets';
import { manageTokenFor, manageUrl } from '../requests/manage-token';
import type { StoredProposal } from '../requests/request-view';
import { composeInviteEmail } from '../mail/compose-invite-email';
import { composeReminderEmail, type DayOfContact } from '../mail/compose-reminder-email';
import { renderNotification, type PressOfficerContact } from '../mail/render-email';
import { renderEmailBody, type BodyField } from '../mail/render-email-body';
import { formatInstantInZones } from '../mail/format-local-time';
import { renderPasswordLinkEmail } from '../mail/render-password-link-email';
import { derivePasswordLinkToken, passwordLinkUrl } from '../auth/password-links';
import { mailLanguageOf } from '../mail/mail-language';
import type { InterviewAttribution, InterviewDetails, InterviewFormat } from '../mail/describe-interview';
import { channelVisibilityOf } from '../contacts/manage-press-contacts';
import type { OfficeProfile } from '../office/schema';
import { readInterviewForMail, readOfficeIdentity, readOfficePressContact, readRequestForMail, type RequestForMail } from './outbox-statements';

/** A message that can never be rendered (its request is gone, bad data): not worth retrying. */
export class PermanentRenderError extends Error {}

export interface OutboxRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  payload: unknown;
  messageId: string;
  requestId: string | null;
  interviewId: string | null;
  createdAt: Date;
}


type ContactRow = { id: string; name: string; email: string; phone: string | null; whatsapp: string | null; visibility: unknown };
type ReleaseContact = { pressContact: ContactRow | null } | null;

/** The request's release with its press contact, or null without a statement when it has none. */
async function releaseContactOf(db: Db, releaseId: string | null): Promise<ReleaseContact> {
  if (!releaseId) return null;
  return db.release.findUnique({ where: { id: releaseId }, select: { pressContact: { select: { id: true, name: true, email: true, phone: true, whatsapp: true, visibility: true } } } });
}

/**
 * Who reads the email: someone who has asked ("requester": request received,
 * declined, times proposed, expired, cancelled) sees a contact's channels
 * marked "public"; the parties to a confirmed interview (invites, reminders)
 * also those marked "confirmed". "internal" channels never leave the office.
 */
type Audience = 'requester' | 'confirmed';

/**
 * The press contact an email names: the release's, else the one the office
 * profile shows reporters, else the office's first (readOfficePressContact),
 * with only the channels this audience may see. An email address it may not
 * see is replaced by the office's sending address.
 */
async function pressContactFor(db: Db, release: ReleaseContact, office: OfficeProfile, config: Pick<Config, 'mailFrom'>, audience: Audience): Promise<DayOfContact> {
  const contact = release?.pressContact ?? (await readOfficePressContact(db, office.pressContactId));
  if (!contact) return { name: 'Press office', email: config.mailFrom };
  const visibility = channelVisibilityOf(contact.visibility);
  const shown = (channel: keyof typeof visibility) => visibility[channel] === 'public' || (audience === 'confirmed' && visibility[channel] === 'confirmed');
  return {
    name: contact.name,
    email: shown('email') ? contact.email : config.mailFrom,
    ...(contact.phone && shown('phone') ? { phone: contact.phone } : {}),
    ...(contact.whatsapp && shown('whatsapp') ? { whatsapp: contact.whatsapp } : {}),
  };
}

/** Whom a notice or invite names (name, email, phone). */
async function pressOfficerFor(db: Db, release: ReleaseContact, office: OfficeProfile, config: Pick<Config, 'mailFrom'>, audience: Audience): Promise<PressOfficerContact> {
  const { name, email, phone } = await pressContactFor(db, release, office, config, audience);
  return { name, email, ...(phone ? { phone } : {}) };
}

/** Builds the nodemailer message for one outbox row. Throws PermanentRenderError when it never can. */
export async function renderOutboxMessage(db: Db, row: OutboxRow, config: Pick<Config, 'publicUrl' | 'mailFrom'>): Promise<Mail.Options> {
  const office = await readOfficeIdentity(db);
  const from = { name: office.name, address: config.mailFrom };
  const base = { from, to: row.recipient, messageId: row.messageId, date: row.createdAt };
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  if (row.kind === 'password_link') return { ...base, ...(await renderPasswordLinkRow(db, payload, office, config)) };
  if (row.kind === 'release') return { ...base, ...(await renderReleaseRow(db, payload, office, config)) };
  if (row.kind === 'calendar_notice') return renderCalendarNotice(base, row.subject, payload, config.publicUrl);
  // Never sent as an email (deliver-outbox.ts performs it as a CalDAV write); described for the staff mail view.
  if (row.kind === 'calendar_write') return { ...base, subject: row.subject, text: "Not an email: the outbox writes this interview, as it is when delivered, into the spokesperson's chosen CalDAV calendar, or deletes it there once the interview is no longer booked (server/calendars/write-back.ts)." };
  if (!row.requestId) throw new PermanentRenderError(`outbox row ${row.id} names no request`);
  const request = await readRequestForMail(db, row.requestId);
  if (!request) throw new PermanentRenderError(`request ${row.requestId} no longer exists`);
  const link = manageUrl(config.publicUrl, request.reference, manageTokenFor(getServerKeys().all, request.id, request.manageTokenHash));
  const release = await releaseContactOf(db, request.releaseId);
  // Read only for the notices that name whom to contact (not the desk's own notices): a statement saved per desk email.
  const pressOfficer = () => pressOfficerFor(db, release, office, config, 'requester');
  const spokesperson = request.spokesperson ? { name: request.spokesperson.name, timeZone: request.spokesperson.timeZone } : undefined;
  const requestedSlot = request.requestedStart ? { start: request.requestedStart, end: new Date(request.requestedStart.getTime() + request.durationMinutes * 60_000) } : undefined;
  // Every notice to the reporter is in the language of their pages.
  const language = mailLanguageOf(request.reporterLocale);
  const notify = (rendered: { subject: string; text: string; html: string }) => ({ ...base, subject: rendered.subject, text: rendered.text, html: rendered.html });

  switch (row.kind) {
    case 'invite':
    case 'invite_cancel': {
      if (!row.interviewId) throw new PermanentRenderError('an invite names no interview');
      const invite = await loadInviteDetails(db, row.interviewId, config, { office, request, release });
      const composed = composeInviteEmail({
        method: payload.method === 'CANCEL' ? 'CANCEL' : 'REQUEST',
        sequence: Number(payload.sequence ?? 0),
        uid: invite.uid,
        dtstamp: typeof payload.dtstamp === 'number' ? payload.dtstamp : row.createdAt,
        recipient: payload.recipientRole === 'spokesperson' ? 'spokesperson' : 'reporter',
        from: { name: office.name, email: config.mailFrom },
        messageId: row.messageId,
        publicUrl: config.publicUrl,
        ...(typeof payload.reason === 'string' ? { cancellationReason: payload.reason } : {}),
        // Times and meeting details as they were in this version (SEQUENCE) of the event.
        details: {
          ...invite.details,
          ...(typeof payload.start === 'string' && typeof payload.end === 'string' ? { start: new Date(payload.start), end: new Date(payload.end) } : {}),
          ...(payload.formatDetails ? { formatDetails: payload.formatDetails as InterviewDetails['formatDetails'] } : {}),
        },
      });
      if ('error' in composed) throw new PermanentRenderError(composed.error);
      return { ...composed, to: row.recipient, date: row.createdAt };
    }
    case 'reminder': {
      if (!row.interviewId) throw new PermanentRenderError('a reminder names no interview');
      const invite = await loadInviteDetails(db, row.interviewId, config, { office, request, release });
      // Queued moments ago in the same transaction that checked it; a cancellation or a
      // move since then (its own email says so) makes this reminder wrong, so it is not sent.
      if (!['confirmed', 'rescheduled'].includes(invite.status) || invite.details.start.toISOString() !== payload.startsAt) {
        throw new PermanentRenderError('Not sent: the interview was cancelled or moved after this reminder was queued.');
      }
      const composed = composeReminderEmail({
        details: invite.details,
        recipient: payload.recipientRole === 'spokesperson' ? 'spokesperson' : 'reporter',
        offsetMinutes: Number(payload.leadMinutes ?? payload.offsetMinutes),
        dayOfContact: await pressContactFor(db, release, office, config, 'confirmed'),
      });
      return notify(composed);
    }
    case 'request_received':
      return notify(renderNotification('request_received', { language, reference: request.reference, reporterName: request.reporterName, reporterTimeZone: request.reporterTimeZone, spokesperson, topic: request.topic, requestedSlot, manageUrl: link, pressOfficer: await pressOfficer() }));
    case 'request_declined':
      return notify(renderNotification('request_declined', { language, reference: request.reference, reporterName: request.reporterName, spokespersonName: spokesperson?.name, topic: request.topic, reason: String(payload.reason ?? request.statusReason ?? ''), pressOfficer: await pressOfficer() }));
    case 'request_proposed': {
      const proposals = ((payload.proposals ?? request.proposedSlots) as StoredProposal[]).map((proposal) => ({ start: new Date(proposal.start), end: new Date(proposal.end) }));
      if (!spokesperson) throw new PermanentRenderError('a proposal needs a spokesperson');
      return notify(renderNotification('times_proposed', { language, reference: request.reference, reporterName: request.reporterName, reporterTimeZone: request.reporterTimeZone, spokesperson, topic: request.topic, proposals, message: (payload.message as string | null) ?? undefined, manageUrl: link, pressOfficer: await pressOfficer() }));
    }
    case 'request_expired':
      return notify(renderNotification('request_expired', { language, reference: request.reference, reporterName: request.reporterName, reporterTimeZone: request.reporterTimeZone, topic: request.topic, deadline: request.deadline, pressOfficer: await pressOfficer() }));
    case 'request_new':
      return notify(
        renderNotification('desk_new_request', {
          reference: request.reference,
          reporter: { name: request.reporterName, email: request.reporterEmail, outlet: request.reporterOutlet, timeZone: request.reporterTimeZone },
          spokesperson,
          topic: request.topic,
          format: request.format as InterviewFormat,
          language: request.language,
          attribution: request.attribution as InterviewAttribution,
          deadline: request.deadline,
          requestedSlot,
          deskTimeZone: office.timeZone,
          deskUrl: `${config.publicUrl}/desk/requests/${encodeURIComponent(request.id)}`,
        }),
      );
    case 'request_cancelled':
      if (row.recipient !== config.mailFrom.toLowerCase()) {
        return notify(renderNotification('request_cancelled', { language, reference: request.reference, reporterName: request.reporterName, topic: request.topic, cancelledBy: payload.cancelledBy === 'reporter' ? 'reporter' : 'desk', reason: (payload.reason as string | null) ?? undefined, pressOfficer: await pressOfficer() }));
      }
      return deskNotice(base, row.subject, `${request.reporterName} (${request.reporterOutlet}) cancelled request ${request.reference}.`, payload.reason as string | undefined, config.publicUrl, request.id);
    case 'proposal_picked': {
      // The picked time in the desk's zone, the spokesperson's and the reporter's, never as a raw UTC instant.
      const picked = typeof payload.start === 'string' ? new Date(payload.start) : null;
      const zones = [...new Set([office.timeZone, request.spokesperson?.timeZone, request.reporterTimeZone].filter((zone): zone is string => Boolean(zone)))];
      const interview = payload.booked ? await db.interview.findUnique({ where: { requestId: request.id }, select: { id: true } }) : null;
      return deskNotice(base, row.subject, `${request.reporterName} (${request.reporterOutlet}) picked one of the proposed times for ${request.reference}${payload.booked ? '; it is booked.' : '; it is back in the queue for approval.'}`, undefined, config.publicUrl, request.id, {
        fields: picked && !Number.isNaN(picked.getTime()) ? [{ label: 'Time', lines: formatInstantInZones(picked, zones) }] : [],
        interviewId: interview?.id,
      });
    }
    case 'move_requested':
      return deskNotice(base, row.subject, `${request.reporterName} (${request.reporterOutlet}) asks to move interview ${request.reference}; the new time is held until you approve or decline it in the queue.`, undefined, config.publicUrl, request.id);
    default:
      throw new PermanentRenderError(`unknown outbox message kind ${row.kind}`);
  }
}

/** What renderOutboxMessage has already read for the row, handed to loadInviteDetails so it is not read again. */
interface ReadForRow {
  office: OfficeProfile;
  request: RequestForMail;
  release: ReleaseContact;
}

/**
 * Everything an invite of this interview needs, as it is now: details for
 * both attendees (the reporter's manage link included), UID, SEQUENCE, status.
 * `read` is what the caller already read for the interview's request.
 */
export async function loadInviteDetails(db: Db, interviewId: string, config: Pick<Config, 'publicUrl' | 'mailFrom'>, read?: ReadForRow) {
  const interview = await readInterviewForMail(db, interviewId);
  if (!interview) throw new PermanentRenderError(`interview ${interviewId} no longer exists`);
  const known = read?.request.id === interview.requestId ? read : undefined;
  const request = known?.request ?? (await readRequestForMail(db, interview.requestId));
  if (!request) throw new PermanentRenderError(`request ${interview.requestId} no longer exists`);
  const office = known?.office ?? (await readOfficeIdentity(db));
  const release = known ? known.release : await releaseContactOf(db, request.releaseId);
  const details: InterviewDetails = {
    reference: request.reference,
    spokesperson: interview.spokesperson,
    reporter: { name: request.reporterName, email: request.reporterEmail, outlet: request.reporterOutlet, timeZone: request.reporterTimeZone, phone: request.reporterPhone ?? undefined, whatsapp: request.reporterWhatsapp ?? undefined, locale: request.reporterLocale },
    start: interview.startsAt,
    end: interview.endsAt,
    format: interview.format as InterviewFormat,
    formatDetails: (interview.formatDetails ?? {}) as InterviewDetails['formatDetails'],
    topic: request.topic,
    attribution: request.attribution as InterviewAttribution,
    language: request.language,
    pressOfficer: await pressOfficerFor(db, release, office, config, 'confirmed'),
    manageUrl: manageUrl(config.publicUrl, request.reference, manageTokenFor(getServerKeys().all, request.id, request.manageTokenHash)),
  };
  return { details, uid: interview.inviteUid, sequence: interview.inviteSequence, status: interview.status, office };
}

/**
 * A staff user's set-password email. The token is derived again from the link
 * id (server/auth/password-links.ts); a link already used, replaced or expired
 * is not worth sending.
 */
async function renderPasswordLinkRow(db: Db, payload: Record<string, unknown>, office: { name: string; timeZone: string }, config: Pick<Config, 'publicUrl'>) {
  const linkId = String(payload.passwordLinkId ?? '');
  const link = await db.passwordLink.findUnique({ where: { id: linkId }, select: { id: true, purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { name: true, email: true } } } });
  if (!link) throw new PermanentRenderError(`password link ${linkId} no longer exists`);
  if (link.usedAt || link.revokedAt) throw new PermanentRenderError('the password link was used or replaced before it could be sent');
  const token = derivePasswordLinkToken(await getServerSecret(db), link.id);
  const rendered = renderPasswordLinkEmail({
    purpose: link.purpose === 'reset' ? 'reset' : 'invite',
    name: link.user.name,
    email: link.user.email,
    officeName: office.name,
    url: passwordLinkUrl(config.publicUrl, token),
    expiresAt: link.expiresAt,
    timeZone: office.timeZone,
  });
  return { subject: rendered.subject, text: rendered.text, html: rendered.html };
}

/** A short note to the press office mailbox. */
function deskNotice(base: Mail.Options, subject: string, text: string, reason: string | undefined, publicUrl: string, requestId: string, extra: { fields?: BodyField[]; interviewId?: string } = {}): Mail.Options {
  const fields: BodyField[] = [...(reason ? [{ label: 'Reason', lines: [reason] }] : []), ...(extra.fields ?? [])];
  const body = renderEmailBody({
    title: subject,
    blocks: [
      { kind: 'paragraph', text },
      ...(fields.length > 0 ? [{ kind: 'fields' as const, fields }] : []),
      // The console's deep links open the record whatever its status.
      extra.interviewId
        ? { kind: 'action', text: 'Open the interview', href: `${publicUrl}/desk/interviews/${encodeURIComponent(extra.interviewId)}` }
        : { kind: 'action', text: 'Open the request', href: `${publicUrl}/desk/requests/${encodeURIComponent(requestId)}` },
    ],
  });
  return { ...base, subject, text: body.text, html: body.html };
}

async function renderReleaseRow(db: Db, payload: Record<string, unknown>, office: { name: string; timeZone: string }, config: Pick<Config, 'publicUrl'>) {
  const sendingId = String(payload.releaseSendingId ?? '');
  const sending = await db.releaseSending.findUnique({ where: { id: sendingId }, select: { id: true, release: { select: { title: true, embargoUntil: true, embargoTerms: true } } } });
  if (!sending) throw new PermanentRenderError(`release sending ${sendingId} no longer exists`);
  const token = deriveSendingToken(await getServerSecret(db), sending.id);
  const url = `${config.publicUrl.replace(/\/$/, '')}/preview/${token}`;
  return renderReleaseEmail({ title: sending.release.title, officeName: office.name, url, embargoUntil: sending.release.embargoUntil, embargoTerms: sending.release.embargoTerms, timeZone: office.timeZone });
}

/** A press-office notice about a spokesperson's calendar connection (server/calendars/sync-connection.ts); the text was written when queued. */
function renderCalendarNotice(base: Mail.Options, subject: string, payload: Record<string, unknown>, publicUrl: string): Mail.Options {
  const body = renderEmailBody({
    title: String(payload.title ?? subject),
    blocks: [
      { kind: 'paragraph', text: String(payload.text ?? '') },
      ...(typeof payload.href === 'string' ? [{ kind: 'action' as const, text: String(payload.link ?? 'Open the desk'), href: `${publicUrl}${payload.href}` }] : []),
    ],
  });
  return { ...base, subject, text: body.text, html: body.html };
}
