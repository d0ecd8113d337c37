import type { DbOrTx } from '../db';
import { AppError } from '../errors';

// What anyone may see of a spokesperson: no email, phone or internal settings.
const publicSpokespersonSelect = {
  id: true,
  slug: true,
  name: true,
  title: true,
  bio: true,
  languages: true,
  topics: true,
  timeZone: true,
  formats: true,
  defaultDurationMinutes: true,
  allowedDurations: true,
  // How far ahead reporters may book: the booking page stops its navigation there.
  horizonDays: true,
} as const;

type Row = {
  languages: unknown;
  topics: unknown;
  formats: unknown;
  allowedDurations: unknown;
} & Record<string, unknown>;

function toPublic<T extends Row>(row: T) {
  return {
    ...row,
    languages: row.languages as string[],
    topics: row.topics as string[],
    formats: row.formats as string[],
    allowedDurations: row.allowedDurations as number[],
  };
}

/** Active spokespeople, by name. */
export async function findSpokespeople(options: { db: DbOrTx }) {
  const rows = await options.db.spokesperson.findMany({
    where: { active: true },
    select: publicSpokespersonSelect,
    orderBy: { name: 'asc' },
  });
  return rows.map(toPublic);
}

/** One active spokesperson by id or slug; throws NOT_FOUND otherwise. */
export async function getSpokesperson(options: { db: DbOrTx; idOrSlug: string }) {
  const row = await options.db.spokesperson.findFirst({
    where: { active: true, OR: [{ id: options.idOrSlug }, { slug: options.idOrSlug }] },
    select: publicSpokespersonSelect,
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such spokesperson.');
  return toPublic(row);
}
