import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { getDummyPasswordHash, verifyPassword } from './password';
import { createSession, SESSION_USER_SELECT, toSessionUser } from './sessions';
import { IP_RULE, PAIR_RULE, refundAttempt, resetAttempts, takeAttempt } from './login-throttle';
import { countLoginAttempt } from '../metrics/metrics';

const THROTTLED_MESSAGE = 'Too many sign-in attempts from here. Wait a little and try again.';

/**
 * Checks staff credentials and opens a session.
 * Throws UNAUTHENTICATED with one message for unknown user, wrong password and
 * deactivated user alike (no account enumeration), and RATE_LIMITED (with
 * retryAfterSeconds) when this (address, IP) pair or this IP must wait
 * (server/auth/login-throttle.ts). Every try is counted before its password
 * is checked; the right password resets the pair, so an attacker elsewhere
 * never locks the owner out. Returns the session and the signed-in user.
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
  const at = now.getTime();
  const pairKey = `pair:${email}|${ip}`;
  const ipKey = `ip:${ip}`;
  // The pair first: a try the pair refuses must not use up the IP's tries.
  for (const [key, rule, throttled] of [[pairKey, PAIR_RULE, 'throttled_address_ip'], [ipKey, IP_RULE, 'throttled_ip']] as const) {
    const attempt = await takeAttempt(db, key, rule, at);
    if (!attempt.allowed) {
      countLoginAttempt(throttled);
      throw new AppError('RATE_LIMITED', THROTTLED_MESSAGE, { details: { retryAfterSeconds: Math.max(1, Math.ceil((attempt.retryAt - at) / 1000)) } });
    }
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { ...SESSION_USER_SELECT, passwordHash: true },
  });
  // A user without a password yet (invited, or reset) is checked against the
  // dummy hash too, so the answer takes as long as for anyone else.
  const usable = user && user.passwordHash !== '' ? user.passwordHash : null;
  const valid = (await verifyPassword(options.password, usable ?? (await getDummyPasswordHash()))) && usable !== null;
  if (!user || !valid || !user.active) {
    countLoginAttempt('refused');
    throw new AppError('UNAUTHENTICATED', 'Email or password is not right.');
  }
  await resetAttempts(db, pairKey);
  await refundAttempt(db, ipKey, IP_RULE, at);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  const session = await createSession({ db, userId: user.id, ttlMs: options.sessionTtlMs, now, ip, userAgent: options.userAgent });
  countLoginAttempt('signed_in');
  // Who signed in, as a session carries it, so the console shows its first screen without asking auth.me.
  return { ...session, user: toSessionUser(user) };
}
