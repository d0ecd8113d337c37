import { logIn } from '../auth/log-in';
import { loginInput, passwordLinkInput, setPasswordInput } from '../auth/schema';
import { consumePasswordLink, describePasswordLink } from '../auth/password-links';
import { describeSignedIn, revokeSession } from '../auth/sessions';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const authRouter = router({
  /** Signs in, sets the httpOnly session cookie and answers who signed in (as auth.me). */
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
    // `me` is what auth.me answers from now on: the console needs no second round trip.
    return { expiresAt: session.expiresAt.toISOString(), me: describeSignedIn(session.user, session.expiresAt) };
  }),

  /** Ends the current session (server-side) and clears the cookie. */
  logout: staffProcedure.mutation(async ({ ctx }) => {
    await revokeSession({ db: ctx.db, sessionId: ctx.session.id, now: ctx.now() });
    ctx.cookies.clearSession();
    return { ok: true as const };
  }),

  /** Who a set-password link is for, and until when it works (NOT_FOUND / INVALID_TRANSITION otherwise). */
  passwordLink: publicProcedure.input(passwordLinkInput).query(({ ctx, input }) => describePasswordLink({ db: ctx.db, token: input.token, now: ctx.now() })),

  /** Sets a password through a one-time link; ends the user's other sessions. Does not sign in. */
  setPassword: publicProcedure.input(setPasswordInput).mutation(({ ctx, input }) =>
    consumePasswordLink({ db: ctx.db, token: input.token, password: input.password, ip: ctx.ip, now: ctx.now() }),
  ),

  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.session ? describeSignedIn(ctx.session.user, ctx.session.expiresAt) : null,
  ),
});
