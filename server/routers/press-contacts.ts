import { listPressContacts, pressContactInput, savePressContact, updatePressContactInput } from '../contacts/manage-press-contacts';
import { pressOfficerProcedure, router, staffProcedure } from '../trpc';

export const pressContactsRouter = router({
  list: staffProcedure.query(({ ctx }) => listPressContacts({ db: ctx.db })),
  create: pressOfficerProcedure.input(pressContactInput).mutation(({ ctx, input }) => savePressContact({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
  update: pressOfficerProcedure.input(updatePressContactInput).mutation(({ ctx, input }) => savePressContact({ db: ctx.db, input, actorId: ctx.user.id, now: ctx.now() })),
});
