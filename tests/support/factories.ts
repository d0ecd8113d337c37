import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../server/db';
import { hashPassword } from '../../server/auth/password';
import type { StaffRole } from '../../server/auth/schema';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

/** A staff user with a unique address; all share TEST_PASSWORD (hashed once, scrypt is slow on purpose). */
export async function makeUser(db: DbOrTx, overrides: { role?: StaffRole; email?: string; name?: string; active?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.org`;
  return db.user.create({
    data: {
      email,
      name: overrides.name ?? 'Test User',
      role: overrides.role ?? 'press_officer',
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    },
  });
}

/** A spokesperson with sensible defaults; override any field. */
export async function makeSpokesperson(db: DbOrTx, overrides: Record<string, unknown> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return db.spokesperson.create({
    data: {
      slug: `spokesperson-${suffix}`,
      name: `Spokesperson ${suffix}`,
      title: 'Director',
      email: `spokesperson-${suffix}@example.org`,
      languages: ['en'],
      topics: ['cluster munitions'],
      timeZone: 'Europe/Zurich',
      formats: ['phone', 'video'],
      allowedDurations: [30],
      ...overrides,
    },
  });
}
