import { z } from 'zod';
import { idSchema } from '../common/schema';
import { getFeedStatus, revokeFeedTokens, rotateFeedToken } from '../feeds/manage-feeds';
import { router, staffProcedure } from '../trpc';

const scopeInput = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('office') }),
  z.object({ scope: z.literal('spokesperson'), spokespersonId: idSchema }),
]);

export const feedsRouter = router({
  /** A new secret feed URL (shown once); the previous one stops working. */
  rotate: staffProcedure.input(scopeInput).mutation(({ ctx, input }) => rotateFeedToken({ db: ctx.db, scope: input, user: ctx.user, publicUrl: ctx.config.publicUrl, now: ctx.now() })),
  /** Whether a feed URL is live for the scope, and since when. */
  status: staffProcedure.input(scopeInput).query(({ ctx, input }) => getFeedStatus({ db: ctx.db, scope: input, user: ctx.user })),
  revoke: staffProcedure.input(scopeInput).mutation(({ ctx, input }) => revokeFeedTokens({ db: ctx.db, scope: input, user: ctx.user, now: ctx.now() })),
});
