// office.*: the press office's profile (public read, admin write).
import { getPublicOfficeProfile, updateOfficeProfile } from '../office/office-profile';
import { officeProfileInput } from '../office/schema';
import { adminProcedure, publicProcedure, router } from '../trpc';

export const officeRouter = router({
  /** Name, description, website, default zone and the press contact's public channels. */
  get: publicProcedure.query(({ ctx }) => getPublicOfficeProfile({ db: ctx.db })),
  update: adminProcedure.input(officeProfileInput).mutation(({ ctx, input }) => updateOfficeProfile({ db: ctx.db, input, actorId: ctx.user.id, ip: ctx.ip, now: ctx.now() })),
});
