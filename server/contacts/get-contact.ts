// contacts.get: one journalist with their history in one timeline.
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { contactSelect, toContactView } from './contact-record';
import { findDuplicateContacts } from './find-duplicate-contacts';
import { countNoShowsByOutlet } from '../interviews/count-no-shows';

export type TimelineEntry =
  | { at: string; kind: 'request'; requestId: string; reference: string; status: string; topic: string; outlet: string; format: string }
  | { at: string; kind: 'request_cancelled'; requestId: string; reference: string; cancelledBy: string | null; reason: string | null }
  | { at: string; kind: 'request_declined' | 'request_expired'; requestId: string; reference: string; reason: string | null }
  | { at: string; kind: 'interview'; requestId: string; reference: string; interviewId: string; status: string; spokespersonName: string; start: string; end: string };

/**
 * The contact, their outlets over time, records merged into them, likely
 * duplicates, and a timeline (newest first) of their requests, what became of
 * each (declined, expired, cancelled and by whom) and their interviews with
 * the outcome (confirmed, rescheduled, completed, no_show, cancelled).
 * `lastContactAt` is the latest request or past interview. A merged record
 * answers NOT_FOUND with details.mergedIntoId; an erased one NOT_FOUND with
 * details `{ erased: true, erasedAt, summary }` (the erasure's counts).
 */
export async function getContact(options: { db: DbOrTx; id: string; now: Date }) {
  const { db, id } = options;
  const row = await db.mediaContact.findUnique({ where: { id }, select: contactSelect });
  if (!row) {
    // An erased person leaves only the audit event of the erasure (counts, no
    // personal data): enough to tell a press officer following an old link
    // that the card was erased on purpose, and when, rather than "no such contact".
    const erasure = await db.auditEvent.findFirst({ where: { action: 'contact.erase', entityType: 'contact', entityId: id }, orderBy: { createdAt: 'desc' }, select: { createdAt: true, after: true } });
    if (erasure) throw new AppError('NOT_FOUND', 'This contact was erased.', { details: { erased: true, erasedAt: erasure.createdAt.toISOString(), summary: erasure.after } });
    throw new AppError('NOT_FOUND', 'No such contact.');
  }
  if (row.mergedIntoId) throw new AppError('NOT_FOUND', 'This contact was merged into another.', { details: { mergedIntoId: row.mergedIntoId } });
  const [affiliations, merged, requests, likelyDuplicates] = await Promise.all([
    db.contactAffiliation.findMany({ where: { contactId: id }, orderBy: { startedAt: 'desc' }, select: { outlet: { select: { id: true, name: true } }, role: true, startedAt: true, endedAt: true } }),
    db.mediaContact.findMany({ where: { mergedIntoId: id }, select: { id: true, name: true, email: true, updatedAt: true } }),
    db.interviewRequest.findMany({
      where: { mediaContactId: id },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true, reference: true, status: true, topic: true, reporterOutlet: true, format: true, createdAt: true, updatedAt: true, cancelledBy: true, statusReason: true,
        interview: { select: { id: true, status: true, startsAt: true, endsAt: true, spokesperson: { select: { name: true } } } },
      },
    }),
    findDuplicateContacts({ db, contactId: id }),
  ]);
  const timeline: TimelineEntry[] = [];
  let lastContact = 0;
  for (const request of requests) {
    timeline.push({ at: request.createdAt.toISOString(), kind: 'request', requestId: request.id, reference: request.reference, status: request.status, topic: request.topic, outlet: request.reporterOutlet, format: request.format });
    lastContact = Math.max(lastContact, request.createdAt.getTime());
    if (request.status === 'cancelled') {
      timeline.push({ at: request.updatedAt.toISOString(), kind: 'request_cancelled', requestId: request.id, reference: request.reference, cancelledBy: request.cancelledBy, reason: request.statusReason });
    } else if (request.status === 'declined' || request.status === 'expired') {
      timeline.push({ at: request.updatedAt.toISOString(), kind: request.status === 'declined' ? 'request_declined' : 'request_expired', requestId: request.id, reference: request.reference, reason: request.statusReason });
    }
    const interview = request.interview;
    if (interview) {
      timeline.push({
        at: interview.startsAt.toISOString(), kind: 'interview', requestId: request.id, reference: request.reference, interviewId: interview.id,
        status: interview.status, spokespersonName: interview.spokesperson.name, start: interview.startsAt.toISOString(), end: interview.endsAt.toISOString(),
      });
      if (interview.startsAt.getTime() <= options.now.getTime() && interview.status !== 'cancelled') lastContact = Math.max(lastContact, interview.startsAt.getTime());
    }
  }
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    contact: toContactView(row),
    // Current first, then newest; sorted here because NULL ordering differs between the providers.
    affiliations: [...affiliations].sort((a, b) => Number(a.endedAt !== null) - Number(b.endedAt !== null) || b.startedAt.getTime() - a.startedAt.getTime()).map((affiliation) => ({ outlet: affiliation.outlet, role: affiliation.role, startedAt: affiliation.startedAt.toISOString(), endedAt: affiliation.endedAt?.toISOString() ?? null })),
    mergedRecords: merged.map((record) => ({ id: record.id, name: record.name, email: record.email, mergedAt: record.updatedAt.toISOString() })),
    likelyDuplicates: likelyDuplicates.flatMap((group) => group.contacts.filter((contact) => contact.id !== id).map((contact) => ({ reason: group.reason, contact }))),
    timeline,
    lastContactAt: lastContact ? new Date(lastContact).toISOString() : null,
    /** Interviews recorded as no-shows: theirs, and their current outlet's reporters' (null without an outlet). */
    noShows: {
      contact: requests.filter((request) => request.interview?.status === 'no_show').length,
      outlet: row.outletId ? ((await countNoShowsByOutlet(db, [row.outletId])).get(row.outletId) ?? 0) : null,
    },
  };
}
