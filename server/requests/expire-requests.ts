// Pending and proposed requests whose deadline has passed expire, releasing
// their holds. Safe with several instances on one database: each request is
// expired by a conditional update, so exactly one instance wins it and only
// that one writes the audit event and the reporter's notice.
import type { Db } from '../db';
import { invalidateCalendars } from '../availability/calendar-cache';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueRequestNotice } from './notify';
import { enqueueRequestEvent } from '../webhooks/enqueue-deliveries';
import type { WorkflowContext } from './context';
import { releaseExpiredHolds } from './hold-policy';
import { pruneLoginThrottle } from '../auth/login-throttle';
import { reporterNoticeSubject } from '../mail/render-email';
import { mailLanguageOf } from '../mail/mail-language';
import { alertUpcomingDeadlines } from '../webhooks/deadline-alerts';

/** Expires overdue requests; returns how many this call expired. */
export async function expireOverdueRequests(context: Omit<WorkflowContext, 'actor'>, options: { batchSize?: number } = {}): Promise<number> {
  const { db, now } = context;
  const overdue = await db.interviewRequest.findMany({
    where: { status: { in: ['pending', 'proposed'] }, deadline: { lt: now } },
    select: { id: true, status: true, reference: true, reporterEmail: true, reporterLocale: true, spokespersonId: true },
    orderBy: { deadline: 'asc' },
    take: options.batchSize ?? 100,
  });
  let expired = 0;
  const touched = new Set<string>();
  for (const request of overdue) {
    const won = await db.$transaction(async (tx) => {
      const { count } = await tx.interviewRequest.updateMany({
        where: { id: request.id, status: request.status, deadline: { lt: now } },
        data: { status: 'expired', statusReason: 'The deadline passed before an answer.', holdStart: null, holdEnd: null, updatedAt: now },
      });
      if (count !== 1) return false;
      const systemContext = { ...context, actor: { type: 'system' as const } };
      await enqueueRequestNotice(tx, systemContext, { kind: 'request_expired', requestId: request.id, recipient: request.reporterEmail, subject: reporterNoticeSubject('request_expired', request.reference, mailLanguageOf(request.reporterLocale)) });
      await enqueueRequestEvent(tx, context, 'request.expired', request.id);
      await recordAuditEvent({ db: tx, actor: { type: 'system' }, action: 'request.expire', entityType: 'request', entityId: request.id, before: { status: request.status }, after: { status: 'expired' }, now });
      return true;
    });
    if (won) {
      expired++;
      if (request.spokespersonId) touched.add(request.spokespersonId);
    }
  }
  if (touched.size) invalidateCalendars(db, [...touched]);
  return expired;
}

/** Runs expiry (requests past their deadline, holds past their end, forgotten sign-in counters) and deadline alerts every `intervalMs` until stopped. Errors are logged, never fatal. */
export function startExpiryScheduler(options: { db: Db; config: WorkflowContext['config']; intervalMs?: number; onError: (error: unknown) => void }) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      await expireOverdueRequests({ db: options.db, config: options.config, now });
      await releaseExpiredHolds({ db: options.db, now, maxMs: options.config.holds.maxMs });
      await pruneLoginThrottle(options.db, now.getTime());
      await alertUpcomingDeadlines({ db: options.db, config: options.config, now });
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
