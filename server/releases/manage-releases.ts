// Press releases: public when published and past any embargo; the press
// office drafts, publishes and links spokespeople and its press contact.
import type { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { slugify } from '../common/slugify';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { releaseInput, updateReleaseInput } from './schema';

type Visibility = Record<string, string>;

const releaseSelect = {
  id: true,
  slug: true,
  title: true,
  body: true,
  publishedAt: true,
  embargoUntil: true,
  pressContact: { select: { id: true, name: true, title: true, email: true, phone: true, whatsapp: true, visibility: true } },
  spokespeople: { select: { position: true, spokesperson: { select: { id: true, slug: true, name: true, title: true, languages: true, topics: true, timeZone: true, active: true } } }, orderBy: { position: 'asc' as const } },
} as const;

type ReleaseRow = NonNullable<Awaited<ReturnType<typeof findRelease>>>;

function findRelease(db: Db, where: { id: string } | { slug: string }) {
  return db.release.findUnique({ where, select: releaseSelect });
}

/** The press contact's channels this audience may see (per-channel visibility: public, confirmed, internal). */
function contactFor(row: ReleaseRow, audience: 'public' | 'staff') {
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
  };
}

function toView(row: ReleaseRow, audience: 'public' | 'staff') {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    embargoUntil: row.embargoUntil?.toISOString() ?? null,
    pressContact: contactFor(row, audience),
    spokespeople: row.spokespeople
      .filter((link) => audience === 'staff' || link.spokesperson.active)
      .map((link) => ({ ...link.spokesperson, languages: link.spokesperson.languages as string[], topics: link.spokesperson.topics as string[] })),
  };
}

function isPublic(row: { publishedAt: Date | null; embargoUntil: Date | null }, now: Date) {
  return row.publishedAt !== null && row.publishedAt <= now && (row.embargoUntil === null || row.embargoUntil <= now);
}

/** Published releases whose embargo has passed, newest first. */
export async function listPublicReleases(options: { db: Db; now: Date }) {
  const rows = await options.db.release.findMany({
    where: { publishedAt: { lte: options.now }, OR: [{ embargoUntil: null }, { embargoUntil: { lte: options.now } }] },
    select: releaseSelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: 100,
  });
  return rows.map((row) => toView(row, 'public'));
}

/** One public release by slug; NOT_FOUND for drafts and embargoed ones (no existence leak). */
export async function getPublicRelease(options: { db: Db; slug: string; now: Date }) {
  const row = await findRelease(options.db, { slug: options.slug });
  if (!row || !isPublic(row, options.now)) throw new AppError('NOT_FOUND', 'No such release.');
  return toView(row, 'public');
}

export async function listAllReleases(options: { db: Db }) {
  const rows = await options.db.release.findMany({ select: releaseSelect, orderBy: [{ createdAt: 'desc' }] });
  return rows.map((row) => toView(row, 'staff'));
}


/** Creates or updates a release with its spokespeople; CONFLICT for a taken slug. */
export async function saveRelease(options: { db: Db; input: z.output<typeof releaseInput> | z.output<typeof updateReleaseInput>; actorId: string; now: Date }) {
  const { db, input, now } = options;
  const id = 'id' in input ? input.id : undefined;
  const result = await db.$transaction(async (tx) => {
    const before = id ? await tx.release.findUnique({ where: { id }, select: { id: true, slug: true, title: true, publishedAt: true, embargoUntil: true } }) : null;
    if (id && !before) throw new AppError('NOT_FOUND', 'No such release.');
    const slug = input.slug ?? before?.slug ?? slugify(input.title ?? 'release', { maxLength: 80, fallback: 'release' });
    const clash = await tx.release.findUnique({ where: { slug }, select: { id: true } });
    if (clash && clash.id !== id) throw new AppError('CONFLICT', `The address /releases/${slug} is taken; choose another slug.`);
    const data = {
      slug,
      ...(input.title !== undefined && { title: input.title }),
      ...(input.body !== undefined && { body: input.body }),
      ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
      ...(input.embargoUntil !== undefined && { embargoUntil: input.embargoUntil }),
      ...(input.pressContactId !== undefined && { pressContactId: input.pressContactId }),
    };
    const saved = id
      ? await tx.release.update({ where: { id }, data, select: { id: true } })
      : await tx.release.create({ data: { ...data, title: input.title!, body: input.body!, createdAt: now }, select: { id: true } });
    if (input.spokespersonIds !== undefined) {
      await tx.releaseSpokesperson.deleteMany({ where: { releaseId: saved.id } });
      await tx.releaseSpokesperson.createMany({ data: input.spokespersonIds.map((spokespersonId, position) => ({ releaseId: saved.id, spokespersonId, position })) });
    }
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.actorId }, action: id ? 'release.update' : 'release.create', entityType: 'release', entityId: saved.id, before, after: data, now });
    return saved.id;
  });
  return toView((await findRelease(db, { id: result }))!, 'staff');
}
