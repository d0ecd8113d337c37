// Server-side staff sessions. The browser holds a random token in an httpOnly
// cookie; the database holds its hash, expiry and revocation, so a session can
// be ended from the server at any time (logout, deactivation, admin action).
import type { DbOrTx } from '../db';
import type { SessionUser, StaffRole } from './schema';
import { createSecretToken, hashSecretToken } from './tokens';

export const SESSION_COOKIE = 'desk_session';

// lastSeenAt is informational; writing it on every request would turn every
// read into a write, so it is refreshed at most this often.
const LAST_SEEN_REFRESH_MS = 5 * 60_000;

export interface ActiveSession {
  id: string;
  expiresAt: Date;
  user: SessionUser;
}

/** The user columns a session carries (sign-in reads the same, so both answer alike). */
export const SESSION_USER_SELECT = { id: true, email: true, name: true, role: true, active: true, spokesperson: { select: { id: true } } } as const;

/** A user row read with SESSION_USER_SELECT, as the session's user. */
export function toSessionUser(row: { id: string; email: string; name: string; role: string; spokesperson: { id: string } | null }): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role as StaffRole, spokespersonId: row.spokesperson?.id ?? null };
}

/** What auth.me answers for a signed-in user (auth.login answers the same for the session it opens). */
export function describeSignedIn(user: SessionUser, expiresAt: Date) {
  return { ...user, sessionExpiresAt: expiresAt.toISOString() };
}

/** Creates a session and returns its token (shown once, to be put in the cookie). */
export async function createSession(options: {
  db: DbOrTx;
  userId: string;
  ttlMs: number;
  now: Date;
  ip?: string;
  userAgent?: string;
}): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = createSecretToken();
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  const session = await options.db.session.create({
    data: {
      tokenHash: hashSecretToken(token),
      userId: options.userId,
      createdAt: options.now,
      lastSeenAt: options.now,
      expiresAt,
      ip: options.ip?.slice(0, 64),
      userAgent: options.userAgent?.slice(0, 300),
    },
    select: { id: true },
  });
  return { token, expiresAt, sessionId: session.id };
}

/**
 * Finds the live session for a cookie token: not revoked, not expired, and
 * belonging to an active user. Returns null otherwise (never throws for a bad token).
 */
export async function findActiveSession(options: { db: DbOrTx; token: string; now: Date }): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(options.token)) return null;
  const session = await options.db.session.findUnique({
    where: { tokenHash: hashSecretToken(options.token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: SESSION_USER_SELECT },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= options.now || !session.user.active) return null;
  if (options.now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_REFRESH_MS) {
    await options.db.session.update({ where: { id: session.id }, data: { lastSeenAt: options.now } });
  }
  return {
    id: session.id,
    expiresAt: session.expiresAt,
    user: toSessionUser(session.user),
  };
}

/** Revokes one session; revoking an already revoked session is a no-op by design (logout twice is fine). */
export async function revokeSession(options: { db: DbOrTx; sessionId: string; now: Date }): Promise<void> {
  await options.db.session.updateMany({
    where: { id: options.sessionId, revokedAt: null },
    data: { revokedAt: options.now },
  });
}

/** Revokes every live session of a user (deactivation, password change). */
export async function revokeUserSessions(options: { db: DbOrTx; userId: string; now: Date }): Promise<number> {
  const { count } = await options.db.session.updateMany({
    where: { userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now },
  });
  return count;
}
