// One-time "set your password" links for new staff users and password resets.
//
// The token in the link is HMAC-SHA256(server secret, link id): 256 bits no one
// can guess without the secret, that the outbox worker derives again when it
// renders the email, so neither the outbox row nor the link row ever holds it
// (the same scheme as reporters' manage tokens, server/requests/manage-token.ts).
// The link row keeps the token's SHA-256, an expiry and when it was used: a link
// works once, until it expires, and only while it is the user's newest one.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db, DbOrTx, Tx } from '../db';
import { AppError } from '../errors';
import { enqueueMessage } from '../outbox/enqueue-message';
import { hostOf } from '../requests/context';
import { getServerSecret } from '../secrets';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';
import { hashSecretToken, matchesSecretToken } from './tokens';

/** How long a set-password link works: three days covers a weekend between invite and first sign-in. */
export const PASSWORD_LINK_TTL_MS = 72 * 3_600_000;

export type PasswordLinkPurpose = 'invite' | 'reset';

/** The token for a link id; only the server (which holds the secret) can make it. */
export function derivePasswordLinkToken(secret: Buffer, linkId: string): string {
  return createHmac('sha256', secret).update(`password-link:${linkId}`).digest('base64url');
}

/** Where the emailed link points: the console's public set-password page. */
export function passwordLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/desk/set-password?token=${encodeURIComponent(token)}`;
}

/**
 * Issues a new link for a user and queues the email that carries it, in the
 * caller's transaction (so the link, the email and the change that caused them
 * commit together). Earlier unused links of the user stop working.
 * `secret` comes from getServerSecret (read before the transaction).
 */
export async function issuePasswordLink(
  tx: Tx,
  options: { userId: string; purpose: PasswordLinkPurpose; secret: Buffer; publicUrl: string; now: Date },
): Promise<{ linkId: string; expiresAt: Date }> {
  const { now } = options;
  const user = await tx.user.findUnique({ where: { id: options.userId }, select: { id: true, email: true, name: true } });
  if (!user) throw new AppError('NOT_FOUND', 'No such user.');
  await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  // The id is random too, so link ids cannot be enumerated from one another.
  const linkId = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
  await tx.passwordLink.create({
    data: { id: linkId, userId: user.id, tokenHash: hashSecretToken(derivePasswordLinkToken(options.secret, linkId)), purpose: options.purpose, expiresAt, createdAt: now },
  });
  await enqueueMessage(
    tx,
    {
      kind: 'password_link',
      recipient: user.email,
      subject: options.purpose === 'invite' ? 'Your Interview Desk account: set your password' : 'Set a new password for Interview Desk',
      // Ids only: the token is derived again at delivery.
      payload: { passwordLinkId: linkId, purpose: options.purpose },
    },
    { host: hostOf(options.publicUrl), now },
  );
  return { linkId, expiresAt };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function findUsableLink(db: DbOrTx, token: string, now: Date) {
  const invalid = new AppError('NOT_FOUND', 'This link is not valid. Ask your administrator for a new one.');
  if (!TOKEN_SHAPE.test(token)) throw invalid;
  const link = await db.passwordLink.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: { id: true, tokenHash: true, purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!link || !matchesSecretToken(token, link.tokenHash) || !link.user.active) throw invalid;
  if (link.usedAt) throw new AppError('INVALID_TRANSITION', 'This link was already used. Sign in with your password, or ask your administrator for a new link.');
  if (link.revokedAt) throw new AppError('INVALID_TRANSITION', 'A newer link was sent for this account; use the newest email.');
  if (link.expiresAt <= now) throw new AppError('INVALID_TRANSITION', 'This link has expired. Ask your administrator for a new one.');
  return link;
}

/** What the set-password page shows before the password is typed; throws as consumePasswordLink would. */
export async function describePasswordLink(options: { db: Db; token: string; now: Date }) {
  const link = await findUsableLink(options.db, options.token, options.now);
  return { email: link.user.email, name: link.user.name, purpose: link.purpose as PasswordLinkPurpose, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Sets the user's password from a link, once. Marks the link used with a
 * conditional update, so two submissions racing each other set it only once,
 * and ends every session the user had (a reset must lock out whoever held one).
 */
export async function consumePasswordLink(options: { db: Db; token: string; password: string; ip?: string; now: Date }) {
  const { db, now } = options;
  // scrypt is slow on purpose: hash before the transaction holds any lock.
  const passwordHash = await hashPassword(options.password);
  return db.$transaction(async (tx) => {
    const link = await findUsableLink(tx, options.token, now);
    const { count } = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) throw new AppError('INVALID_TRANSITION', 'This link was already used. Sign in with your password, or ask your administrator for a new link.');
    await tx.user.update({ where: { id: link.user.id }, data: { passwordHash } });
    await revokeUserSessions({ db: tx, userId: link.user.id, now });
    await recordAuditEvent({ db: tx, actor: { type: 'user', id: link.user.id }, action: 'user.set_password', entityType: 'user', entityId: link.user.id, after: { passwordLinkId: link.id, purpose: link.purpose }, ip: options.ip, now });
    return { email: link.user.email };
  });
}

/** Reads the secret once for a request that will issue links. */
export function passwordLinkSecret(db: Db): Promise<Buffer> {
  return getServerSecret(db);
}
