import { z } from 'zod';
import { idSchema } from '../common/schema';
import { createUser, listUsers } from '../auth/create-user';
import { createUserInput } from '../auth/schema';
import { revokeUserSessions } from '../auth/sessions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors';
import { adminProcedure, router } from '../trpc';

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers({ db: ctx.db })),

  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const user = await createUser({ db: tx, ...input });
      await recordAuditEvent({ db: tx, actor: { type: 'user', id: ctx.user.id }, action: 'user.create', entityType: 'user', entityId: user.id, after: user, ip: ctx.ip, now: ctx.now() });
      return user;
    }),
  ),

  /** Deactivating a user also ends all their sessions at once. */
  setActive: adminProcedure.input(z.object({ userId: idSchema, active: z.boolean() })).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      if (input.userId === ctx.user.id && !input.active) throw new AppError('CONFLICT', 'You cannot deactivate yourself.');
      const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, active: true } });
      if (!before) throw new AppError('NOT_FOUND', 'No such user.');
      const after = await tx.user.update({ where: { id: input.userId }, data: { active: input.active }, select: { id: true, active: true } });
      if (!input.active) await revokeUserSessions({ db: tx, userId: input.userId, now: ctx.now() });
      await recordAuditEvent({ db: tx, actor: { type: 'user', id: ctx.user.id }, action: 'user.set_active', entityType: 'user', entityId: input.userId, before, after, ip: ctx.ip, now: ctx.now() });
      return after;
    }),
  ),
});
