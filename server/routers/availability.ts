import { findFreeSlots, searchAvailability } from '../availability/find-free-slots';
import { searchInput, slotsInput } from '../availability/schema';
import { publicProcedure, router } from '../trpc';

export const availabilityRouter = router({
  /** Free slots of one spokesperson, in the viewer's zone and the spokesperson's. */
  slots: publicProcedure.input(slotsInput).query(({ ctx, input }) => findFreeSlots({ db: ctx.db, input, now: ctx.now() })),
  /** Spokespeople for a topic/language, ordered by earliest free slot. */
  search: publicProcedure.input(searchInput).query(({ ctx, input }) => searchAvailability({ db: ctx.db, input, now: ctx.now() })),
});
