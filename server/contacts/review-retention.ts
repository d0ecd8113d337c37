// contacts.retentionReview: storage limitation (GDPR art. 5(1)(e)).
import { recordAuditEvent } from '../audit/record-audit-event';
import { contactSelect, toContactView, type ContactContext } from './contact-record';

/**
 * Active contacts with no activity for `months` months: created before the
 * cut-off and no request since. Oldest first, for a person to archive, ask
 * or erase. Writes a `contact.retention_review` audit event (a list read).
 */
export async function reviewRetention(context: ContactContext, input: { months: number; limit: number }) {
  const cutoff = new Date(context.now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - input.months);
  const where = { mergedIntoId: null, archivedAt: null, createdAt: { lt: cutoff }, requests: { none: { createdAt: { gte: cutoff } } } };
  const [rows, total] = await Promise.all([
    context.db.mediaContact.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: input.limit,
      select: { ...contactSelect, requests: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
    }),
    context.db.mediaContact.count({ where }),
  ]);
  await recordAuditEvent({ db: context.db, actor: context.actor, action: 'contact.retention_review', entityType: 'contact', entityId: '*', after: { months: input.months, total, returned: rows.length }, ip: context.ip, now: context.now });
  return {
    cutoff: cutoff.toISOString(),
    total,
    contacts: rows.map(({ requests, ...row }) => ({ ...toContactView(row), lastActivityAt: (requests[0]?.createdAt ?? row.createdAt).toISOString() })),
  };
}
