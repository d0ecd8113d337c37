// The press office's own profile: name, short description, website, default
// time zone and the press contact reporters see. Stored as one Setting row
// ("office"); the outbox and feeds read its name and zone too.
import type { Db, DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { internationalFormat } from '../contacts/normalize-phone';
import type { OfficeProfile } from './schema';

export const OFFICE_SETTING_KEY = 'office';

/** The stored profile, or null before an admin has set one. */
export async function readOfficeProfile(db: DbOrTx): Promise<OfficeProfile | null> {
  const row = await db.setting.findUnique({ where: { key: OFFICE_SETTING_KEY } });
  return row ? officeProfileFrom(row.value) : null;
}

/**
 * A stored profile value with every field, the defaults filling in what it
 * lacks: rows written before every field existed, and no row at all (mail
 * rendering reads the value with its own statement, server/outbox/outbox-statements.ts).
 */
export function officeProfileFrom(stored: unknown): OfficeProfile {
  const value = (stored ?? {}) as Partial<OfficeProfile>;
  return {
    name: value.name ?? 'Press office',
    description: value.description ?? '',
    website: value.website ?? null,
    timeZone: value.timeZone ?? 'UTC',
    pressContactId: value.pressContactId ?? null,
  };
}

type Visibility = Record<string, string | undefined>;

/**
 * What anyone may see: the profile and the chosen press contact's channels
 * marked "public" (others are null). `configured: false` until an admin saves one.
 */
export async function getPublicOfficeProfile(options: { db: Db }) {
  const profile = await readOfficeProfile(options.db);
  const contact = profile?.pressContactId
    ? await options.db.pressContact.findUnique({ where: { id: profile.pressContactId }, select: { id: true, name: true, title: true, email: true, phone: true, whatsapp: true, visibility: true, timeZone: true, hoursStart: true, hoursEnd: true } })
    : null;
  const visibility = (contact?.visibility ?? {}) as Visibility;
  const shown = (channel: string, value: string | null) => (visibility[channel] === 'public' ? value : null);
  return {
    configured: profile !== null,
    name: profile?.name ?? null,
    description: profile?.description ?? '',
    website: profile?.website ?? null,
    timeZone: profile?.timeZone ?? 'UTC',
    contact: contact
      ? { id: contact.id, name: contact.name, title: contact.title, email: shown('email', contact.email), phone: shown('phone', contact.phone), whatsapp: shown('whatsapp', contact.whatsapp), timeZone: contact.timeZone, hoursStart: contact.hoursStart, hoursEnd: contact.hoursEnd, phoneDisplay: internationalFormat(shown('phone', contact.phone)), whatsappDisplay: internationalFormat(shown('whatsapp', contact.whatsapp)) }
      : null,
  };
}

/** Replaces the profile (audited). NOT_FOUND when the press contact does not exist. */
export async function updateOfficeProfile(options: { db: Db; input: OfficeProfile; actorId: string; ip?: string; now: Date }) {
  const { db, input } = options;
  return db.$transaction(async (tx) => {
    if (input.pressContactId && !(await tx.pressContact.findUnique({ where: { id: input.pressContactId }, select: { id: true } }))) {
      throw new AppError('NOT_FOUND', 'No such press contact.');
    }
    const before = await readOfficeProfile(tx);
    await tx.setting.upsert({ where: { key: OFFICE_SETTING_KEY }, create: { key: OFFICE_SETTING_KEY, value: input }, update: { value: input } });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.actorId }, action: 'office.update', entityType: 'office', entityId: OFFICE_SETTING_KEY, before, after: input, ip: options.ip, now: options.now });
    return input;
  });
}
