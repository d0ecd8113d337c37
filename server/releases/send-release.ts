// Distribution, first step: a release (or its embargoed preview) goes to a
// filtered part of the media list through the outbox, one email per contact,
// each with their own preview link. Contacts marked do-not-contact, archived
// or merged are never included (erased people no longer exist as contacts,
// and their opt-out hash keeps a re-import from bringing them back).
import { createHmac } from 'node:crypto';
import type { Db } from '../db';
import { AppError } from '../errors';
import { sortableId } from '../common/sortable-id';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashSecretToken } from '../auth/tokens';
import { enqueueMessages } from '../outbox/enqueue-message';
import { releaseStatus } from './manage-releases';

/** One sending at a time goes to at most this many contacts: a press list, not a newsletter. */
export const MAX_RECIPIENTS_PER_SENDING = 500;

export interface MediaListFilter {
  /** Part of a name, email or outlet (the contacts search text). */
  query?: string;
  tag?: string;
  language?: string;
  country?: string;
}

/** The personal preview token of a sending: derived from the server secret, never stored (only its hash). */
export function deriveSendingToken(secret: Buffer, sendingId: string): string {
  return createHmac('sha256', secret).update(`release-sending:${sendingId}`).digest('base64url');
}

function filterWhere(filter: MediaListFilter) {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
  return {
    doNotContact: false,
    archivedAt: null,
    mergedIntoId: null,
    email: { not: null },
    ...(filter.query ? { searchText: { contains: fold(filter.query) } } : {}),
    ...(filter.country ? { country: filter.country.toUpperCase() } : {}),
    AND: [
      ...(filter.tag ? [{ facets: { contains: ` tag:${fold(filter.tag)} ` } }] : []),
      ...(filter.language ? [{ facets: { contains: ` lang:${fold(filter.language)} ` } }] : []),
    ],
  };
}

/** Who a sending with this filter would reach, and how many it leaves out for do-not-contact. */
export async function previewRecipients(options: { db: Db; filter: MediaListFilter }) {
  const where = filterWhere(options.filter);
  const [recipients, doNotContact] = await Promise.all([
    options.db.mediaContact.findMany({ where, select: { id: true, name: true, email: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: MAX_RECIPIENTS_PER_SENDING + 1 }),
    options.db.mediaContact.count({ where: { ...where, doNotContact: true } }),
  ]);
  return { recipients: recipients.slice(0, MAX_RECIPIENTS_PER_SENDING), tooMany: recipients.length > MAX_RECIPIENTS_PER_SENDING, skippedDoNotContact: doNotContact };
}

/**
 * Queues one email per matching contact with their own preview link, and
 * records who was sent it (audited). A contact already sent this release is
 * not sent it again. Refuses drafts (INVALID_TRANSITION).
 */
export async function sendRelease(options: { db: Db; releaseId: string; filter: MediaListFilter; actorId: string; now: Date; publicUrl: string; secret: Buffer }) {
  const { db, now } = options;
  const release = await db.release.findUnique({ where: { id: options.releaseId }, select: { id: true, title: true, publishedAt: true, embargoUntil: true } });
  if (!release) throw new AppError('NOT_FOUND', 'No such release.');
  if (releaseStatus(release, now) === 'draft') throw new AppError('INVALID_TRANSITION', 'Give the release a publication time before sending it.');
  const { recipients, tooMany } = await previewRecipients({ db, filter: options.filter });
  if (tooMany) throw new AppError('VALIDATION_FAILED', `This filter matches more than ${MAX_RECIPIENTS_PER_SENDING} contacts; narrow it.`);
  const already = new Set((await db.releaseSending.findMany({ where: { releaseId: release.id }, select: { mediaContactId: true } })).map((row) => row.mediaContactId));
  const fresh = recipients.filter((contact) => !already.has(contact.id));
  const host = new URL(options.publicUrl).host;
  await db.$transaction(async (tx) => {
    const rows = fresh.map((contact) => {
      const id = sortableId();
      return { id, releaseId: release.id, mediaContactId: contact.id, email: contact.email!.toLowerCase(), tokenHash: hashSecretToken(deriveSendingToken(options.secret, id)), sentById: options.actorId, createdAt: now };
    });
    if (rows.length > 0) await tx.releaseSending.createMany({ data: rows });
    await enqueueMessages(
      tx,
      rows.map((row) => ({ kind: 'release' as const, recipient: row.email, subject: release.title, payload: { releaseSendingId: row.id } })),
      { host, now },
    );
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.actorId }, action: 'release.send', entityType: 'release', entityId: release.id, after: { filter: options.filter, recipients: rows.length, alreadySent: recipients.length - fresh.length }, now });
  });
  return { sent: fresh.length, alreadySent: recipients.length - fresh.length };
}
