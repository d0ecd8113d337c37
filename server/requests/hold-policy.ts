import { normalizeEmailForLimits } from '../common/normalize-email';
// Holds that cannot squat a calendar. A reporter's hold keeps their chosen
// slot free while the desk decides; without bounds, anyone could hold a whole
// week with a few anonymous requests. So a hold
// - lasts at most HOLD_MAX_HOURS (default 48 h), never past the request's
//   deadline and never past the moment the slot's minimum notice begins (after
//   that nobody else could book it anyway), and is then released
//   (releaseExpiredHolds, run by the expiry scheduler);
// - is only placed while the reporter (normalised address) has fewer than
//   HOLD_LIMIT_PER_EMAIL active holds, and the client IP fewer than
//   HOLD_LIMIT_PER_IP with this spokesperson. Over a limit the request is
//   still created, without a hold: the desk still sees it, it just blocks
//   nobody.
import type { DbOrTx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import { invalidateCalendars } from '../availability/calendar-cache';
import type { Db } from '../db';

// Providers whose addresses ignore dots in the local part.

/**
 * One key per mailbox for per-reporter limits: lower case, no `+tag`, and for
 * Gmail no dots and googlemail.com as gmail.com. (`X.Y+news@GMail.com` and
 * `xy@gmail.com` are one person.) Not an address to send to.
 */
export function normalizeEmailKey(email: string): string {
  return normalizeEmailForLimits(email);
}

/** When a hold placed now for `start` ends, or null when it would end at once (no hold then). */
export function holdExpiry(options: { now: Date; start: Date; deadline: Date; minimumNoticeMinutes: number; maxMs: number }): Date | null {
  const end = Math.min(options.now.getTime() + options.maxMs, options.start.getTime() - options.minimumNoticeMinutes * 60_000, options.deadline.getTime());
  return end > options.now.getTime() ? new Date(end) : null;
}

/**
 * Holds that still block time at `now`. Holds from before hold expiry existed
 * (no holdExpiresAt) count until releaseExpiredHolds lets them go.
 */
export function activeHoldWhere(now: Date): Prisma.InterviewRequestWhereInput {
  return { status: 'pending', holdStart: { not: null }, OR: [{ holdExpiresAt: { gt: now } }, { holdExpiresAt: null }] };
}

/** Active holds per normalised reporter address (for the desk queue). */
export async function countActiveHoldsByReporter(db: DbOrTx, emailKeys: string[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (emailKeys.length === 0) return counts;
  const rows = await db.interviewRequest.groupBy({
    by: ['reporterEmailKey'],
    where: { AND: [activeHoldWhere(now), { reporterEmailKey: { in: [...new Set(emailKeys)] } }] },
    _count: { _all: true },
  });
  for (const row of rows) if (row.reporterEmailKey) counts.set(row.reporterEmailKey, row._count._all);
  return counts;
}

/** The per-address and per-IP hold limits across a batch of new requests: stored holds plus the batch's own. */
export class HoldLimits {
  private constructor(private readonly counts: Map<string, number>) {}

  /** Loads the active holds of these reporters and of these IPs with these spokespeople (one query). */
  static async load(db: DbOrTx, candidates: { emailKey: string; ip: string; spokespersonId: string }[], now: Date): Promise<HoldLimits> {
    const limits = new HoldLimits(new Map());
    if (candidates.length > 0) {
      const rows = await db.interviewRequest.findMany({
        where: {
          AND: [
            activeHoldWhere(now),
            {
              OR: [
                { reporterEmailKey: { in: [...new Set(candidates.map((item) => item.emailKey))] } },
                { requestIp: { in: [...new Set(candidates.map((item) => item.ip))] }, spokespersonId: { in: [...new Set(candidates.map((item) => item.spokespersonId))] } },
              ],
            },
          ],
        },
        select: { reporterEmailKey: true, requestIp: true, spokespersonId: true },
      });
      for (const row of rows) limits.add({ emailKey: row.reporterEmailKey, ip: row.requestIp, spokespersonId: row.spokespersonId });
    }
    return limits;
  }

  /** Whether one more hold fits both limits. */
  allows(hold: { emailKey: string; ip: string; spokespersonId: string }, limits: { perEmail: number; perIp: number }): boolean {
    return (this.counts.get(emailCounter(hold.emailKey)) ?? 0) < limits.perEmail && (this.counts.get(ipCounter(hold.ip, hold.spokespersonId)) ?? 0) < limits.perIp;
  }

  add(hold: { emailKey: string | null; ip: string | null; spokespersonId: string | null }) {
    const keys = [hold.emailKey && emailCounter(hold.emailKey), hold.ip && hold.spokespersonId && ipCounter(hold.ip, hold.spokespersonId)];
    for (const key of keys) if (key) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

const emailCounter = (emailKey: string) => `email\0${emailKey}`;
const ipCounter = (ip: string, spokespersonId: string) => `ip\0${spokespersonId}\0${ip}`;

/**
 * Releases holds past their end (and holds from before hold expiry existed
 * once they are older than the longest hold allowed). The request stays
 * pending for the desk; only its time is freed. Returns how many were released.
 */
export async function releaseExpiredHolds(options: { db: Db; now: Date; maxMs: number }): Promise<number> {
  const { db, now } = options;
  const due: Prisma.InterviewRequestWhereInput = {
    holdStart: { not: null },
    OR: [{ holdExpiresAt: { lte: now } }, { holdExpiresAt: null, createdAt: { lte: new Date(now.getTime() - options.maxMs) } }],
  };
  const rows = await db.interviewRequest.findMany({ where: due, select: { id: true, spokespersonId: true }, take: 500 });
  if (rows.length === 0) return 0;
  // Conditional on `due` still holding, so a request approved meanwhile is untouched.
  const { count } = await db.interviewRequest.updateMany({ where: { AND: [due, { id: { in: rows.map((row) => row.id) } }] }, data: { holdStart: null, holdEnd: null, holdExpiresAt: null } });
  invalidateCalendars(db, [...new Set(rows.flatMap((row) => (row.spokespersonId ? [row.spokespersonId] : [])))]);
  return count;
}
