// Press releases: public when published and past any embargo; before the
// embargo only through the release's secret preview link. The press office
// drafts, schedules and publishes, links spokespeople and its press contact.
// Whether a release is public is decided on every read by comparing with the
// server's clock (ctx.now), so it goes public at the instant by itself, on
// every instance at once, with no worker and whatever the viewer's clock says.
import type { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { slugify } from '../common/slugify';
import { recordAuditEvent } from '../audit/record-audit-event';
import { createSecretToken, hashSecretToken, matchesSecretToken } from '../auth/tokens';
import { renderMarkdown } from './render-markdown';
import { internationalFormat } from '../contacts/normalize-phone';
import type { releaseInput, updateReleaseInput } from './schema';

type Visibility = Record<string, string>;
export type ReleaseStatus = 'draft' | 'scheduled' | 'embargoed' | 'published';
type Audience = 'public' | 'staff';

const releaseSelect = {
  id: true,
  slug: true,
  title: true,
  body: true,
  publishedAt: true,
  embargoUntil: true,
  embargoTerms: true,
  links: true,
  previewTokenHash: true,
  updatedAt: true,
  pressContact: { select: { id: true, name: true, title: true, email: true, phone: true, whatsapp: true, visibility: true, timeZone: true, hoursStart: true, hoursEnd: true } },
  spokespeople: { select: { position: true, spokesperson: { select: { id: true, slug: true, name: true, title: true, languages: true, topics: true, timeZone: true, active: true } } }, orderBy: { position: 'asc' as const } },
  attachments: { select: { id: true, fileName: true, contentType: true, sizeBytes: true }, orderBy: { createdAt: 'asc' as const } },
} as const;

type ReleaseRow = NonNullable<Awaited<ReturnType<typeof findRelease>>>;

function findRelease(db: Db, where: { id: string } | { slug: string } | { previewTokenHash: string }) {
  return db.release.findUnique({ where, select: releaseSelect });
}

/**
 * draft: no publication instant; embargoed: the embargo has not lifted;
 * scheduled: published in the future; published: public now.
 */
export function releaseStatus(row: { publishedAt: Date | null; embargoUntil: Date | null }, now: Date): ReleaseStatus {
  if (row.publishedAt === null) return 'draft';
  if (row.embargoUntil !== null && row.embargoUntil > now) return 'embargoed';
  if (row.publishedAt > now) return 'scheduled';
  return 'published';
}

/** The press contact's channels this audience may see (per-channel visibility: public, confirmed, internal). */
function contactFor(row: ReleaseRow, audience: Audience) {
  const contact = row.pressContact;
  if (!contact) return null;
  const visibility = (contact.visibility ?? {}) as Visibility;
  const shown = (channel: string) => audience === 'staff' || visibility[channel] === 'public';
  return {
    name: contact.name,
    title: contact.title,
    email: shown('email') ? contact.email : null,
    phone: shown('phone') ? contact.phone : null,
    whatsapp: shown('whatsapp') ? contact.whatsapp : null,
    /** "+41 78 000 00 00": the international format for the contact block. */
    phoneDisplay: shown('phone') ? internationalFormat(contact.phone) : null,
    whatsappDisplay: shown('whatsapp') ? internationalFormat(contact.whatsapp) : null,
    timeZone: contact.timeZone,
    hoursStart: contact.hoursStart,
    hoursEnd: contact.hoursEnd,
  };
}

/** Attachment addresses; under embargo they carry the preview token, which is their only credential. */
function attachmentUrl(attachment: { id: string; fileName: string }, previewToken?: string) {
  const path = `/attachments/${attachment.id}/${encodeURIComponent(attachment.fileName)}`;
  return previewToken ? `${path}?preview=${previewToken}` : path;
}

function toView(row: ReleaseRow, audience: Audience, now: Date, previewToken?: string) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    /** The body as sanitised HTML (server/releases/render-markdown.ts). */
    bodyHtml: renderMarkdown(row.body),
    status: releaseStatus(row, now),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    embargoUntil: row.embargoUntil?.toISOString() ?? null,
    embargoTerms: row.embargoTerms,
    links: row.links as { label: string; url: string }[],
    attachments: row.attachments.map((attachment) => ({ ...attachment, url: attachmentUrl(attachment, previewToken) })),
    pressContact: contactFor(row, audience),
    spokespeople: row.spokespeople
      .filter((link) => audience === 'staff' || link.spokesperson.active)
      .map((link) => ({ ...link.spokesperson, languages: link.spokesperson.languages as string[], topics: link.spokesperson.topics as string[] })),
  };
}

export type ReleaseView = ReturnType<typeof toView>;

/** The database condition for "public at `now`": published and past any embargo. */
export function publicReleaseWhere(now: Date) {
  return { publishedAt: { lte: now }, OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] };
}

/** Published releases whose embargo has passed, newest first. */
export async function listPublicReleases(options: { db: Db; now: Date }) {
  const rows = await options.db.release.findMany({ where: publicReleaseWhere(options.now), select: releaseSelect, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }], take: 100 });
  return rows.map((row) => toView(row, 'public', options.now));
}

/** One public release by slug; NOT_FOUND for drafts, scheduled and embargoed ones (no existence leak). */
export async function getPublicRelease(options: { db: Db; slug: string; now: Date }) {
  const row = await findRelease(options.db, { slug: options.slug });
  if (!row || releaseStatus(row, options.now) !== 'published') throw new AppError('NOT_FOUND', 'No such release.');
  return toView(row, 'public', options.now);
}

/**
 * A release through its secret preview link: what the public will see, plus
 * `underEmbargo` while the embargo holds. Drafts are not shown (NOT_FOUND, like
 * an unknown link) so a link made too early reveals nothing.
 */
export async function getPreviewRelease(options: { db: Db; token: string; now: Date }) {
  const row = await findReleaseByPreviewToken(options.db, options.token);
  if (!row || releaseStatus(row, options.now) === 'draft') throw new AppError('NOT_FOUND', 'This preview link is not valid (it may have been replaced).');
  const view = toView(row, 'public', options.now, options.token);
  return { ...view, underEmbargo: view.status !== 'published' };
}

/** The release a preview token opens: the release's own link, or a media contact's personal link from a sending. */
async function findReleaseByPreviewToken(db: Db, token: string) {
  const hash = hashSecretToken(token);
  const own = await findRelease(db, { previewTokenHash: hash });
  if (own) return own;
  const sending = await db.releaseSending.findUnique({ where: { tokenHash: hash }, select: { releaseId: true } });
  return sending ? findRelease(db, { id: sending.releaseId }) : null;
}

/** Staff: every release with its status, newest first. */
export async function listAllReleases(options: { db: Db; now: Date }) {
  const rows = await options.db.release.findMany({ select: releaseSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return rows.map((row) => ({ ...toView(row, 'staff', options.now), hasPreviewLink: row.previewTokenHash !== null }));
}

/** Staff: one release, with the requests that came for it (those made under embargo marked). */
export async function getManagedRelease(options: { db: Db; id: string; now: Date }) {
  const row = await findRelease(options.db, { id: options.id });
  if (!row) throw new AppError('NOT_FOUND', 'No such release.');
  const requests = await options.db.interviewRequest.findMany({
    where: { releaseId: row.id },
    select: { id: true, reference: true, reporterName: true, reporterOutlet: true, status: true, underEmbargo: true, releaseSendingId: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  const sendings = await options.db.releaseSending.findMany({
    where: { releaseId: row.id },
    select: { id: true, email: true, createdAt: true, mediaContact: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 1000,
  });
  return {
    ...toView(row, 'staff', options.now),
    /** Who was sent it (distribution), newest first. */
    sendings: sendings.map((sending) => ({ id: sending.id, email: sending.email, name: sending.mediaContact?.name ?? null, createdAt: sending.createdAt.toISOString() })),
    /** What the public view would show (channels not marked public hidden), for the preview. */
    publicPressContact: contactFor(row, 'public'),
    pressContactId: row.pressContact?.id ?? null,
    hasPreviewLink: row.previewTokenHash !== null,
    requests: requests.map((request) => ({ ...request, createdAt: request.createdAt.toISOString() })),
  };
}

/**
 * Makes a new secret preview link for a release, replacing any earlier one (the
 * old link stops working). The token is returned once and stored only hashed.
 */
export async function createPreviewLink(options: { db: Db; id: string; actorId: string; now: Date; publicUrl: string }) {
  const token = createSecretToken();
  await options.db.$transaction(async (tx) => {
    const found = await tx.release.findUnique({ where: { id: options.id }, select: { id: true } });
    if (!found) throw new AppError('NOT_FOUND', 'No such release.');
    await tx.release.update({ where: { id: options.id }, data: { previewTokenHash: hashSecretToken(token) } });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.actorId }, action: 'release.preview_link', entityType: 'release', entityId: options.id, now: options.now });
  });
  return { token, url: `${options.publicUrl.replace(/\/$/, '')}/preview/${token}` };
}

/**
 * What a new interview request may say about its release: public releases
 * need nothing; before the embargo, only the preview link's token together with
 * the reporter's acceptance of the embargo terms (stored with the request).
 * NOT_FOUND for anything a member of the public may not see.
 */
export async function resolveRequestRelease(options: { db: Db; releaseId: string; previewToken?: string; acceptEmbargoTerms?: boolean; now: Date }) {
  const row = await options.db.release.findUnique({ where: { id: options.releaseId }, select: { id: true, publishedAt: true, embargoUntil: true, previewTokenHash: true } });
  const status = row ? releaseStatus(row, options.now) : 'draft';
  // A personal link from a sending records where the request came from, embargo or not.
  const sending = options.previewToken
    ? await options.db.releaseSending.findUnique({ where: { tokenHash: hashSecretToken(options.previewToken) }, select: { id: true, releaseId: true } })
    : null;
  const releaseSendingId = sending?.releaseId === options.releaseId ? sending.id : null;
  if (row && status === 'published') return { underEmbargo: false, embargoAcceptedAt: null, releaseSendingId };
  const viaOwnLink = row !== null && row.previewTokenHash !== null && options.previewToken !== undefined && matchesSecretToken(options.previewToken, row.previewTokenHash);
  if (!row || status === 'draft' || !(viaOwnLink || releaseSendingId)) throw new AppError('NOT_FOUND', 'No such release.');
  if (options.acceptEmbargoTerms !== true) {
    throw new AppError('VALIDATION_FAILED', 'This release is under embargo: accept the embargo terms to request an interview.', { details: { field: 'acceptEmbargoTerms' } });
  }
  return { underEmbargo: true, embargoAcceptedAt: options.now, releaseSendingId };
}

/** Creates or updates a release with its spokespeople (audited); CONFLICT for a taken slug. */
export async function saveRelease(options: { db: Db; input: z.output<typeof releaseInput> | z.output<typeof updateReleaseInput>; actorId: string; now: Date }) {
  const { db, input, now } = options;
  const id = 'id' in input ? input.id : undefined;
  const result = await db.$transaction(async (tx) => {
    const before = id
      ? await tx.release.findUnique({ where: { id }, select: { id: true, slug: true, title: true, body: true, publishedAt: true, embargoUntil: true, embargoTerms: true, links: true, pressContactId: true } })
      : null;
    if (id && !before) throw new AppError('NOT_FOUND', 'No such release.');
    const slug = input.slug ?? before?.slug ?? slugify(input.title ?? 'release', { maxLength: 80, fallback: 'release' });
    const clash = await tx.release.findUnique({ where: { slug }, select: { id: true } });
    if (clash && clash.id !== id) throw new AppError('CONFLICT', `The address /releases/${slug} is taken; choose another slug.`, { details: { field: 'slug' } });
    const data = {
      slug,
      ...(input.title !== undefined && { title: input.title }),
      ...(input.body !== undefined && { body: input.body }),
      ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
      ...(input.embargoUntil !== undefined && { embargoUntil: input.embargoUntil }),
      ...(input.embargoTerms !== undefined && { embargoTerms: input.embargoTerms }),
      ...(input.links !== undefined && { links: input.links }),
      ...(input.pressContactId !== undefined && { pressContactId: input.pressContactId }),
    };
    const saved = id
      ? await tx.release.update({ where: { id }, data, select: { id: true } })
      : await tx.release.create({ data: { ...data, title: input.title!, body: input.body!, createdAt: now }, select: { id: true } });
    if (input.spokespersonIds !== undefined) {
      await tx.releaseSpokesperson.deleteMany({ where: { releaseId: saved.id } });
      await tx.releaseSpokesperson.createMany({ data: input.spokespersonIds.map((spokespersonId, position) => ({ releaseId: saved.id, spokespersonId, position })) });
    }
    await recordAuditEvent({
      db: tx,
      actor: { type: 'user', id: options.actorId },
      action: id ? 'release.update' : 'release.create',
      entityType: 'release',
      entityId: saved.id,
      before,
      after: { ...data, ...(input.spokespersonIds !== undefined && { spokespersonIds: input.spokespersonIds }) },
      now,
    });
    return saved.id;
  });
  return toView((await findRelease(db, { id: result }))!, 'staff', now);
}
