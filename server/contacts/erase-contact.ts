// contacts.erase: the right to erasure (GDPR art. 17, Swiss FADP art. 32).
import type { Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueHttpDeliveries } from '../webhooks/enqueue-deliveries';
import { normalizePhone } from './normalize-phone';
import { normalizeEmailKey } from '../requests/hold-policy';
import { distinct, erasedHash, getServerSecret, storedPhonesOf, stringList, type ContactContext } from './contact-record';

/** What erased personal text becomes wherever it is kept inside a record. */
const ERASED = '[erased]';

/** Replaces every occurrence of the person's strings inside a JSON value. */
function scrubJson(value: unknown, secrets: string[]): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  let text = JSON.stringify(value);
  for (const secret of secrets) text = text.split(JSON.stringify(secret).slice(1, -1)).join(ERASED);
  return JSON.parse(text) as Prisma.InputJsonValue;
}

function scrubText(value: string, secrets: string[]): string {
  let text = value;
  for (const secret of secrets) text = text.split(secret).join(ERASED);
  return text;
}

/**
 * Erases a person from the media list, in one transaction:
 * - the contact and every record merged into it are deleted (affiliations go with them);
 * - their requests (linked, or sent from one of their addresses) are kept for
 *   the office's records but anonymised: name "Erased contact", an address at
 *   the reserved .invalid domain, no phone, WhatsApp, role, questions or own
 *   cancel reason;
 * - outbox messages to their addresses are deleted; other messages about
 *   those requests, interview format details (dial-in numbers) and audit
 *   events about the contact or the requests have the person's name,
 *   addresses and numbers replaced by "[erased]";
 * - rate-limit counters keyed by their addresses are deleted;
 * - one ErasedContact row per address and number (a keyed hash) remains, so
 *   an import skips them and a new request does not re-create the contact.
 * The audit event of the erasure names the contact id and counts only.
 */
export async function eraseContact(context: ContactContext, input: { id: string }) {
  const { now } = context;
  const secret = await getServerSecret(context.db);
  return context.db.$transaction(async (tx: Tx) => {
    const contact = await tx.mediaContact.findUnique({ where: { id: input.id }, select: { id: true, mergedIntoId: true } });
    if (!contact || contact.mergedIntoId) throw new AppError('NOT_FOUND', 'No such contact.');
    const records = await tx.mediaContact.findMany({
      where: { OR: [{ id: contact.id }, { mergedIntoId: contact.id }] },
      select: { id: true, name: true, email: true, otherEmails: true, phone: true, phones: true, whatsapp: true },
    });
    const ids = records.map((record) => record.id);
    const emails = distinct(records.flatMap((record) => [...(record.email ? [record.email] : []), ...stringList(record.otherEmails)]).map((email) => email.toLowerCase()));
    const phones = distinct(records.flatMap((record) => [...storedPhonesOf(record).map((phone) => phone.e164), ...(record.whatsapp ? [record.whatsapp] : [])]));
    // Display forms too ("(202) 555-0177", "+1 202 555 0177"): they appear in stored views and texts.
    const phoneForms = distinct(phones.flatMap((phone) => { const result = normalizePhone(phone); return 'e164' in result ? [phone, result.national, result.international] : [phone]; }));
    const requests = await tx.interviewRequest.findMany({
      where: { OR: [{ mediaContactId: { in: ids } }, ...(emails.length > 0 ? [{ reporterEmail: { in: emails } }] : [])] },
      select: { id: true, reporterName: true, reporterEmail: true, reporterPhone: true, reporterWhatsapp: true, cancelledBy: true, formatDetails: true, proposalMessage: true, statusReason: true, interview: { select: { id: true, formatDetails: true } } },
    });
    const requestIds = requests.map((request) => request.id);
    const names = distinct([...records.map((record) => record.name), ...requests.map((request) => request.reporterName)].filter((name) => name.trim().length >= 3));
    const secrets = distinct([...emails, ...requests.map((request) => request.reporterEmail), ...phoneForms, ...requests.flatMap((request) => [request.reporterPhone ?? '', request.reporterWhatsapp ?? '']).filter(Boolean), ...names])
      // Longest first, so a name inside an address is not replaced before the address.
      .sort((a, b) => b.length - a.length);
    const allEmails = distinct([...emails, ...requests.map((request) => request.reporterEmail.toLowerCase())]);

    for (const request of requests) {
      await tx.interviewRequest.update({
        where: { id: request.id },
        data: {
          mediaContactId: null, reporterName: 'Erased contact', reporterEmail: `erased-${request.id}@erased.invalid`, reporterPhone: null, reporterWhatsapp: null,
          reporterRole: null, questions: '', requestFingerprint: null, reporterEmailKey: null, requestIp: null,
          formatDetails: scrubJson(request.formatDetails, secrets),
          proposalMessage: request.proposalMessage ? scrubText(request.proposalMessage, secrets) : null,
          statusReason: request.cancelledBy === 'reporter' || !request.statusReason ? null : scrubText(request.statusReason, secrets),
        },
      });
      if (request.interview) await tx.interview.update({ where: { id: request.interview.id }, data: { formatDetails: scrubJson(request.interview.formatDetails, secrets) ?? {} } });
    }
    // Releases sent to them: the record of the sending (their address) goes, and with it their personal preview link.
    await tx.releaseSending.deleteMany({ where: { OR: [{ mediaContactId: { in: ids } }, { email: { in: allEmails } }] } });
    const deletedMessages = await tx.outboxMessage.deleteMany({ where: { recipient: { in: allEmails } } });
    const interviewIds = requests.flatMap((request) => (request.interview ? [request.interview.id] : []));
    const related = await tx.outboxMessage.findMany({
      where: { OR: [{ requestId: { in: requestIds } }, { interviewId: { in: interviewIds } }] },
      select: { id: true, subject: true, payload: true, lastError: true },
    });
    for (const message of related) {
      await tx.outboxMessage.update({ where: { id: message.id }, data: { subject: scrubText(message.subject, secrets), payload: scrubJson(message.payload, secrets) ?? {}, lastError: message.lastError ? scrubText(message.lastError, secrets) : null } });
    }
    const events = await tx.auditEvent.findMany({
      where: { OR: [{ entityType: 'contact', entityId: { in: ids } }, { entityType: 'request', entityId: { in: requestIds } }, { entityType: 'interview', entityId: { in: interviewIds } }] },
      select: { id: true, before: true, after: true },
    });
    for (const event of events) {
      await tx.auditEvent.update({ where: { id: event.id }, data: { before: scrubJson(event.before, secrets), after: scrubJson(event.after, secrets) } });
    }
    // Request limits count by normalised address (requests/hold-policy.ts).
    await tx.rateLimitEvent.deleteMany({ where: { bucket: { in: ['request-email', 'login-email'] }, key: { in: distinct([...allEmails, ...allEmails.map(normalizeEmailKey)]) } } });
    // Pointers first (they reference the survivor only by id, but keep the order obvious).
    await tx.mediaContact.deleteMany({ where: { id: { in: ids } } });
    const hashes = [...allEmails.map((email) => ({ kind: 'email', valueHash: erasedHash(secret, 'email', email) })), ...phones.map((phone) => ({ kind: 'phone', valueHash: erasedHash(secret, 'phone', phone) }))];
    const known = new Set((await tx.erasedContact.findMany({ where: { valueHash: { in: hashes.map((hash) => hash.valueHash) } }, select: { valueHash: true } })).map((row) => row.valueHash));
    const fresh = hashes.filter((hash) => !known.has(hash.valueHash));
    if (fresh.length > 0) await tx.erasedContact.createMany({ data: fresh.map((hash) => ({ ...hash, erasedAt: now })) });
    const summary = { contactsDeleted: ids.length, requestsAnonymised: requests.length, messagesDeleted: deletedMessages.count, messagesScrubbed: related.length, optOutHashes: hashes.length };
    // Integrators' cue to delete their copies: ids only (webhook payloads never carry a reporter's personal data).
    await enqueueHttpDeliveries(tx, { now, events: [{ type: 'contact.erased', data: { contact: { id: contact.id, mergedIds: ids.filter((id) => id !== contact.id) }, requestIds } }] });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'contact.erase', entityType: 'contact', entityId: contact.id, after: summary, ip: context.ip, now });
    return summary;
  }, { timeout: 60_000 });
}
