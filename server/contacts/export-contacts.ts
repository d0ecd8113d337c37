// contacts.exportCsv and contacts.exportVCard.
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Prisma } from '../generated/sqlite/client';
import { contactSelect, toContactView, type ContactContext, type ContactView } from './contact-record';
import { toCsv } from './csv';
import { contactFilterWhere } from './search-contacts';
import type { ContactFilters } from './schema';
import { exportVCard, type VCardContact } from './vcard';

/** Columns of the CSV export; the names are ones suggestColumnMapping maps back on import. */
const CSV_HEADER = ['Name', 'Email', 'Other emails', 'Phone', 'Other phones', 'WhatsApp', 'Outlet', 'Role', 'Languages', 'Country', 'Time zone', 'Notes', 'Tags', 'Do not contact', 'Source', 'Lawful basis', 'Archived'];

async function loadContacts(context: ContactContext, filters: ContactFilters & { ids?: string[] }): Promise<ContactView[]> {
  const where: Prisma.MediaContactWhereInput = contactFilterWhere(filters);
  if (filters.ids) (where.AND as Prisma.MediaContactWhereInput[]).push({ id: { in: filters.ids } });
  const rows = await context.db.mediaContact.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: contactSelect });
  return rows.map(toContactView);
}

async function auditExport(context: ContactContext, format: string, filters: ContactFilters & { ids?: string[] }, contacts: ContactView[]) {
  await recordAuditEvent({
    db: context.db, actor: context.actor, action: 'contact.export', entityType: 'contact', entityId: filters.ids?.length === 1 ? filters.ids[0]! : '*',
    after: { format, filters, count: contacts.length }, ip: context.ip, now: context.now,
  });
}

/**
 * The contacts the filters (or ids) select, as CSV for spreadsheets: UTF-8
 * with a byte order mark (Excel), cells that look like formulas guarded
 * (toCsv), lists joined with "; ". Writes a `contact.export` audit event.
 */
export async function exportContactsCsv(context: ContactContext, filters: ContactFilters & { ids?: string[] }) {
  const contacts = await loadContacts(context, filters);
  const csv = toCsv(
    CSV_HEADER,
    contacts.map((contact) => [
      contact.name, contact.emails[0] ?? '', contact.emails.slice(1).join('; '), contact.phones[0]?.e164 ?? '', contact.phones.slice(1).map((phone) => phone.e164).join('; '),
      contact.whatsapp ?? '', contact.outlet?.name ?? '', contact.role ?? '', contact.languages.join('; '), contact.country ?? '', contact.timeZone ?? '',
      contact.notes ?? '', contact.tags.join('; '), contact.doNotContact ? 'yes' : '', contact.source ?? '', contact.lawfulBasis ?? '', contact.archivedAt ?? '',
    ]),
    { byteOrderMark: true },
  );
  await auditExport(context, 'csv', filters, contacts);
  return { filename: `media-list-${context.now.toISOString().slice(0, 10)}.csv`, contentType: 'text/csv; charset=utf-8', count: contacts.length, csv };
}

export function toVCardContact(contact: ContactView): VCardContact {
  return {
    uid: contact.id,
    name: contact.name,
    emails: contact.emails,
    phones: contact.phones.map(({ e164, kind }) => ({ e164, kind })),
    ...(contact.whatsapp ? { whatsapp: contact.whatsapp } : {}),
    ...(contact.outlet ? { outlet: contact.outlet.name } : {}),
    ...(contact.role ? { role: contact.role } : {}),
    languages: contact.languages,
    ...(contact.timeZone ? { timeZone: contact.timeZone } : {}),
    ...(contact.country ? { country: contact.country } : {}),
    ...(contact.notes ? { notes: contact.notes } : {}),
    tags: contact.tags,
    updatedAt: new Date(contact.updatedAt),
  };
}

/**
 * The selected contacts as vCard 4.0 (RFC 6350), one card each; with one id,
 * a single-contact card. Writes a `contact.export` audit event.
 */
export async function exportContactsVCard(context: ContactContext, filters: ContactFilters & { ids?: string[] }) {
  const contacts = await loadContacts(context, filters);
  const vcf = exportVCard(contacts.map(toVCardContact), { now: context.now });
  await auditExport(context, 'vcard', filters, contacts);
  const filename = contacts.length === 1 ? `${contacts[0]!.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'contact'}.vcf` : `media-list-${context.now.toISOString().slice(0, 10)}.vcf`;
  return { filename, contentType: 'text/vcard; charset=utf-8', count: contacts.length, vcf };
}
