import { logIn } from '../auth/log-in';
import { loginInput } from '../auth/schema';
import { revokeSession } from '../auth/sessions';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const authRouter = router({
  /** Signs in and sets the httpOnly session cookie. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const session = await logIn({
      db: ctx.db,
      email: input.email,
      password: input.password,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now: ctx.now(),
      sessionTtlMs: ctx.config.sessionTtlMs,
    });
    ctx.cookies.setSession(session.token, session.expiresAt);
    return { expiresAt: session.expiresAt.toISOString() };
  }),

  /** Ends the current session (server-side) and clears the cookie. */
  logout: staffProcedure.mutation(async ({ ctx }) => {
    await revokeSession({ db: ctx.db, sessionId: ctx.session.id, now: ctx.now() });
    ctx.cookies.clearSession();
    return { ok: true as const };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.session ? { ...ctx.session.user, sessionExpiresAt: ctx.session.expiresAt.toISOString() } : null,
  ),
});
