// Fixed-window-free rate limiting on rows in the database (RateLimitEvent), so
// limits hold across restarts and across several instances on one PostgreSQL.
import type { DbOrTx } from '../db';
import { AppError } from '../errors';

export interface RateLimitRule {
  bucket: string;
  key: string;
  /** Events allowed inside the window. */
  limit: number;
  windowMs: number;
}

/** Records several events in one query. */
export async function recordEvents(db: DbOrTx, events: { bucket: string; key: string }[], now: Date): Promise<void> {
  await db.rateLimitEvent.createMany({ data: events.map((event) => ({ ...event, createdAt: now })) });
}

/**
 * Throws RATE_LIMITED (with retryAfterSeconds) when any rule is already at its
 * limit. Does not record anything itself: callers record what should count.
 */
export async function assertWithinLimits(db: DbOrTx, rules: RateLimitRule[], now: Date, message: string): Promise<void> {
  // One query for all rules: every query costs about a millisecond here.
  const rows = await db.rateLimitEvent.groupBy({
    by: ['bucket', 'key'],
    where: { OR: rules.map((rule) => ({ bucket: rule.bucket, key: rule.key, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } })) },
    _count: { _all: true },
  });
  for (const rule of rules) {
    const count = rows.find((row) => row.bucket === rule.bucket && row.key === rule.key)?._count._all ?? 0;
    if (count >= rule.limit) {
      const oldest = await db.rateLimitEvent.findFirst({
        where: { bucket: rule.bucket, key: rule.key, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      });
      const retryAt = (oldest?.createdAt.getTime() ?? now.getTime()) + rule.windowMs;
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', message, { details: { retryAfterSeconds } });
    }
  }
}

/** Deletes events older than the longest window we use; called by housekeeping. */
export async function pruneRateLimitEvents(db: DbOrTx, olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
