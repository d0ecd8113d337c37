import { approveMove, declineMove } from '../requests/move-request';
import { approveRequest, declineRequest, getRequest, listRequests, proposeTimes, reassignRequest } from '../requests/desk-actions';
import { checkTime } from '../requests/check-time';
import { createVideoRoom } from '../interviews/create-video-room';
import { cancelInterview, getInterview, listInterviews, markInterviewOutcome, rescheduleInterview, updateMeetingDetails } from '../interviews/manage-interviews';
import {
  approveInput,
  approveMoveInput,
  declineMoveInput,
  cancelInterviewInput,
  checkTimeInput,
  getInterviewInput,
  getRequestInput,
  updateMeetingDetailsInput,
  declineInput,
  listInterviewsInput,
  listRequestsInput,
  markOutcomeInput,
  proposeInput,
  reassignInput,
  rescheduleInput,
} from '../requests/schema';
import { loadPlanner } from '../availability/load-planner';
import { plannerInput } from '../availability/schema';
import { pressOfficerProcedure, router } from '../trpc';
import type { Context } from '../context';
import type { SessionUser } from '../auth/schema';

function deskContext(ctx: Context & { user: SessionUser }) {
  return { db: ctx.db, config: ctx.config, actor: { type: 'user' as const, id: ctx.user.id }, ip: ctx.ip, now: ctx.now() };
}

export const deskRouter = router({
  /** All spokespeople's working hours, time off, interviews and holds over a day or week, with the viewer's night. */
  planner: pressOfficerProcedure.input(plannerInput).query(({ ctx, input }) => loadPlanner({ db: ctx.db, input })),
  /** Advice before committing a time: bookable as it stands, or why not and whether overriding the hours would do. */
  checkTime: pressOfficerProcedure.input(checkTimeInput).query(({ ctx, input }) => checkTime({ db: ctx.db, now: ctx.now() }, input)),
  /** What the meeting-details forms can offer: generated video rooms when VIDEO_ROOM_BASE_URL is set. */
  meetingOptions: pressOfficerProcedure.query(({ ctx }) => ({ videoRooms: Boolean(ctx.config.videoRoomBaseUrl) })),
  /** A new, unguessable room link on the configured video server (saved only with the meeting details). */
  createVideoRoom: pressOfficerProcedure.mutation(({ ctx }) => createVideoRoom(ctx.config)),
  requests: router({
    /** One request whatever its status (deep links). */
    get: pressOfficerProcedure.input(getRequestInput).query(({ ctx, input }) => getRequest({ db: ctx.db, now: ctx.now() }, input)),
    list: pressOfficerProcedure.input(listRequestsInput).query(({ ctx, input }) => listRequests({ db: ctx.db, now: ctx.now() }, input)),
    approve: pressOfficerProcedure.input(approveInput).mutation(({ ctx, input }) => approveRequest(deskContext(ctx), input)),
    decline: pressOfficerProcedure.input(declineInput).mutation(({ ctx, input }) => declineRequest(deskContext(ctx), input)),
    propose: pressOfficerProcedure.input(proposeInput).mutation(({ ctx, input }) => proposeTimes(deskContext(ctx), input)),
    reassign: pressOfficerProcedure.input(reassignInput).mutation(({ ctx, input }) => reassignRequest(deskContext(ctx), input)),
    /** A reporter's asked-for move of a confirmed interview: book it (invite updated, SEQUENCE + 1) or keep the old time. */
    approveMove: pressOfficerProcedure.input(approveMoveInput).mutation(async ({ ctx, input }) => {
      await approveMove(deskContext(ctx), input);
      return listRequests({ db: ctx.db, now: ctx.now() }, { ids: [input.requestId], limit: 1 }).then((rows) => rows[0]!);
    }),
    declineMove: pressOfficerProcedure.input(declineMoveInput).mutation(async ({ ctx, input }) => {
      await declineMove(deskContext(ctx), input);
      return listRequests({ db: ctx.db, now: ctx.now() }, { ids: [input.requestId], limit: 1 }).then((rows) => rows[0]!);
    }),
  }),
  interviews: router({
    list: pressOfficerProcedure.input(listInterviewsInput).query(({ ctx, input }) => listInterviews({ db: ctx.db, now: ctx.now() }, input)),
    /** One interview whatever its status (deep links). */
    get: pressOfficerProcedure.input(getInterviewInput).query(({ ctx, input }) => getInterview({ db: ctx.db, now: ctx.now() }, input)),
    /** New video link, dial-in, address…: an updated invite (same UID, SEQUENCE + 1) to both attendees. */
    updateMeetingDetails: pressOfficerProcedure.input(updateMeetingDetailsInput).mutation(({ ctx, input }) => updateMeetingDetails(deskContext(ctx), input)),
    reschedule: pressOfficerProcedure.input(rescheduleInput).mutation(({ ctx, input }) => rescheduleInterview(deskContext(ctx), input)),
    cancel: pressOfficerProcedure.input(cancelInterviewInput).mutation(({ ctx, input }) => cancelInterview(deskContext(ctx), input)),
    markOutcome: pressOfficerProcedure.input(markOutcomeInput).mutation(({ ctx, input }) => markInterviewOutcome(deskContext(ctx), input)),
  }),
});
