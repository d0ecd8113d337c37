import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeCaller, makeCookieRecorder, makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { IP_RULE, PAIR_RULE } from '../../server/auth/login-throttle';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

/** Signs in through the real procedure and returns the cookie token. */
async function signIn(email: string, options: { now?: () => Date; config?: ReturnType<typeof makeTestConfig> } = {}) {
  return (await signInAnswering(email, options)).token;
}

/** Signs in and returns the cookie token with the login's answer. */
async function signInAnswering(email: string, options: { now?: () => Date; config?: ReturnType<typeof makeTestConfig> } = {}) {
  const cookies = makeCookieRecorder();
  const caller = await makeCaller(database, { cookies, ...options });
  const answer = await caller.auth.login({ email, password: TEST_PASSWORD });
  expect(cookies.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { token: cookies.token!, answer };
}

async function expectAppError(promise: Promise<unknown>, appCode: string, message?: RegExp) {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${appCode}, but the call succeeded`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as { code?: string } | undefined;
  expect(cause?.code).toBe(appCode);
  if (message) expect((error as Error).message).toMatch(message);
}

describe('staff sign-in', () => {
  it('signing in with the right password opens a session that auth.me reports', async () => {
    const user = await makeUser(database.prisma, { role: 'press_officer', name: 'Jared' });
    const { token, answer } = await signInAnswering(user.email.toUpperCase());
    const me = await (await makeCaller(database, { sessionToken: token })).auth.me();
    expect(me).toMatchObject({ id: user.id, email: user.email, role: 'press_officer', name: 'Jared' });
    // The login answers who signed in exactly as auth.me does (the console shows its first screen from it).
    expect(answer.me).toEqual(me);
    expect(answer.expiresAt).toBe(me!.sessionExpiresAt);
    const stored = await database.prisma.session.findFirst({ where: { userId: user.id } });
    expect(stored?.tokenHash).not.toBe(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a wrong password and an unknown user get the same UNAUTHENTICATED answer', async () => {
    const user = await makeUser(database.prisma);
    const caller = await makeCaller(database);
    await expectAppError(caller.auth.login({ email: user.email, password: 'wrong password!' }), 'UNAUTHENTICATED', /Email or password is not right/);
    await expectAppError(caller.auth.login({ email: 'nobody@example.org', password: 'whatever12345' }), 'UNAUTHENTICATED', /Email or password is not right/);
  });

  it('a deactivated user cannot sign in', async () => {
    const user = await makeUser(database.prisma, { active: false });
    await expectAppError((await makeCaller(database)).auth.login({ email: user.email, password: TEST_PASSWORD }), 'UNAUTHENTICATED');
  });

  it(`after ${PAIR_RULE.freeAttempts} failures for one address from one IP the next try waits, and the wait doubles`, async () => {
    const user = await makeUser(database.prisma);
    const start = Date.now();
    const caller = (ms: number, ip = '198.51.100.7') => makeCaller(database, { ip, now: () => new Date(start + ms) });
    for (let attempt = 0; attempt < PAIR_RULE.freeAttempts; attempt++) {
      await expectAppError((await caller(0)).auth.login({ email: user.email, password: `wrong-${attempt}-password` }), 'UNAUTHENTICATED');
    }
    // Even the right password waits: it is not checked.
    await expectAppError((await caller(0)).auth.login({ email: user.email, password: TEST_PASSWORD }), 'RATE_LIMITED', /Too many sign-in attempts/);
    // After the first delay one more try is checked; a wrong one doubles the wait.
    await expectAppError((await caller(PAIR_RULE.firstDelayMs)).auth.login({ email: user.email, password: 'still wrong!!' }), 'UNAUTHENTICATED');
    await expectAppError((await caller(PAIR_RULE.firstDelayMs + PAIR_RULE.firstDelayMs + 1000)).auth.login({ email: user.email, password: TEST_PASSWORD }), 'RATE_LIMITED');
    await expect((await caller(PAIR_RULE.firstDelayMs * 3)).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toHaveProperty('expiresAt');
  });

  it('failures from other IPs never lock the owner out of their own IP', async () => {
    const user = await makeUser(database.prisma);
    for (let ip = 1; ip <= 3; ip++) {
      for (let attempt = 0; attempt < PAIR_RULE.freeAttempts + 2; attempt++) {
        await (await makeCaller(database, { ip: `192.0.2.${ip}` })).auth.login({ email: user.email, password: 'guessing-password' }).catch(() => undefined);
      }
    }
    await expect((await makeCaller(database, { ip: '198.51.100.50' })).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toHaveProperty('expiresAt');
  });

  it('the right password resets the pair: a later typo does not inherit earlier failures', async () => {
    const user = await makeUser(database.prisma);
    const caller = () => makeCaller(database, { ip: '198.51.100.9' });
    for (let attempt = 0; attempt < PAIR_RULE.freeAttempts - 1; attempt++) {
      await expectAppError((await caller()).auth.login({ email: user.email, password: 'typo typo typo' }), 'UNAUTHENTICATED');
    }
    await (await caller()).auth.login({ email: user.email, password: TEST_PASSWORD });
    for (let attempt = 0; attempt < PAIR_RULE.freeAttempts; attempt++) {
      await expectAppError((await caller()).auth.login({ email: user.email, password: 'typo typo typo' }), 'UNAUTHENTICATED');
    }
  });

  it(`one IP guessing across many addresses waits after ${IP_RULE.freeAttempts} tries`, async () => {
    const caller = () => makeCaller(database, { ip: '198.51.100.77' });
    for (let attempt = 0; attempt < IP_RULE.freeAttempts; attempt++) {
      await expectAppError((await caller()).auth.login({ email: `nobody-${attempt}@example.org`, password: 'guessing-password' }), 'UNAUTHENTICATED');
    }
    await expectAppError((await caller()).auth.login({ email: 'nobody-else@example.org', password: 'guessing-password' }), 'RATE_LIMITED');
  });

  it('rejects malformed input with VALIDATION_FAILED naming the field', async () => {
    const caller = await makeCaller(database);
    const error = await caller.auth.login({ email: 'not-an-email', password: 'x' }).catch((caught: unknown) => caught as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/email/);
  });
});

describe('sessions', () => {
  it('logout revokes the session server-side and clears the cookie', async () => {
    const user = await makeUser(database.prisma);
    const token = await signIn(user.email);
    const cookies = makeCookieRecorder();
    await (await makeCaller(database, { sessionToken: token, cookies })).auth.logout();
    expect(cookies.cleared).toBe(true);
    const after = await makeCaller(database, { sessionToken: token });
    expect(await after.auth.me()).toBeNull();
    await expectAppError(after.auth.logout(), 'UNAUTHENTICATED');
  });

  it('a session stops working when it expires', async () => {
    const user = await makeUser(database.prisma);
    const config = makeTestConfig(database.target, { SESSION_TTL_HOURS: '2' });
    const start = Date.now();
    const token = await signIn(user.email, { config, now: () => new Date(start) });
    const justBefore = await makeCaller(database, { sessionToken: token, now: () => new Date(start + 2 * 3_600_000 - 1000) });
    expect(await justBefore.auth.me()).not.toBeNull();
    const after = await makeCaller(database, { sessionToken: token, now: () => new Date(start + 2 * 3_600_000 + 1000) });
    expect(await after.auth.me()).toBeNull();
  });

  it('a forged or garbled cookie is simply not a session', async () => {
    for (const token of ['', 'x', 'a'.repeat(43), 'not a token at all; drop table', 'é'.repeat(50)]) {
      expect(await (await makeCaller(database, { sessionToken: token })).auth.me()).toBeNull();
    }
  });

  it('deactivating a user ends their sessions at once', async () => {
    const admin = await makeUser(database.prisma, { role: 'admin' });
    const officer = await makeUser(database.prisma, { role: 'press_officer' });
    const adminToken = await signIn(admin.email);
    const officerToken = await signIn(officer.email);
    await (await makeCaller(database, { sessionToken: adminToken })).users.setActive({ userId: officer.id, active: false });
    expect(await (await makeCaller(database, { sessionToken: officerToken })).auth.me()).toBeNull();
    const audit = await database.prisma.auditEvent.findFirst({ where: { action: 'user.set_active', entityId: officer.id } });
    expect(audit).toMatchObject({ actorType: 'user', actorId: admin.id });
  });
});

describe('roles', () => {
  it('an anonymous caller gets UNAUTHENTICATED from staff procedures', async () => {
    await expectAppError((await makeCaller(database)).users.list(), 'UNAUTHENTICATED');
  });

  it('a spokesperson and a press officer are refused admin procedures with FORBIDDEN', async () => {
    for (const role of ['spokesperson', 'press_officer'] as const) {
      const user = await makeUser(database.prisma, { role });
      const caller = await makeCaller(database, { sessionToken: await signIn(user.email) });
      await expectAppError(caller.users.list(), 'FORBIDDEN', /Only administrators/);
      await expectAppError(caller.users.create({ email: 'new@example.org', name: 'New', role: 'admin', password: 'long enough password' }), 'FORBIDDEN');
    }
    expect(await database.prisma.user.findUnique({ where: { email: 'new@example.org' } })).toBeNull();
  });

  it('an admin creates users, and a duplicate address is a CONFLICT', async () => {
    const admin = await makeUser(database.prisma, { role: 'admin' });
    const caller = await makeCaller(database, { sessionToken: await signIn(admin.email) });
    const created = await caller.users.create({ email: 'Officer@Example.org', name: 'Officer', role: 'press_officer', password: 'long enough password' });
    expect(created.email).toBe('officer@example.org');
    expect(created).not.toHaveProperty('passwordHash');
    await expectAppError(caller.users.create({ email: 'officer@example.org', name: 'Again', role: 'admin', password: 'long enough password' }), 'CONFLICT');
    const fresh = await makeCaller(database);
    await expect(fresh.auth.login({ email: 'officer@example.org', password: 'long enough password' })).resolves.toHaveProperty('expiresAt');
  });
});
