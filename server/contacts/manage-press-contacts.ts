// The press office's own people, shown on releases and in invites. Each
// channel has a visibility: "public" (release pages), "confirmed" (only in
// what confirmed interviewees receive: invites and their emails) or
// "internal" (staff only).
import { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { idSchema, nameText, oneLineText } from '../common/schema';
import { emailSchema } from '../auth/schema';
import { phoneSchema } from './normalize-phone';
import { recordAuditEvent } from '../audit/record-audit-event';

const visibilitySchema = z.enum(['public', 'confirmed', 'internal']);

export const pressContactInput = z.object({
  name: nameText().min(1, 'Enter a name').max(200),
  title: oneLineText().min(1, 'Enter a title').max(200),
  email: emailSchema,
  phone: phoneSchema.nullable().default(null),
  whatsapp: phoneSchema.nullable().default(null),
  visibility: z.object({ email: visibilitySchema, phone: visibilitySchema, whatsapp: visibilitySchema }).default({ email: 'public', phone: 'confirmed', whatsapp: 'confirmed' }),
  userId: idSchema.nullable().default(null),
});

export const updatePressContactInput = pressContactInput.partial().extend({ id: idSchema });

const select = { id: true, name: true, title: true, email: true, phone: true, whatsapp: true, visibility: true, userId: true } as const;

export async function listPressContacts(options: { db: Db }) {
  return options.db.pressContact.findMany({ select, orderBy: { name: 'asc' } });
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
    return saved;
  });
}
