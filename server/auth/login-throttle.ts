// Sign-in throttling with growing delays (OWASP Authentication Cheat Sheet:
// "account lockout" by delay rather than a hard lock, keyed so that an
// attacker cannot lock the owner out).
//
// Two counters per attempt:
// - the (address, IP) pair: a few free tries, then each further try must wait
//   twice as long as the one before. A right password resets it. An attacker
//   guessing from other IPs never touches the owner's pair, so the owner still
//   signs in from their own address.
// - the IP alone: more free tries (a newsroom shares one address), then the
//   same growing delays; it stops one IP from guessing across many accounts.
//   A right password gives its try back.
//
// Why one SQL statement and not rate-limiter-flexible: every attempt must be
// counted *before* its password is checked, atomically, on SQLite and
// PostgreSQL through the one Prisma connection the app already has.
// rate-limiter-flexible's Postgres and SQLite stores need their own driver
// connections beside Prisma's (a second writer on the SQLite file, outside the
// serialised adapter in db-sqlite-serial.ts), and it has no growing delay of
// its own. `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING` counts and
// decides in one statement on both databases: PostgreSQL locks the row and
// re-evaluates the WHERE on the newest version, SQLite runs one writer at a
// time; so of N simultaneous attempts exactly the allowed number pass.
import { Prisma } from '../generated/sqlite/client';
import type { DbOrTx } from '../db';

export interface ThrottleRule {
  /** Tries before the first delay. */
  freeAttempts: number;
  /** The first delay; each later try doubles it. */
  firstDelayMs: number;
  /** The longest delay between two tries. */
  maxDelayMs: number;
  /** A counter with no try for this long starts afresh. */
  memoryMs: number;
}

/** Per (address, IP): five free tries, then 30 s, 1 min, 2 min … at most 1 h between tries. */
export const PAIR_RULE: ThrottleRule = { freeAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 3_600_000, memoryMs: 24 * 3_600_000 };
/** Per IP: twenty free tries (shared office addresses), then the same growing delays. */
export const IP_RULE: ThrottleRule = { freeAttempts: 20, firstDelayMs: 30_000, maxDelayMs: 3_600_000, memoryMs: 24 * 3_600_000 };

/** The wait after the `attempt`-th try (1-based) before the next may be checked. */
export function delayAfter(rule: ThrottleRule, attempt: number): number {
  if (attempt < rule.freeAttempts) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (attempt - rule.freeAttempts));
}

/** The delay schedule as a SQL CASE over the new attempt number (dialect-neutral; log2(max/first) + 2 branches). */
function delaySql(rule: ThrottleRule, attempt: Prisma.Sql): Prisma.Sql {
  const branches: Prisma.Sql[] = [];
  for (let n = rule.freeAttempts; ; n++) {
    const delay = delayAfter(rule, n);
    if (delay >= rule.maxDelayMs) break;
    branches.push(Prisma.sql`WHEN ${attempt} <= ${n} THEN ${delay}`);
  }
  return Prisma.sql`(CASE WHEN ${attempt} < ${rule.freeAttempts} THEN 0 ${Prisma.join(branches, ' ')} ELSE ${rule.maxDelayMs} END)`;
}

/**
 * Counts one try against `key` and says whether it may be checked now.
 * Atomic: the try is recorded and judged in one statement, so concurrent
 * callers see each other's tries. A try that must wait is not counted (a wait
 * does not grow by hammering), and `retryAt` says when the next may come.
 */
export async function takeAttempt(db: DbOrTx, key: string, rule: ThrottleRule, now: number): Promise<{ allowed: true } | { allowed: false; retryAt: number }> {
  const fresh = Prisma.sql`"LoginThrottle"."expiresAt" <= ${now}`;
  // A try is checked when the row is forgotten, when the tries so far were
  // all free (no wait to honour, whatever clocks other instances keep), or
  // when the wait after the last try is over.
  const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE "LoginThrottle"."attempts" + 1 END)`;
  // Numbers are cast so PostgreSQL knows the parameters' type inside CASE.
  const rows = await db.$queryRaw<{ attempts: unknown }[]>`
    INSERT INTO "LoginThrottle" ("key", "attempts", "nextAllowedAt", "expiresAt")
    VALUES (${key}, 1, CAST(${now + delayAfter(rule, 1)} AS BIGINT), CAST(${now + rule.memoryMs} AS BIGINT))
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = ${next},
      "nextAllowedAt" = CAST(${now} AS BIGINT) + ${delaySql(rule, next)},
      "expiresAt" = CAST(${now + rule.memoryMs} AS BIGINT)
    WHERE "LoginThrottle"."attempts" < ${rule.freeAttempts} OR "LoginThrottle"."nextAllowedAt" <= ${now} OR ${fresh}
    RETURNING "attempts"`;
  if (rows.length === 1) return { allowed: true };
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { nextAllowedAt: true } });
  return { allowed: false, retryAt: row ? Number(row.nextAllowedAt) : now };
}

/** Forgets a key's tries (the owner signed in from this address). */
export async function resetAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Gives one try back (a right password from a shared IP) and lifts the wait it caused. */
export async function refundAttempt(db: DbOrTx, key: string, rule: ThrottleRule, now: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "attempts" = "attempts" - 1,
      "nextAllowedAt" = CAST(${now} AS BIGINT) + ${delaySql(rule, Prisma.sql`("attempts" - 1)`)}
    WHERE "key" = ${key} AND "attempts" > 0`;
}

/** Deletes rows nobody tried for their whole memory; called by housekeeping. */
export async function pruneLoginThrottle(db: DbOrTx, now: number): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({ where: { expiresAt: { lte: BigInt(now) } } });
  return count;
}
