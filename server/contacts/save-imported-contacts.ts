// The write half of CSV and vCard import: validated rows → contacts, in
// batches, with few statements per batch (each costs about 1 ms).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import { recordAuditEvent } from '../audit/record-audit-event';
import {
  contactColumns,
  contactDataOf,
  contactSelect,
  distinct,
  findErasedValues,
  getServerSecret,
  type ContactContext,
  type ContactData,
  type ContactRow,
} from './contact-record';
import { foldForSearch } from './search-text';
import { insertAffiliations, insertContacts } from './bulk-insert';
import type { PhoneKind } from './vcard';
import { yieldToEventLoop } from '../common/yield-to-event-loop';
import { noProgress, type ProgressReporter } from './import-progress';

/**
 * Rows per transaction. An import is atomic per batch: a batch is written
 * completely or not at all, and the import stops at the first batch that
 * fails (earlier batches stay). 100 rows hold the SQLite write lock, and the
 * event loop in the longest single statement, for about 25 ms here: bookings
 * wait for the same lock, and /healthz must answer within 100 ms while a
 * 60,000-row file imports (tests/security/import-responsiveness.test.ts).
 * 500-row batches held both for up to 0.4 s.
 */
export const IMPORT_BATCH_SIZE = 100;

/** One valid row or card, ready to save. */
export interface ImportCandidate {
  /** Line of the CSV record, or 1-based position of the vCard. */
  line: number;
  name: string;
  emails: string[];
  phones: { e164: string; kind: PhoneKind }[];
  whatsapp: string | null;
  outletName: string | null;
  role: string | null;
  languages: string[];
  country: string | null;
  timeZone: string | null;
  notes: string | null;
  tags: string[];
}

export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface ImportRowReport {
  line: number;
  status: ImportRowStatus;
  contactId?: string;
  /** Why a row was skipped or failed, one sentence each. */
  reasons?: string[];
}

export interface ImportReport {
  dryRun: boolean;
  batchSize: number;
  counts: Record<ImportRowStatus, number>;
  /** Every row, in file order. */
  rows: ImportRowReport[];
}

class DryRunRollback extends Error {}

/** The facts compared to decide between "updated" and "unchanged". */
function comparable(columns: ReturnType<typeof contactColumns>) {
  const { searchText: _s, facets: _f, nameFolded: _n, ...rest } = columns;
  return JSON.stringify(rest);
}

/**
 * Saves candidates (plus the already-invalid rows in `invalid`) and reports
 * every row. Matching, so that importing the same file twice changes nothing:
 * by email address (a merged record's address leads to its survivor), else by
 * folded name at the same outlet among contacts without an email. A match is
 * updated with the row's non-empty fields (addresses, numbers, languages and
 * tags are added to what is there). Rows of erased people, and repeats of an
 * address earlier in the file, are skipped with the reason. Outlets are found
 * by folded name or created (kind "unknown" until someone sets it).
 */
export async function saveImportedContacts(
  context: ContactContext,
  options: { candidates: ImportCandidate[]; invalid: ImportRowReport[]; dryRun: boolean; source: string; lawfulBasis: string; format: 'csv' | 'vcard' },
  slicing: { pause?: () => Promise<void>; progress?: ProgressReporter } = {},
): Promise<ImportReport> {
  // Other requests run between slices of the work (and between batches, so their statements
  // get the SQLite lock before the next batch takes it); see common/yield-to-event-loop.ts.
  const pause = slicing.pause ?? (async () => {});
  const progress = slicing.progress ?? noProgress;
  const reports = new Map<number, ImportRowReport>();
  for (const row of options.invalid) reports.set(row.line, row);
  const firstLineOfEmail = new Map<string, number>();
  const candidates: ImportCandidate[] = [];
  for (const candidate of options.candidates) {
    await pause();
    const repeated = candidate.emails.map((email) => firstLineOfEmail.get(email)).find((line) => line !== undefined);
    if (repeated !== undefined) {
      reports.set(candidate.line, { line: candidate.line, status: 'skipped', reasons: [`Same email address as line ${repeated}; merge the two rows`] });
      continue;
    }
    for (const email of candidate.emails) firstLineOfEmail.set(email, candidate.line);
    candidates.push(candidate);
  }
  const secret = await getServerSecret(context.db);
  let failure: string | null = null;
  progress.update('saving', 0, options.candidates.length + options.invalid.length);
  for (let start = 0; start < candidates.length; start += IMPORT_BATCH_SIZE) {
    await yieldToEventLoop();
    progress.update('saving', options.invalid.length + (options.candidates.length - candidates.length) + start);
    const batch = candidates.slice(start, start + IMPORT_BATCH_SIZE);
    if (failure) {
      for (const candidate of batch) reports.set(candidate.line, { line: candidate.line, status: 'failed', reasons: [failure] });
      continue;
    }
    const batchReports: ImportRowReport[] = [];
    try {
      await context.db.$transaction(
        async (tx) => {
          batchReports.push(...(await saveBatch(tx, context, secret, batch, options, pause)));
          if (options.dryRun) throw new DryRunRollback();
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (!(error instanceof DryRunRollback)) {
        failure = `Not imported: the batch with lines ${batch[0]!.line}–${batch.at(-1)!.line} failed (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}); nothing of it was written`;
        batchReports.length = 0;
        for (const candidate of batch) batchReports.push({ line: candidate.line, status: 'failed', reasons: [failure] });
      }
    }
    for (const report of batchReports) reports.set(report.line, options.dryRun && report.status === 'created' ? { line: report.line, status: 'created' } : report);
  }
  const rows = [...reports.values()].sort((a, b) => a.line - b.line);
  const counts: Record<ImportRowStatus, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const row of rows) counts[row.status] += 1;
  progress.update('done', rows.length, rows.length);
  return { dryRun: options.dryRun, batchSize: IMPORT_BATCH_SIZE, counts, rows };
}

async function saveBatch(
  tx: Tx,
  context: ContactContext,
  secret: Buffer,
  batch: ImportCandidate[],
  options: { source: string; lawfulBasis: string; format: string; dryRun: boolean },
  pause: () => Promise<void>,
): Promise<ImportRowReport[]> {
  const { now } = context;
  const reports: ImportRowReport[] = [];
  // 1. Opt-outs of erased people.
  const erased = await findErasedValues(tx, secret, {
    emails: batch.flatMap((candidate) => candidate.emails),
    phones: batch.flatMap((candidate) => [...candidate.phones.map((phone) => phone.e164), ...(candidate.whatsapp ? [candidate.whatsapp] : [])]),
  });
  const live = batch.filter((candidate) => {
    const hit = [...candidate.emails, ...candidate.phones.map((phone) => phone.e164), candidate.whatsapp ?? ''].some((value) => erased.has(value));
    if (hit) reports.push({ line: candidate.line, status: 'skipped', reasons: ['This person asked to be erased; their opt-out stands'] });
    return !hit;
  });
  await pause();
  // 2. Outlets by folded name, created when new.
  const outletNames = new Map<string, string>();
  for (const candidate of live) if (candidate.outletName) outletNames.set(foldForSearch(candidate.outletName), candidate.outletName);
  const outletIds = new Map<string, { id: string; name: string }>();
  if (outletNames.size > 0) {
    const found = await tx.outlet.findMany({ where: { nameFolded: { in: [...outletNames.keys()] } }, select: { id: true, name: true, nameFolded: true }, orderBy: { createdAt: 'asc' } });
    for (const outlet of found) if (!outletIds.has(outlet.nameFolded)) outletIds.set(outlet.nameFolded, outlet);
    const missing = [...outletNames].filter(([folded]) => !outletIds.has(folded));
    if (missing.length > 0) {
      const rows = missing.map(([folded, name]) => ({ id: randomUUID(), name, nameFolded: folded, kind: 'unknown', createdAt: now, updatedAt: now }));
      await tx.outlet.createMany({ data: rows });
      for (const row of rows) outletIds.set(row.nameFolded, row);
    }
  }
  const outletOf = (candidate: ImportCandidate) => (candidate.outletName ? outletIds.get(foldForSearch(candidate.outletName)) ?? null : null);
  await pause();
  // 3. Existing contacts by address (following merge pointers), or by name at the outlet.
  const emails = live.flatMap((candidate) => candidate.emails);
  const byEmail = new Map<string, ContactRow>();
  if (emails.length > 0) {
    const rows = await tx.mediaContact.findMany({ where: { emailNormalized: { in: emails } }, select: { ...contactSelect, emailNormalized: true } });
    const survivorIds = distinct(rows.filter((row) => row.mergedIntoId).map((row) => row.mergedIntoId!));
    const survivors = survivorIds.length > 0 ? await tx.mediaContact.findMany({ where: { id: { in: survivorIds } }, select: contactSelect }) : [];
    const survivorById = new Map(survivors.map((row) => [row.id, row]));
    for (const row of rows) {
      const target = row.mergedIntoId ? survivorById.get(row.mergedIntoId) : row;
      if (target && !target.mergedIntoId) byEmail.set(row.emailNormalized!, target);
    }
  }
  const nameKeys = live.filter((candidate) => candidate.emails.length === 0).map((candidate) => foldForSearch(candidate.name));
  const byName = new Map<string, ContactRow>();
  if (nameKeys.length > 0) {
    const rows = await tx.mediaContact.findMany({ where: { nameFolded: { in: distinct(nameKeys) }, emailNormalized: null, mergedIntoId: null }, select: { ...contactSelect, nameFolded: true } });
    for (const row of rows) byName.set(`${row.nameFolded}\u0000${row.outletId ?? ''}`, row);
  }
  await pause();
  // 4. Create the new, update the changed.
  const created: Prisma.MediaContactCreateManyInput[] = [];
  const affiliations: Prisma.ContactAffiliationCreateManyInput[] = [];
  const updatedIds: string[] = [];
  const claimed = new Set<string>();
  for (const candidate of live) {
    await pause();
    const outlet = outletOf(candidate);
    const existing = candidate.emails.map((email) => byEmail.get(email)).find(Boolean) ?? (candidate.emails.length === 0 ? byName.get(`${foldForSearch(candidate.name)}\u0000${outlet?.id ?? ''}`) : undefined);
    if (existing && claimed.has(existing.id)) {
      reports.push({ line: candidate.line, status: 'skipped', contactId: existing.id, reasons: ['Another row of this import already matched the same contact'] });
      continue;
    }
    if (!existing) {
      const id = randomUUID();
      const data: ContactData = { ...candidate, outletId: outlet?.id ?? null, outletName: outlet?.name ?? null };
      created.push({ id, ...contactColumns(data), source: options.source, lawfulBasis: options.lawfulBasis, lawfulBasisAt: now, createdAt: now, updatedAt: now });
      if (outlet) affiliations.push({ id: randomUUID(), contactId: id, outletId: outlet.id, role: candidate.role, startedAt: now });
      reports.push({ line: candidate.line, status: 'created', contactId: id });
      continue;
    }
    claimed.add(existing.id);
    const current = contactDataOf(existing);
    const next: ContactData = {
      name: candidate.name || current.name,
      emails: distinct([...current.emails, ...candidate.emails]),
      phones: distinct([...current.phones, ...candidate.phones], (phone) => phone.e164),
      whatsapp: candidate.whatsapp ?? current.whatsapp,
      outletId: outlet?.id ?? current.outletId,
      outletName: outlet?.name ?? current.outletName,
      role: candidate.role ?? current.role,
      languages: distinct([...current.languages, ...candidate.languages]),
      timeZone: candidate.timeZone ?? current.timeZone,
      country: candidate.country ?? current.country,
      notes: candidate.notes ?? current.notes,
      tags: distinct([...current.tags, ...candidate.tags]),
    };
    const before = contactColumns(current);
    const after = contactColumns(next);
    if (comparable(before) === comparable(after)) {
      reports.push({ line: candidate.line, status: 'unchanged', contactId: existing.id });
      continue;
    }
    // The stored primary address stays primary (it is the unique key requests match on).
    await tx.mediaContact.update({ where: { id: existing.id }, data: { ...after, email: before.email, emailNormalized: before.emailNormalized, otherEmails: next.emails.filter((email) => email !== before.email), updatedAt: now } });
    if (next.outletId !== current.outletId && next.outletId) {
      await tx.contactAffiliation.updateMany({ where: { contactId: existing.id, endedAt: null }, data: { endedAt: now } });
      affiliations.push({ id: randomUUID(), contactId: existing.id, outletId: next.outletId, role: next.role, startedAt: now });
    }
    updatedIds.push(existing.id);
    reports.push({ line: candidate.line, status: 'updated', contactId: existing.id });
  }
  await pause();
  await insertContacts(tx, context.provider, created);
  await pause();
  await insertAffiliations(tx, context.provider, affiliations);
  if (!options.dryRun && (created.length > 0 || updatedIds.length > 0)) {
    await recordAuditEvent({
      db: tx, actor: context.actor, action: 'contact.import', entityType: 'contact', entityId: '*',
      after: { format: options.format, lines: [batch[0]!.line, batch.at(-1)!.line], created: created.map((row) => row.id), updated: updatedIds },
      ip: context.ip, now,
    });
  }
  return reports;
}
