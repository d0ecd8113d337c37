// contacts.merge: two records of one journalist become one, history kept.
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { contactColumns, contactDataOf, contactSelect, distinct, toContactView, type ContactContext, type ContactView } from './contact-record';

/**
 * Merges `duplicateId` into `survivorId` in one transaction:
 * - the duplicate's requests (and so interviews), affiliations and any records
 *   merged into it earlier move to the survivor;
 * - the survivor gains the duplicate's addresses, numbers, languages and tags,
 *   and any field it lacks (outlet, role, zone, country, WhatsApp, notes);
 * - the duplicate stays as a pointer (`mergedIntoId`), with only its name and
 *   primary address, so a later request from that address links to the
 *   survivor (requests.create follows the pointer) and erasing the survivor
 *   erases the pointer too.
 * Audited with both records before and the survivor after. NOT_FOUND when
 * either is missing or already merged.
 */
export async function mergeContacts(context: ContactContext, input: { survivorId: string; duplicateId: string }): Promise<ContactView> {
  const { now } = context;
  return context.db.$transaction(async (tx) => {
    const [survivor, duplicate] = await Promise.all([
      tx.mediaContact.findUnique({ where: { id: input.survivorId }, select: contactSelect }),
      tx.mediaContact.findUnique({ where: { id: input.duplicateId }, select: contactSelect }),
    ]);
    if (!survivor || survivor.mergedIntoId || !duplicate || duplicate.mergedIntoId) throw new AppError('NOT_FOUND', 'Both contacts must exist and not be merged already.');
    const keep = contactDataOf(survivor);
    const other = contactDataOf(duplicate);
    const data = {
      ...keep,
      emails: distinct([...keep.emails, ...other.emails].map((email) => email.toLowerCase())),
      phones: distinct([...keep.phones, ...other.phones], (phone) => phone.e164),
      whatsapp: keep.whatsapp ?? other.whatsapp,
      outletId: keep.outletId ?? other.outletId,
      outletName: keep.outletId ? keep.outletName : other.outletName,
      role: keep.role ?? other.role,
      languages: distinct([...keep.languages, ...other.languages]),
      timeZone: keep.timeZone ?? other.timeZone,
      country: keep.country ?? other.country,
      notes: [keep.notes, other.notes].filter(Boolean).join('\n\n') || null,
      tags: distinct([...keep.tags, ...other.tags]),
    };
    // The pointer keeps the duplicate's primary address (the unique key a new
    // request is matched on); everything else about the person now lives on the survivor.
    await tx.mediaContact.update({
      where: { id: duplicate.id },
      data: {
        mergedIntoId: survivor.id, archivedAt: duplicate.archivedAt ?? now, otherEmails: [], phone: null, phoneNational: null, phones: [], whatsapp: null,
        role: null, notes: null, tags: [], languages: [], searchText: '', facets: '', nameFolded: '', updatedAt: now,
      },
    });
    const columns = contactColumns(data);
    // The survivor's primary address stays its own; the duplicate's is listed as another.
    const row = await tx.mediaContact.update({
      where: { id: survivor.id },
      data: {
        ...columns,
        email: survivor.email,
        emailNormalized: survivor.email ? survivor.email.toLowerCase() : null,
        otherEmails: data.emails.filter((email) => email !== (survivor.email ?? '').toLowerCase()),
        doNotContact: survivor.doNotContact || duplicate.doNotContact,
        updatedAt: now,
      },
      select: contactSelect,
    });
    const moved = await tx.interviewRequest.updateMany({ where: { mediaContactId: duplicate.id }, data: { mediaContactId: survivor.id } });
    await tx.contactAffiliation.updateMany({ where: { contactId: duplicate.id }, data: { contactId: survivor.id } });
    await tx.mediaContact.updateMany({ where: { mergedIntoId: duplicate.id }, data: { mergedIntoId: survivor.id } });
    const view = toContactView(row);
    await recordAuditEvent({
      db: tx, actor: context.actor, action: 'contact.merge', entityType: 'contact', entityId: survivor.id,
      before: { survivor: toContactView(survivor), duplicate: toContactView(duplicate) }, after: { survivor: view, mergedIntoId: survivor.id, duplicateId: duplicate.id, requestsMoved: moved.count },
      ip: context.ip, now,
    });
    return view;
  });
}
