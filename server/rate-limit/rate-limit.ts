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

/** Counts events of one bucket/key inside the sliding window ending at `now`. */
export async function countRecentEvents(db: DbOrTx, rule: Omit<RateLimitRule, 'limit'>, now: Date): Promise<number> {
  return db.rateLimitEvent.count({
    where: { bucket: rule.bucket, key: rule.key, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } },
  });
}

/** Records one event. */
export async function recordEvent(db: DbOrTx, bucket: string, key: string, now: Date): Promise<void> {
  await db.rateLimitEvent.create({ data: { bucket, key, createdAt: now } });
}

/**
 * Throws RATE_LIMITED (with retryAfterSeconds) when any rule is already at its
 * limit. Does not record anything itself: callers record what should count.
 */
export async function assertWithinLimits(db: DbOrTx, rules: RateLimitRule[], now: Date, message: string): Promise<void> {
  for (const rule of rules) {
    const count = await countRecentEvents(db, rule, now);
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
