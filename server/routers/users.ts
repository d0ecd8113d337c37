import { listSpokespersonAccounts, listUsers } from '../auth/create-user';
import { inviteUser, resetUserPassword, setUserActive } from '../auth/manage-users';
import { createUserInput, setUserActiveInput, userIdInput } from '../auth/schema';
import type { Context } from '../context';
import type { SessionUser } from '../auth/schema';
import { adminProcedure, pressOfficerProcedure, router } from '../trpc';

function adminContext(ctx: Context & { user: SessionUser }) {
  return { db: ctx.db, actorId: ctx.user.id, ip: ctx.ip, publicUrl: ctx.config.publicUrl, now: ctx.now() };
}

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers({ db: ctx.db })),
  /** Without `password`: the user gets a one-time set-password link by email. */
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => inviteUser(adminContext(ctx), input)),
  /** Deactivating a user also ends all their sessions at once. */
  setActive: adminProcedure.input(setUserActiveInput).mutation(({ ctx, input }) => setUserActive(adminContext(ctx), input)),
  /** The old password stops working, sessions end, a new set-password link is emailed. */
  resetPassword: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => resetUserPassword(adminContext(ctx), input)),
  /** Press officers: spokesperson logins, to link a spokesperson profile to its owner. */
  spokespersonAccounts: pressOfficerProcedure.query(({ ctx }) => listSpokespersonAccounts({ db: ctx.db })),
});
