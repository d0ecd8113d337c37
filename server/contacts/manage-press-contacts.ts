// The press office's own people, shown on releases and in invites. Each
// channel has a visibility: "public" (release pages), "confirmed" (only in
// what confirmed interviewees receive: invites and their emails) or
// "internal" (staff only).
import { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { idSchema, nameText, oneLineText, timeZoneSchema, wallTimeSchema } from '../common/schema';
import { phoneSchema } from './normalize-phone';
import { recordAuditEvent } from '../audit/record-audit-event';

const visibilitySchema = z.enum(['public', 'confirmed', 'internal']);

const defaultVisibility = { email: 'public', phone: 'confirmed', whatsapp: 'confirmed' } as const;

const pressContactShape = {
  name: nameText().min(1, 'Enter a name').max(200),
  title: oneLineText().min(1, 'Enter a title').max(200),
  email: z.email({ error: 'Enter a valid email address' }).max(254).transform((value) => value.toLowerCase()),
  phone: phoneSchema.nullable(),
  whatsapp: phoneSchema.nullable(),
  visibility: z.object({ email: visibilitySchema, phone: visibilitySchema, whatsapp: visibilitySchema }),
  userId: idSchema.nullable(),
  /** The zone they work in; pages show its abbreviation for the date in question (CET in November, CEST in June). */
  timeZone: timeZoneSchema.nullable(),
  /** Working hours in that zone ("09:00"–"18:00"), for the contact block on releases. */
  hoursStart: wallTimeSchema.nullable(),
  hoursEnd: wallTimeSchema.nullable(),
};

export const pressContactInput = z.object({
  ...pressContactShape,
  phone: pressContactShape.phone.default(null),
  whatsapp: pressContactShape.whatsapp.default(null),
  visibility: pressContactShape.visibility.default(defaultVisibility),
  userId: pressContactShape.userId.default(null),
  timeZone: pressContactShape.timeZone.default(null),
  hoursStart: pressContactShape.hoursStart.default(null),
  hoursEnd: pressContactShape.hoursEnd.default(null),
});

// No defaults here: a field left out of an update keeps its value (with
// pressContactInput.partial() the defaults came back and wiped phone numbers).
export const updatePressContactInput = z.object(pressContactShape).partial().extend({ id: idSchema });

const select = { id: true, name: true, title: true, email: true, phone: true, whatsapp: true, visibility: true, userId: true, timeZone: true, hoursStart: true, hoursEnd: true } as const;

type ChannelVisibility = Record<'email' | 'phone' | 'whatsapp', z.output<typeof visibilitySchema>>;

/** A contact's stored visibility Json with every channel (rows from before a channel existed show its default). */
export function channelVisibilityOf(stored: unknown): ChannelVisibility {
  return { ...defaultVisibility, ...(stored as Partial<ChannelVisibility> | null) };
}

/** The stored Json as its shape (written only through pressContactInput). */
function typed<T extends { visibility: unknown }>(row: T): Omit<T, 'visibility'> & { visibility: ChannelVisibility } {
  return { ...row, visibility: channelVisibilityOf(row.visibility) };
}

export async function listPressContacts(options: { db: Db }) {
  return (await options.db.pressContact.findMany({ select, orderBy: { name: 'asc' } })).map(typed);
}

/** Creates or updates one press contact (audited). NOT_FOUND for an unknown id. */
export async function savePressContact(options: { db: Db; input: z.output<typeof pressContactInput> | z.output<typeof updatePressContactInput>; actorId: string; now: Date }) {
  const { db, input } = options;
  return db.$transaction(async (tx) => {
    const id = 'id' in input ? input.id : undefined;
    const before = id ? await tx.pressContact.findUnique({ where: { id }, select }) : null;
    if (id && !before) throw new AppError('NOT_FOUND', 'No such press contact.');
    if (input.userId && !(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) {
      throw new AppError('VALIDATION_FAILED', 'No such user to link this press contact to.', { details: { field: 'userId' } });
    }
    const { id: _id, ...data } = input as typeof input & { id?: string };
    const saved = id
      ? await tx.pressContact.update({ where: { id }, data, select })
      : await tx.pressContact.create({ data: data as z.output<typeof pressContactInput>, select });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: options.actorId }, action: id ? 'press_contact.update' : 'press_contact.create', entityType: 'press_contact', entityId: saved.id, before, after: saved, now: options.now });
    return typed(saved);
  });
}
