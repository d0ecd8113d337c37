// The interviews area's data shapes and words, from the server's router.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type DeskInterview = Outputs['desk']['interviews']['get'];

export const interviewStatuses = ['confirmed', 'rescheduled', 'cancelled', 'completed', 'no_show', 'cancelled_late'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

export const interviewStatusLabels: Record<InterviewStatus, string> = {
  confirmed: 'Confirmed',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled_late: 'Cancelled late',
};

/** Booked and still to happen (or happening): the statuses that can be changed. */
export function isActive(interview: Pick<DeskInterview, 'status'>): boolean {
  return interview.status === 'confirmed' || interview.status === 'rescheduled';
}

export function statusText(status: string): string {
  return interviewStatusLabels[status as InterviewStatus] ?? status;
}
