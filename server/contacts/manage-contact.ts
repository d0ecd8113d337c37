// contacts.create, contacts.update, contacts.archive.
import type { Tx } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isUniqueViolation } from '../requests/booking';
import {
  contactColumns,
  contactDataOf,
  contactSelect,
  findErasedValues,
  getServerSecret,
  toContactView,
  type ContactContext,
  type ContactData,
  type ContactView,
} from './contact-record';
import type { CreateContactInput, UpdateContactInput } from './schema';

async function outletNameOf(tx: Tx, outletId: string | null | undefined): Promise<string | null> {
  if (!outletId) return null;
  const outlet = await tx.outlet.findUnique({ where: { id: outletId }, select: { name: true } });
  if (!outlet) throw new AppError('NOT_FOUND', 'No such outlet.', { details: { field: 'outletId' } });
  return outlet.name;
}

/** Refuses addresses and numbers of people who were erased (their opt-out stands). */
async function assertNotErased(tx: Tx, secret: Buffer, data: ContactData): Promise<void> {
  const erased = await findErasedValues(tx, secret, { emails: data.emails, phones: [...data.phones.map((phone) => phone.e164), ...(data.whatsapp ? [data.whatsapp] : [])] });
  if (erased.size > 0) {
    throw new AppError('CONFLICT', 'This person asked to be erased from the media list; their address or number cannot be added again.', { details: { erased: true } });
  }
}

function conflictOnEmail(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Another contact already has this email address; open it or merge the two.', { details: { field: 'emails' } });
  throw error;
}

/**
 * Creates a media contact. The first email and phone are the primary ones;
 * phones are stored as E.164 with their national display form. Refuses an
 * address another contact has as primary (CONFLICT) and the address or number
 * of an erased person (CONFLICT, details.erased). Records the outlet as the
 * contact's current affiliation and writes an audit event.
 */
export async function createContact(context: ContactContext, input: CreateContactInput): Promise<ContactView> {
  const { now } = context;
  // Read before the transaction: on SQLite a query outside it would wait for it to end.
  const secret = await getServerSecret(context.db);
  return context.db
    .$transaction(async (tx) => {
      const data: ContactData = {
        name: input.name,
        emails: input.emails ?? [],
        phones: (input.phones ?? []).map((phone) => ({ e164: phone.number, kind: phone.kind })),
        whatsapp: input.whatsapp ?? null,
        outletId: input.outletId ?? null,
        outletName: await outletNameOf(tx, input.outletId),
        role: input.role ?? null,
        languages: input.languages ?? [],
        timeZone: input.timeZone ?? null,
        country: input.country ?? null,
        notes: input.notes ?? null,
        tags: input.tags ?? [],
      };
      await assertNotErased(tx, secret, data);
      const row = await tx.mediaContact.create({
        data: {
          ...contactColumns(data),
          preferredChannel: input.preferredChannel ?? null,
          source: input.source ?? 'Entered by the press office',
          lawfulBasis: input.lawfulBasis ?? 'legitimate_interest',
          lawfulBasisAt: now,
          doNotContact: input.doNotContact ?? false,
          createdAt: now,
          updatedAt: now,
        },
        select: contactSelect,
      });
      if (data.outletId) await tx.contactAffiliation.create({ data: { contactId: row.id, outletId: data.outletId, role: data.role, startedAt: now } });
      const view = toContactView(row);
      await recordAuditEvent({ db: tx, actor: context.actor, action: 'contact.create', entityType: 'contact', entityId: row.id, after: view, ip: context.ip, now });
      return view;
    })
    .catch(conflictOnEmail);
}

/**
 * Changes the given fields of a contact (absent fields stay; null clears).
 * A new outlet closes the current affiliation and opens one from now, so the
 * contact's history keeps where they worked when. Audited with before/after.
 */
export async function updateContact(context: ContactContext, input: UpdateContactInput): Promise<ContactView> {
  const { now } = context;
  // Read before the transaction: on SQLite a query outside it would wait for it to end.
  const secret = await getServerSecret(context.db);
  return context.db
    .$transaction(async (tx) => {
      const before = await tx.mediaContact.findUnique({ where: { id: input.id }, select: contactSelect });
      if (!before || before.mergedIntoId) throw new AppError('NOT_FOUND', 'No such contact.');
      const current = contactDataOf(before);
      const outletChanged = input.outletId !== undefined && (input.outletId ?? null) !== current.outletId;
      const data: ContactData = {
        name: input.name ?? current.name,
        emails: input.emails ?? current.emails,
        phones: input.phones ? input.phones.map((phone) => ({ e164: phone.number, kind: phone.kind })) : current.phones,
        whatsapp: input.whatsapp !== undefined ? input.whatsapp : current.whatsapp,
        outletId: input.outletId !== undefined ? input.outletId : current.outletId,
        outletName: outletChanged ? await outletNameOf(tx, input.outletId) : current.outletName,
        role: input.role !== undefined ? input.role : current.role,
        languages: input.languages ?? current.languages,
        timeZone: input.timeZone !== undefined ? input.timeZone : current.timeZone,
        country: input.country !== undefined ? input.country : current.country,
        notes: input.notes !== undefined ? input.notes : current.notes,
        tags: input.tags ?? current.tags,
      };
      await assertNotErased(tx, secret, data);
      const row = await tx.mediaContact.update({
        where: { id: input.id },
        data: {
          ...contactColumns(data),
          ...(input.preferredChannel !== undefined ? { preferredChannel: input.preferredChannel } : {}),
          ...(input.source !== undefined ? { source: input.source } : {}),
          ...(input.lawfulBasis !== undefined ? { lawfulBasis: input.lawfulBasis, lawfulBasisAt: now } : {}),
          ...(input.doNotContact !== undefined ? { doNotContact: input.doNotContact } : {}),
          updatedAt: now,
        },
        select: contactSelect,
      });
      if (outletChanged) {
        await tx.contactAffiliation.updateMany({ where: { contactId: row.id, endedAt: null }, data: { endedAt: now } });
        if (data.outletId) await tx.contactAffiliation.create({ data: { contactId: row.id, outletId: data.outletId, role: data.role, startedAt: now } });
      }
      const view = toContactView(row);
      await recordAuditEvent({ db: tx, actor: context.actor, action: 'contact.update', entityType: 'contact', entityId: row.id, before: toContactView(before), after: view, ip: context.ip, now });
      return view;
    })
    .catch(conflictOnEmail);
}

/**
 * Archives (or, with archived: false, restores) a contact: archived contacts
 * leave the list and search unless asked for, and keep their history.
 */
export async function archiveContact(context: ContactContext, input: { id: string; archived: boolean }): Promise<ContactView> {
  const { now } = context;
  return context.db.$transaction(async (tx) => {
    const before = await tx.mediaContact.findUnique({ where: { id: input.id }, select: { archivedAt: true, mergedIntoId: true } });
    if (!before || before.mergedIntoId) throw new AppError('NOT_FOUND', 'No such contact.');
    const row = await tx.mediaContact.update({ where: { id: input.id }, data: { archivedAt: input.archived ? (before.archivedAt ?? now) : null, updatedAt: now }, select: contactSelect });
    await recordAuditEvent({ db: tx, actor: context.actor, action: input.archived ? 'contact.archive' : 'contact.restore', entityType: 'contact', entityId: row.id, before: { archivedAt: before.archivedAt }, after: { archivedAt: row.archivedAt }, ip: context.ip, now });
    return toContactView(row);
  });
}
