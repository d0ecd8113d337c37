// Security headers over real HTTP: a strict Content-Security-Policy, HSTS only
// on https, Permissions-Policy, and no-store on every API answer, including the
// lean fast paths (server/http/query-fast-path.ts) and the media-list export.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../support/http-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { makeTestConfig } from '../support/context';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { clientDistDir } from '../../server/client-build';
import { callOver, sessionCookieOf, type Answer } from './http';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestHttpServer>>;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestHttpServer(database, makeTestConfig(database.target));
  const officer = await makeUser(database.prisma, { role: 'press_officer' });
  cookie = sessionCookieOf(await callOver(server.base, 'auth.login', { email: officer.email, password: TEST_PASSWORD }));
});
afterAll(async () => {
  await server.close();
  await database.destroy();
});

function directives(answer: Answer): Map<string, string> {
  const policy = answer.headers.get('content-security-policy') ?? '';
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(' ')[0]!, part.slice(part.indexOf(' ') + 1)]));
}

describe('security headers', () => {
  it('every answer carries a CSP that allows only our own scripts, no inline script, no framing', async () => {
    for (const path of ['/', '/desk', '/healthz', '/trpc/spokespeople.list', '/nothing-here']) {
      const answer = await fetch(server.base + path);
      const policy = directives({ status: answer.status, headers: answer.headers, body: null });
      expect(policy.get('script-src'), path).toBe("'self'");
      expect(policy.get('default-src'), path).toBe("'self'");
      expect(policy.get('object-src'), path).toBe("'none'");
      expect(policy.get('frame-ancestors'), path).toBe("'none'");
      expect(answer.headers.get('content-security-policy'), path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(answer.headers.get('permissions-policy'), path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
      expect(answer.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      // Plain http (a local install): no HSTS, which would stick in the browser.
      expect(answer.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('the built client has no inline script, so the CSP lets it run', () => {
    const index = join(clientDistDir(), 'index.html');
    // The browser suite (and npm start) build it; without a build there is nothing to check here.
    if (!existsSync(index)) return;
    const html = readFileSync(index, 'utf8');
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(script).toMatch(/\bsrc="\/[^"]+"/);
      expect(script.replace(/<script\b[^>]*>/, '').replace('</script>', '').trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('HSTS when PUBLIC_URL is https', async () => {
    const https = await startTestHttpServer(database, makeTestConfig(database.target, { PUBLIC_URL: 'https://desk.example.org' }));
    try {
      const answer = await fetch(`${https.base}/healthz`);
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
      expect(answer.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    } finally {
      await https.close();
    }
  });

  it('signed-in answers are never stored: fast-path queries and mutations, batches, the media-list export, invite downloads', async () => {
    const answers: [string, Answer][] = [
      ['auth.me (fast path GET)', await callOver(server.base, 'auth.me', undefined, { query: true, cookie })],
      ['contacts.exportCsv (fast path POST: an audited export is a mutation)', await callOver(server.base, 'contacts.exportCsv', {}, { cookie })],
      ['outbox.list (fast path GET)', await callOver(server.base, 'outbox.list', {}, { query: true, cookie })],
      ['desk.requests.list (fast path GET)', await callOver(server.base, 'desk.requests.list', {}, { query: true, cookie })],
      ['feeds.rotate (fast path POST)', await callOver(server.base, 'feeds.rotate', { scope: 'office' }, { cookie })],
      ['auth.me,outbox.list (batch, official adapter)', await callOver(server.base, 'auth.me,outbox.list?batch=1&input=%7B%7D', undefined, { query: true, cookie })],
      ['auth.login (fast path POST)', await callOver(server.base, 'auth.login', { email: 'nobody@example.org', password: 'not the password' })],
    ];
    for (const [label, answer] of answers) {
      expect(answer.status, label).toBeLessThan(500);
      expect(answer.headers.get('cache-control'), label).toBe('no-store');
    }
    expect(answers[1]![1].status).toBe(200);
    const invite = await fetch(`${server.base}/invites/nothing.ics`, { headers: { cookie } });
    expect(invite.headers.get('cache-control')).toMatch(/no-store/);
  });
});
