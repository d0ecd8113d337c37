// me.*: what a signed-in staff member sees of their own (a spokesperson's home).
import { listOwnInterviews, listOwnInterviewsInput } from '../interviews/list-own-interviews';
import { router, staffProcedure } from '../trpc';

export const meRouter = router({
  /** The interviews of the spokesperson linked to this account, upcoming or past. */
  interviews: staffProcedure
    .input(listOwnInterviewsInput)
    .query(({ ctx, input }) => listOwnInterviews({ db: ctx.db, spokespersonId: ctx.user.spokespersonId, input, now: ctx.now() })),
});
