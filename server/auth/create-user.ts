import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { hashPassword } from './password';
import type { StaffRole } from './schema';

const userSelect = { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, createdAt: true } as const;

/**
 * Creates a staff user. Throws CONFLICT when the (lowercased) email is taken.
 * Without a password the account cannot sign in until its owner sets one
 * through a set-password link (an empty hash never verifies).
 */
export async function createUser(options: { db: DbOrTx; email: string; name: string; role: StaffRole; password?: string }) {
  const email = options.email.toLowerCase();
  const existing = await options.db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', `A user with the email ${email} already exists.`);
  return options.db.user.create({
    data: { email, name: options.name, role: options.role, passwordHash: options.password ? await hashPassword(options.password) : '' },
    select: userSelect,
  });
}

/**
 * Staff users for the admin's list: whether each can sign in yet (has a
 * password), the spokesperson profile linked to them, and when their newest
 * unused set-password link expires.
 */
export async function listUsers(options: { db: DbOrTx }) {
  const rows = await options.db.user.findMany({
    select: {
      ...userSelect,
      passwordHash: true,
      spokesperson: { select: { id: true, name: true } },
      passwordLinks: { where: { usedAt: null, revokedAt: null }, select: { expiresAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
    orderBy: { email: 'asc' },
  });
  return rows.map(({ passwordHash, passwordLinks, lastLoginAt, createdAt, ...user }) => ({
    ...user,
    hasPassword: passwordHash !== '',
    lastLoginAt: lastLoginAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    passwordLinkExpiresAt: passwordLinks[0]?.expiresAt.toISOString() ?? null,
  }));
}

/** Spokesperson accounts, for linking a spokesperson profile to its owner's login (press officers may list these). */
export async function listSpokespersonAccounts(options: { db: DbOrTx }) {
  return options.db.user.findMany({
    where: { role: 'spokesperson' },
    select: { id: true, email: true, name: true, active: true, spokesperson: { select: { id: true } } },
    orderBy: { name: 'asc' },
  });
}

/**
 * Creates the first-run admin from DESK_ADMIN_EMAIL/DESK_ADMIN_PASSWORD when no
 * user with that address exists. Never changes an existing user's password, so
 * leaving the variables set after the first start is harmless.
 */
export async function ensureFirstRunAdmin(options: { db: DbOrTx; admin: { email: string; password: string } | undefined }) {
  if (!options.admin) return { created: false };
  const existing = await options.db.user.findUnique({ where: { email: options.admin.email }, select: { id: true } });
  if (existing) return { created: false };
  await createUser({ db: options.db, email: options.admin.email, name: 'Administrator', role: 'admin', password: options.admin.password });
  return { created: true };
}
