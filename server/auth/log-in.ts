import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { assertWithinLimits, recordEvents, type RateLimitRule } from '../rate-limit/rate-limit';
import { getDummyPasswordHash, verifyPassword } from './password';
import { createSession } from './sessions';

// Failed attempts allowed per address and per client IP in a sliding window.
// Five per address stops online guessing of one account; the IP limit is higher
// because a newsroom or office may share one address.
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_FAILURES_PER_EMAIL = 5;
export const LOGIN_FAILURES_PER_IP = 20;

function loginRules(email: string, ip: string): RateLimitRule[] {
  return [
    { bucket: 'login-email', key: email, limit: LOGIN_FAILURES_PER_EMAIL, windowMs: LOGIN_WINDOW_MS },
    { bucket: 'login-ip', key: ip, limit: LOGIN_FAILURES_PER_IP, windowMs: LOGIN_WINDOW_MS },
  ];
}

/**
 * Checks staff credentials and opens a session.
 * Throws UNAUTHENTICATED with one message for unknown user, wrong password and
 * deactivated user alike (no account enumeration), and RATE_LIMITED once too
 * many attempts failed for the address or the IP.
 */
export async function logIn(options: {
  db: DbOrTx;
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  now: Date;
  sessionTtlMs: number;
}) {
  const { db, email, ip, now } = options;
  await assertWithinLimits(db, loginRules(email, ip), now, 'Too many failed sign-in attempts. Wait a few minutes and try again.');

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  // A user without a password yet (invited, or reset) is checked against the
  // dummy hash too, so the answer takes as long as for anyone else.
  const usable = user && user.passwordHash !== '' ? user.passwordHash : null;
  const valid = (await verifyPassword(options.password, usable ?? (await getDummyPasswordHash()))) && usable !== null;
  if (!user || !valid || !user.active) {
    await recordEvents(db, [{ bucket: 'login-email', key: email }, { bucket: 'login-ip', key: ip }], now);
    throw new AppError('UNAUTHENTICATED', 'Email or password is not right.');
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return createSession({ db, userId: user.id, ttlMs: options.sessionTtlMs, now, ip, userAgent: options.userAgent });
}
