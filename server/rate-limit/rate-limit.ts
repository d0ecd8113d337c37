// Fixed-window-free rate limiting on rows in the database (RateLimitEvent), so
// limits hold across restarts and across several instances on one PostgreSQL.
import type { DbOrTx } from '../db';
import { sortableId } from '../common/sortable-id';
import { insertRows } from '../db-insert';
import { AppError } from '../errors';

export interface RateLimitRule {
  bucket: string;
  key: string;
  /** Events allowed inside the window. */
  limit: number;
  windowMs: number;
}

/** Records several events in one query (at `now`, or each at its own `at`). */
export async function recordEvents(db: DbOrTx, events: { bucket: string; key: string; at?: Date }[], now: Date): Promise<void> {
  await insertRows(db, 'RateLimitEvent', events.map((event) => ({ id: sortableId(), bucket: event.bucket, key: event.key, createdAt: event.at ?? now })));
}

/**
 * Throws RATE_LIMITED (with retryAfterSeconds) when any rule is already at its
 * limit. Does not record anything itself: callers record what should count.
 */
export async function assertWithinLimits(db: DbOrTx, rules: RateLimitRule[], now: Date, message: string): Promise<void> {
  const counts = await countRecentEvents(db, rules, now);
  for (const rule of rules) {
    if ((counts.get(ruleKey(rule)) ?? 0) >= rule.limit) throw await rateLimitedError(db, rule, now, message);
  }
}

/** The map key of a rule's count in countRecentEvents' answer. */
export function ruleKey(rule: { bucket: string; key: string }): string {
  return `${rule.bucket}\0${rule.key}`;
}

/** Events inside each rule's window, keyed by ruleKey (one query for all rules). */
export async function countRecentEvents(db: DbOrTx, rules: RateLimitRule[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (rules.length === 0) return counts;
  // One query for all rules (every query costs about a millisecond here), with
  // IN lists per window length rather than one OR branch per rule, which
  // Prisma compiles far more slowly for a batch of requests. The IN lists
  // also count pairs no rule asked about; they are simply not looked up.
  const windows = new Map<number, RateLimitRule[]>();
  for (const rule of rules) windows.set(rule.windowMs, [...(windows.get(rule.windowMs) ?? []), rule]);
  const rows = await db.rateLimitEvent.groupBy({
    by: ['bucket', 'key'],
    where: {
      OR: [...windows].map(([windowMs, group]) => ({
        bucket: { in: [...new Set(group.map((rule) => rule.bucket))] },
        key: { in: [...new Set(group.map((rule) => rule.key))] },
        createdAt: { gt: new Date(now.getTime() - windowMs) },
      })),
    },
    _count: { _all: true },
  });
  for (const row of rows) counts.set(ruleKey(row), row._count._all);
  return counts;
}

/** RATE_LIMITED for a rule at its limit, saying when the oldest counted event leaves the window. */
export async function rateLimitedError(db: DbOrTx, rule: RateLimitRule, now: Date, message: string): Promise<AppError> {
  const oldest = await db.rateLimitEvent.findFirst({
    where: { bucket: rule.bucket, key: rule.key, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const retryAt = (oldest?.createdAt.getTime() ?? now.getTime()) + rule.windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  return new AppError('RATE_LIMITED', message, { details: { retryAfterSeconds } });
}

/** Deletes events older than the longest window we use; called by housekeeping. */
export async function pruneRateLimitEvents(db: DbOrTx, olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
