import { z } from 'zod';
import { createPreviewLink, getManagedRelease, getPreviewRelease, getPublicRelease, listAllReleases, listPublicReleases, saveRelease } from '../releases/manage-releases';
import { previewTokenSchema, releaseInput, updateReleaseInput } from '../releases/schema';
import { idSchema } from '../common/schema';
import { pressOfficerProcedure, publicProcedure, router, staffProcedure } from '../trpc';

export const releasesRouter = router({
  /** Published, past any embargo, newest first. */
  list: publicProcedure.query(({ ctx }) => listPublicReleases({ db: ctx.db, now: ctx.now() })),
  get: publicProcedure.input(z.object({ slug: z.string().min(1).max(120) })).query(({ ctx, input }) => getPublicRelease({ db: ctx.db, slug: input.slug, now: ctx.now() })),
  /** Anyone holding the secret preview link: the release, under embargo until it lifts. */
  preview: publicProcedure.input(z.object({ token: previewTokenSchema })).query(({ ctx, input }) => getPreviewRelease({ db: ctx.db, token: input.token, now: ctx.now() })),
  /** Staff: drafts, scheduled and embargoed ones too, each with its status. */
  listAll: staffProcedure.query(({ ctx }) => listAllReleases({ db: ctx.db, now: ctx.now() })),
  /** Staff: one release with the requests that came for it. */
  getManaged: staffProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => getManagedRelease({ db: ctx.db, id: input.id, now: ctx.now() })),
  create: pressOfficerProcedure.input(releaseInput).mutation(({ ctx, input }) => saveRelease({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
  update: pressOfficerProcedure.input(updateReleaseInput).mutation(({ ctx, input }) => saveRelease({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
  /** A new secret preview link (the previous one stops working); the token is shown only in this answer. */
  createPreviewLink: pressOfficerProcedure
    .input(z.object({ id: idSchema }))
    .mutation(({ ctx, input }) => createPreviewLink({ db: ctx.db, id: input.id, actorId: ctx.user.id, now: ctx.now(), publicUrl: ctx.config.publicUrl })),
});
