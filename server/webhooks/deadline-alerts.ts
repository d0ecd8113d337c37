// "Deadline within 2 hours and still unanswered" desk alerts, once per
// request: the expiry scheduler calls this every minute; the alert row's
// deterministic id (enqueue-deliveries.ts, onceKey) makes a second call, or a
// second instance, add nothing.
import type { Db } from '../db';
import { enqueueRequestAlert, type EventContext } from './enqueue-deliveries';

export const DEADLINE_ALERT_WINDOW_MS = 2 * 3_600_000;

/** Queues the alert for pending requests whose deadline is within two hours; returns how many requests were looked at. */
export async function alertUpcomingDeadlines(context: EventContext & { db: Db }): Promise<number> {
  const { db, now } = context;
  if ((await db.webhookEndpoint.count({ where: { enabled: true, kind: { in: ['slack', 'teams'] } } })) === 0) return 0;
  const due = await db.interviewRequest.findMany({
    where: { status: 'pending', deadline: { gt: now, lte: new Date(now.getTime() + DEADLINE_ALERT_WINDOW_MS) } },
    select: { id: true },
    orderBy: { deadline: 'asc' },
    take: 200,
  });
  for (const request of due) await db.$transaction((tx) => enqueueRequestAlert(tx, context, { type: 'request.deadline_soon', requestId: request.id }));
  return due.length;
}
