import { z } from 'zod';
import { idOrSlugSchema } from '../common/schema';
import { getPublicRelease, listAllReleases, listPublicReleases, saveRelease } from '../releases/manage-releases';
import { releaseInput, updateReleaseInput } from '../releases/schema';
import { pressOfficerProcedure, publicProcedure, router, staffProcedure } from '../trpc';

export const releasesRouter = router({
  /** Published, past any embargo, newest first. */
  list: publicProcedure.query(({ ctx }) => listPublicReleases({ db: ctx.db, now: ctx.now() })),
  get: publicProcedure.input(z.object({ slug: idOrSlugSchema })).query(({ ctx, input }) => getPublicRelease({ db: ctx.db, slug: input.slug, now: ctx.now() })),
  /** Staff: drafts and embargoed ones too. */
  listAll: staffProcedure.query(({ ctx }) => listAllReleases({ db: ctx.db })),
  create: pressOfficerProcedure.input(releaseInput).mutation(({ ctx, input }) => saveRelease({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
  update: pressOfficerProcedure.input(updateReleaseInput).mutation(({ ctx, input }) => saveRelease({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
});
