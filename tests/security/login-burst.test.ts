// Concurrent sign-in bursts over real HTTP. The server sits behind a
// (simulated) proxy on loopback (TRUST_PROXY=loopback), so each call can come
// from the client address the test chooses in X-Forwarded-For. Every try is
// counted before its password is checked (server/auth/login-throttle.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { IP_RULE, PAIR_RULE } from '../../server/auth/login-throttle';
import { callOver, outcomeOf, sessionCookieOf } from './http';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target, { TRUST_PROXY: 'loopback' }));
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

const login = (email: string, password: string, ip: string) => callOver(server.base, 'auth.login', { email, password }, { headers: { 'x-forwarded-for': ip } });

function tally(outcomes: string[]) {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

// Each checked password costs an scrypt (about 50 ms unloaded): generous time on a busy machine.
describe('sign-in bursts', { timeout: 180_000 }, () => {
  it(`200 concurrent wrong passwords for one address from one IP: at most ${PAIR_RULE.freeAttempts} are checked, the rest wait; the owner then signs in from their own IP`, async () => {
    const owner = await makeUser(database.prisma, { role: 'admin' });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => login(owner.email, `guess-number-${index}`, '203.0.113.66')));
    const elapsedMs = Math.round(performance.now() - started);
    const counts = tally(answers.map(outcomeOf));
    // UNAUTHENTICATED means the password was checked (and wrong); RATE_LIMITED means it was not looked at.
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(PAIR_RULE.freeAttempts);
    expect(counts.UNAUTHENTICATED).toBeGreaterThan(0);
    expect((counts.UNAUTHENTICATED ?? 0) + (counts.RATE_LIMITED ?? 0)).toBe(200);
    const limited = answers.find((answer) => outcomeOf(answer) === 'RATE_LIMITED')!;
    expect(limited.status).toBe(429);
    expect(limited.body.error.data.details.retryAfterSeconds).toBeGreaterThan(0);
    // The header says the same wait, for clients and proxies that read only headers (RFC 9110 §10.2.3).
    expect(limited.headers.get('retry-after')).toBe(String(limited.body.error.data.details.retryAfterSeconds));
    console.info(`200 concurrent logins: ${JSON.stringify(counts)} in ${elapsedMs} ms`);

    const mine = await login(owner.email, TEST_PASSWORD, '198.51.100.20');
    expect(outcomeOf(mine)).toBe('ok');
    const me = await callOver(server.base, 'auth.me', undefined, { query: true, cookie: sessionCookieOf(mine) });
    expect(me.body.result.data.email).toBe(owner.email);
  });

  it('a distributed burst (7 tries each from 10 IPs at once) never locks the owner out', async () => {
    const owner = await makeUser(database.prisma, { role: 'press_officer' });
    const answers = await Promise.all(Array.from({ length: 70 }, (_, index) => login(owner.email, `guess-number-${index}`, `192.0.2.${(index % 10) + 1}`)));
    // Each IP had its own free tries for this address; the rest waited.
    expect(tally(answers.map(outcomeOf))).toEqual({ UNAUTHENTICATED: 10 * PAIR_RULE.freeAttempts, RATE_LIMITED: 10 * 2 });
    expect(outcomeOf(await login(owner.email, TEST_PASSWORD, '198.51.100.21'))).toBe('ok');
  });

  it(`one IP guessing 200 addresses at once: at most ${IP_RULE.freeAttempts} passwords checked`, async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => login(`target-${index}@example.org`, 'Winter2026!!', '203.0.113.99')));
    const counts = tally(answers.map(outcomeOf));
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(IP_RULE.freeAttempts);
    expect((counts.UNAUTHENTICATED ?? 0) + (counts.RATE_LIMITED ?? 0)).toBe(200);
  });

  it('the right password inside an attacker burst from the same IP is counted like any other try', async () => {
    const owner = await makeUser(database.prisma);
    const passwords = Array.from({ length: 50 }, (_, index) => (index === 25 ? TEST_PASSWORD : `guess-${index}-password`));
    const answers = await Promise.all(passwords.map((password) => login(owner.email, password, '203.0.113.67')));
    const counts = tally(answers.map(outcomeOf));
    // The right password takes one of the pair's free tries like any other (it may be refused too).
    // If it was checked, it reset the pair, as a right password does: tries of the burst that
    // arrive after that (on a slow machine the 50 arrive over more than one password check) start
    // a fresh count, so at most one more round of free tries is checked, never more.
    const checked = (counts.UNAUTHENTICATED ?? 0) + (counts.ok ?? 0);
    expect(counts.ok ?? 0).toBeLessThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(PAIR_RULE.freeAttempts * (1 + (counts.ok ?? 0)));
    expect(counts.RATE_LIMITED).toBe(50 - checked);
  });
});
