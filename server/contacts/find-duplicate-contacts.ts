// contacts.duplicates: likely duplicates, flagged for a person to merge.
import type { DbOrTx } from '../db';
import { contactSelect, toContactView, type ContactView } from './contact-record';

/** At most this many groups per answer; merging them surfaces the next ones. */
const MAX_GROUPS = 100;

export interface DuplicateGroup {
  reason: 'same_phone' | 'same_name_at_outlet';
  contacts: ContactView[];
}

const active = { mergedIntoId: null, archivedAt: null } as const;

/**
 * Groups of active contacts that are probably one person: the same primary
 * phone number, or the same folded name ("Zoë Müller" = "zoe muller") at the
 * same outlet. Never merges anything: a press officer decides
 * (contacts.merge). With `contactId`, only the groups that contact is in.
 */
export async function findDuplicateContacts(options: { db: DbOrTx; contactId?: string }): Promise<DuplicateGroup[]> {
  const { db } = options;
  let phones: string[];
  let names: { outletId: string; nameFolded: string }[];
  if (options.contactId) {
    const contact = await db.mediaContact.findUnique({ where: { id: options.contactId }, select: { phone: true, outletId: true, nameFolded: true } });
    if (!contact) return [];
    phones = contact.phone ? [contact.phone] : [];
    names = contact.outletId && contact.nameFolded ? [{ outletId: contact.outletId, nameFolded: contact.nameFolded }] : [];
  } else {
    const byPhone = await db.mediaContact.groupBy({ by: ['phone'], where: { ...active, phone: { not: null } }, having: { id: { _count: { gt: 1 } } }, orderBy: { phone: 'asc' }, take: MAX_GROUPS });
    phones = byPhone.map((group) => group.phone!);
    const byName = await db.mediaContact.groupBy({
      by: ['outletId', 'nameFolded'],
      where: { ...active, outletId: { not: null }, nameFolded: { not: '' } },
      having: { id: { _count: { gt: 1 } } },
      orderBy: [{ outletId: 'asc' }, { nameFolded: 'asc' }],
      take: MAX_GROUPS,
    });
    names = byName.map((group) => ({ outletId: group.outletId!, nameFolded: group.nameFolded }));
  }
  const groups: DuplicateGroup[] = [];
  if (phones.length > 0) {
    const rows = await db.mediaContact.findMany({ where: { ...active, phone: { in: phones } }, select: contactSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    for (const phone of phones) {
      const members = rows.filter((row) => row.phone === phone);
      if (members.length > 1) groups.push({ reason: 'same_phone', contacts: members.map(toContactView) });
    }
  }
  if (names.length > 0) {
    const rows = await db.mediaContact.findMany({ where: { ...active, OR: names }, select: { ...contactSelect, nameFolded: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    for (const key of names) {
      const members = rows.filter((row) => row.outletId === key.outletId && row.nameFolded === key.nameFolded);
      if (members.length > 1) groups.push({ reason: 'same_name_at_outlet', contacts: members.map(toContactView) });
    }
  }
  return groups.slice(0, MAX_GROUPS);
}
