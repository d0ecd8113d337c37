// Over real HTTP: health, the error shape, the Origin check, cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeSpokesperson, makeUser, TEST_PASSWORD } from '../support/factories';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target));
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('GET /healthz', () => {
  it('answers ok with the database provider, schema version and app version', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { provider: database.provider, reachable: true, schemaVersion: expect.stringMatching(/^\d{14}_/), pendingMigrations: [] },
    });
  });
});

describe('tRPC over HTTP', () => {
  it('serves queries as plain JSON GETs (no transformer)', async () => {
    await makeSpokesperson(database.prisma, { name: 'Ana Example', timeZone: 'Asia/Kathmandu' });
    const response = await fetch(`${base}/trpc/spokespeople.list`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.data).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Ana Example', timeZone: 'Asia/Kathmandu', languages: ['en'] })]));
    // Private fields stay private.
    expect(body.result.data[0]).not.toHaveProperty('email');
  });

  it('answers errors in the documented shape with an appCode and field errors', async () => {
    const response = await post('/trpc/auth.login', { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.data).toMatchObject({ appCode: 'VALIDATION_FAILED', httpStatus: 400, path: 'auth.login' });
    expect(Object.keys(body.error.data.fieldErrors)).toEqual(expect.arrayContaining(['email', 'password']));
    expect(body.error.message).toMatch(/email/);
  });

  it('NOT_FOUND for an unknown spokesperson, 404 status', async () => {
    const response = await fetch(`${base}/trpc/spokespeople.get?input=${encodeURIComponent(JSON.stringify({ id: 'nope' }))}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.data.appCode).toBe('NOT_FOUND');
  });

  it('malformed JSON bodies get VALIDATION_FAILED, not a crash', async () => {
    const response = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.data.appCode).toBe('VALIDATION_FAILED');
  });
});

describe('login cookie and Origin check', () => {
  it('sets an httpOnly, SameSite=Lax session cookie that opens staff procedures', async () => {
    const user = await makeUser(database.prisma, { role: 'admin' });
    const response = await post('/trpc/auth.login', { email: user.email, password: TEST_PASSWORD }, { origin: 'http://desk.test' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^desk_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // PUBLIC_URL is http here
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect((await me.json()).result.data).toMatchObject({ email: user.email, role: 'admin' });
  });

  it('refuses a mutation from a foreign Origin with 403 ORIGIN_REJECTED and does nothing', async () => {
    const user = await makeUser(database.prisma);
    const response = await post('/trpc/auth.login', { email: user.email, password: TEST_PASSWORD }, { origin: 'https://evil.example.com' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await response.json()).error.data.appCode).toBe('ORIGIN_REJECTED');
    expect(await database.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('accepts the Host it was reached at and requests with no Origin (curl)', async () => {
    const user = await makeUser(database.prisma);
    const sameHost = await post('/trpc/auth.login', { email: user.email, password: TEST_PASSWORD }, { origin: base });
    expect(sameHost.status).toBe(200);
    const noOrigin = await post('/trpc/auth.login', { email: user.email, password: TEST_PASSWORD });
    expect(noOrigin.status).toBe(200);
  });

  it('a Secure cookie when PUBLIC_URL is https', async () => {
    const config = makeTestConfig(database.target, { PUBLIC_URL: 'https://desk.example.org' });
    const secureServer = await startTestHttpServer(database, config);
    try {
      const user = await makeUser(database.prisma);
      const response = await fetch(`${secureServer.base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://desk.example.org' },
        body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await secureServer.close();
    }
  });
});
