// contacts.list: search and filter the media list, one stable page at a time.
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Prisma } from '../generated/sqlite/client';
import { contactSelect, facetWord, toContactView, type ContactContext, type ContactView } from './contact-record';
import { foldForSearch } from './search-text';
import { escapeLike } from '../common/escape-like';
import type { ContactFilters, ListContactsInput } from './schema';

/** At most this many query words count; more only slow the query down. */
const MAX_QUERY_WORDS = 6;

/**
 * The where-clause for a search: each query word must start a word of the
 * stored folded `searchText` (see buildContactSearchText), and each filter
 * must match. Merged records are never listed; archived ones only on request.
 */
export function contactFilterWhere(filters: ContactFilters): Prisma.MediaContactWhereInput {
  const and: Prisma.MediaContactWhereInput[] = [{ mergedIntoId: null }];
  if (!filters.includeArchived) and.push({ archivedAt: null });
  const words = foldForSearch(filters.query ?? '').split(' ').filter(Boolean).slice(0, MAX_QUERY_WORDS);
  // Typed text is matched literally: LIKE wildcards escaped (server/common/escape-like.ts).
  for (const word of words.map(escapeLike)) and.push({ OR: [{ searchText: { startsWith: word } }, { searchText: { contains: ` ${word}` } }] });
  if (filters.outletId) and.push({ outletId: filters.outletId });
  if (filters.country) and.push({ country: filters.country });
  if (filters.language) and.push({ facets: { contains: ` lang:${escapeLike(filters.language.toLowerCase())} ` } });
  if (filters.tag) and.push({ facets: { contains: ` tag:${escapeLike(facetWord(filters.tag))} ` } });
  for (const word of foldForSearch(filters.role ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) and.push({ facets: { contains: ` role:${escapeLike(word)}` } });
  return { AND: and };
}

function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'This page cursor is not valid; start from the first page.', { details: { field: 'cursor' } });
}

export interface ContactPage {
  contacts: ContactView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of contacts ordered by name, then id. Keyset pagination: the
 * cursor is the last row's (name, id), so pages neither skip nor repeat rows
 * when contacts are added or removed between calls. Prefix, accent- and
 * case-insensitive ("muller" finds "Müller", "lukas" finds
 * "Müller-Łukasiewicz").
 *
 * Audit: a page read without a text query is a read of the list (possibly
 * filtered) and writes a `contact.list` audit event with the filters and the
 * number of rows returned; a text search is a lookup and does not.
 */
export async function searchContacts(context: ContactContext, input: ListContactsInput): Promise<ContactPage> {
  const { cursor, limit, ...filters } = input;
  const where = contactFilterWhere(filters);
  if (cursor) {
    const after = decodeCursor(cursor);
    (where.AND as Prisma.MediaContactWhereInput[]).push({ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] });
  }
  const rows = await context.db.mediaContact.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: limit + 1, select: contactSelect });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (foldForSearch(filters.query ?? '') === '') {
    await recordAuditEvent({
      db: context.db,
      actor: context.actor,
      action: 'contact.list',
      entityType: 'contact',
      entityId: '*',
      after: { filters, cursor: cursor ?? null, returned: page.length },
      ip: context.ip,
      now: context.now,
    });
  }
  return { contacts: page.map(toContactView), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
