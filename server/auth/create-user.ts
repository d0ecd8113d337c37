import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { hashPassword } from './password';
import type { StaffRole } from './schema';

const userSelect = { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, createdAt: true } as const;

/** Creates a staff user. Throws CONFLICT when the (lowercased) email is taken. */
export async function createUser(options: { db: DbOrTx; email: string; name: string; role: StaffRole; password: string }) {
  const email = options.email.toLowerCase();
  const existing = await options.db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', `A user with the email ${email} already exists.`);
  return options.db.user.create({
    data: { email, name: options.name, role: options.role, passwordHash: await hashPassword(options.password) },
    select: userSelect,
  });
}

export async function listUsers(options: { db: DbOrTx }) {
  return options.db.user.findMany({ select: userSelect, orderBy: { email: 'asc' } });
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
