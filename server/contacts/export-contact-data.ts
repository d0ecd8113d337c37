// contacts.exportPersonalData: the right of access (GDPR art. 15, FADP art. 25).
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { distinct, stringList, type ContactContext } from './contact-record';

/**
 * Everything held about one person, as JSON: the contact and records merged
 * into it (every column except internal search helpers), outlets over time,
 * their requests (without token hashes and idempotency data), interviews,
 * messages queued or sent to their addresses, and audit events about the
 * contact. Writes a `contact.export_personal_data` audit event.
 */
export async function exportContactData(context: ContactContext, input: { id: string }) {
  const { db } = context;
  const contact = await db.mediaContact.findUnique({ where: { id: input.id }, select: { id: true, mergedIntoId: true } });
  if (!contact || contact.mergedIntoId) throw new AppError('NOT_FOUND', 'No such contact.');
  const records = await db.mediaContact.findMany({
    where: { OR: [{ id: contact.id }, { mergedIntoId: contact.id }] },
    omit: { searchText: true, facets: true, nameFolded: true },
    include: { outlet: true, affiliations: { include: { outlet: { select: { id: true, name: true } } } } },
  });
  const ids = records.map((record) => record.id);
  const emails = distinct(records.flatMap((record) => [...(record.email ? [record.email.toLowerCase()] : []), ...stringList(record.otherEmails)]));
  const requests = await db.interviewRequest.findMany({
    where: { OR: [{ mediaContactId: { in: ids } }, ...(emails.length > 0 ? [{ reporterEmail: { in: emails } }] : [])] },
    omit: { manageTokenHash: true, requestFingerprint: true, idempotencyKey: true },
    include: { interview: true, spokesperson: { select: { id: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const messages = emails.length > 0
    ? await db.outboxMessage.findMany({ where: { recipient: { in: emails } }, select: { id: true, kind: true, recipient: true, subject: true, status: true, createdAt: true, sentAt: true }, orderBy: { createdAt: 'asc' } })
    : [];
  const auditEvents = await db.auditEvent.findMany({ where: { entityType: 'contact', entityId: { in: ids } }, orderBy: { createdAt: 'asc' } });
  await recordAuditEvent({ db, actor: context.actor, action: 'contact.export_personal_data', entityType: 'contact', entityId: contact.id, after: { records: ids.length, requests: requests.length, messages: messages.length }, ip: context.ip, now: context.now });
  return JSON.parse(JSON.stringify({ exportedAt: context.now, contactId: contact.id, records, requests, messages, auditEvents })) as Record<string, unknown>;
}
