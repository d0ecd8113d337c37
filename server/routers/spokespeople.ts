import { z } from 'zod';
import { findSpokespeople, getSpokesperson } from '../spokespeople/find-spokespeople';
import {
  addTimeOff,
  createSpokesperson,
  getManagedSpokesperson,
  listManagedSpokespeople,
  removeDateOverride,
  removeTimeOff,
  setAvailability,
  setDateOverride,
  updateSpokesperson,
} from '../spokespeople/manage-spokesperson';
import {
  addTimeOffInput,
  createSpokespersonInput,
  previewAvailabilityInput,
  removeDateOverrideInput,
  removeTimeOffInput,
  setAvailabilityInput,
  setDateOverrideInput,
  updateSpokespersonInput,
} from '../spokespeople/schema';
import { previewAvailability } from '../spokespeople/preview-availability';
import { idOrSlugSchema, idSchema } from '../common/schema';
import type { SessionUser } from '../auth/schema';
import { pressOfficerProcedure, publicProcedure, router, staffProcedure } from '../trpc';

/** The acting staff member, for audit and authorisation. */
function actorOf(ctx: { user: SessionUser; ip: string; now: () => Date }) {
  return { user: ctx.user, ip: ctx.ip, now: ctx.now() };
}

export const spokespeopleRouter = router({
  list: publicProcedure.query(({ ctx }) => findSpokespeople({ db: ctx.db })),
  get: publicProcedure
    .input(z.object({ id: idOrSlugSchema }))
    .query(({ ctx, input }) => getSpokesperson({ db: ctx.db, idOrSlug: input.id })),

  /** Staff: every spokesperson, active or not, with settings. */
  listAll: staffProcedure.query(({ ctx }) => listManagedSpokespeople({ db: ctx.db })),
  /** Staff: one spokesperson with weekly hours, overrides and time off (own record for spokespeople). */
  getManaged: staffProcedure
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => getManagedSpokesperson({ db: ctx.db, id: input.id, actor: actorOf(ctx) })),

  create: pressOfficerProcedure
    .input(createSpokespersonInput)
    .mutation(({ ctx, input }) => createSpokesperson({ db: ctx.db, input, actor: actorOf(ctx) })),
  update: staffProcedure
    .input(updateSpokespersonInput)
    .mutation(({ ctx, input }) => updateSpokesperson({ db: ctx.db, input, actor: actorOf(ctx) })),
  setAvailability: staffProcedure
    .input(setAvailabilityInput)
    .mutation(({ ctx, input }) => setAvailability({ db: ctx.db, input, actor: actorOf(ctx) })),
  /** Staff: the slots a draft of setAvailability's input (plus time off and settings) would offer; saves nothing. */
  previewAvailability: staffProcedure
    .input(previewAvailabilityInput)
    .query(({ ctx, input }) => previewAvailability({ db: ctx.db, input, actor: actorOf(ctx), now: ctx.now() })),
  setDateOverride: staffProcedure
    .input(setDateOverrideInput)
    .mutation(({ ctx, input }) => setDateOverride({ db: ctx.db, input, actor: actorOf(ctx) })),
  removeDateOverride: staffProcedure
    .input(removeDateOverrideInput)
    .mutation(({ ctx, input }) => removeDateOverride({ db: ctx.db, input, actor: actorOf(ctx) })),
  addTimeOff: staffProcedure
    .input(addTimeOffInput)
    .mutation(({ ctx, input }) => addTimeOff({ db: ctx.db, input, actor: actorOf(ctx) })),
  removeTimeOff: staffProcedure
    .input(removeTimeOffInput)
    .mutation(({ ctx, input }) => removeTimeOff({ db: ctx.db, input, actor: actorOf(ctx) })),
});
