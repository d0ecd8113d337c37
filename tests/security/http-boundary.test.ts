// What the HTTP boundary answers to requests that are not what the API
// expects: a POST whose body is not JSON, the README's own curl examples, and
// exports, which write an audit event and so are Origin-checked mutations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target));
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

async function signIn(role: 'admin' | 'press_officer' = 'press_officer') {
  const user = await makeUser(database.prisma, { role });
  // As the README's curl does it: JSON body, no Origin.
  const response = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('a POST whose body is not JSON', () => {
  it.each([
    ['text/plain', '{"email":"a@example.org","password":"x"}'],
    ['application/x-www-form-urlencoded', 'email=a%40example.org&password=x'],
  ])('%s answers 415 VALIDATION_FAILED saying to send JSON', async (contentType, body) => {
    const response = await fetch(`${server.base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(415);
    const { error } = await response.json();
    expect(error.data).toMatchObject({ appCode: 'VALIDATION_FAILED', httpStatus: 415 });
    expect(error.message).toMatch(/Content-Type: application\/json/);
  });
});

describe("the README's auth.logout example", () => {
  it('curl -b cookies.txt -X POST …/auth.logout (no body, no content type) ends the session', async () => {
    const cookie = await signIn();
    expect((await (await fetch(`${server.base}/trpc/auth.me`, { headers: { cookie } })).json()).result.data).not.toBeNull();
    const response = await fetch(`${server.base}/trpc/auth.logout`, { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(200);
    expect((await response.json()).result.data).toEqual({ ok: true });
    expect((await (await fetch(`${server.base}/trpc/auth.me`, { headers: { cookie } })).json()).result.data).toBeNull();
  });
});

describe('exports are mutations', () => {
  it.each(['contacts.exportCsv', 'contacts.exportVCard'])('%s: a GET is refused and writes no audit event; a POST exports', async (path) => {
    const cookie = await signIn();
    const before = await database.prisma.auditEvent.count({ where: { action: { startsWith: 'contact.export' } } });
    const viaGet = await fetch(`${server.base}/trpc/${path}?input=${encodeURIComponent('{}')}`, { headers: { cookie } });
    expect(viaGet.status).toBe(405);
    expect(await database.prisma.auditEvent.count({ where: { action: { startsWith: 'contact.export' } } })).toBe(before);
    const viaPost = await fetch(`${server.base}/trpc/${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(viaPost.status).toBe(200);
    expect(await database.prisma.auditEvent.count({ where: { action: { startsWith: 'contact.export' } } })).toBe(before + 1);
  });

  it('an export from another site (foreign Origin) is refused', async () => {
    const cookie = await signIn();
    const response = await fetch(`${server.base}/trpc/contacts.exportCsv`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.data.appCode).toBe('ORIGIN_REJECTED');
  });
});
