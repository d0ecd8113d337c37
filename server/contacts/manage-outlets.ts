// outlets.create, outlets.update, outlets.list.
import type { z } from 'zod';
import { countNoShowsByOutlet } from '../interviews/count-no-shows';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { ContactContext } from './contact-record';
import { buildContactSearchText, foldForSearch } from './search-text';
import { escapeLike } from '../common/escape-like';
import type { createOutletInput, updateOutletInput } from './schema';

const outletSelect = { id: true, name: true, kind: true, country: true, language: true, website: true, createdAt: true, updatedAt: true } as const;

function toOutletView(row: { id: string; name: string; kind: string; country: string | null; language: string | null; website: string | null; createdAt: Date; updatedAt: Date }) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Creates an outlet (print, online, TV, radio, wire or podcast). Audited. */
export async function createOutlet(context: ContactContext, input: z.output<typeof createOutletInput>) {
  return context.db.$transaction(async (tx) => {
    const row = await tx.outlet.create({ data: { ...input, nameFolded: foldForSearch(input.name), createdAt: context.now, updatedAt: context.now }, select: outletSelect });
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'outlet.create', entityType: 'outlet', entityId: row.id, after: row, ip: context.ip, now: context.now });
    return toOutletView(row);
  });
}

/**
 * Changes an outlet. A new name is written into the search text of its
 * contacts (they are found by outlet name), in the same transaction.
 */
export async function updateOutlet(context: ContactContext, input: z.output<typeof updateOutletInput>) {
  const { id, ...changes } = input;
  return context.db.$transaction(async (tx) => {
    const before = await tx.outlet.findUnique({ where: { id }, select: outletSelect });
    if (!before) throw new AppError('NOT_FOUND', 'No such outlet.');
    const row = await tx.outlet.update({ where: { id }, data: { ...changes, ...(changes.name ? { nameFolded: foldForSearch(changes.name) } : {}), updatedAt: context.now }, select: outletSelect });
    if (changes.name && changes.name !== before.name) {
      const contacts = await tx.mediaContact.findMany({ where: { outletId: id, mergedIntoId: null }, select: { id: true, name: true, email: true, otherEmails: true, role: true, tags: true } });
      for (const contact of contacts) {
        const emails = [...(contact.email ? [contact.email] : []), ...((contact.otherEmails as string[] | null) ?? [])];
        await tx.mediaContact.update({ where: { id: contact.id }, data: { searchText: buildContactSearchText({ name: contact.name, emails, outlet: row.name, role: contact.role, tags: (contact.tags as string[]) ?? [] }) } });
      }
    }
    await recordAuditEvent({ db: tx, actor: context.actor, action: 'outlet.update', entityType: 'outlet', entityId: id, before, after: row, ip: context.ip, now: context.now });
    return toOutletView(row);
  });
}

/** Outlets by name (a word prefix of the folded name when `query` is given), with how many active contacts each has. */
export async function listOutlets(options: { db: DbOrTx; query?: string }) {
  const folded = escapeLike(foldForSearch(options.query ?? ''));
  const rows = await options.db.outlet.findMany({
    where: folded ? { OR: [{ nameFolded: { startsWith: folded } }, { nameFolded: { contains: ` ${folded}` } }] } : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 1_000,
    select: { ...outletSelect, _count: { select: { contacts: { where: { mergedIntoId: null, archivedAt: null } } } } },
  });
  const noShows = await countNoShowsByOutlet(options.db, rows.map((row) => row.id));
  return rows.map(({ _count, ...row }) => ({ ...toOutletView(row), contactCount: _count.contacts, noShowCount: noShows.get(row.id) ?? 0 }));
}
