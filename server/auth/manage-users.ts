// The admin's user management: invite (create with a set-password link),
// reset a password (new link, sessions ended), activate and deactivate.
// Every change is audited in the transaction that makes it.
import type { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { createUser } from './create-user';
import { issuePasswordLink, passwordLinkSecret } from './password-links';
import { revokeUserSessions } from './sessions';
import type { createUserInput, setUserActiveInput } from './schema';

interface AdminContext {
  db: Db;
  actorId: string;
  ip?: string;
  publicUrl: string;
  now: Date;
}

/**
 * Creates a staff user. Without a password in the input, queues a one-time
 * set-password link to their address (the console's way; no password is ever
 * chosen for someone else or sent in clear). Throws CONFLICT for a taken address.
 */
export async function inviteUser(context: AdminContext, input: z.output<typeof createUserInput>) {
  const secret = input.password ? undefined : await passwordLinkSecret(context.db);
  return context.db.$transaction(async (tx) => {
    const user = await createUser({ db: tx, ...input });
    const link = secret ? await issuePasswordLink(tx, { userId: user.id, purpose: 'invite', secret, publicUrl: context.publicUrl, now: context.now }) : null;
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: context.actorId }, action: 'user.create', entityType: 'user', entityId: user.id, after: { ...user, passwordLink: link ? 'sent' : 'none' }, ip: context.ip, now: context.now });
    return { ...user, passwordLinkExpiresAt: link?.expiresAt.toISOString() ?? null };
  });
}

/**
 * Resets a user's password: the old one stops working at once, every session
 * ends, and a new set-password link goes to their address (earlier links stop
 * working). NOT_FOUND for an unknown user, CONFLICT for a deactivated one.
 */
export async function resetUserPassword(context: AdminContext, input: { userId: string }) {
  const secret = await passwordLinkSecret(context.db);
  return context.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, active: true } });
    if (!user) throw new AppError('NOT_FOUND', 'No such user.');
    if (!user.active) throw new AppError('CONFLICT', 'This user is deactivated. Reactivate them first.');
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: '' } });
    const sessionsEnded = await revokeUserSessions({ db: tx, userId: user.id, now: context.now });
    const link = await issuePasswordLink(tx, { userId: user.id, purpose: 'reset', secret, publicUrl: context.publicUrl, now: context.now });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: context.actorId }, action: 'user.reset_password', entityType: 'user', entityId: user.id, after: { sessionsEnded, passwordLinkExpiresAt: link.expiresAt }, ip: context.ip, now: context.now });
    return { email: user.email, sessionsEnded, passwordLinkExpiresAt: link.expiresAt.toISOString() };
  });
}

/** Activates or deactivates a user; deactivating also ends all their sessions at once. */
export async function setUserActive(context: AdminContext, input: z.output<typeof setUserActiveInput>) {
  return context.db.$transaction(async (tx) => {
    if (input.userId === context.actorId && !input.active) throw new AppError('CONFLICT', 'You cannot deactivate yourself.');
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, active: true } });
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    const after = await tx.user.update({ where: { id: input.userId }, data: { active: input.active }, select: { id: true, active: true } });
    if (!input.active) await revokeUserSessions({ db: tx, userId: input.userId, now: context.now });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: context.actorId }, action: 'user.set_active', entityType: 'user', entityId: input.userId, before, after, ip: context.ip, now: context.now });
    return after;
  });
}
