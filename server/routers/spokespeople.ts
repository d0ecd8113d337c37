import { z } from 'zod';
import { findSpokespeople, getSpokesperson } from '../spokespeople/find-spokespeople';
import { publicProcedure, router } from '../trpc';

export const spokespeopleRouter = router({
  list: publicProcedure.query(({ ctx }) => findSpokespeople({ db: ctx.db })),
  get: publicProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => getSpokesperson({ db: ctx.db, idOrSlug: input.id })),
});
