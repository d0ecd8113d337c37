// The request and interview state machines (DESIGN.md). Illegal transitions
// throw INVALID_TRANSITION naming both states; nothing is a silent no-op.
import { AppError } from '../errors';

export const requestStatuses = ['pending', 'proposed', 'approved', 'declined', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

// cancelled_late: an outcome recorded after the time, when one side called it off at the last minute.
export const interviewStatuses = ['confirmed', 'rescheduled', 'cancelled', 'completed', 'no_show', 'cancelled_late'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  pending: ['approved', 'declined', 'proposed', 'cancelled', 'expired', 'pending'],
  // A reporter's pick makes it pending again, or approved when the proposal books at once.
  proposed: ['pending', 'approved', 'declined', 'proposed', 'cancelled', 'expired'],
  // Cancelling an approved request cancels its interview.
  approved: ['cancelled'],
  declined: [],
  cancelled: [],
  expired: [],
};

const interviewTransitions: Record<InterviewStatus, readonly InterviewStatus[]> = {
  confirmed: ['rescheduled', 'cancelled', 'completed', 'no_show', 'cancelled_late'],
  rescheduled: ['rescheduled', 'cancelled', 'completed', 'no_show', 'cancelled_late'],
  cancelled: [],
  completed: [],
  no_show: [],
  cancelled_late: [],
};

export function assertRequestTransition(from: string, to: RequestStatus, action: string): void {
  if (!(requestTransitions[from as RequestStatus] ?? []).includes(to)) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${action} a request that is ${from}.`, { details: { from, to } });
  }
}

export function assertInterviewTransition(from: string, to: InterviewStatus, action: string): void {
  if (!(interviewTransitions[from as InterviewStatus] ?? []).includes(to)) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${action} an interview that is ${from.replace('_', '-')}.`, { details: { from, to } });
  }
}

/** Interview statuses that hold the spokesperson's time. */
export const ACTIVE_INTERVIEW_STATUSES: InterviewStatus[] = ['confirmed', 'rescheduled'];
