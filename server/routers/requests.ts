import { createRequest } from '../requests/create-request';
import { cancelRequestAsReporter, getRequestForReporter, pickProposal } from '../requests/reporter-actions';
import { createRequestInput, manageInput, pickProposalInput, reporterCancelInput, reporterMoveInput } from '../requests/schema';
import { moveRequestAsReporter } from '../requests/move-request';
import { publicProcedure, router } from '../trpc';
import type { Context } from '../context';

function reporterContext(ctx: Context) {
  return { db: ctx.db, config: ctx.config, actor: { type: 'reporter' as const }, ip: ctx.ip, now: ctx.now() };
}

export const requestsRouter = router({
  /** A reporter asks for an interview; answers the reference and the manage token (once). */
  create: publicProcedure.input(createRequestInput).mutation(({ ctx, input }) => createRequest(reporterContext(ctx), input)),
  get: publicProcedure.input(manageInput).query(({ ctx, input }) => getRequestForReporter(reporterContext(ctx), input)),
  cancel: publicProcedure.input(reporterCancelInput).mutation(({ ctx, input }) => cancelRequestAsReporter(reporterContext(ctx), input)),
  /** Another offered slot: replaces a pending request's time, or moves / asks to move a confirmed interview (REPORTER_MOVES). */
  move: publicProcedure.input(reporterMoveInput).mutation(({ ctx, input }) => moveRequestAsReporter(reporterContext(ctx), input)),
  pickProposal: publicProcedure.input(pickProposalInput).mutation(({ ctx, input }) => pickProposal(reporterContext(ctx), input)),
});
