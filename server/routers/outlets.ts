// outlets.*: the media outlets contacts belong to, for press officers.
import { pressOfficerProcedure, router } from '../trpc';
import { createOutlet, listOutlets, updateOutlet } from '../contacts/manage-outlets';
import { createOutletInput, listOutletsInput, updateOutletInput } from '../contacts/schema';
import { contactContext } from './contacts';

export const outletsRouter = router({
  list: pressOfficerProcedure.input(listOutletsInput).query(({ ctx, input }) => listOutlets({ db: ctx.db, query: input.query })),
  create: pressOfficerProcedure.input(createOutletInput).mutation(({ ctx, input }) => createOutlet(contactContext(ctx), input)),
  update: pressOfficerProcedure.input(updateOutletInput).mutation(({ ctx, input }) => updateOutlet(contactContext(ctx), input)),
});
