// contacts.merge: two records of one journalist become one, history kept.
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { contactColumns, contactDataOf, contactSelect, distinct, toContactView, type ContactContext, type ContactView } from './contact-record';
import type { MergeContactsInput } from './schema';

type Choice = 'survivor' | 'duplicate' | undefined;

/** The chosen record's value; with no choice, the survivor's unless it has none. */
function pick<T>(choice: Choice, survivor: T | null, duplicate: T | null): T | null {
  if (choice === 'survivor') return survivor;
  if (choice === 'duplicate') return duplicate;
  return survivor ?? duplicate;
}

/**
 * Merges `duplicateId` into `survivorId` in one transaction:
 * - the duplicate's requests (and so interviews), affiliations and any records
 *   merged into it earlier move to the survivor;
 * - the survivor gains the duplicate's addresses, numbers, languages and tags;
 *   each single-valued field (name, outlet, role, zone, country, WhatsApp,
 *   preferred channel, lawful basis with its source, notes) comes from the
 *   record `fields` names, by default the survivor's or, where it has none,
 *   the duplicate's (notes by default joined); the survivor's primary address
 *   stays primary, and "do not contact" on either record stays on;
 * - the duplicate stays as a pointer (`mergedIntoId`), with only its name and
 *   primary address, so a later request from that address links to the
 *   survivor (requests.create follows the pointer) and erasing the survivor
 *   erases the pointer too.
 * Audited with both records before and the survivor after. NOT_FOUND when
 * either is missing or already merged.
 */
export async function mergeContacts(context: ContactContext, input: { survivorId: string; duplicateId: string; fields?: MergeContactsInput['fields'] }): Promise<ContactView> {
  const fields = input.fields ?? {};
  const { now } = context;
  return context.db.$transaction(async (tx) => {
    const [survivor, duplicate] = await Promise.all([
      tx.mediaContact.findUnique({ where: { id: input.survivorId }, select: contactSelect }),
      tx.mediaContact.findUnique({ where: { id: input.duplicateId }, select: contactSelect }),
    ]);
    if (!survivor || survivor.mergedIntoId || !duplicate || duplicate.mergedIntoId) throw new AppError('NOT_FOUND', 'Both contacts must exist and not be merged already.');
    const keep = contactDataOf(survivor);
    const other = contactDataOf(duplicate);
    const outletFrom = pick(fields.outlet, keep.outletId ? keep : null, other.outletId ? other : null);
    const data = {
      name: pick(fields.name, keep.name, other.name)!,
      emails: distinct([...keep.emails, ...other.emails].map((email) => email.toLowerCase())),
      phones: distinct([...keep.phones, ...other.phones], (phone) => phone.e164),
      whatsapp: pick(fields.whatsapp, keep.whatsapp, other.whatsapp),
      outletId: outletFrom?.outletId ?? null,
      outletName: outletFrom?.outletName ?? null,
      role: pick(fields.role, keep.role, other.role),
      languages: distinct([...keep.languages, ...other.languages]),
      timeZone: pick(fields.timeZone, keep.timeZone, other.timeZone),
      country: pick(fields.country, keep.country, other.country),
      notes: fields.notes === 'survivor' ? keep.notes : fields.notes === 'duplicate' ? other.notes : [keep.notes, other.notes].filter(Boolean).join('\n\n') || null,
      tags: distinct([...keep.tags, ...other.tags]),
    };
    const basisFrom = pick(fields.lawfulBasis, survivor.lawfulBasis ? survivor : null, duplicate.lawfulBasis ? duplicate : null) ?? survivor;
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
        preferredChannel: pick(fields.preferredChannel, survivor.preferredChannel, duplicate.preferredChannel),
        lawfulBasis: basisFrom.lawfulBasis,
        lawfulBasisAt: basisFrom.lawfulBasisAt,
        source: basisFrom.source,
        updatedAt: now,
      },
      select: contactSelect,
    });
    const moved = await tx.interviewRequest.updateMany({ where: { mediaContactId: duplicate.id }, data: { mediaContactId: survivor.id } });
    await tx.contactAffiliation.updateMany({ where: { contactId: duplicate.id }, data: { contactId: survivor.id } });
    // One current outlet: the one chosen; the other record's open affiliation becomes history.
    await tx.contactAffiliation.updateMany({ where: { contactId: survivor.id, endedAt: null, NOT: data.outletId ? { outletId: data.outletId } : {} }, data: { endedAt: now } });
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
