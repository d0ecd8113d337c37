import { z } from 'zod';
import { idOrSlugSchema, idSchema, oneLineText } from '../common/schema';
import { createPreviewLink, getManagedRelease, getPreviewRelease, getPublicRelease, listAllReleases, listPublicReleases, saveRelease } from '../releases/manage-releases';
import { previewTokenSchema, releaseInput, updateReleaseInput } from '../releases/schema';
import { previewRecipients, sendRelease } from '../releases/send-release';
import { getServerSecret } from '../secrets';
import { pressOfficerProcedure, publicProcedure, router, staffProcedure } from '../trpc';

const mediaListFilter = z.object({
  query: oneLineText().max(200).optional(),
  tag: oneLineText().max(100).optional(),
  language: oneLineText().max(35).optional(),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, { error: 'Use a two-letter country code' }).optional(),
});

export const releasesRouter = router({
  /** Published, past any embargo, newest first. */
  list: publicProcedure.query(({ ctx }) => listPublicReleases({ db: ctx.db, now: ctx.now() })),
  get: publicProcedure.input(z.object({ slug: idOrSlugSchema })).query(({ ctx, input }) => getPublicRelease({ db: ctx.db, slug: input.slug, now: ctx.now() })),
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
  /** Who a sending with this filter would reach (do-not-contact, archived and merged contacts never). */
  recipients: pressOfficerProcedure.input(z.object({ filter: mediaListFilter })).query(({ ctx, input }) => previewRecipients({ db: ctx.db, filter: input.filter })),
  /** Sends the release to the filtered contacts through the outbox, each with their own preview link (audited). */
  send: pressOfficerProcedure
    .input(z.object({ id: idSchema, filter: mediaListFilter }))
    .mutation(async ({ ctx, input }) => sendRelease({ db: ctx.db, releaseId: input.id, filter: input.filter, actorId: ctx.user.id, now: ctx.now(), publicUrl: ctx.config.publicUrl, secret: await getServerSecret(ctx.db) })),
});
