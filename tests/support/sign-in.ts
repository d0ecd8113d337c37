import type { TestDatabase } from './test-database';
import { makeCaller, makeCookieRecorder } from './context';
import { makeUser, TEST_PASSWORD } from './factories';
import type { StaffRole } from '../../server/auth/schema';

/** A caller signed in as a new user of the given role (optionally linked to a spokesperson). */
export async function signedInCaller(
  database: TestDatabase,
  role: StaffRole,
  options: { spokespersonId?: string; now?: () => Date; config?: import('../../server/env').Config } = {},
) {
  const user = await makeUser(database.prisma, { role });
  if (options.spokespersonId) {
    await database.prisma.spokesperson.update({ where: { id: options.spokespersonId }, data: { userId: user.id } });
  }
  const cookies = makeCookieRecorder();
  await (await makeCaller(database, { cookies, now: options.now })).auth.login({ email: user.email, password: TEST_PASSWORD });
  return { user, caller: await makeCaller(database, { sessionToken: cookies.token, now: options.now, config: options.config }) };
}
