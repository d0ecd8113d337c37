/**
 * Queues the email reminders that are due (see plan-reminders.ts for when).
 *
 * Exactly once per interview, recipient, offset and start, across restarts and
 * any number of instances: each reminder is first recorded in
 * InterviewReminder, whose unique key admits one row; only the transaction
 * whose INSERT inserted that row queues the email, in the same transaction
 * (the outbox then delivers it once, see server/mail/README.md). A crash before
 * the commit leaves neither row, so the next sweep queues it; after the commit
 * both exist. Nothing is queued for an interview that is cancelled, completed
 * or no longer starts at the planned instant when the transaction re-reads it.
 */
import type { Db } from '../db';
import type { Config } from '../env';
import { sortableId } from '../common/sortable-id';
import { insertRows } from '../db-insert';
import { enqueueMessage } from '../outbox/enqueue-message';
import { hostOf } from '../requests/context';
import { reminderSubject } from '../mail/compose-reminder-email';
import { mailLanguageOf } from '../mail/mail-language';
import { findDueReminders, reminderKey, reminderLeadMinutes, type DueReminder } from './plan-reminders';

/** Interview statuses that still take place. */
const ACTIVE_STATUSES = ['confirmed', 'rescheduled'];
/** Interviews examined per sweep; the rest wait for the next sweep (30 s later). */
const BATCH_SIZE = 500;

export interface ReminderContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'reminderOffsetsMinutes'>;
  now: Date;
}

/** Queues every due reminder; returns how many this call queued (another instance's are not counted). */
export async function sendDueReminders(context: ReminderContext): Promise<number> {
  const offsets = context.config.reminderOffsetsMinutes;
  if (offsets.length === 0) return 0;
  const now = context.now;
  const horizon = new Date(now.getTime() + Math.max(...offsets) * 60_000);
  const interviews = await context.db.interview.findMany({
    where: { status: { in: ACTIVE_STATUSES }, startsAt: { gt: now, lte: horizon } },
    select: { id: true, startsAt: true, updatedAt: true, reminders: { select: { recipientRole: true, offsetMinutes: true, startsAt: true } } },
    orderBy: { startsAt: 'asc' },
    take: BATCH_SIZE,
  });
  const due = findDueReminders({
    interviews: interviews.map((interview) => ({
      interviewId: interview.id,
      startsAt: interview.startsAt,
      // The last change to the interview: booking, a move, new meeting details.
      scheduledAt: interview.updatedAt,
      sent: new Set(interview.reminders.map((reminder) => reminderKey({ ...reminder, recipientRole: reminder.recipientRole as DueReminder['recipientRole'] }))),
    })),
    offsetsMinutes: offsets,
    now,
  });
  let queued = 0;
  for (const reminder of due) {
    if (await queueReminder(context, reminder)) queued++;
  }
  return queued;
}

/** Thrown inside the transaction to undo its INSERT when the interview no longer needs this reminder. */
class NoLongerDue extends Error {}

async function queueReminder(context: ReminderContext, reminder: DueReminder): Promise<boolean> {
  try {
    return await context.db.$transaction(async (tx) => {
      // The INSERT comes first: on SQLite it takes the write lock at once (a read
      // first would make a second instance's upgrade fail with SQLITE_BUSY); on
      // PostgreSQL a competing INSERT of the same key waits for this one's fate.
      const inserted = await insertRows(
        tx,
        'InterviewReminder',
        [{ id: sortableId(), interviewId: reminder.interviewId, recipientRole: reminder.recipientRole, offsetMinutes: reminder.offsetMinutes, startsAt: reminder.startsAt, createdAt: context.now }],
        { ignoreDuplicates: true },
      );
      // Another instance (or an earlier sweep) queued this one.
      if (inserted === 0) return false;
      const interview = await tx.interview.findUnique({
        where: { id: reminder.interviewId },
        select: {
          status: true,
          startsAt: true,
          spokesperson: { select: { email: true, timeZone: true } },
          request: { select: { id: true, reference: true, reporterEmail: true, reporterTimeZone: true, reporterLocale: true } },
        },
      });
      if (!interview || !ACTIVE_STATUSES.includes(interview.status) || interview.startsAt.getTime() !== reminder.startsAt.getTime()) throw new NoLongerDue();
      // Superseded by a nearer reminder due at the same sweep: recorded, not emailed.
      if (!reminder.send) return false;
      const toReporter = reminder.recipientRole === 'reporter';
      const leadMinutes = reminderLeadMinutes({ offsetMinutes: reminder.offsetMinutes, startsAt: reminder.startsAt, now: context.now });
      await enqueueMessage(
        tx,
        {
          kind: 'reminder',
          recipient: toReporter ? interview.request.reporterEmail : interview.spokesperson.email,
          subject: reminderSubject({
            reference: interview.request.reference,
            start: interview.startsAt,
            recipientTimeZone: toReporter ? interview.request.reporterTimeZone : interview.spokesperson.timeZone,
            offsetMinutes: leadMinutes,
            language: toReporter ? mailLanguageOf(interview.request.reporterLocale) : 'en',
          }),
          payload: { recipientRole: reminder.recipientRole, offsetMinutes: reminder.offsetMinutes, leadMinutes, startsAt: reminder.startsAt.toISOString() },
          interviewId: reminder.interviewId,
          requestId: interview.request.id,
        },
        { host: hostOf(context.config.publicUrl), now: context.now },
      );
      return true;
    });
  } catch (error) {
    if (error instanceof NoLongerDue) return false;
    throw error;
  }
}

/** Sweeps every `intervalMs` (default 30 s) until stopped. Errors are logged, never fatal. */
export function startReminderScheduler(options: { db: Db; config: ReminderContext['config']; intervalMs?: number; onError: (error: unknown) => void }) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= sendDueReminders({ db: options.db, config: options.config, now: new Date() })
      .then(() => undefined, options.onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  void tick();
  return {
    /** Stops sweeping and waits for a sweep in progress (a few short transactions). */
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
