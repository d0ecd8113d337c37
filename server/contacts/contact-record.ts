// What every media-list function shares: the context, the stored shape of a
// contact, the derived columns (search text, folded name, filter facets) and
// the opt-out hashes of erased people.
import { createHmac } from 'node:crypto';
import type { Db, DbOrTx } from '../db';
import type { AuditActor } from '../audit/record-audit-event';
import type { Prisma } from '../generated/sqlite/client';
import { getServerSecret, keysFor } from '../secrets';
import type { DatabaseProvider } from './bulk-insert';
import { normalizePhone } from './normalize-phone';
import { buildContactSearchText, foldForSearch } from './search-text';
import type { PhoneKind } from './vcard';

export interface ContactContext {
  db: Db;
  actor: AuditActor;
  ip?: string;
  now: Date;
  /** Lets imports use multi-row INSERTs on SQLite (see bulk-insert.ts); createMany when absent. */
  provider?: DatabaseProvider;
}

/** One number as stored in MediaContact.phones. */
export interface StoredPhone {
  e164: string;
  /** As written in its country ("078 000 00 00"). */
  national: string;
  kind: PhoneKind;
}

/** The person-describing fields of a contact, before they become columns. */
export interface ContactData {
  name: string;
  emails: string[];
  phones: { e164: string; kind: PhoneKind }[];
  whatsapp: string | null;
  outletId: string | null;
  outletName: string | null;
  role: string | null;
  languages: string[];
  timeZone: string | null;
  country: string | null;
  notes: string | null;
  tags: string[];
}

export function nationalFormOf(e164: string): string {
  const result = normalizePhone(e164);
  return 'national' in result ? result.national : e164;
}

/** Distinct values in first-seen order (addresses are compared lowercased by the caller). */
export function distinct<T>(values: readonly T[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Filter tokens: " lang:en lang:en-gb tag:climate_policy role:defence " so
 * that `facets LIKE '% lang:en %'` (exact) and `'% role:def%'` (word prefix)
 * work the same on SQLite and PostgreSQL. A regional language also carries its
 * base language, so the filter "en" finds "en-GB".
 */
export function buildFacets(fields: { languages: readonly string[]; tags: readonly string[]; role: string | null }): string {
  const tokens = new Set<string>();
  for (const language of fields.languages) {
    const lower = language.toLowerCase();
    tokens.add(`lang:${lower}`);
    tokens.add(`lang:${lower.split('-')[0]}`);
  }
  for (const tag of fields.tags) tokens.add(`tag:${facetWord(tag)}`);
  for (const word of foldForSearch(fields.role ?? '').split(/[^\p{L}\p{N}]+/u)) if (word) tokens.add(`role:${word}`);
  return tokens.size === 0 ? '' : ` ${[...tokens].join(' ')} `;
}

/** A tag as one facet word: folded, spaces as underscores. */
export function facetWord(tag: string): string {
  return foldForSearch(tag).replace(/ /g, '_');
}

/** The stored columns for a contact's data (what create, update, import and merge write). */
export function contactColumns(data: ContactData) {
  const emails = distinct(data.emails.map((email) => email.toLowerCase()));
  const phones: StoredPhone[] = distinct(data.phones, (phone) => phone.e164).map((phone) => ({ ...phone, national: nationalFormOf(phone.e164) }));
  const primaryEmail = emails[0] ?? null;
  const primaryPhone = phones[0] ?? null;
  return {
    name: data.name,
    email: primaryEmail,
    emailNormalized: primaryEmail,
    otherEmails: emails.slice(1),
    phone: primaryPhone?.e164 ?? null,
    phoneNational: primaryPhone?.national ?? null,
    phones: phones as unknown as Prisma.InputJsonValue,
    whatsapp: data.whatsapp,
    outletId: data.outletId,
    role: data.role,
    languages: data.languages,
    timeZone: data.timeZone,
    country: data.country,
    notes: data.notes,
    tags: data.tags,
    searchText: buildContactSearchText({ name: data.name, emails, outlet: data.outletName, role: data.role, tags: data.tags }),
    nameFolded: foldForSearch(data.name),
    facets: buildFacets(data),
  };
}

export const contactSelect = {
  id: true,
  name: true,
  email: true,
  otherEmails: true,
  phone: true,
  phoneNational: true,
  phones: true,
  whatsapp: true,
  outletId: true,
  outlet: { select: { id: true, name: true, kind: true, country: true } },
  role: true,
  languages: true,
  timeZone: true,
  country: true,
  preferredChannel: true,
  notes: true,
  tags: true,
  source: true,
  lawfulBasis: true,
  lawfulBasisAt: true,
  doNotContact: true,
  archivedAt: true,
  mergedIntoId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MediaContactSelect;

export type ContactRow = Prisma.MediaContactGetPayload<{ select: typeof contactSelect }>;

/** A contact as procedures answer it: instants as ISO strings, lists never null. */
export function toContactView(row: ContactRow) {
  const phones = storedPhonesOf(row);
  return {
    id: row.id,
    name: row.name,
    emails: [...(row.email ? [row.email] : []), ...stringList(row.otherEmails)],
    phones,
    whatsapp: row.whatsapp,
    outlet: row.outlet,
    role: row.role,
    languages: stringList(row.languages),
    timeZone: row.timeZone,
    country: row.country,
    preferredChannel: row.preferredChannel,
    notes: row.notes,
    tags: stringList(row.tags),
    source: row.source,
    lawfulBasis: row.lawfulBasis,
    lawfulBasisAt: row.lawfulBasisAt?.toISOString() ?? null,
    doNotContact: row.doNotContact,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ContactView = ReturnType<typeof toContactView>;

/** Contacts made by requests.create before this model have a phone but no phones list. */
export function storedPhonesOf(row: { phone: string | null; phones: unknown }): StoredPhone[] {
  const phones = Array.isArray(row.phones) ? (row.phones as StoredPhone[]) : [];
  if (phones.length === 0 && row.phone) return [{ e164: row.phone, national: nationalFormOf(row.phone), kind: 'cell' }];
  return phones;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The data of a stored contact, for updates and merges that change part of it. */
export function contactDataOf(row: ContactRow): ContactData {
  const view = toContactView(row);
  return {
    name: row.name,
    emails: view.emails,
    phones: view.phones.map(({ e164, kind }) => ({ e164, kind })),
    whatsapp: row.whatsapp,
    outletId: row.outletId,
    outletName: row.outlet?.name ?? null,
    role: row.role,
    languages: view.languages,
    timeZone: row.timeZone,
    country: row.country,
    notes: row.notes,
    tags: view.tags,
  };
}

/**
 * Keyed hash of an email address (lowercased) or E.164 number. Keyed with the
 * server secret, so the ErasedContact table cannot be reversed by hashing a
 * list of known addresses without the key.
 */
export function erasedHash(secret: Buffer, kind: 'email' | 'phone', value: string): string {
  return createHmac('sha256', secret).update(`erased-contact:${kind}:${kind === 'email' ? value.toLowerCase() : value}`).digest('hex');
}

/** Which of these addresses and numbers belong to erased people (one query). */
export async function findErasedValues(db: DbOrTx, secret: Buffer, values: { emails: readonly string[]; phones: readonly string[] }): Promise<Set<string>> {
  const byHash = new Map<string, string>();
  // Every key of the keyring: people erased before a key rotation stay erased.
  for (const key of keysFor(secret)) {
    for (const email of values.emails) byHash.set(erasedHash(key, 'email', email), email.toLowerCase());
    for (const phone of values.phones) byHash.set(erasedHash(key, 'phone', phone), phone);
  }
  if (byHash.size === 0) return new Set();
  const found = new Set<string>();
  const hashes = [...byHash.keys()];
  // Chunked: SQLite caps bound parameters per statement.
  for (let start = 0; start < hashes.length; start += 5_000) {
    const rows = await db.erasedContact.findMany({ where: { valueHash: { in: hashes.slice(start, start + 5_000) } }, select: { valueHash: true } });
    for (const row of rows) found.add(byHash.get(row.valueHash)!);
  }
  return found;
}

export { getServerSecret };
