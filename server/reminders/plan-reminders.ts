/**
 * When interview reminders are due. Pure: no database, no clock.
 *
 * A reminder is for one recipient, one offset ("24 hours before") and one
 * start instant. It is due once its moment (start − offset, counted in real
 * elapsed time, so a DST change in between moves the wall-clock time, not the
 * interval) has come and the interview has not started. Late is allowed — a
 * moment that passed while no server was running is sent at the next sweep —
 * but never after the start. A moment from before the interview got its
 * current start (booked or moved an hour ahead: no "in 24 hours" reminder)
 * is skipped: the confirmation or update the recipients just got says it all.
 * When several are due at once for one recipient (a server was down through
 * the 24-hour moment and comes back 30 minutes before), only the nearest is
 * sent and the others are recorded as done: one email, not two at once.
 */

export type ReminderRecipient = 'reporter' | 'spokesperson';
export const reminderRecipients: readonly ReminderRecipient[] = ['reporter', 'spokesperson'];

export interface ReminderCandidate {
  interviewId: string;
  startsAt: Date;
  /** When the interview got its current start (booked, or last changed). */
  scheduledAt: Date;
  /** Reminders already queued: `reminderKey` of each. */
  sent: ReadonlySet<string>;
}

export interface DueReminder {
  interviewId: string;
  recipientRole: ReminderRecipient;
  offsetMinutes: number;
  startsAt: Date;
  /** False for a reminder superseded by a nearer one due at the same sweep: recorded, not emailed. */
  send: boolean;
}

/** Identifies one reminder; the database's unique key is the same four fields. */
export function reminderKey(reminder: Pick<DueReminder, 'recipientRole' | 'offsetMinutes' | 'startsAt'>): string {
  return `${reminder.recipientRole}:${reminder.offsetMinutes}:${reminder.startsAt.getTime()}`;
}

/** Every reminder due at `now` and not yet sent, longest offset first. */
export function findDueReminders(options: { interviews: readonly ReminderCandidate[]; offsetsMinutes: readonly number[]; now: Date }): DueReminder[] {
  const now = options.now.getTime();
  const offsets = [...new Set(options.offsetsMinutes)].sort((a, b) => b - a);
  const due: DueReminder[] = [];
  for (const interview of options.interviews) {
    const start = interview.startsAt.getTime();
    if (start <= now) continue;
    for (const recipientRole of reminderRecipients) {
      const dueOffsets = offsets.filter((offsetMinutes) => {
        const moment = start - offsetMinutes * 60_000;
        return moment <= now && moment >= interview.scheduledAt.getTime() && !interview.sent.has(reminderKey({ recipientRole, offsetMinutes, startsAt: interview.startsAt }));
      });
      // Longest first: the last one is the nearest to the start, the one worth an email.
      dueOffsets.forEach((offsetMinutes, index) => {
        due.push({ interviewId: interview.interviewId, recipientRole, offsetMinutes, startsAt: interview.startsAt, send: index === dueOffsets.length - 1 });
      });
    }
  }
  return due;
}

/**
 * How far ahead the interview is when a reminder goes out, in minutes: the
 * offset when it goes out on time (a sweep runs every 30 s), else the real
 * time left, so a late "24 hours" reminder says "5 hours".
 */
export function reminderLeadMinutes(options: { offsetMinutes: number; startsAt: Date; now: Date }): number {
  const left = Math.floor((options.startsAt.getTime() - options.now.getTime()) / 60_000);
  if (options.offsetMinutes - left <= Math.max(5, options.offsetMinutes / 20)) return options.offsetMinutes;
  return left >= 120 ? Math.round(left / 60) * 60 : Math.max(1, left);
}

/**
 * Reads REMINDER_OFFSETS: a comma-separated list of durations such as
 * "24h,1h" or "2d, 90m" (d, h, m). Returns minutes, longest first, or an error message.
 */
export function parseReminderOffsets(text: string): number[] | { error: string } {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,4})\s*([dhm])$/i.exec(part);
    if (!match) return { error: `"${part}" is not a duration such as 24h, 90m or 2d` };
    const value = Number(match[1]) * { d: 1440, h: 60, m: 1 }[match[2]!.toLowerCase() as 'd' | 'h' | 'm'];
    // A reminder more than two weeks ahead is not a reminder; zero would arrive with the interview.
    if (value < 1 || value > 14 * 1440) return { error: `"${part}" must be between 1 minute and 14 days` };
    minutes.push(value);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}
